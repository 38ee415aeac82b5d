// Step 5: alignment drift. Balance, interests and pacts are computed from the alignment at the start
// of the step (synchronous), then the limits: the soft autonomy ceiling, the interdependence floor, the hard cap.
import type { TurnContext } from './context.ts'
import { change, clampTouched, setTo } from './context.ts'
import { pairIndex } from '../compiled.ts'

function meanTension(tension: readonly number[]): number {
  let sum = 0
  for (const value of tension) sum += value
  return tension.length > 0 ? sum / tension.length : 0
}

/**
 * Strategic autonomy as a soft ceiling: of a turn's gain g from `start`, with headroom h = ceiling − start,
 * h·(1 − e^(−g/h)) takes effect — nearly all of a small gain far from the ceiling, ever less near it, and
 * never past it. Losses pass unchanged; a pair already at or above the ceiling gains nothing.
 */
export function softCeiling(start: number, now: number, ceiling: number): number {
  if (now <= start) return now
  if (start >= ceiling) return start
  const headroom = ceiling - start
  return start + headroom * (1 - Math.exp(-(now - start) / headroom))
}

let START = new Float64Array(0)
let BALANCE = new Float64Array(0)

export function applyAlignmentDrift(ctx: TurnContext): void {
  ctx.step = 'alignment'
  const { scn, state } = ctx
  const { structural, params, n } = scn
  const pairCount = state.alignment.length
  // The alignment at the start of the step, and each pair's balance delta (working arrays, reused).
  if (START.length < pairCount) {
    START = new Float64Array(pairCount)
    BALANCE = new Float64Array(pairCount)
  }
  const alignment = START
  const balanceDeltas = BALANCE
  for (let p = 0; p < pairCount; p++) {
    alignment[p] = state.alignment[p]
    balanceDeltas[p] = 0
  }
  if (structural.balance && n > 2) {
    const rate = params.balanceRate * (1 + params.stressAmplifier * meanTension(state.tension))
    for (let p = 0; p < pairCount; p++) {
      const pair = scn.pairActors[p]
      const i = pair[0]
      const j = pair[1]
      let triads = 0
      for (let k = 0; k < n; k++) {
        if (k !== i && k !== j) triads += alignment[scn.pairOf[i * n + k]] * alignment[scn.pairOf[k * n + j]]
      }
      const a = alignment[p]
      balanceDeltas[p] = (rate * (1 - a * a) * triads) / (n - 2)
    }
  }
  for (let p = 0; p < pairCount; p++) {
    const a = alignment[p]
    if (structural.balance) change(ctx, structural.balance.cause, 'alignment', p, balanceDeltas[p])
    if (structural.interests) change(ctx, structural.interests.cause, 'alignment', p, params.interestPull * (scn.baseline[p] - a))
    if (structural.pacts) change(ctx, structural.pacts.cause, 'alignment', p, params.pactPull * state.commitment[p] * (1 - a))
  }
  clampTouched(ctx)

  // The soft ceiling reins in this turn's gains before the floor lifts a pair to its ties; the hard cap of
  // format 1 applies after the floor, as it always did.
  const ceiling = structural['autonomy-ceiling']
  if (ceiling && ceiling.data.kind === 'autonomy-ceiling') {
    const [a, b] = ceiling.data.pair
    const p = pairIndex(scn, a, b)
    const target = softCeiling(ctx.alignmentAtStart[p], state.alignment[p], Math.min(1, scn.baseline[p] + params.autonomyMargin))
    if (target < state.alignment[p]) setTo(ctx, ceiling.cause, 'alignment', p, target)
  }
  const floor = structural['interdependence-floor']
  if (floor) {
    for (let p = 0; p < pairCount; p++) {
      // Pairs without ties have no floor at all.
      if (state.interdependence[p] <= 0) continue
      const minimum = params.interdependenceFloor * state.interdependence[p]
      if (state.alignment[p] < minimum) setTo(ctx, floor.cause, 'alignment', p, minimum)
    }
  }
  const cap = structural['autonomy-cap']
  if (cap && cap.data.kind === 'autonomy-cap') {
    const [a, b] = cap.data.pair
    const p = pairIndex(scn, a, b)
    if (state.alignment[p] > params.autonomyCap) setTo(ctx, cap.cause, 'alignment', p, params.autonomyCap)
  }
  ctx.touched.clear()
}
