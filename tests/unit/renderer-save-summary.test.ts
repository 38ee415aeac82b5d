// The Load screen's line about a save: scenario, powers, turn, score and date, all from the save's data,
// the score from its state replayed on its own rules; a save whose rules are gone still lists.
import { describe, expect, it } from 'vitest'
import { playGame } from '../../src/engine/index.ts'
import { formatSavedAt, summariseSave, summaryLine } from '../../src/renderer/session/save-summary.ts'
import type { SavePayload } from '../../src/shared/save-format.ts'
import { defaultScenario } from '../support/scenarios.ts'

const scn = defaultScenario()
const ZERO_HASH = '0'.repeat(64)

function payloadOf(
  turnsPlayed: number,
  humans: string[],
  turnLimit = 12,
): { payload: SavePayload; final: ReturnType<typeof playGame>['final'] } {
  // The computer plays every power, the humans' too: a save records only the orders carried out.
  const seats = { computer: new Set(scn.actorIds), difficulty: 'easy' as const }
  const record = playGame(scn, { seed: 11, turns: turnLimit, seats, ledger: false })
  const turns = record.turns.slice(0, turnsPlayed)
  const payload: SavePayload = {
    name: 'pin-pricks-turn-3',
    savedAt: '2026-12-02T04:40:00.000Z',
    appVersion: '0.2.0',
    scenario: { id: scn.file.id, version: scn.file.version, hash: ZERO_HASH, origin: 'shipped', folder: 'pin-pricks-2021' },
    // A save of format 1: orders only, no decisions.
    game: { seed: 11, turnLimit, difficulty: 'easy', humans, orders: turns.map((turn) => turn.result.orders) },
    stateHash: ZERO_HASH,
  }
  return { payload, final: turns.length ? turns[turns.length - 1].result.state : record.start }
}

describe('a save on the Load screen', () => {
  it('names the scenario, the power, the turn to play, its score and when it was saved', () => {
    const { payload, final } = payloadOf(3, ['USA'])
    const summary = summariseSave(payload, scn)
    const score = Math.round(final.scores[scn.roleByActor.USA.id])
    expect(summary).toEqual({
      scenario: 'Pin Pricks',
      roles: ['United States'],
      turn: 'Turn 4 of 12',
      scores: [{ role: 'United States', score }],
      savedAt: formatSavedAt('2026-12-02T04:40:00.000Z'),
    })
    expect(summaryLine(summary)).toBe(`Pin Pricks · United States · Turn 4 of 12 · score ${score} · saved ${summary.savedAt}`)
    expect(summary.savedAt).toMatch(/2 December 2026/)
  })

  it('gives each power of a hot-seat game its score, and says when the game is over', () => {
    const { payload, final } = payloadOf(2, ['USA', 'CHN'], 2)
    const summary = summariseSave(payload, scn)
    expect(summary.turn).toBe('Over after turn 2 of 2')
    expect(summary.scores).toEqual([
      { role: 'United States', score: Math.round(final.scores[scn.roleByActor.USA.id]) },
      { role: 'China', score: Math.round(final.scores[scn.roleByActor.CHN.id]) },
    ])
    expect(summaryLine(summary)).toContain('United States and China · Over after turn 2 of 2 · scores United States ')
  })

  it('still lists a save whose rules are gone: ids, the turn and the date, and says the score is unknown', () => {
    const { payload } = payloadOf(1, ['JPN'])
    const summary = summariseSave({ ...payload, savedAt: 'not a date' }, null)
    expect(summary).toEqual({ scenario: 'pin-pricks-2021', roles: ['JPN'], turn: 'Turn 2 of 12', scores: null, savedAt: null })
    expect(summaryLine(summary)).toBe('pin-pricks-2021 · JPN · Turn 2 of 12 · score unknown (its rules are not available)')
  })
})
