// Roles' scores: weighted objectives over the state, each measure normalised to 0..1. Everyone loses an armed clash.
import type { CompiledScenario } from './compiled.ts'
import type { MeasureData, RoleData } from './scenario/schema.ts'
import type { GameState } from './state.ts'
import { pairIndex } from './compiled.ts'

function pair(scn: CompiledScenario, [a, b]: [string, string]): number {
  return pairIndex(scn, a, b)
}

function meanOver(scn: CompiledScenario, actor: string, others: string[], values: readonly number[]): number {
  const ids = others.filter((id) => id !== actor)
  if (ids.length === 0) return 0
  return ids.reduce((sum, id) => sum + values[pair(scn, [actor, id])], 0) / ids.length
}

/** The measure's value normalised to 0..1. */
export function measureValue(scn: CompiledScenario, state: GameState, measure: MeasureData): number {
  switch (measure.kind) {
    case 'alignment':
      return (state.alignment[pair(scn, measure.pair)] + 1) / 2
    case 'tension':
      return state.tension[pair(scn, measure.pair)]
    case 'interdependence':
      return state.interdependence[pair(scn, measure.pair)]
    case 'commitment':
      return state.commitment[pair(scn, measure.pair)]
    case 'readiness':
      return state.readiness[scn.actorIndex[measure.actor]] / scn.params.readinessMax
    case 'standing': {
      const own = state.standing[scn.actorIndex[measure.actor]]
      if (!measure.against) return own
      let rivals = 0
      for (const id of measure.against) rivals += state.standing[scn.actorIndex[id]]
      const lead = own - rivals / measure.against.length
      // Deterrence is about not falling behind: a shortfall costs, a lead gains nothing.
      return 1 + Math.min(0, lead)
    }
    case 'mean-alignment':
      return (meanOver(scn, measure.actor, measure.with, state.alignment) + 1) / 2
    case 'mean-tension':
      return meanOver(scn, measure.actor, measure.with, state.tension)
    case 'rigidity':
      return state.rigidity / 100
    case 'rung':
      return scn.file.ladder.length > 1 ? state.rung / (scn.file.ladder.length - 1) : 0
  }
}

/** A role's score 0..100. */
export function roleScore(scn: CompiledScenario, state: GameState, role: RoleData): number {
  if (state.clash) return 0
  let total = 0
  let weights = 0
  for (const objective of role.objectives) {
    const value = Math.min(1, Math.max(0, measureValue(scn, state, objective.measure)))
    total += objective.weight * (objective.goal === 'high' ? value : 1 - value)
    weights += objective.weight
  }
  return weights > 0 ? (100 * total) / weights : 0
}
