// The bare baseline of the model's turn (issue 11, part 4): the same arithmetic as resolveTurn without a
// ledger (steps 2-8: actions, reactions, arms, alignment drift, tension, incidents, indices and scores) written
// as plain loops over typed arrays, with all that depends on the orders alone (which values each action and
// reaction changes, and by how much) compiled beforehand. Nothing else: no objects, no checks, no ledger.
// The bench checks that it gives resolveTurn's values exactly before timing either, so the ratio compares
// the same work.
import type { Choice, CompiledScenario, GameState } from '../../src/engine/index.ts'
import { pairIndex } from '../../src/engine/compiled.ts'
import { RNG_TAGS, uniform } from '../../src/engine/rng.ts'
import { answerEffects, orderEffects } from '../../src/engine/steps/order-effects.ts'
import { containmentActs } from '../../src/engine/steps/reactions.ts'
import type { FlatLayout } from '../../src/engine/ai/shock-program.ts'
import { fillFlat, flatLayout, pushFlat } from '../../src/engine/ai/shock-program.ts'
import type { FlatRole } from '../../src/engine/ai/flat-score.ts'
import { compileRole, flatRoleScore } from '../../src/engine/ai/flat-score.ts'

const SCALE = 2 ** 32
const q = (value: number) => Math.round(value * SCALE) / SCALE

/** Steps 2 and 3 for one list of orders: (flat index, delta) changes in the order the steps make them. */
export interface CompiledOrders {
  index: Int32Array
  delta: Float64Array
  actionsEnd: number
  /** Pin pricks per pair. */
  pins: Float64Array
}

/** A state as the kernel holds it: the variables flat, then the derived values and streaks. */
export interface KernelState {
  flat: Float64Array
  /** Bloc side of each actor. */
  side: Int32Array
  scores: Float64Array
  totals: Float64Array
  seed: number
  turn: number
  turnLimit: number
  rung: number
  rigidity: number
  frustration: number
  balancedShare: number
  movement: number
  rigidStreak: number
  impasseStreak: number
  impasse: boolean
  rigidBlocs: boolean
  quasiAlliance: boolean
  clash: boolean
}

export class TurnKernel {
  readonly layout: FlatLayout
  private readonly roles: FlatRole[]
  private readonly first: Int32Array
  private readonly second: Int32Array
  private readonly capability: Float64Array
  private readonly contact: Uint8Array
  private readonly baseline: Float64Array
  private readonly pairOf: Int32Array
  private readonly ladderUp: Float64Array
  private readonly ladderDown: Float64Array
  private readonly startAlignment: Float64Array
  private readonly snapshot: Float64Array
  private readonly deltas: Float64Array
  private readonly weights: Float64Array
  private readonly frustratedWhenSame: Int8Array
  private readonly newSide: Int32Array

  constructor(private readonly scn: CompiledScenario) {
    this.layout = flatLayout(scn)
    this.roles = scn.roles.map((role) => compileRole(scn, this.layout, role))
    const pairs = scn.pairActors.length
    this.first = Int32Array.from(scn.pairActors, ([i]) => i)
    this.second = Int32Array.from(scn.pairActors, ([, j]) => j)
    this.capability = Float64Array.from(scn.capability)
    this.contact = Uint8Array.from(scn.contact, (c) => (c ? 1 : 0))
    this.baseline = Float64Array.from(scn.baseline)
    this.pairOf = Int32Array.from(scn.pairOf)
    this.ladderUp = Float64Array.from(scn.file.ladder, (rung) => rung.up)
    this.ladderDown = Float64Array.from(scn.file.ladder, (rung) => rung.down)
    this.startAlignment = new Float64Array(pairs)
    this.snapshot = new Float64Array(Math.max(pairs, scn.n * scn.n))
    this.deltas = new Float64Array(pairs)
    this.weights = new Float64Array(pairs)
    this.frustratedWhenSame = new Int8Array(pairs)
    this.newSide = new Int32Array(scn.n)
  }

  /** The state as the kernel holds it. */
  load(state: GameState): KernelState {
    const scn = this.scn
    const flat = new Float64Array(this.layout.size)
    fillFlat(this.layout, state, flat)
    return {
      flat,
      side: Int32Array.from(scn.actorIds, (id) => (state.blocs[1].includes(id) ? 1 : 0)),
      scores: Float64Array.from(scn.roles, (role) => state.scores[role.id] ?? 0),
      totals: Float64Array.from(scn.roles, (role) => state.scoreTotals[role.id] ?? 0),
      seed: state.seed,
      turn: state.turn,
      turnLimit: state.turnLimit,
      rung: state.rung,
      rigidity: state.rigidity,
      frustration: state.frustration,
      balancedShare: state.balancedShare,
      movement: state.movement,
      rigidStreak: state.rigidStreak,
      impasseStreak: state.impasseStreak,
      impasse: state.impasse,
      rigidBlocs: state.rigidBlocs,
      quasiAlliance: state.quasiAlliance,
      clash: state.clash !== null,
    }
  }

  /** A state to write turns into, shaped as `like`. */
  blank(like: KernelState): KernelState {
    return { ...like, flat: like.flat.slice(), side: like.side.slice(), scores: like.scores.slice(), totals: like.totals.slice() }
  }

  /**
   * Steps 2 and 3 of a turn with these (checked, canonically ordered) orders, in the order the steps make them:
   * the changes the engine itself works out for each order (steps/order-effects.ts), laid out flat.
   */
  compile(orders: readonly Choice[]): CompiledOrders {
    const { scn, layout } = this
    const index: number[] = []
    const delta: number[] = []
    const pins = new Float64Array(scn.pairActors.length)
    const effects = orders.map((order) => orderEffects(scn, order))
    for (const { action, pinPairs } of effects) {
      pushFlat(layout, action, index, delta)
      for (const pair of pinPairs) pins[pair] += 1
    }
    const actionsEnd = index.length
    for (let r = 0; r < scn.reactions.length; r++) {
      for (const order of effects) {
        const changes = order.reactions[r]
        if (changes) pushFlat(layout, changes, index, delta)
      }
    }
    for (const rule of scn.containments) {
      for (const act of containmentActs(scn, rule, orders)) pushFlat(layout, answerEffects(scn, rule, act), index, delta)
    }
    return { index: Int32Array.from(index), delta: Float64Array.from(delta), actionsEnd, pins }
  }

  /** One turn from `input` with `orders` into `out` (input is left as it was). */
  turn(input: KernelState, orders: CompiledOrders, out: KernelState): void {
    const { scn, layout } = this
    const { params, structural, n } = scn
    const pairs = this.first.length
    const flat = out.flat
    flat.set(input.flat)
    out.side.set(input.side)
    out.totals.set(input.totals)
    out.clash = input.clash
    const turn = input.turn + 1
    const { low, high } = layout
    this.startAlignment.set(flat.subarray(0, pairs))

    // Steps 2 and 3: the compiled changes, each step ending with its clamps.
    const { index, delta, actionsEnd } = orders
    for (let k = 0; k < actionsEnd; k++) flat[index[k]] = q(flat[index[k]] + delta[k])
    for (let k = 0; k < actionsEnd; k++) clampAt(flat, index[k], low, high)
    for (let k = actionsEnd; k < index.length; k++) flat[index[k]] = q(flat[index[k]] + delta[k])
    for (let k = actionsEnd; k < index.length; k++) clampAt(flat, index[k], low, high)

    // Step 4: arms, from the readiness at the start of the step.
    const readiness = layout.readiness
    if (structural.arms) {
      const { armsReactivity, armsCost, armsBase, readinessMax } = params
      const snapshot = this.snapshot
      for (let i = 0; i < n; i++) snapshot[i] = flat[readiness + i]
      for (let i = 0; i < n; i++) {
        let threat = 0
        for (let j = 0; j < n; j++) {
          if (j === i) continue
          const p = this.pairOf[i * n + j]
          const hostility = Math.max(0, -flat[p])
          if (hostility > 0) threat += hostility * (this.contact[p] ? 1 : 0.5) * snapshot[j]
        }
        const own = snapshot[i]
        this.deltas[i] = (armsReactivity * threat + armsBase) * (1 - own / readinessMax) - armsCost * own
      }
      for (let i = 0; i < n; i++) {
        flat[readiness + i] = q(flat[readiness + i] + this.deltas[i])
        clampAt(flat, readiness + i, low, high)
      }
    }

    // Step 5: alignment drift from the alignment at the start of the step, then its limits.
    const alignment = this.snapshot
    for (let p = 0; p < pairs; p++) alignment[p] = flat[p]
    const balance = structural.balance !== undefined && n > 2
    if (balance) {
      let tensionSum = 0
      for (let p = 0; p < pairs; p++) tensionSum += flat[layout.tension + p]
      const rate = params.balanceRate * (1 + params.stressAmplifier * (pairs > 0 ? tensionSum / pairs : 0))
      for (let p = 0; p < pairs; p++) {
        const i = this.first[p]
        const j = this.second[p]
        let triads = 0
        for (let k = 0; k < n; k++) if (k !== i && k !== j) triads += alignment[this.pairOf[i * n + k]] * alignment[this.pairOf[k * n + j]]
        const a = alignment[p]
        this.deltas[p] = (rate * (1 - a * a) * triads) / (n - 2)
      }
    }
    for (let p = 0; p < pairs; p++) {
      const a = alignment[p]
      if (structural.balance) flat[p] = q(flat[p] + (balance ? this.deltas[p] : 0))
      if (structural.interests) flat[p] = q(flat[p] + params.interestPull * (this.baseline[p] - a))
      if (structural.pacts) flat[p] = q(flat[p] + params.pactPull * flat[layout.commitment + p] * (1 - a))
      clampAt(flat, p, low, high)
    }
    const ceiling = structural['autonomy-ceiling']
    if (ceiling && ceiling.data.kind === 'autonomy-ceiling') {
      const p = pairIndex(scn, ceiling.data.pair[0], ceiling.data.pair[1])
      const start = this.startAlignment[p]
      const now = flat[p]
      const top = Math.min(1, this.baseline[p] + params.autonomyMargin)
      const target = now <= start ? now : start >= top ? start : start + (top - start) * (1 - Math.exp(-(now - start) / (top - start)))
      if (target < now) flat[p] = q(now + (q(target) - now))
    }
    if (structural['interdependence-floor']) {
      for (let p = 0; p < pairs; p++) {
        const ties = flat[layout.interdependence + p]
        if (ties <= 0) continue
        const minimum = params.interdependenceFloor * ties
        if (flat[p] < minimum) flat[p] = q(flat[p] + (q(minimum) - flat[p]))
      }
    }
    const cap = structural['autonomy-cap']
    if (cap && cap.data.kind === 'autonomy-cap') {
      const p = pairIndex(scn, cap.data.pair[0], cap.data.pair[1])
      if (flat[p] > params.autonomyCap) flat[p] = q(flat[p] + (q(params.autonomyCap) - flat[p]))
    }

    // Step 6: tension cools unless fed by hostility; standing and grievances fade.
    const tension = layout.tension
    for (let p = 0; p < pairs; p++) {
      const before = flat[tension + p]
      if (structural['tension-cooling']) flat[tension + p] = q(flat[tension + p] - params.tensionCooling * before)
      if (structural['tension-hostility']) {
        const hostility = Math.max(0, -flat[p])
        if (hostility > 0) {
          const armed = (flat[readiness + this.first[p]] + flat[readiness + this.second[p]]) / (2 * params.readinessMax)
          flat[tension + p] = q(flat[tension + p] + params.hostilityHeat * hostility * armed)
        }
      }
      clampAt(flat, tension + p, low, high)
    }
    if (structural['standing-fading']) {
      for (let i = layout.standing; i < layout.standing + n; i++) {
        if (flat[i] > 0) flat[i] = q(flat[i] - params.standingFading * flat[i])
        clampAt(flat, i, low, high)
      }
    }
    if (structural['grievance-fading']) {
      for (let g = layout.grievance; g < layout.size; g++) {
        if (flat[g] > 0) flat[g] = q(flat[g] - params.grievanceFading * flat[g])
        clampAt(flat, g, low, high)
      }
    }

    // Step 7: incidents, by the dice.
    if (structural.incidents) {
      const topRung = this.ladderUp.length - 1
      for (let p = 0; p < pairs; p++) {
        if (!this.contact[p]) continue
        const heat = flat[tension + p]
        const hazard = params.incidentBase * Math.exp(params.incidentGrowth * heat) * (1 + params.incidentPinPrick * orders.pins[p])
        if (uniform(input.seed, turn, RNG_TAGS.incident, p) >= 1 - Math.exp(-hazard)) continue
        const severity = uniform(input.seed, turn, RNG_TAGS.severity, p) < heat ? 2 : 1
        flat[tension + p] = q(flat[tension + p] + params.incidentTension * severity)
        flat[p] = q(flat[p] - params.incidentAlignment * severity)
        clampAt(flat, tension + p, low, high)
        clampAt(flat, p, low, high)
        if (severity === 2 && input.rung >= topRung && !out.clash && uniform(input.seed, turn, RNG_TAGS.clash, p) < params.clashChance) {
          out.clash = true
        }
      }
    }

    this.indices(input, out, turn)
  }

  /** Step 8: blocs, rigidity, the ladder, the detectors and the scores. */
  private indices(input: KernelState, out: KernelState, turn: number): void {
    const { scn, layout } = this
    const { params, structural, n } = scn
    const flat = out.flat
    const pairs = this.first.length
    const { first, second, weights, frustratedWhenSame } = this
    let total = 0
    for (let p = 0; p < pairs; p++) {
      const a = flat[p]
      weights[p] = this.capability[first[p]] * this.capability[second[p]] * Math.abs(a)
      total += weights[p]
      frustratedWhenSame[p] = a < 0 ? 1 : a > 0 ? 0 : -1
    }
    let bestMask = 0
    let bestEnergy = Infinity
    for (let mask = 0; mask < 1 << (n - 1); mask++) {
      const sides = mask << 1
      let energy = 0
      for (let p = 0; p < pairs; p++) {
        if (frustratedWhenSame[p] === (((sides >> first[p]) ^ (sides >> second[p])) & 1 ? 0 : 1)) energy += weights[p]
        if (energy >= bestEnergy) break
      }
      if (energy < bestEnergy) {
        bestEnergy = energy
        bestMask = mask
      }
    }
    let sameMembers = true
    let secondSide = false
    for (let i = 0; i < n; i++) {
      const side = i === 0 ? 0 : (bestMask >> (i - 1)) & 1
      this.newSide[i] = side
      if (side !== input.side[i]) sameMembers = false
      if (side === 1) secondSide = true
    }
    out.side.set(this.newSide)
    out.frustration = total > 0 ? bestEnergy / total : 0

    let within = 0
    let withinCount = 0
    let cross = 0
    let crossTension = 0
    let hottest = 0
    let crossCount = 0
    let hottestAny = 0
    for (let p = 0; p < pairs; p++) {
      const heat = flat[layout.tension + p]
      hottestAny = Math.max(hottestAny, heat)
      if (this.newSide[first[p]] === this.newSide[second[p]]) {
        within += flat[p]
        withinCount++
      } else {
        cross += flat[p]
        crossTension += heat
        hottest = Math.max(hottest, heat)
        crossCount++
      }
    }
    let balanced = 0
    let triads = 0
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const aij = flat[this.pairOf[i * n + j]]
        for (let k = j + 1; k < n; k++) {
          const product = aij * flat[this.pairOf[j * n + k]] * flat[this.pairOf[k * n + i]]
          triads += Math.abs(product)
          if (product > 0) balanced += product
        }
      }
    }
    const balancedShare = triads > 0 ? balanced / triads : 1
    const withinMean = withinCount > 0 ? within / withinCount : 0
    const crossMean = crossCount > 0 ? cross / crossCount : 0
    const meanCrossTension = crossCount > 0 ? crossTension / crossCount : 0
    const rigidity = q(secondSide ? 100 * Math.min(1, Math.max(0, (withinMean - crossMean) / 2)) * balancedShare : 0)
    out.rigidity = rigidity
    out.balancedShare = balancedShare

    let movement = 0
    for (let p = 0; p < pairs; p++) movement += Math.abs(flat[p] - input.flat[p])
    out.movement = movement
    const rigidRule = structural['rigid-blocs'] !== undefined
    out.rigidStreak = rigidity >= params.rigidityThreshold ? (sameMembers ? input.rigidStreak + 1 : 1) : 0
    out.rigidBlocs = rigidRule && out.rigidStreak >= params.rigidTurns
    const stalemate = out.rigidBlocs && meanCrossTension >= params.impasseTension && movement <= params.impasseMovement
    out.impasseStreak = stalemate ? input.impasseStreak + 1 : 0
    out.impasse = structural.impasse !== undefined && out.impasseStreak >= params.impasseTurns

    const heat = crossCount > 0 ? hottest : hottestAny
    const rungs = this.ladderUp.length
    const maxStepsDown = input.impasse ? 1 : rungs
    let rung = Math.min(Math.max(0, input.rung), rungs - 1)
    while (rung + 1 < rungs && heat >= this.ladderUp[rung + 1]) rung++
    let stepsDown = 0
    while (rung > 0 && heat < this.ladderDown[rung] && stepsDown < maxStepsDown) {
      rung--
      stepsDown++
    }
    out.rung = rung

    const quasi = structural['quasi-alliance']
    out.quasiAlliance = input.quasiAlliance
    if (quasi && quasi.data.kind === 'quasi-alliance') {
      out.quasiAlliance = flat[pairIndex(scn, quasi.data.pair[0], quasi.data.pair[1])] >= params.quasiAllianceThreshold
    }

    const counted = turn > 0 && scn.file.turns.scoring === 'mean'
    for (let r = 0; r < this.roles.length; r++) {
      const turnScore = q(out.clash ? 0 : flatRoleScore(this.roles[r], flat, rung, rigidity))
      let score = turnScore
      if (counted) {
        out.totals[r] = input.totals[r] + turnScore
        score = q(out.totals[r] / (out.clash ? input.turnLimit : turn))
      }
      out.scores[r] = score
    }
    out.turn = turn
    out.seed = input.seed
    out.turnLimit = input.turnLimit
  }
}

function clampAt(flat: Float64Array, i: number, low: Float64Array, high: Float64Array): void {
  const value = flat[i]
  if (value < low[i]) flat[i] = low[i]
  else if (value > high[i]) flat[i] = high[i]
}

/** Where the kernel's turn and the engine's differ (empty when they agree exactly). */
export function kernelDifference(kernel: TurnKernel, scn: CompiledScenario, out: KernelState, engine: GameState): string[] {
  const expected = kernel.load(engine)
  const problems: string[] = []
  for (let k = 0; k < expected.flat.length; k++) if (expected.flat[k] !== out.flat[k]) problems.push(`flat[${k}]`)
  for (const key of [
    'rung',
    'rigidity',
    'rigidStreak',
    'impasseStreak',
    'impasse',
    'rigidBlocs',
    'quasiAlliance',
    'clash',
    'turn',
  ] as const) {
    if (expected[key] !== out[key]) problems.push(key)
  }
  for (let r = 0; r < scn.roles.length; r++) if (expected.scores[r] !== out.scores[r]) problems.push(`score ${scn.roles[r].id}`)
  for (let i = 0; i < scn.n; i++) if (expected.side[i] !== out.side[i]) problems.push(`side ${scn.actorIds[i]}`)
  return problems
}
