// Step 6: tension cools unless fed by hostility between armed rivals; standing and grievances fade.
import type { TurnContext } from './context.ts'
import { change, clampTouched } from './context.ts'

export function applyTension(ctx: TurnContext): void {
  ctx.step = 'tension'
  const { scn, state } = ctx
  const { structural, params } = scn
  // Each pair's cooling is of its tension at the start of the step: read before the pair's own changes.
  const tension = state.tension
  for (let p = 0; p < tension.length; p++) {
    if (structural['tension-cooling']) change(ctx, structural['tension-cooling'].cause, 'tension', p, -params.tensionCooling * tension[p])
    if (structural['tension-hostility']) {
      const hostility = Math.max(0, -state.alignment[p])
      if (hostility > 0) {
        const [i, j] = scn.pairActors[p]
        const armed = (state.readiness[i] + state.readiness[j]) / (2 * params.readinessMax)
        change(ctx, structural['tension-hostility'].cause, 'tension', p, params.hostilityHeat * hostility * armed)
      }
    }
  }
  const standingFading = structural['standing-fading']
  if (standingFading) {
    const standing = state.standing
    for (let i = 0; i < standing.length; i++) {
      if (standing[i] > 0) change(ctx, standingFading.cause, 'standing', i, -params.standingFading * standing[i])
    }
  }
  const fading = structural['grievance-fading']
  if (fading) {
    const grievance = state.grievance
    for (let g = 0; g < grievance.length; g++) {
      if (grievance[g] > 0) change(ctx, fading.cause, 'grievance', g, -params.grievanceFading * grievance[g])
    }
  }
  clampTouched(ctx)
}
