// What one order does in steps 2 and 3, worked out once per scenario and order: its action's changes, the
// changes of each reaction rule it triggers, and the pairs it pin-pricks. None of it depends on the state, and
// the same orders come back turn after turn (and try after try for the computer players), so the turn reads
// these instead of resolving refs and matching triggers again. Double containment, which depends on the
// turn's orders together, is not here (see reactions.ts).
import type { CompiledScenario, CompiledTriggeredRule } from '../compiled.ts'
import { pairIndex } from '../compiled.ts'
import type { Choice } from '../choices.ts'
import type { EffectChanges } from './effects.ts'
import { effectChanges, participantsOf } from './effects.ts'
import type { TriggerData } from '../scenario/schema.ts'

export interface OrderEffects {
  action: EffectChanges
  /** Per reaction rule (scn.reactions, in order): its changes when the order triggers it, else null. */
  reactions: (EffectChanges | null)[]
  /** One entry per (participant, target) of a pin-prick act: the pair, as often as it is pricked. */
  pinPairs: number[]
}

/** Bounds the orders kept per scenario (people's proposals can be many; the computer's are a few hundred). */
const MAX_ORDERS = 4096

const byScenario = new WeakMap<CompiledScenario, Map<string, OrderEffects>>()
const answersByScenario = new WeakMap<CompiledScenario, Map<string, EffectChanges>>()

/** The text that tells orders apart (as orderKey in choices.ts). */
function orderText(order: Choice): string {
  const targets = order.targets
  const partners = order.partners
  return `${order.actor}|${order.action}|${targets ? targets.join(',') : ''}|${partners ? partners.join(',') : ''}`
}

/** The order's effects (see OrderEffects): worked out on first use; shared, never to be changed. */
export function orderEffects(scn: CompiledScenario, order: Choice): OrderEffects {
  let cache = byScenario.get(scn)
  if (!cache) byScenario.set(scn, (cache = new Map<string, OrderEffects>()))
  const text = orderText(order)
  let effects = cache.get(text)
  if (!effects) {
    if (cache.size >= MAX_ORDERS) cache.clear()
    effects = workOut(scn, order)
    cache.set(text, effects)
  }
  return effects
}

/** The changes a rule's effects make in answer to an act that is not an order (a double-containment answer). */
export function answerEffects(scn: CompiledScenario, rule: CompiledTriggeredRule, act: Choice): EffectChanges {
  let cache = answersByScenario.get(scn)
  if (!cache) answersByScenario.set(scn, (cache = new Map<string, EffectChanges>()))
  const text = `${rule.data.id}|${orderText(act)}`
  let changes = cache.get(text)
  if (!changes) {
    if (cache.size >= MAX_ORDERS) cache.clear()
    changes = effectChanges(scn, rule.effects, act)
    cache.set(text, changes)
  }
  return changes
}

function workOut(scn: CompiledScenario, order: Choice): OrderEffects {
  const action = scn.actionById[order.action]
  const pinPairs: number[] = []
  if (action.data.pinPrick) {
    for (const participant of participantsOf(order)) {
      for (const target of order.targets ?? []) pinPairs.push(pairIndex(scn, participant, target))
    }
  }
  return {
    action: effectChanges(scn, action.data.effects, order),
    reactions: scn.reactions.map((rule) => (matchesTrigger(scn, rule.when, order) ? effectChanges(scn, rule.effects, order) : null)),
    pinPairs,
  }
}

export function matchesTrigger(scn: CompiledScenario, when: TriggerData, choice: Choice): boolean {
  if (when.actions && !when.actions.includes(choice.action)) return false
  const action = scn.actionById[choice.action]
  if (when.tags && !when.tags.some((tag) => action.tagSet.has(tag))) return false
  if (when.actors && !when.actors.includes(choice.actor) && !(choice.partners ?? []).some((id) => when.actors!.includes(id))) return false
  if (when.targets && !(choice.targets ?? []).some((id) => when.targets!.includes(id))) return false
  return true
}
