// A role's score read from a state laid out flat (see shock-program.ts), for the computer players' fast path.
// HAZARD: this mirrors scoring.ts roleScore and measureValue operation for operation, so that a value
// computed here equals the engine's exactly; a change there must be made here too (the fast-path test
// compares them).
import type { CompiledScenario } from '../compiled.ts'
import type { MeasureData, RoleData } from '../scenario/schema.ts'
import type { FlatLayout } from './shock-program.ts'

// How a measure is read (numbers, so the hot loop switches on small integers).
const Kind = { Value: 0, HalfPlusOne: 1, Scaled: 2, Standing: 3, MeanHalfPlusOne: 4, Mean: 5, Rigidity: 6, Rung: 7 } as const
type Kind = (typeof Kind)[keyof typeof Kind]

export interface FlatObjective {
  kind: Kind
  /** The measure, as written in the scenario (kept for explanations). */
  measure: MeasureData
  weight: number
  high: boolean
  /** The flat index read (own standing, a pair's value, ...), or -1. */
  at: number
  /** Further flat indices: rivals' standing, or the pairs a mean is over. */
  list: Int32Array
  /** The divisor of Scaled (readinessMax) or of Rung (rungs - 1). */
  divisor: number
  /** Whether it reads the ladder's rung (which a shock changes through tension). */
  readsRung: boolean
  /** Whether it reads bloc rigidity (which a shock changes through any alignment or tension). */
  readsRigidity: boolean
  /** The flat values it reads directly (`at` and `list`). */
  inputs: Int32Array
}

export interface FlatRole {
  role: RoleData
  objectives: FlatObjective[]
  measuresRigidity: boolean
  /** The sum of the weights, added in order as roleScore adds them. */
  weightSum: number
}

function compileObjective(
  scn: CompiledScenario,
  layout: FlatLayout,
  objective: RoleData['objectives'][number],
): Omit<FlatObjective, 'readsRung' | 'readsRigidity' | 'inputs'> {
  const measure = objective.measure
  const base = { measure, weight: objective.weight, high: objective.goal === 'high', at: -1, list: new Int32Array(0), divisor: 1 }
  const pairAt = (offset: number, [a, b]: [string, string]) => offset + scn.pairOf[scn.actorIndex[a] * scn.n + scn.actorIndex[b]]
  const meanPairs = (offset: number, actor: string, others: string[]) =>
    Int32Array.from(others.filter((id) => id !== actor).map((id) => pairAt(offset, [actor, id])))
  switch (measure.kind) {
    case 'alignment':
      return { ...base, kind: Kind.HalfPlusOne, at: pairAt(layout.alignment, measure.pair) }
    case 'tension':
    case 'interdependence':
    case 'commitment':
      return { ...base, kind: Kind.Value, at: pairAt(layout[measure.kind], measure.pair) }
    case 'readiness':
      return { ...base, kind: Kind.Scaled, at: layout.readiness + scn.actorIndex[measure.actor], divisor: scn.params.readinessMax }
    case 'standing':
      return {
        ...base,
        kind: Kind.Standing,
        at: layout.standing + scn.actorIndex[measure.actor],
        list: measure.against ? Int32Array.from(measure.against, (id) => layout.standing + scn.actorIndex[id]) : new Int32Array(0),
        // A standing measure without rivals reads its own value alone (see scoring.ts): divisor -1.
        divisor: measure.against ? measure.against.length : -1,
      }
    case 'mean-alignment':
      return { ...base, kind: Kind.MeanHalfPlusOne, list: meanPairs(layout.alignment, measure.actor, measure.with) }
    case 'mean-tension':
      return { ...base, kind: Kind.Mean, list: meanPairs(layout.tension, measure.actor, measure.with) }
    case 'rigidity':
      return { ...base, kind: Kind.Rigidity }
    case 'rung':
      return { ...base, kind: Kind.Rung, divisor: scn.file.ladder.length - 1 }
  }
}

export function compileRole(scn: CompiledScenario, layout: FlatLayout, role: RoleData): FlatRole {
  const objectives = role.objectives.map((objective) => {
    const compiled = compileObjective(scn, layout, objective)
    const inputs = compiled.at >= 0 ? [compiled.at, ...compiled.list] : [...compiled.list]
    return {
      ...compiled,
      readsRung: compiled.kind === Kind.Rung,
      readsRigidity: compiled.kind === Kind.Rigidity,
      inputs: Int32Array.from(inputs),
    }
  })
  let weightSum = 0
  for (const objective of objectives) weightSum += objective.weight
  return { role, objectives, measuresRigidity: objectives.some((objective) => objective.readsRigidity), weightSum }
}

/** The measure's value normalised to 0..1, as scoring.ts measureValue gives it (before the 0..1 clamp). */
export function flatMeasure(objective: FlatObjective, flat: Float64Array, rung: number, rigidity: number): number {
  switch (objective.kind) {
    case Kind.Value:
      return flat[objective.at]
    case Kind.HalfPlusOne:
      return (flat[objective.at] + 1) / 2
    case Kind.Scaled:
      return flat[objective.at] / objective.divisor
    case Kind.Standing: {
      const own = flat[objective.at]
      if (objective.divisor === -1) return own
      let rivals = 0
      for (let k = 0; k < objective.list.length; k++) rivals += flat[objective.list[k]]
      const lead = own - rivals / objective.divisor
      return 1 + Math.min(0, lead)
    }
    case Kind.MeanHalfPlusOne:
    case Kind.Mean: {
      const list = objective.list
      let mean = 0
      if (list.length > 0) {
        let sum = 0
        for (let k = 0; k < list.length; k++) sum += flat[list[k]]
        mean = sum / list.length
      }
      return objective.kind === Kind.Mean ? mean : (mean + 1) / 2
    }
    case Kind.Rigidity:
      return rigidity / 100
    case Kind.Rung:
      return objective.divisor > 0 ? rung / objective.divisor : 0
  }
}

/** The objective's contribution before weighting: how well its goal is met, 0..1. */
export function objectiveMet(objective: FlatObjective, flat: Float64Array, rung: number, rigidity: number): number {
  const value = Math.min(1, Math.max(0, flatMeasure(objective, flat, rung, rigidity)))
  return objective.high ? value : 1 - value
}

/** The role's score 0..100 on a flat state without a clash. */
export function flatRoleScore(role: FlatRole, flat: Float64Array, rung: number, rigidity: number): number {
  let total = 0
  let weights = 0
  const objectives = role.objectives
  for (let k = 0; k < objectives.length; k++) {
    const objective = objectives[k]
    total += objective.weight * objectiveMet(objective, flat, rung, rigidity)
    weights += objective.weight
  }
  return weights > 0 ? (100 * total) / weights : 0
}
