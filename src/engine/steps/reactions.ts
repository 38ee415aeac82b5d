// Step 3: the text's causal claims. Each reaction rule fires once per action it matches;
// double containment fires once per actor that acted against both members of its pair, or once for a
// camp whose members together did.
import type { CompiledScenario } from '../compiled.ts'
import type { Choice } from '../choices.ts'
import type { TriggerData } from '../scenario/schema.ts'
import type { TurnContext } from './context.ts'
import { clampTouched } from './context.ts'
import { applyEffects, participantsOf } from './effects.ts'

export function matchesTrigger(scn: CompiledScenario, when: TriggerData, choice: Choice): boolean {
  if (when.actions && !when.actions.includes(choice.action)) return false
  const action = scn.actionById[choice.action]
  if (when.tags && !when.tags.some((tag) => action.tagSet.has(tag))) return false
  if (when.actors && !when.actors.includes(choice.actor) && !(choice.partners ?? []).some((id) => when.actors!.includes(id))) return false
  if (when.targets && !(choice.targets ?? []).some((id) => when.targets!.includes(id))) return false
  return true
}

export function applyReactions(ctx: TurnContext): void {
  ctx.step = 'reactions'
  const { scn } = ctx
  for (const rule of scn.reactions) {
    for (const order of ctx.orders) {
      if (matchesTrigger(scn, rule.when, order)) applyEffects(ctx, rule.cause, rule.effects, order)
    }
  }
  for (const rule of scn.containments) {
    if (rule.data.kind !== 'double-containment') continue
    const [first, second] = rule.data.targets
    // Built only when an order counts: most single tries of the computer players match none.
    if (!ctx.orders.some((order) => matchesTrigger(scn, rule.when, order))) continue
    const targetedBy = new Map<string, Set<string>>()
    for (const order of ctx.orders) {
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
      if (members.length > 0 && hit(first) && hit(second)) {
        const [actor, ...partners] = members
        const choice: Choice = { actor, action: '', targets: [first, second] }
        if (partners.length > 0) choice.partners = partners
        applyEffects(ctx, rule.cause, rule.effects, choice)
      }
      continue
    }
    for (const actor of [...targetedBy.keys()].sort()) {
      const targets = targetedBy.get(actor)!
      if (targets.has(first) && targets.has(second)) {
        applyEffects(ctx, rule.cause, rule.effects, { actor, action: '', targets: [first, second] })
      }
    }
  }
  clampTouched(ctx)
}
