// Step 3: the text's causal claims. Each reaction rule fires once per action it matches;
// double containment fires once per actor that acted against both members of its pair, or once for a
// camp whose members together did.
import type { CompiledScenario, CompiledTriggeredRule } from '../compiled.ts'
import type { Choice } from '../choices.ts'
import type { TurnContext } from './context.ts'
import { clampTouched } from './context.ts'
import { applyChanges, applyEffects, participantsOf } from './effects.ts'
import { matchesTrigger } from './order-effects.ts'

export { matchesTrigger } from './order-effects.ts'

export function applyReactions(ctx: TurnContext): void {
  ctx.step = 'reactions'
  const { scn, orders, effects } = ctx
  // Rule by rule, and for each rule order by order: each order's matches and changes are worked out once (see
  // order-effects.ts).
  for (let r = 0; r < scn.reactions.length; r++) {
    for (let o = 0; o < orders.length; o++) {
      const changes = effects[o].reactions[r]
      if (changes) applyChanges(ctx, scn.reactions[r].cause, changes, ctx.ledger ? participantsOf(orders[o]) : undefined)
    }
  }
  for (const rule of scn.containments) {
    for (const act of containmentActs(scn, rule, orders)) applyEffects(ctx, rule.cause, rule.effects, act)
  }
  clampTouched(ctx)
}

/**
 * The acts a double-containment rule answers in a turn with these orders, each as the choice its effects are
 * resolved against: one per actor that acted against both members of its pair, or one for a camp whose members
 * together did. (The computer players' fast path asks the same for each order alone.)
 */
export function containmentActs(scn: CompiledScenario, rule: CompiledTriggeredRule, orders: readonly Choice[]): Choice[] {
  if (rule.data.kind !== 'double-containment') return []
  const [first, second] = rule.data.targets
  // Built only when an order counts: most turns match none.
  if (!orders.some((order) => matchesTrigger(scn, rule.when, order))) return []
  const targetedBy = new Map<string, Set<string>>()
  for (const order of orders) {
    if (!matchesTrigger(scn, rule.when, order)) continue
    for (const participant of participantsOf(order)) {
      let targets = targetedBy.get(participant)
      if (!targets) targetedBy.set(participant, (targets = new Set()))
      for (const target of order.targets ?? []) targets.add(target)
    }
  }
  const camp = rule.data.camp
  if (camp) {
    // The camp as a whole: fires once when its members together acted against both.
    const members = camp.filter((id) => targetedBy.get(id)?.has(first) || targetedBy.get(id)?.has(second))
    const hit = (target: string) => members.some((id) => targetedBy.get(id)!.has(target))
    if (members.length === 0 || !hit(first) || !hit(second)) return []
    const [actor, ...partners] = members
    const choice: Choice = { actor, action: '', targets: [first, second] }
    if (partners.length > 0) choice.partners = partners
    return [choice]
  }
  const acts: Choice[] = []
  for (const actor of [...targetedBy.keys()].sort()) {
    const targets = targetedBy.get(actor)!
    if (targets.has(first) && targets.has(second)) acts.push({ actor, action: '', targets: [first, second] })
  }
  return acts
}
