// How long `redlines` takes to start and answer, as a child process the way a person or a script runs it:
// `--version`, and `validate` of the shipped scenario, beside a bare `node -e 0` (the floor: Node's own start),
// each the median of 11 runs and as a ratio to the bare start. The three are run in turn within each round, so
// that a machine busy with other work slows all three alike and the ratios stay fair.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { freshBuild } from '../../src/cli/built-command.mjs'

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const RUNS = 11

const COMMANDS = {
  nodeBare: ['-e', '0'],
  version: ['src/cli/redlines.mjs', '--version'],
  validate: ['src/cli/redlines.mjs', 'validate', 'scenarios/pin-pricks-2021'],
} as const

function runMs(args: readonly string[]): number {
  const start = performance.now()
  const result = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, stdio: 'ignore' })
  const ms = performance.now() - start
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}`)
  return ms
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

export function commandStartFigures(): Record<string, number> {
  // The figures are those of the build (npm run build:cli), made fresh here as `npm install` makes it.
  const build = spawnSync(process.execPath, ['src/cli/build-cli.mjs'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`the command did not build: ${build.stderr}`)
  const fresh = freshBuild(PROJECT_ROOT, `${PROJECT_ROOT}out/cli`)
  if (!fresh.entry) console.error(`command start: measuring the sources through tsx, not the build (${fresh.reason})`)
  const times = { nodeBare: [] as number[], version: [] as number[], validate: [] as number[] }
  // One unmeasured round first: the files' first reads from disk are no part of a start.
  for (const args of Object.values(COMMANDS)) runMs(args)
  for (let k = 0; k < RUNS; k++) for (const [name, args] of Object.entries(COMMANDS)) times[name as keyof typeof times].push(runMs(args))
  const nodeBareMs = median(times.nodeBare)
  const versionMs = median(times.version)
  const validateMs = median(times.validate)
  const round = (value: number, digits = 1) => Number(value.toFixed(digits))
  return {
    nodeBareMs: round(nodeBareMs),
    versionMs: round(versionMs),
    validateMs: round(validateMs),
    versionToNodeBare: round(versionMs / nodeBareMs, 2),
    validateToNodeBare: round(validateMs / nodeBareMs, 2),
  }
}
