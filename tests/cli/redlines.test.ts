// The `redlines` command, in process (fast) and as a real process for what only a process shows.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, cpSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { schemaText } from '../../src/cli/schema-text.ts'
import { captureOutput } from '../support/capture.ts'

const SCENARIO = 'scenarios/pin-pricks-2021'

async function run(...args: string[]) {
  const out = captureOutput()
  const code = await main(args, out)
  return { code, ...out }
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'redlines-cli-'))
}

describe('redlines validate', () => {
  it('accepts every shipped scenario with exit 0', async () => {
    const folders = readdirSync('scenarios', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join('scenarios', d.name))
    expect(folders.length).toBeGreaterThan(0)
    const result = await run('validate', ...folders)
    expect(result.stdout.filter((line) => line.includes(': error:'))).toEqual([])
    expect(result.code).toBe(0)
  })

  it('reports every problem of a broken copy, one per line, with exit 1', async () => {
    const dir = tempDir()
    cpSync(SCENARIO, dir, { recursive: true })
    const file = join(dir, 'scenario.json')
    const text = readFileSync(file, 'utf8')
      .replace('"id": "pin-pricks-2021"', '"id": "Pin Pricks"')
      .replace('the strongest, closest and best relationship', 'the warmest relationship')
    writeFileSync(file, text)
    const result = await run('validate', dir)
    expect(result.code).toBe(1)
    const errors = result.stdout.filter((line) => line.includes(': error:'))
    expect(errors.length).toBeGreaterThanOrEqual(2)
    for (const line of errors) expect(line).toMatch(/^.+scenario\.json:\d+:\d+: error: .+ \[\/.*\]/)
    expect(errors.some((line) => line.includes('[/id]'))).toBe(true)
    expect(errors.some((line) => /quote/i.test(line))).toBe(true)
  })

  it('says what is missing for a folder without scenario.json', async () => {
    const result = await run('validate', tempDir())
    expect(result.code).toBe(1)
    expect(result.stdout.join('\n')).toMatch(/scenario\.json: no such file/)
  })

  it('exits 2 without arguments', async () => {
    const result = await run('validate')
    expect(result.code).toBe(2)
    expect(result.stderr[0]).toMatch(/^redlines: validate needs/)
  })
})

describe('redlines simulate', () => {
  it('prints readable turn summaries and an outcome', async () => {
    const result = await run('simulate', '--scenario', SCENARIO, '--seed', '3', '--turns', '4')
    expect(result.code).toBe(0)
    const text = result.stdout.join('\n')
    for (const turn of [1, 2, 3, 4]) expect(text).toContain(`Turn ${turn} (`)
    expect(text).toMatch(/Outcome: /)
  })

  it('prints one JSON document with the documented shape', async () => {
    const result = await run('simulate', '--scenario', SCENARIO, '--seed', '5', '--turns', '3', '--json')
    expect(result.code).toBe(0)
    expect(result.stdout).toHaveLength(1)
    const doc = JSON.parse(result.stdout[0])
    expect(doc.scenario).toMatchObject({
      id: 'pin-pricks-2021',
      version: expect.any(String),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    expect(doc.seed).toBe(5)
    expect(doc.turns).toHaveLength(3)
    const turn = doc.turns[0]
    expect(turn).toMatchObject({ turn: 1, date: '2021-12' })
    expect(typeof turn.state.alignment.CHN.RUS).toBe('number')
    expect(turn.state.alignment.CHN.RUS).toBe(turn.state.alignment.RUS.CHN)
    expect(typeof turn.state.tension.JPN.CHN).toBe('number')
    expect(typeof turn.state.readiness.CHN).toBe('number')
    expect(turn.state.ladder).toMatchObject({ rung: expect.any(Number), name: expect.any(String) })
    expect(turn.state.blocs).toHaveLength(2)
    expect(turn.state.rigidity).toBeGreaterThanOrEqual(0)
    expect(typeof turn.state.impasse).toBe('boolean')
    expect(Object.keys(turn.state.scores).length).toBeGreaterThan(0)
    expect(turn.ledger.length).toBeGreaterThan(0)
    for (const entry of turn.ledger) {
      for (const key of ['step', 'cause', 'citations', 'variable', 'actors', 'before', 'delta', 'after']) expect(entry).toHaveProperty(key)
      if (entry.variable === 'alignment' || entry.variable === 'tension') expect(entry.actors).toHaveLength(2)
    }
    expect(doc.outcome).toMatchObject({ reason: expect.any(String) })
  })

  it('plays a script exactly, with the others passing', async () => {
    const dir = tempDir()
    const script = join(dir, 'script.json')
    writeFileSync(script, JSON.stringify({ turns: { 1: { USA: [{ action: 'sanctions', targets: ['RUS'] }] } } }))
    const result = await run('simulate', '--scenario', SCENARIO, '--turns', '2', '--script', script, '--others', 'none', '--json')
    expect(result.code).toBe(0)
    const doc = JSON.parse(result.stdout[0])
    expect(doc.turns[0].choices).toEqual([{ actor: 'USA', action: 'sanctions', targets: ['RUS'] }])
    expect(doc.turns[1].choices).toEqual([])
    const causes = new Set(doc.turns[0].ledger.map((e: { cause: string }) => e.cause))
    expect(causes.has('sanctions')).toBe(true)
  })

  it('rejects a script with an unknown action, suggesting the nearest', async () => {
    const dir = tempDir()
    const script = join(dir, 'script.json')
    writeFileSync(script, JSON.stringify({ turns: { 1: { USA: [{ action: 'sanction', targets: ['RUS'] }] } } }))
    const result = await run('simulate', '--scenario', SCENARIO, '--script', script)
    expect(result.code).toBe(1)
    expect(result.stderr.join('\n')).toContain('unknown action "sanction" (did you mean "sanctions"?)')
  })

  it.each([
    [['simulate'], /--scenario <folder> is required/],
    [['simulate', '--scenario', SCENARIO, '--seed', 'abc'], /--seed must be a whole number/],
    [['simulate', '--scenario', SCENARIO, '--turns', '0'], /--turns must be between 1 and/],
    [['simulate', '--scenario', SCENARIO, '--difficulty', 'insane'], /--difficulty must be one of easy, normal, hard/],
    [['simulate', '--scenario', SCENARIO, '--others', 'human'], /--others must be "ai" or "none"/],
    [['simulate', '--scenario', SCENARIO, '--colour'], /Unknown option '--colour'/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('wrong usage %j gives one clear line and exit 2', async (args, message) => {
    const result = await run(...args)
    expect(result.code).toBe(2)
    expect(result.stderr[0]).toMatch(message)
    expect(result.stderr.join('\n')).not.toMatch(/\n\s+at /)
  })

  it('gives exit 1 and one line for a missing scenario folder', async () => {
    const result = await run('simulate', '--scenario', 'no/such/folder')
    expect(result.code).toBe(1)
    expect(result.stderr).toEqual(['redlines: no/such/folder: no such file or folder'])
  })
})

describe('redlines schema', () => {
  it('matches the committed scenarios/scenario.schema.json (run `npm run schema` when it is stale)', () => {
    expect(readFileSync('scenarios/scenario.schema.json', 'utf8')).toBe(schemaText())
  })

  it('is named by $schema in every shipped scenario', () => {
    for (const dir of readdirSync('scenarios', { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const scenario = JSON.parse(readFileSync(join('scenarios', dir.name, 'scenario.json'), 'utf8'))
      expect(scenario.$schema).toBe('../scenario.schema.json')
    }
  })
})

describe('redlines as a process', () => {
  const node = process.execPath
  it('gives byte-identical --json output for the same scenario, seed and choices', () => {
    const args = ['src/cli/redlines.mjs', 'simulate', '--scenario', SCENARIO, '--seed', '11', '--turns', '6', '--json']
    const first = execFileSync(node, args)
    const second = execFileSync(node, args)
    expect(first.length).toBeGreaterThan(1000)
    expect(Buffer.compare(first, second)).toBe(0)
  })

  it('runs a batch on worker threads with the same result for 1 and 2 workers', () => {
    const args = ['src/cli/redlines.mjs', 'batch', '--scenario', SCENARIO, '--runs', '12', '--seed', '4', '--turns', '6', '--json']
    const one = spawnSync(node, [...args, '--workers', '1'], { encoding: 'utf8' })
    const two = spawnSync(node, [...args, '--workers', '2'], { encoding: 'utf8' })
    expect(one.status).toBe(0)
    expect(two.status).toBe(0)
    expect(JSON.parse(one.stdout)).toEqual(JSON.parse(two.stdout))
    const summary = JSON.parse(one.stdout)
    expect(summary.runs).toBe(12)
    for (const share of Object.values<number>(summary.outcomes)) expect(share).toBeGreaterThanOrEqual(0)
    expect(summary.pair).toEqual(['CHN', 'RUS'])
    expect(Object.keys(summary.meanScores)).toHaveLength(8)
    expect(two.stderr).toMatch(/12\/12/)
  })

  it('prints no stack trace for a bad scenario', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'scenario.json'), '{ "id": ')
    const result = spawnSync(node, ['src/cli/redlines.mjs', 'simulate', '--scenario', dir], { encoding: 'utf8' })
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/scenario\.json:1:\d+: error: /)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('redlines batch with a classroom script', () => {
  it('plays the script with the others passing, and double containment polarises the blocs more than quiet', async () => {
    const summary = async (script: string) => {
      const result = await run(
        'batch',
        '--scenario',
        SCENARIO,
        '--runs',
        '16',
        '--workers',
        '1',
        '--script',
        `${SCENARIO}/scripts/${script}.json`,
        '--others',
        'none',
        '--json',
      )
      expect(result.code).toBe(0)
      return JSON.parse(result.stdout[0])
    }
    const quiet = await summary('quiet')
    const contained = await summary('double-containment')
    expect(quiet.others).toBe('none')
    expect(contained.meanPairAlignment).toBeGreaterThan(quiet.meanPairAlignment)
    expect(contained.meanRigidity).toBeGreaterThan(quiet.meanRigidity)
  })
})

describe('redlines validate on a file', () => {
  it('names the file the user gave, not scenario.json', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'draft.json'), '{\n  "id": \n')
    const result = await run('validate', join(dir, 'draft.json'))
    expect(result.code).toBe(1)
    expect(result.stdout[0]).toMatch(new RegExp(`^${join(dir, 'draft.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: `))
  })
})

describe('redlines dilemma', () => {
  it('prints every role with its policies, the mutual arms and the summary; --json has the same figures', async () => {
    const text = await run('dilemma', '--scenario', SCENARIO, '--runs', '2', '--turns', '3')
    expect(text.code).toBe(0)
    expect(text.stdout[0]).toMatch(/^Pin Pricks: 2 seeds from seed 1, 3 turns, computer players at normal, [\d.]+ s$/)
    for (const actor of ['USA', 'CHN', 'RUS', 'JPN', 'KOR', 'AUS', 'GBR', 'IND'])
      expect(text.stdout.some((line) => line.startsWith(`${actor} (`))).toBe(true)
    const summary = text.stdout.find((line) => line.startsWith('A firm policy outscores passing for '))!
    expect(summary).toMatch(
      /for \d of 8 roles; mutual restraint beats mutual hostility for \d of 8; the best policy depends on the situation for \d of 8\.$/,
    )
    const json = await run('dilemma', '--scenario', SCENARIO, '--runs', '2', '--turns', '3', '--json')
    expect(json.code).toBe(0)
    const report = JSON.parse(json.stdout[0])
    expect(report.runs).toBe(2)
    expect(report.roles).toHaveLength(8)
    expect(summary).toContain(
      `for ${report.summary.firmPays} of 8 roles; mutual restraint beats mutual hostility for ${report.summary.restraintBetter} of 8`,
    )
    const usa = report.roles.find((role: { actor: string }) => role.actor === 'USA')
    expect(usa.policies.map((p: { policy: string }) => p.policy)).toEqual([
      'pass',
      'usa-engage',
      'usa-talks',
      'usa-quad',
      'usa-sanctions',
      'usa-contain',
    ])
  })

  it('refuses bad flags with exit 2', async () => {
    expect((await run('dilemma', '--scenario', SCENARIO, '--runs', '0')).code).toBe(2)
    expect((await run('dilemma', '--scenario', SCENARIO, '--lens', 'marxist')).code).toBe(2)
    expect((await run('dilemma')).code).toBe(2)
  })
})
