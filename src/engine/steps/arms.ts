// Step 4: Richardson arms dynamics with threat weights (paragraph 36: "build up their power for the
// worst case scenario"). Synchronous: every actor reacts to the readiness at the start of the step.
import type { TurnContext } from './context.ts'
import { change, clampTouched } from './context.ts'

export function applyArms(ctx: TurnContext): void {
  ctx.step = 'arms'
  const rule = ctx.scn.structural.arms
  if (!rule) return
  const { scn, state } = ctx
  const { armsReactivity, armsCost, armsBase, readinessMax } = scn.params
  const readiness = state.readiness.slice()
  for (let i = 0; i < readiness.length; i++) {
    const own = readiness[i]
    let threat = 0
    for (let j = 0; j < scn.n; j++) {
      if (j === i) continue
      const p = scn.pairOf[i * scn.n + j]
      const hostility = Math.max(0, -state.alignment[p])
      if (hostility > 0) threat += hostility * (scn.contact[p] ? 1 : 0.5) * readiness[j]
    }
    // Only growth slows toward the cap; the cost of readiness acts in full, so a power armed to the cap with no rivals stands down.
    change(ctx, rule.cause, 'readiness', i, (armsReactivity * threat + armsBase) * (1 - own / readinessMax) - armsCost * own)
  }
  clampTouched(ctx)
}
