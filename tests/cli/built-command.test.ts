// The command built to JavaScript (out/cli, build-cli.mjs): the same bytes out as the TypeScript sources
// through tsx, and run only while no source it was made from has changed.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshBuild, MANIFEST } from '../../src/cli/built-command.mjs'

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

  it('lists the project files it was made from, the engine among them, and counts as fresh', () => {
    const manifest = JSON.parse(readFileSync(join(BUILD, MANIFEST), 'utf8')) as { inputs: string[] }
    expect(manifest.inputs).toContain('src/cli/main.ts')
    expect(manifest.inputs).toContain('src/engine/game.ts')
    expect(manifest.inputs.filter((input) => input.startsWith('node_modules/'))).toEqual([])
    expect(freshBuild(process.cwd(), BUILD)).toEqual({ entry: pathToFileURL(join(process.cwd(), BUILD, 'redlines.js')).href, reason: null })
  })
})

describe('freshBuild', () => {
  function fakeProject(): { root: string; build: string } {
    const root = mkdtempSync(join(tmpdir(), 'redlines-build-'))
    const build = join(root, 'out', 'cli')
    mkdirSync(join(root, 'src'), { recursive: true })
    mkdirSync(build, { recursive: true })
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1\n')
    writeFileSync(join(build, 'redlines.js'), '')
    const startedMs = Date.now() + 1000
    utimesSync(join(root, 'src', 'a.ts'), new Date(startedMs - 5000), new Date(startedMs - 5000))
    writeFileSync(join(build, MANIFEST), JSON.stringify({ startedMs, entry: 'redlines.js', inputs: ['src/a.ts'] }))
    return { root, build }
  }

  it('takes a build whose inputs are all older than its start', () => {
    const { root, build } = fakeProject()
    expect(freshBuild(root, build)).toEqual({ entry: pathToFileURL(join(build, 'redlines.js')).href, reason: null })
  })

  it('refuses a build when an input changed after it, or is gone', () => {
    const { root, build } = fakeProject()
    const later = new Date(Date.now() + 60_000)
    utimesSync(join(root, 'src', 'a.ts'), later, later)
    expect(freshBuild(root, build)).toEqual({ entry: null, reason: 'src/a.ts changed after the build' })
    rmSync(join(root, 'src', 'a.ts'))
    expect(freshBuild(root, build)).toEqual({ entry: null, reason: 'src/a.ts is gone since the build' })
  })

  it('refuses a missing or malformed manifest', () => {
    const { root, build } = fakeProject()
    writeFileSync(join(build, MANIFEST), '{"inputs": 3}')
    expect(freshBuild(root, build).reason).toMatch(/is not a build manifest$/)
    rmSync(join(build, MANIFEST))
    expect(freshBuild(root, build).reason).toMatch(/^there is no build in /)
  })
})
