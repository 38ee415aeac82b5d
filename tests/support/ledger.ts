// Test helpers for the ledger: what a list of effects should record, and the bookkeeping identity
// "value at the start of the turn + every delta of its entries = value at the end", exactly.
import type { Choice, CompiledScenario, EffectData, GameState, LedgerEntry, StateVariable } from '../../src/engine/index.ts'

export interface ExpectedChange {
  variable: StateVariable
  actors: string[]
  delta: number
}

/** Resolves an effect's reference against one choice, independently of the engine. */
export function refIds(ref: string, choice: Choice): string[] {
  if (ref === 'actor') return [choice.actor]
  if (ref === 'partners') return choice.partners ?? []
  if (ref === 'participants') return [choice.actor, ...(choice.partners ?? [])]
  if (ref === 'targets') return choice.targets ?? []
  return [ref]
}

/** How many times an effect with `per` applies, independently of the engine. */
function sizeOf(per: 'participant' | 'target' | undefined, choice: Choice): number {
  if (per === 'participant') return 1 + (choice.partners ?? []).length
  return per === 'target' ? (choice.targets ?? []).length : 1
}

/** The owners of a pair variable, in the engine's canonical order (by actor index). */
export function pairOwners(scn: CompiledScenario, a: string, b: string): string[] {
  return scn.actorIndex[a] < scn.actorIndex[b] ? [a, b] : [b, a]
}

/** The changes a list of effects declares for one choice: one per distinct pair, actor or directed pair. */
export function declaredChanges(scn: CompiledScenario, effects: readonly EffectData[], choice: Choice): ExpectedChange[] {
  const changes: ExpectedChange[] = []
  for (const effect of effects) {
    if (effect.variable === 'readiness') {
      for (const id of new Set(refIds(effect.of, choice))) changes.push({ variable: 'readiness', actors: [id], delta: effect.delta })
    } else if (effect.variable === 'standing') {
      for (const id of new Set(refIds(effect.of, choice))) changes.push({ variable: 'standing', actors: [id], delta: effect.delta })
    } else if (effect.variable === 'grievance') {
      for (const who of new Set(refIds(effect.of, choice))) {
        for (const toward of new Set(refIds(effect.toward, choice))) {
          if (who !== toward) changes.push({ variable: 'grievance', actors: [who, toward], delta: effect.delta })
        }
      }
    } else {
      const seen = new Set<string>()
      for (const a of refIds(effect.between[0], choice)) {
        for (const b of refIds(effect.between[1], choice)) {
          if (a === b) continue
          const owners = pairOwners(scn, a, b)
          if (seen.has(owners.join())) continue
          seen.add(owners.join())
          changes.push({ variable: effect.variable, actors: owners, delta: effect.delta * sizeOf(effect.per, choice) })
        }
      }
    }
  }
  return changes
}

export const keyOf = (variable: string, actors: readonly string[]) => `${variable}|${actors.join(',')}`

/** The current value of the variable a ledger entry names. */
export function valueOf(scn: CompiledScenario, state: GameState, variable: StateVariable, actors: readonly string[]): number {
  const n = scn.n
  switch (variable) {
    case 'alignment':
    case 'tension':
    case 'commitment':
    case 'interdependence':
      return state[variable][scn.pairOf[scn.actorIndex[actors[0]] * n + scn.actorIndex[actors[1]]]]
    case 'readiness':
    case 'standing':
      return state[variable][scn.actorIndex[actors[0]]]
    case 'grievance':
      return state.grievance[scn.actorIndex[actors[0]] * n + scn.actorIndex[actors[1]]]
    case 'rung':
      return state.rung
    case 'rigidity':
      return state.rigidity
    case 'score':
      return state.scores[scn.roleByActor[actors[0]].id] ?? 0
  }
}

/** Every (variable, owners) of the state that the ledger can name. */
export function allKeys(scn: CompiledScenario): { variable: StateVariable; actors: string[] }[] {
  const keys: { variable: StateVariable; actors: string[] }[] = []
  for (const variable of ['alignment', 'tension', 'commitment', 'interdependence'] as const) {
    for (const [i, j] of scn.pairActors) keys.push({ variable, actors: [scn.actorIds[i], scn.actorIds[j]] })
  }
  for (const id of scn.actorIds) keys.push({ variable: 'readiness', actors: [id] }, { variable: 'standing', actors: [id] })
  for (const who of scn.actorIds)
    for (const toward of scn.actorIds) if (who !== toward) keys.push({ variable: 'grievance', actors: [who, toward] })
  keys.push({ variable: 'rung', actors: [] }, { variable: 'rigidity', actors: [] })
  for (const role of scn.roles) keys.push({ variable: 'score', actors: [role.actor] })
  return keys
}

/**
 * Checks the ledger of one turn against the states before and after it and returns every
 * violation found (an empty list when the books balance exactly).
 */
export function ledgerProblems(scn: CompiledScenario, before: GameState, after: GameState, ledger: readonly LedgerEntry[]): string[] {
  const problems: string[] = []
  const running = new Map<string, number>()
  for (const [k, entry] of ledger.entries()) {
    const key = keyOf(entry.variable, entry.actors)
    if (entry.before + entry.delta !== entry.after) problems.push(`entry ${k} (${key}, ${entry.cause}): before + delta !== after`)
    if (!Number.isFinite(entry.delta)) problems.push(`entry ${k} (${key}): delta is not finite`)
    const previous = running.has(key) ? running.get(key)! : valueOf(scn, before, entry.variable, entry.actors)
    if (entry.before !== previous)
      problems.push(`entry ${k} (${key}, ${entry.cause}): before ${entry.before} does not chain from ${previous}`)
    running.set(key, previous + entry.delta)
  }
  for (const { variable, actors } of allKeys(scn)) {
    const key = keyOf(variable, actors)
    const start = valueOf(scn, before, variable, actors)
    const end = valueOf(scn, after, variable, actors)
    const summed = running.has(key) ? running.get(key)! : start
    if (summed !== end) problems.push(`${key}: start ${start} + deltas = ${summed}, but the end value is ${end}`)
  }
  return problems
}
