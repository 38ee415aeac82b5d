// The command reads only what it needs and checks what it can before reading anything (issue 10, finding 7):
// validate of one scenario opens no sibling folder but its base chain; wrong flags are a usage error (exit 2)
// before the disk is touched; a link, FIFO or folder as scenario.json is called what it is; a script's JSON
// errors give line:column, and an actor key "__proto__" is refused rather than dropped.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { captureOutput } from '../support/capture.ts'
import { ROOT } from '../support/scenarios.ts'

// Every path the command hands to the file system, in order.
const disk = vi.hoisted(() => ({ touched: [] as string[] }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  const wrapped: Record<string, unknown> = { ...real }
  for (const name of ['readFile', 'readdir', 'stat', 'lstat', 'open', 'opendir', 'realpath', 'access'] as const) {
    const original = real[name] as (...args: unknown[]) => unknown
    wrapped[name] = (...args: unknown[]) => {
      disk.touched.push(String(args[0]))
      return original(...args)
    }
  }
  return { ...wrapped, default: wrapped }
})

const MINIMAL = join(ROOT, 'tests/fixtures/scenarios/minimal')
const DOVE = join(ROOT, 'tests/fixtures/extensions/dove')
const PIN_PRICKS = join(ROOT, 'scenarios/pin-pricks-2021')

async function run(...args: string[]) {
  const out = captureOutput()
  const code = await main(args, out)
  return { code, ...out }
}

const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix))

const savedUserData = process.env.REDLINES_USER_DATA_DIR
beforeEach(() => {
  process.env.REDLINES_USER_DATA_DIR = tempDir('redlines-checks-user-')
  disk.touched.length = 0
})
afterEach(() => {
  if (savedUserData === undefined) delete process.env.REDLINES_USER_DATA_DIR
  else process.env.REDLINES_USER_DATA_DIR = savedUserData
})

/** A folder holding `minimal` and many valid sibling scenarios ("sibling-N", each with its own id). */
function folderWithSiblings(count: number): string {
  const parent = tempDir('redlines-siblings-')
  cpSync(MINIMAL, join(parent, 'minimal'), { recursive: true })
  const text = readFileSync(join(MINIMAL, 'scenario.json'), 'utf8')
  for (let n = 1; n <= count; n++) {
    const folder = join(parent, `sibling-${n}`)
    mkdirSync(join(folder, 'sources'), { recursive: true })
    writeFileSync(join(folder, 'scenario.json'), text.replace('"id": "minimal"', `"id": "sibling-${n}"`))
    cpSync(join(MINIMAL, 'sources'), join(folder, 'sources'), { recursive: true })
  }
  return parent
}

const siblingsTouched = () => disk.touched.filter((path) => path.includes(`${sep}sibling-`))

describe('validate reads only the scenario and its base chain', () => {
  it('a scenario that extends nothing: no sibling folder is listed or read', async () => {
    const parent = folderWithSiblings(20)
    const result = await run('validate', join(parent, 'minimal'))
    expect(result.stderr.at(-1)).toMatch(/: valid \(minimal 1\.0\.0\)/)
    expect(result.code).toBe(0)
    expect(siblingsTouched()).toEqual([])
    expect(disk.touched.filter((path) => path === parent)).toEqual([])
  })

  it('an extension: its base, found by its folder name, and nothing else', async () => {
    const parent = folderWithSiblings(20)
    cpSync(DOVE, join(parent, 'dove'), { recursive: true })
    const result = await run('validate', join(parent, 'dove'))
    expect(result.stderr.at(-1)).toMatch(/: valid \(dove 1\.0\.0\)/)
    expect(result.code).toBe(0)
    expect(disk.touched.some((path) => path.startsWith(join(parent, 'minimal')))).toBe(true)
    expect(siblingsTouched()).toEqual([])
  })

  it('a base in a folder named otherwise is still found among the siblings, and a missing one still gets a hint', async () => {
    const parent = tempDir('redlines-siblings-')
    cpSync(MINIMAL, join(parent, 'straits'), { recursive: true })
    cpSync(DOVE, join(parent, 'dove'), { recursive: true })
    expect((await run('validate', join(parent, 'dove'))).code).toBe(0)
    const missing = join(parent, 'lost')
    mkdirSync(missing)
    writeFileSync(
      join(missing, 'scenario.json'),
      readFileSync(join(DOVE, 'scenario.json'), 'utf8')
        .replace('"id": "minimal"', '"id": "minimall"')
        .replace('"id": "dove"', '"id": "lost"'),
    )
    const result = await run('validate', missing)
    expect(result.code).toBe(1)
    expect(result.stdout.join('\n')).toMatch(/minimall[\s\S]*did you mean "minimal"/)
  })
})

describe('flags are checked before the disk is touched', () => {
  it.each([
    [['batch', '--scenario', '/nonexistent', '--runs', '0'], /--runs must be between 1 and/],
    [['batch', '--scenario', '/nonexistent'], /--runs <N> is required/],
    [['batch', '--scenario', '/nonexistent', '--runs', '5', '--workers', '0'], /--workers must be between 1 and 64/],
    [['batch', '--scenario', '/nonexistent', '--runs', '5', '--difficulty', 'insane'], /--difficulty must be one of/],
    [['batch', '--scenario', '/nonexistent', '--runs', '5', '--turns', 'ten'], /--turns must be a whole number/],
    [['simulate', '--scenario', '/nonexistent', '--seed', 'abc'], /--seed must be a whole number/],
    [['simulate', '--scenario', '/nonexistent', '--others', 'human'], /--others must be "ai" or "none"/],
    [['simulate', '--scenario', '/nonexistent', '--turns', '0'], /--turns must be between 1 and/],
    [['dilemma', '--scenario', '/nonexistent', '--runs', '0'], /--runs must be between 1 and/],
    [['claims', '--scenario', '/nonexistent', '--lens', 'values', '--runs', '1'], /--runs must be between 2 and/],
    [['dilemma', '--scenario', '/nonexistent', '--lens', 'values', '--seed', 'x'], /--seed must be a whole number/],
  ])('%j: exit 2 and one clear line, nothing read', async (args, message) => {
    const result = await run(...args)
    expect(result.code).toBe(2)
    expect(result.stderr[0]).toMatch(message)
    expect(disk.touched).toEqual([])
  })

  it('a missing scenario with good flags is still exit 1', async () => {
    const result = await run('batch', '--scenario', '/nonexistent', '--runs', '3')
    expect(result.code).toBe(1)
    expect(result.stderr).toEqual(['redlines: /nonexistent: no such file or folder'])
  })
})

describe('scenario.json that is not a plain file is called what it is', () => {
  const folderWith = (make: (path: string) => void) => {
    const folder = tempDir('redlines-main-file-')
    make(join(folder, 'scenario.json'))
    return folder
  }

  it('a link', async () => {
    const folder = folderWith((path) => symlinkSync(join(MINIMAL, 'scenario.json'), path))
    const result = await run('validate', folder)
    expect(result.code).toBe(1)
    expect(result.stdout).toEqual([expect.stringMatching(/scenario\.json: (it )?is a link/)])
    expect(result.stdout[0]).not.toMatch(/no such file/)
  })

  it('a FIFO, without blocking', async () => {
    const folder = folderWith((path) => execFileSync('mkfifo', [path]))
    const result = await run('validate', folder)
    expect(result.code).toBe(1)
    expect(result.stdout).toEqual([expect.stringMatching(/scenario\.json: (it )?is a named pipe \(FIFO\)/)])
  })

  it('a folder', async () => {
    const folder = folderWith((path) => mkdirSync(path))
    const result = await run('validate', folder)
    expect(result.code).toBe(1)
    expect(result.stdout).toEqual([expect.stringMatching(/scenario\.json: (it )?is a folder/)])
  })

  it('missing is still "no such file"', async () => {
    const result = await run('validate', tempDir('redlines-main-file-'))
    expect(result.stdout).toEqual([expect.stringMatching(/scenario\.json: no such file/)])
  })
})

describe('--script', () => {
  const script = (text: string) => {
    const path = join(tempDir('redlines-script-'), 'script.json')
    writeFileSync(path, text)
    return path
  }

  it('a JSON error names the line and column', async () => {
    const path = script('{\n  "turns": {\n    "1": { "USA": [ { "action": "sanctions", } ] }\n  }\n}\n')
    const result = await run('simulate', '--scenario', PIN_PRICKS, '--turns', '1', '--script', path)
    expect(result.code).toBe(1)
    expect(result.stderr.join('\n')).toMatch(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: error: .*trailing comma`))
  })

  it('an actor key "__proto__" is refused with its place, not dropped', async () => {
    const path = script('{ "turns": { "1": {\n  "__proto__": [ { "action": "sanctions", "targets": ["RUS"] } ] } } }\n')
    const result = await run('simulate', '--scenario', PIN_PRICKS, '--turns', '1', '--script', path, '--others', 'none')
    expect(result.code).toBe(1)
    expect(result.stderr.join('\n')).toMatch(/script\.json:2:3: error: key "__proto__" is not allowed/)
  })

  it('a good script with a byte-order mark still plays', async () => {
    const path = script(`\uFEFF${JSON.stringify({ turns: { 1: { USA: [{ action: 'sanctions', targets: ['RUS'] }] } } })}`)
    const result = await run('simulate', '--scenario', PIN_PRICKS, '--turns', '1', '--script', path, '--others', 'none', '--json')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout[0]).turns[0].choices).toEqual([{ actor: 'USA', action: 'sanctions', targets: ['RUS'] }])
  })
})
