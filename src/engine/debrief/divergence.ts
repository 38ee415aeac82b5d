// Where two games of the same scenario and seed part ways: the first turn whose human decisions differ and
// the first turn whose resulting state differs.
import { normaliseChoice } from '../choices.ts'
import type { HumanTurn } from '../game.ts'
import type { Match } from '../match.ts'

export interface Divergence {
  /** The first turn (1-based) whose human decisions differ, among the turns both games played; null if none. */
  firstDecisionTurn: number | null
  /** The first turn after which the states differ, among the turns both games played; null if none. */
  firstStateTurn: number | null
}

/** A human turn as the rules read it: choices, answers, injects and level (rationales are not read by the rules). */
export function decisionKey(turn: HumanTurn): string {
  return JSON.stringify({
    choices: turn.choices.map(normaliseChoice),
    agreed: [...turn.agreed].sort(),
    injects: turn.injects ?? [],
    difficulty: turn.difficulty ?? null,
  })
}

export function divergenceOf(a: Match, b: Match): Divergence {
  const common = Math.min(a.turns.length, b.turns.length)
  let firstDecisionTurn: number | null = null
  let firstStateTurn: number | null = null
  for (let index = 0; index < common; index++) {
    if (firstDecisionTurn === null && decisionKey(a.turns[index].decisions) !== decisionKey(b.turns[index].decisions))
      firstDecisionTurn = index + 1
    if (firstStateTurn === null && JSON.stringify(a.turns[index].result.state) !== JSON.stringify(b.turns[index].result.state))
      firstStateTurn = index + 1
    if (firstDecisionTurn !== null && firstStateTurn !== null) break
  }
  return { firstDecisionTurn, firstStateTurn }
}
