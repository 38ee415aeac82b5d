// The command built to JavaScript (out/cli, build-cli.mjs): the same bytes out as the TypeScript sources
// through tsx, and run only while no source it was made from has changed.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { digestOf, freshBuild, MANIFEST } from '../../src/cli/built-command.mjs'

const SCENARIO = 'scenarios/pin-pricks-2021'
// A build of its own, so the shared out/cli is neither replaced nor trusted here.
const BUILD = `out/cli-test-${process.pid}`

function command(entry: string[], args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [...entry, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const built = (...args: string[]) => command([join(BUILD, 'redlines.js')], args)
const fromSources = (...args: string[]) => command(['src/cli/redlines.mjs'], args, { REDLINES_FROM_SOURCES: '1' })

describe('the built command', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['src/cli/build-cli.mjs', '--outdir', BUILD], { encoding: 'utf8' })
    expect(build.stderr).toBe('')
    expect(build.status).toBe(0)
  }, 120_000)
  afterAll(() => rmSync(BUILD, { recursive: true, force: true }))

  it.each([
    ['--version'],
    ['validate', SCENARIO, 'scenarios/tutorial'],
    ['validate', 'scenarios/no-such-scenario'],
    ['simulate', '--scenario', SCENARIO, '--seed', '7', '--json'],
    ['batch', '--scenario', SCENARIO, '--runs', '24', '--seed', '3', '--workers', '2', '--json'],
  ])('redlines %s … prints the same bytes and exits the same as from the sources', (...args) => {
    const fast = built(...args)
    const slow = fromSources(...args)
    expect(fast.stdout.length).toBeGreaterThan(0)
    expect(fast.stdout).toBe(slow.stdout)
    expect(fast.stderr).toBe(slow.stderr)
    expect(fast.code).toBe(slow.code)
  })

  it('starts a batch worker without the scenario schema: its code imports no zod', () => {
    // Each worker process loads its code before playing, and zod's schemas take a tenth of a second to build.
    const hasSchema = (file: string) => /\bstrictObject\b/.test(readFileSync(join(BUILD, file), 'utf8'))
    const loaded = new Set<string>()
    const visit = (file: string) => {
      if (loaded.has(file)) return
      loaded.add(file)
      for (const [, imported] of readFileSync(join(BUILD, file), 'utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(imported)
    }
    visit('batch-worker.js')
    expect(loaded.size).toBeGreaterThan(1)
    expect([...loaded].filter(hasSchema)).toEqual([])
    // The command itself does load the schema: the check looks for the right word.
    visit('redlines.js')
    expect([...loaded].some(hasSchema)).toBe(true)
  })

  it('lists the project files it was made from, the engine among them, and counts as fresh', () => {
    const manifest = JSON.parse(readFileSync(join(BUILD, MANIFEST), 'utf8')) as { inputs: Record<string, string> }
    const inputs = Object.keys(manifest.inputs)
    expect(inputs).toContain('src/cli/main.ts')
    expect(inputs).toContain('src/engine/game.ts')
    expect(inputs.filter((input) => input.startsWith('node_modules/'))).toEqual([])
    expect(manifest.inputs['src/cli/main.ts']).toBe(digestOf(readFileSync('src/cli/main.ts')))
    const fresh = freshBuild(process.cwd(), BUILD)
    expect(fresh.reason, 'fresh, unless a source was edited while this test ran').toBeNull()
    expect(fresh.entry).toBe(pathToFileURL(join(process.cwd(), BUILD, 'redlines.js')).href)
  })
})

describe('freshBuild', () => {
  const SOURCE = 'export const a = 1\n'

  function fakeProject(): { root: string; build: string; source: string } {
    const root = mkdtempSync(join(tmpdir(), 'redlines-build-'))
    const build = join(root, 'out', 'cli')
    const source = join(root, 'src', 'a.ts')
    mkdirSync(join(root, 'src'), { recursive: true })
    mkdirSync(build, { recursive: true })
    writeFileSync(source, SOURCE)
    writeFileSync(join(build, 'redlines.js'), '')
    const startedMs = Date.now() - 10_000
    utimesSync(source, new Date(startedMs - 5000), new Date(startedMs - 5000))
    writeFileSync(
      join(build, MANIFEST),
      JSON.stringify({ startedMs, entry: 'redlines.js', inputs: { 'src/a.ts': digestOf(Buffer.from(SOURCE)) } }),
    )
    return { root, build, source }
  }

  it('takes a build whose inputs are untouched since it started', () => {
    const { root, build } = fakeProject()
    expect(freshBuild(root, build)).toEqual({ entry: pathToFileURL(join(build, 'redlines.js')).href, reason: null })
  })

  it('takes it when an input was touched but holds the same bytes (a checkout, an install from the tarball)', () => {
    const { root, build, source } = fakeProject()
    writeFileSync(source, SOURCE)
    expect(freshBuild(root, build).reason).toBeNull()
  })

  it('refuses a build when an input changed after it, or is gone', () => {
    const { root, build, source } = fakeProject()
    writeFileSync(source, 'export const a = 2\n')
    expect(freshBuild(root, build)).toEqual({ entry: null, reason: 'src/a.ts changed after the build' })
    rmSync(source)
    expect(freshBuild(root, build)).toEqual({ entry: null, reason: 'src/a.ts is gone since the build' })
  })

  it('refuses a missing or malformed manifest', () => {
    const { root, build } = fakeProject()
    writeFileSync(join(build, MANIFEST), '{"inputs": ["src/a.ts"], "startedMs": 1, "entry": "redlines.js"}')
    expect(freshBuild(root, build).reason).toMatch(/is not a build manifest$/)
    rmSync(join(build, MANIFEST))
    expect(freshBuild(root, build).reason).toMatch(/^there is no build in /)
  })
})
