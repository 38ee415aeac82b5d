// How long `redlines` takes to start and answer, as a child process the way a person or a script runs it:
// `--version`, and `validate` of the shipped scenario; each the median of 10 runs, beside a bare `node -e 0`
// measured in the same run (the floor: Node's own start), and as a ratio to it.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { freshBuild } from '../../src/cli/built-command.mjs'

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const RUNS = 10

function medianMs(args: string[]): number {
  const times: number[] = []
  for (let k = 0; k < RUNS; k++) {
    const start = performance.now()
    const result = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, stdio: 'ignore' })
    times.push(performance.now() - start)
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}`)
  }
  times.sort((a, b) => a - b)
  return (times[RUNS / 2 - 1] + times[RUNS / 2]) / 2
}

export function commandStartFigures(): Record<string, number> {
  // The figures are those of the build (npm run build:cli), made fresh here as `npm install` makes it.
  const build = spawnSync(process.execPath, ['src/cli/build-cli.mjs'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`the command did not build: ${build.stderr}`)
  const fresh = freshBuild(PROJECT_ROOT, `${PROJECT_ROOT}out/cli`)
  if (!fresh.entry) console.error(`command start: measuring the sources through tsx, not the build (${fresh.reason})`)
  const nodeBareMs = medianMs(['-e', '0'])
  const versionMs = medianMs(['src/cli/redlines.mjs', '--version'])
  const validateMs = medianMs(['src/cli/redlines.mjs', 'validate', 'scenarios/pin-pricks-2021'])
  const round = (value: number, digits = 1) => Number(value.toFixed(digits))
  return {
    nodeBareMs: round(nodeBareMs),
    versionMs: round(versionMs),
    validateMs: round(validateMs),
    versionToNodeBare: round(versionMs / nodeBareMs, 2),
    validateToNodeBare: round(validateMs / nodeBareMs, 2),
  }
}
