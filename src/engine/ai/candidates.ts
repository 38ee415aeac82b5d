// Every legal choice an actor could make this turn (bounded, in a deterministic order).
import type { CompiledScenario } from '../compiled.ts'
import type { Choice } from '../choices.ts'
import { formProblem, historyProblem, jointKey } from '../choices.ts'
import type { GameState } from '../state.ts'

const MAX_COMBINATIONS = 24

function combinations(items: readonly string[], min: number, max: number): string[][] {
  const result: string[][] = []
  const pick = (start: number, chosen: string[]) => {
    if (result.length >= MAX_COMBINATIONS) return
    if (chosen.length >= min) result.push(chosen.slice())
    if (chosen.length === max) return
    for (let k = start; k < items.length; k++) {
      chosen.push(items[k])
      pick(k + 1, chosen)
      chosen.pop()
    }
  }
  pick(0, [])
  return result
}

export interface Candidate {
  choice: Choice
  /** Its joint key (see jointKey), to skip actions a partner has already proposed. */
  key: string
}

// The form of a choice depends on the scenario alone (the state only ends the game), so each actor's list is
// built once; what history forbids (once-a-game acts) is filtered by the caller.
const cache = new WeakMap<CompiledScenario, Map<string, readonly Candidate[]>>()

/** Every legal choice of `actor` in `state`. */
export function legalCandidates(scn: CompiledScenario, state: GameState, actor: string): Choice[] {
  return keyedCandidates(scn, state, actor)
    .filter(({ choice }) => !historyProblem(scn, state, choice))
    .map(({ choice }) => ({ ...choice }))
}

/** The same, with joint keys, from a cache: the lists are shared and must not be changed. */
export function keyedCandidates(scn: CompiledScenario, state: GameState, actor: string): readonly Candidate[] {
  if (state.outcome) return []
  let byActor = cache.get(scn)
  if (!byActor) cache.set(scn, (byActor = new Map<string, readonly Candidate[]>()))
  let list = byActor.get(actor)
  if (!list) byActor.set(actor, (list = enumerate(scn, state, actor).map((choice) => ({ choice, key: jointKey(choice) }))))
  return list
}

function enumerate(scn: CompiledScenario, state: GameState, actor: string): Choice[] {
  const candidates: Choice[] = []
  for (const action of scn.actions) {
    const data = action.data
    if (!data.actors.includes(actor)) continue
    const partnerSets = data.partners
      ? combinations(
          data.partners.from.filter((id) => id !== actor && id in scn.actorIndex),
          data.partners.min,
          data.partners.max,
        )
      : [[]]
    for (const partners of partnerSets) {
      const excluded = new Set([actor, ...partners])
      const pool = (data.targets?.from ?? scn.actorIds).filter((id) => !excluded.has(id))
      const targetSets = data.targets ? combinations(pool, data.targets.min, data.targets.max) : [[]]
      for (const targets of targetSets) {
        const choice: Choice = { actor, action: data.id }
        if (targets.length > 0) choice.targets = targets
        if (partners.length > 0) choice.partners = partners
        if (!formProblem(scn, state, choice)) candidates.push(choice)
      }
    }
  }
  return candidates
}
