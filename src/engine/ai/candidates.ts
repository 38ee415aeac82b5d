// Every legal choice an actor could make this turn (bounded, in a deterministic order).
import type { CompiledScenario } from '../compiled.ts'
import type { Choice } from '../choices.ts'
import { choiceProblem } from '../choices.ts'
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

export function legalCandidates(scn: CompiledScenario, state: GameState, actor: string): Choice[] {
  const candidates: Choice[] = []
  for (const action of scn.actions) {
    const data = action.data
    if (!data.actors.includes(actor)) continue
    const partnerSets = data.partners
      ? combinations(data.partners.from.filter((id) => id !== actor && id in scn.actorIndex), data.partners.min, data.partners.max)
      : [[]]
    for (const partners of partnerSets) {
      const excluded = new Set([actor, ...partners])
      const pool = (data.targets?.from ?? scn.actorIds).filter((id) => !excluded.has(id))
      const targetSets = data.targets ? combinations(pool, data.targets.min, data.targets.max) : [[]]
      for (const targets of targetSets) {
        const choice: Choice = { actor, action: data.id }
        if (targets.length > 0) choice.targets = targets
        if (partners.length > 0) choice.partners = partners
        if (!choiceProblem(scn, state, choice)) candidates.push(choice)
      }
    }
  }
  return candidates
}
