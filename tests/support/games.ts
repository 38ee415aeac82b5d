// Test helpers for whole games: many seeds of one scripted policy, and small statistics.
import type { Choice, CompiledScenario, GameRecord, Seats } from '../../src/engine/index.ts'
import { playGame } from '../../src/engine/index.ts'

/** No computer players: every actor not scripted passes. */
export const NOBODY: Seats = { computer: new Set(), difficulty: 'normal' }

export const seedsUpTo = (count: number) => Array.from({ length: count }, (_, k) => k + 1)

export const mean = (values: readonly number[]) => (values.length === 0 ? NaN : values.reduce((sum, v) => sum + v, 0) / values.length)

/**
 * Plays the same choices every turn (or the choices a function gives for a turn) over many seeds,
 * with nobody else acting unless `seats` says so. Throws if a scripted choice is ever rejected,
 * so that a mistyped arm cannot quietly turn into the quiet baseline.
 */
export function playArm(
  scn: CompiledScenario,
  seeds: readonly number[],
  turns: number,
  choices: readonly Choice[] | ((turn: number) => readonly Choice[]),
  seats: Seats = NOBODY,
): GameRecord[] {
  return seeds.map((seed) => {
    const record = playGame(scn, {
      seed,
      turns,
      ledger: false,
      seats,
      script: (turn) => ({ choices: typeof choices === 'function' ? choices(turn) : choices, actors: [] }),
    })
    for (const [k, { plan }] of record.turns.entries()) {
      const scripted = plan.rejected.filter((r) => !seats.computer.has(r.choice.actor))
      if (scripted.length > 0) throw new Error(`seed ${seed}, turn ${k + 1}: scripted choice rejected: ${JSON.stringify(scripted)}`)
    }
    return record
  })
}
