// What users of a command-line tool expect: --version, help for each command, one line per game for R and
// pandas (--jsonl, --csv with a byte-order mark and no formulas), and `redlines new` to start a scenario.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../../src/cli/help.ts'
import { csvCell } from '../../src/cli/game-rows.ts'
import { main } from '../../src/cli/main.ts'
import { loadFolder } from '../support/scenarios.ts'
import { captureOutput } from '../support/capture.ts'

const SCENARIO = 'scenarios/pin-pricks-2021'

async function run(...args: string[]) {
  const out = captureOutput()
  const code = await main(args, out)
  return { code, ...out }
}

describe('version and help', () => {
  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    for (const flag of ['--version', '-V']) {
      const result = await run(flag)
      expect(result.code).toBe(0)
      expect(result.stdout).toEqual([`redlines ${version}`])
    }
  })

  it('every command has its own help, the same from "help COMMAND" and "COMMAND --help"', async () => {
    expect(COMMANDS).toEqual(expect.arrayContaining(['validate', 'simulate', 'batch', 'claims', 'dilemma', 'evidence', 'new']))
    for (const command of COMMANDS) {
      const viaHelp = await run('help', command)
      const viaFlag = await run(command, '--help')
      expect(viaHelp.code, command).toBe(0)
      expect(viaFlag.code, command).toBe(0)
      expect(viaHelp.stdout[0]).toMatch(new RegExp(`^Usage: redlines ${command}\\b`))
      expect(viaFlag.stdout).toEqual(viaHelp.stdout)
    }
    const overview = (await run('--help')).stdout.join('\n')
    for (const command of COMMANDS) expect(overview).toMatch(new RegExp(`^  ${command}\\s`, 'm'))
  })

  it('help for an unknown command is a usage error', async () => {
    const result = await run('help', 'frobnicate')
    expect(result.code).toBe(2)
    expect(result.stderr[0]).toMatch(/help takes one command/)
  })
})

describe('batch, one line per game', () => {
  it('--jsonl: one JSON object per game, in seed order, with outcomes, scores, alignments and incidents', async () => {
    const result = await run('batch', '--scenario', SCENARIO, '--runs', '4', '--seed', '7', '--turns', '3', '--workers', '1', '--jsonl')
    expect(result.code).toBe(0)
    const rows = result.stdout.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(rows.map((row) => row.seed)).toEqual([7, 8, 9, 10])
    for (const row of rows) {
      expect(row).toMatchObject({
        turns: 3,
        armedClash: expect.any(Boolean),
        rigidBlocs: expect.any(Boolean),
        incidents: expect.any(Number),
      })
      expect(row['score.united-states']).toEqual(expect.any(Number))
      expect(row['alignment.CHN-RUS']).toEqual(expect.any(Number))
      expect(Object.keys(row).filter((key) => key.startsWith('alignment.'))).toHaveLength(28)
    }
  })

  it('--csv: a byte-order mark, a header and one row per game, the same numbers as --jsonl', async () => {
    const args = ['batch', '--scenario', SCENARIO, '--runs', '3', '--turns', '2', '--workers', '1']
    const csv = (await run(...args, '--csv')).stdout.join('\n')
    const jsonl = (await run(...args, '--jsonl')).stdout.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(csv.startsWith('\uFEFFseed,turns,')).toBe(true)
    const [header, ...rows] = csv.slice(1).split('\r\n')
    expect(rows).toHaveLength(3)
    const columns = header.split(',')
    expect(columns).toEqual(Object.keys(jsonl[0]))
    rows.forEach((row, k) => expect(row.split(',')).toEqual(columns.map((column) => String(jsonl[k][column]))))
  })

  it('a CSV cell is never a formula, and quotes what must be quoted', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-cmd')).toBe("'-cmd")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell(-0.5)).toBe('-0.5')
  })

  it('takes one output form only, as a usage error before reading anything', async () => {
    const result = await run('batch', '--scenario', '/nonexistent', '--runs', '2', '--csv', '--jsonl')
    expect(result.code).toBe(2)
    expect(result.stderr[0]).toMatch(/one of --json, --jsonl and --csv/)
  })
})

describe('redlines new', () => {
  it('writes a minimal scenario that loads, validates and plays, with its schema beside it', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'redlines-new-'))
    const result = await run('new', 'my-strait', '--in', parent)
    expect(result.code).toBe(0)
    const folder = join(parent, 'my-strait')
    expect(readdirSync(folder).sort()).toEqual(['scenario.json', 'scenario.schema.json', 'sources'])
    const loaded = loadFolder(folder)
    expect(loaded.file.actions).toHaveLength(1)
    expect(loaded.file.rules).toHaveLength(1)
    expect(loaded.file.sources).toHaveLength(1)
    expect(loaded.file.$schema).toBe('./scenario.schema.json')
    expect((await run('validate', folder)).code).toBe(0)
    const played = await run('simulate', '--scenario', folder, '--turns', '2', '--json')
    expect(played.code).toBe(0)
  })

  it('never overwrites, and refuses a name that cannot be an id', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'redlines-new-'))
    expect((await run('new', 'twice', '--in', parent)).code).toBe(0)
    const again = await run('new', 'twice', '--in', parent)
    expect(again.code).toBe(1)
    expect(again.stderr.join('\n')).toMatch(/already exists: nothing was written/)
    const bad = await run('new', 'My Strait', '--in', parent)
    expect(bad.code).toBe(2)
    expect(bad.stderr[0]).toMatch(/cannot name a scenario/)
  })
})
