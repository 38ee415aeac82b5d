// Step 2: the chosen actions as shocks, in canonical order; pin pricks are counted per pair.
import type { TurnContext } from './context.ts'
import { clampTouched } from './context.ts'
import { applyChanges, participantsOf } from './effects.ts'
import { jointKey } from '../choices.ts'

export function applyActions(ctx: TurnContext): void {
  ctx.step = 'actions'
  const { scn } = ctx
  for (let o = 0; o < ctx.orders.length; o++) {
    const order = ctx.orders[o]
    const action = scn.actionById[order.action]
    const effects = ctx.effects[o]
    applyChanges(ctx, action.cause, effects.action, ctx.ledger ? participantsOf(order) : undefined)
    // A founding act is remembered (a new array: states share `founded` until it changes).
    if (action.data.oncePerGame) ctx.state.founded = [...ctx.state.founded, jointKey({ ...order, targets: [] })]
    for (const pair of effects.pinPairs) ctx.pinPricks[pair] += 1
  }
  clampTouched(ctx)
}
