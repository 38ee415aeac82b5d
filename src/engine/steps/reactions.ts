// Step 3: the text's causal claims. Each reaction rule fires once per action it matches;
// double containment fires once per actor that acted against both members of its pair, or once for a
// camp whose members together did.
import type { CompiledScenario, CompiledTriggeredRule } from '../compiled.ts'
import type { Choice } from '../choices.ts'
import type { TurnContext } from './context.ts'
import { clampTouched } from './context.ts'
import { applyChanges, participantsOf } from './effects.ts'
import { answerEffects, matchesTrigger } from './order-effects.ts'

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
    for (const act of containmentActs(scn, rule, orders)) {
      applyChanges(ctx, rule.cause, answerEffects(scn, rule, act), ctx.ledger ? participantsOf(act) : undefined)
    }
  }
  clampTouched(ctx)
}

/**
 * The acts a double-containment rule answers in a turn with these orders, each as the choice its effects are
 * resolved against: one per actor that acted against both members of its pair, or one for a camp whose members
 * together did. (The computer players' fast path asks the same for each order alone.)
 */
export function containmentActs(scn: CompiledScenario, rule: CompiledTriggeredRule, orders: readonly Choice[]): Choice[] {
  if (rule.data.kind !== 'double-containment') return NO_ACTS
  const [first, second] = rule.data.targets
  // Each participant of a matching order, with the targets of its matching orders (small lists: a turn has a
  // few orders, and most match none).
  let actors: string[] | null = null
  const targetsOf: string[][] = []
  for (const order of orders) {
    if (!matchesTrigger(scn, rule.when, order)) continue
    actors ??= []
    const participants = order.partners ? [order.actor, ...order.partners] : [order.actor]
    for (const participant of participants) {
      let k = actors.indexOf(participant)
      if (k < 0) {
        k = actors.push(participant) - 1
        targetsOf.push([])
      }
      for (const target of order.targets ?? []) if (!targetsOf[k].includes(target)) targetsOf[k].push(target)
    }
  }
  if (!actors) return NO_ACTS
  const hasTargeted = (actor: string, target: string) => {
    const k = actors.indexOf(actor)
    return k >= 0 && targetsOf[k].includes(target)
  }
  const camp = rule.data.camp
  if (camp) {
    // The camp as a whole: fires once when its members together acted against both.
    const members = camp.filter((id) => hasTargeted(id, first) || hasTargeted(id, second))
    const hit = (target: string) => members.some((id) => hasTargeted(id, target))
    if (members.length === 0 || !hit(first) || !hit(second)) return NO_ACTS
    const [actor, ...partners] = members
    const choice: Choice = { actor, action: '', targets: [first, second] }
    if (partners.length > 0) choice.partners = partners
    return [choice]
  }
  const acts: Choice[] = []
  for (const actor of [...actors].sort()) {
    if (hasTargeted(actor, first) && hasTargeted(actor, second)) acts.push({ actor, action: '', targets: [first, second] })
  }
  return acts
}

const NO_ACTS: Choice[] = []
