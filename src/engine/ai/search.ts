// Placeholder while the search is written.
import type { CompiledScenario } from '../compiled.ts'
import type { Choice } from '../choices.ts'
import type { GameState } from '../state.ts'
import { NORMAL_SKILL, greedyPlan, scoredCandidates } from './policy.ts'

export function searchActions(
  scn: CompiledScenario,
  state: GameState,
  actor: string,
  alreadyPlanned: ReadonlySet<string>,
  reserved: number,
  partnerRoom: (partner: string) => number,
): Choice[] {
  const scored = scoredCandidates(scn, state, actor, NORMAL_SKILL.noise, alreadyPlanned, partnerRoom)
  return greedyPlan(scn, state, scored, scn.budget[scn.actorIndex[actor]] - reserved, NORMAL_SKILL, partnerRoom)
}
