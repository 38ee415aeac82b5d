// Roles' scores: weighted objectives over the state, each measure normalised to 0..1. Everyone loses an armed clash.
import type { CompiledScenario } from './compiled.ts'
import type { MeasureData, RoleData } from './scenario/schema.ts'
import type { GameState } from './state.ts'
import { pairIndex } from './compiled.ts'

/**
 * A measure with its actors looked up once: `at` the index it reads (a pair or an actor), `list` the further
 * indices (rivals' standing, or the pairs a mean is over, in the order the measure names them).
 */
interface MeasureReader {
  measure: MeasureData
  at: number
  list: number[]
}

const readers = new WeakMap<CompiledScenario, WeakMap<MeasureData, MeasureReader>>()

function readerOf(scn: CompiledScenario, measure: MeasureData): MeasureReader {
  let byMeasure = readers.get(scn)
  if (!byMeasure) readers.set(scn, (byMeasure = new WeakMap()))
  let reader = byMeasure.get(measure)
  if (reader) return reader
  const pair = ([a, b]: [string, string]) => pairIndex(scn, a, b)
  switch (measure.kind) {
    case 'alignment':
    case 'tension':
    case 'interdependence':
    case 'commitment':
      reader = { measure, at: pair(measure.pair), list: [] }
      break
    case 'readiness':
      reader = { measure, at: scn.actorIndex[measure.actor], list: [] }
      break
    case 'standing':
      reader = { measure, at: scn.actorIndex[measure.actor], list: (measure.against ?? []).map((id) => scn.actorIndex[id]) }
      break
    case 'mean-alignment':
    case 'mean-tension':
      reader = { measure, at: -1, list: measure.with.filter((id) => id !== measure.actor).map((id) => pair([measure.actor, id])) }
      break
    default:
      reader = { measure, at: -1, list: [] }
  }
  byMeasure.set(measure, reader)
  return reader
}

function meanOver(list: readonly number[], values: readonly number[]): number {
  if (list.length === 0) return 0
  let sum = 0
  for (const index of list) sum += values[index]
  return sum / list.length
}

/** The measure's value normalised to 0..1. */
export function measureValue(scn: CompiledScenario, state: GameState, measure: MeasureData): number {
  return readValue(scn, state, readerOf(scn, measure))
}

function readValue(scn: CompiledScenario, state: GameState, reader: MeasureReader): number {
  const { measure, at, list } = reader
  switch (measure.kind) {
    case 'alignment':
      return (state.alignment[at] + 1) / 2
    case 'tension':
      return state.tension[at]
    case 'interdependence':
      return state.interdependence[at]
    case 'commitment':
      return state.commitment[at]
    case 'readiness':
      return state.readiness[at] / scn.params.readinessMax
    case 'standing': {
      const own = state.standing[at]
      if (!measure.against) return own
      let rivals = 0
      for (const index of list) rivals += state.standing[index]
      const lead = own - rivals / measure.against.length
      // Deterrence is about not falling behind: a shortfall costs, a lead gains nothing.
      return 1 + Math.min(0, lead)
    }
    case 'mean-alignment':
      return (meanOver(list, state.alignment) + 1) / 2
    case 'mean-tension':
      return meanOver(list, state.tension)
    case 'rigidity':
      return state.rigidity / 100
    case 'rung':
      return scn.file.ladder.length > 1 ? state.rung / (scn.file.ladder.length - 1) : 0
  }
}

// Each role's objectives' readers, in order, looked up once (every turn scores every role).
const roleReaders = new WeakMap<CompiledScenario, WeakMap<RoleData, MeasureReader[]>>()

function readersOf(scn: CompiledScenario, role: RoleData): MeasureReader[] {
  let byRole = roleReaders.get(scn)
  if (!byRole) roleReaders.set(scn, (byRole = new WeakMap()))
  let list = byRole.get(role)
  if (!list) byRole.set(role, (list = role.objectives.map((objective) => readerOf(scn, objective.measure))))
  return list
}

/** A role's score 0..100. */
export function roleScore(scn: CompiledScenario, state: GameState, role: RoleData): number {
  if (state.clash) return 0
  const readers = readersOf(scn, role)
  let total = 0
  let weights = 0
  for (let k = 0; k < role.objectives.length; k++) {
    const objective = role.objectives[k]
    const value = Math.min(1, Math.max(0, readValue(scn, state, readers[k])))
    total += objective.weight * (objective.goal === 'high' ? value : 1 - value)
    weights += objective.weight
  }
  return weights > 0 ? (100 * total) / weights : 0
}
