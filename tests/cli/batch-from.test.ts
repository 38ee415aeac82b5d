// `redlines batch --from SAVE`: the game's "What could happen?" from the command (issue 11, part 3). Its
// numbers are the engine's whatCouldHappen for the save's position, plan and N; wrong flags are usage errors.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import type { GameSetup, Match } from '../../src/engine/index.ts'
import { advanceMatch, newMatch, recordOf, stateHash, whatCouldHappen } from '../../src/engine/index.ts'
import { encodeSave } from '../../src/renderer/session/save-codec.ts'
import type { SavePayload } from '../../src/shared/save-format.ts'
import { captureOutput } from '../support/capture.ts'
import { defaultScenario } from '../support/scenarios.ts'

const scn = defaultScenario()
const folder = mkdtempSync(join(tmpdir(), 'redlines-batch-from-'))
process.env.REDLINES_USER_DATA_DIR = join(folder, 'user-data')

function played(setup: GameSetup, turns: number): Match {
  let match = newMatch(scn, setup)
  for (let k = 0; k < turns; k++) match = advanceMatch(scn, match, { choices: [], agreed: [] })
  return match
}

function saveOf(match: Match, name: string): string {
  const payload: SavePayload = {
    name,
    savedAt: '2026-01-01T00:00:00.000Z',
    appVersion: '0.2.0',
    scenario: { id: scn.id, version: scn.version, hash: scn.hash, origin: 'shipped', folder: 'pin-pricks-2021' },
    game: recordOf(match),
    stateHash: stateHash(match.state),
  }
  const path = join(folder, `${name}.json`)
  writeFileSync(path, encodeSave(payload))
  return path
}

const setup: GameSetup = { seed: 41, turnLimit: 5, humans: ['USA'], difficulty: 'normal' }
const match = played(setup, 2)
const SAVE = saveOf(match, 'two-turns')

async function run(...args: string[]) {
  const out = captureOutput()
  const code = await main(args, out)
  return { code, ...out }
}

describe('redlines batch --from', () => {
  it('prints exactly what the engine (and so the game) computes for the same position, plan and N', async () => {
    const result = await run('batch', '--from', SAVE, '--games', '4', '--choose', 'USA=sanctions:RUS', '--json')
    expect(result.code).toBe(0)
    const doc = JSON.parse(result.stdout[0]) as Record<string, unknown>
    const expected = whatCouldHappen(scn, match, { actor: 'USA', choices: [{ actor: 'USA', action: 'sanctions', targets: ['RUS'] }] }, 4)
    const { actor, games, fromTurn, plan, passing } = doc
    expect({ actor, games, fromTurn, plan, passing }).toEqual(expected)
    expect(doc.fromTurn).toBe(3)
    expect(doc.planned).toEqual([{ actor: 'USA', action: 'sanctions', targets: ['RUS'] }])
    expect(result.stderr.at(-1)).toBe('progress 8/8')
  })

  it('with no --choose, compares the first player passing with passing, and prints a table', async () => {
    const result = await run('batch', '--from', SAVE, '--games', '3')
    expect(result.code).toBe(0)
    const text = result.stdout.join('\n')
    expect(text).toMatch(/from turn 3; 3 games to the end each way/)
    expect(text).toMatch(/Plan of USA: passing/)
    for (const row of ['rigid blocs', 'impasse', 'quasi-alliance', 'armed clash', 'score USA', 'score CHN']) expect(text).toContain(row)
    const expected = whatCouldHappen(scn, match, { actor: 'USA', choices: [] }, 3)
    expect(text).toContain(
      `${expected.passing.scores['united-states'].mean.toFixed(1)} ± ${expected.passing.scores['united-states'].spread.toFixed(1)}`,
    )
  })

  it('reads a save with per-power levels and plays the computer at them', async () => {
    const levelled = played({ ...setup, levels: { RUS: 'easy' } }, 1)
    const result = await run('batch', '--from', saveOf(levelled, 'levels'), '--games', '2', '--json')
    expect(result.code).toBe(0)
    const doc = JSON.parse(result.stdout[0]) as { passing: unknown }
    expect(doc.passing).toEqual(whatCouldHappen(scn, levelled, { actor: 'USA', choices: [] }, 2).passing)
  })

  it('refuses flags that do not apply, before reading the save', async () => {
    const cases: [string[], RegExp][] = [
      [['--runs', '5'], /--runs cannot be used with --from: use --games N/],
      [['--seed', '5'], /--seed cannot be used with --from/],
      [['--games', '0'], /--games must be between 1 and 10000/],
      [['--choose', 'USA'], /--choose "USA": expected ROLE=action/],
    ]
    for (const [flags, message] of cases) {
      const result = await run('batch', '--from', join(folder, 'missing.json'), ...flags)
      expect(result.code).toBe(2)
      expect(result.stderr.join('\n')).toMatch(message)
    }
    const noSave = await run('batch', '--scenario', 'x', '--games', '3')
    expect(noSave.code).toBe(2)
    expect(noSave.stderr.join('\n')).toMatch(/--games and --choose need --from/)
  })

  it('refuses a plan of two powers, and a save that is over', async () => {
    const two = await run('batch', '--from', SAVE, '--choose', 'USA=sanctions:RUS', '--choose', 'CHN=pass')
    expect(two.code).toBe(2)
    expect(two.stderr.join('\n')).toMatch(/the plan is one power’s/)
    const over = await run('batch', '--from', saveOf(played({ ...setup, turnLimit: 2 }, 2), 'over'))
    expect(over.code).toBe(1)
    expect(over.stderr.join('\n')).toMatch(/the saved game is over/)
  })
})
