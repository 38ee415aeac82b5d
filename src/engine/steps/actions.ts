// Step 2: the chosen actions as shocks, in canonical order; pin pricks are counted per pair.
import type { TurnContext } from './context.ts'
import { clampTouched } from './context.ts'
import { applyEffects, participantsOf } from './effects.ts'
import { pairIndex } from '../compiled.ts'
import { jointKey } from '../choices.ts'

export function applyActions(ctx: TurnContext): void {
  ctx.step = 'actions'
  const { scn } = ctx
  for (const order of ctx.orders) {
    const action = scn.actionById[order.action]
    applyEffects(ctx, action.cause, action.data.effects, order)
    // A founding act is remembered (a new array: states share `founded` until it changes).
    if (action.data.oncePerGame) ctx.state.founded = [...ctx.state.founded, jointKey({ ...order, targets: [] })]
    if (!action.data.pinPrick) continue
    for (const participant of participantsOf(order)) {
      for (const target of order.targets ?? []) {
        ctx.pinPricks[pairIndex(scn, participant, target)] += 1
      }
    }
  }
  clampTouched(ctx)
}
