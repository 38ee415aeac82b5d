// A role's objectives as the player follows them: how many of the score's points each earns now, of how
// many it could, the measure behind it and how it moved over the last turn. The points add up to the role's
// score (scoring.ts roleScore), so the header's score can be read off objective by objective.
import type { CompiledScenario } from './compiled.ts'
import type { MeasureData, RoleData } from './scenario/schema.ts'
import type { GameState } from './state.ts'
import { measureValue } from './scoring.ts'

export interface ObjectiveStatus {
  id: string
  description: string
  goal: 'high' | 'low'
  measure: MeasureData
  /** The measure now, normalised to 0..1 as the score reads it (before its 0..1 clamp). */
  value: number
  /** Score points it earns now, and the most it can earn (its weight's share of 100). */
  points: number
  maxPoints: number
  /** Points gained or lost since the state before the last turn, or null at the start of a game. */
  change: number | null
}

/** Each objective's share of the role's score in `state`, in score points (they sum to roleScore; 0 after a clash). */
export function objectivePoints(scn: CompiledScenario, state: GameState, role: RoleData): number[] {
  const weights = role.objectives.reduce((sum, objective) => sum + objective.weight, 0)
  return role.objectives.map((objective) => {
    if (state.clash || weights <= 0) return 0
    const value = Math.min(1, Math.max(0, measureValue(scn, state, objective.measure)))
    return (100 * objective.weight * (objective.goal === 'high' ? value : 1 - value)) / weights
  })
}

/** The role's objectives in `state`, with their change since `previous` (the state the last turn started from). */
export function objectiveStatus(scn: CompiledScenario, state: GameState, role: RoleData, previous: GameState | null): ObjectiveStatus[] {
  const weights = role.objectives.reduce((sum, objective) => sum + objective.weight, 0)
  const now = objectivePoints(scn, state, role)
  const before = previous ? objectivePoints(scn, previous, role) : null
  return role.objectives.map((objective, k) => ({
    id: objective.id,
    description: objective.description,
    goal: objective.goal,
    measure: objective.measure,
    value: measureValue(scn, state, objective.measure),
    points: now[k],
    maxPoints: weights > 0 ? (100 * objective.weight) / weights : 0,
    change: before ? now[k] - before[k] : null,
  }))
}
