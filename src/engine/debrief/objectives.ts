// Objectives met, role by role: each objective's measure as it stands at the end, toward its goal, and
// met when it is at least half way there — the reading the end screen gives. A role's score is the
// engine's (see scoring.ts and the scenario's `turns.scoring`).
import type { CompiledScenario } from '../compiled.ts'
import type { Match } from '../match.ts'
import { measureValue } from '../scoring.ts'
import type { RoleResult } from './types.ts'
import { passagesOf } from './words.ts'

/** The share toward its goal at which an objective counts as met (as the end screen reads it). */
export const OBJECTIVE_MET_AT = 0.5

export function objectivesOf(scn: CompiledScenario, match: Match): RoleResult[] {
  const state = match.state
  const humans = new Set(match.setup.humans)
  return scn.roles.map((role) => ({
    role: role.id,
    actor: role.actor,
    name: role.name,
    human: humans.has(role.actor),
    score: state.scores[role.id] ?? 0,
    objectives: role.objectives.map((objective) => {
      const value = Math.min(1, Math.max(0, measureValue(scn, state, objective.measure)))
      const attainment = objective.goal === 'high' ? value : 1 - value
      return {
        id: objective.id,
        description: objective.description,
        goal: objective.goal,
        weight: objective.weight,
        attainment,
        met: attainment >= OBJECTIVE_MET_AT,
        passages: passagesOf(scn, objective),
      }
    }),
  }))
}
