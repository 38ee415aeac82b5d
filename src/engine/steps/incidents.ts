// Step 7: "the threat that leaves something to chance". Each pair in contact may have a dangerous
// incident nobody chose; its chance rises with the pair's tension and this turn's pin pricks.
// On the top rung a severe incident may become an armed clash, which ends the game.
import { RNG_TAGS, uniform } from '../rng.ts'
import type { TurnContext } from './context.ts'
import { change, clampTouched } from './context.ts'

export function incidentProbability(ctx: Pick<TurnContext, 'scn'>, tension: number, pinPricks: number): number {
  const { incidentBase, incidentGrowth, incidentPinPrick } = ctx.scn.params
  const hazard = incidentBase * Math.exp(incidentGrowth * tension) * (1 + incidentPinPrick * pinPricks)
  return 1 - Math.exp(-hazard)
}

export function applyIncidents(ctx: TurnContext): void {
  ctx.step = 'incidents'
  const rule = ctx.scn.structural.incidents
  if (!rule) return
  const { scn, state } = ctx
  const topRung = scn.file.ladder.length - 1
  for (let p = 0; p < scn.pairActors.length; p++) {
    if (!scn.contact[p]) continue
    const tension = state.tension[p]
    const probability = incidentProbability(ctx, tension, ctx.pinPricks[p])
    if (uniform(state.seed, ctx.turn, RNG_TAGS.incident, p) >= probability) continue
    const severity: 1 | 2 = uniform(state.seed, ctx.turn, RNG_TAGS.severity, p) < tension ? 2 : 1
    const [i, j] = scn.pairActors[p]
    const actors: [string, string] = [scn.actorIds[i], scn.actorIds[j]]
    const theatre = scn.theatre[p]
    ctx.incidents.push({
      actors,
      severity,
      probability,
      theatre: theatre?.name ?? null,
      lon: theatre?.lon ?? null,
      lat: theatre?.lat ?? null,
    })
    change(ctx, rule.cause, 'tension', p, scn.params.incidentTension * severity, actors)
    change(ctx, rule.cause, 'alignment', p, -scn.params.incidentAlignment * severity, actors)
    const onTopRung = state.rung >= topRung
    if (severity === 2 && onTopRung && !state.clash && uniform(state.seed, ctx.turn, RNG_TAGS.clash, p) < scn.params.clashChance) {
      state.clash = { turn: ctx.turn, actors, theatre: theatre?.name ?? null }
    }
  }
  clampTouched(ctx)
}
