// How much a choice is worth to an actor: the change of its role's score after the choice's shocks and the
// reactions to them, less the added risk of incidents, plus the pull of reciprocity (see fast-value.ts).
import type { CompiledScenario } from '../compiled.ts'
import type { Choice } from '../choices.ts'
import { roleScore } from '../scoring.ts'
import type { GameState } from '../state.ts'
import type { Scratch } from './fast-value.ts'
import { programOf, programValue, scratchFor } from './fast-value.ts'

export type { Scratch } from './fast-value.ts'
export { reciprocity, scratchFor } from './fast-value.ts'

export function roleScoreOf(scn: CompiledScenario, state: GameState, actor: string): number {
  const role = scn.roleByActor[actor]
  return role ? roleScore(scn, state, role) : 0
}

/** Value of `choice` to `viewer` (the actor or a partner asked to consent) from its shocks, in score points. */
export function evaluateChoice(
  scn: CompiledScenario,
  state: GameState,
  viewer: string,
  choice: Choice,
  baseline = roleScoreOf(scn, state, viewer),
  scratch?: Scratch,
): number {
  const ready = scratch && scratch.state === state && scratch.scn === scn ? scratch : scratchFor(scn, state)
  return programValue(ready, scn.actorIndex[viewer], programOf(scn, choice), baseline)
}
