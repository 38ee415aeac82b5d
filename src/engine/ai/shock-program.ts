// The computer players' fast path. A single choice's shock (step 2, its action's effects, and step 3, the
// reactions it triggers) is a fixed list of (variable, index, delta) changes: which pairs and actors it
// touches and by how much depend on the choice alone, never on the state. The steps themselves work that list
// out (steps/order-effects.ts, and containmentActs for double containment); here it is laid out flat once per
// candidate, and trying it on a state is a short loop over a typed array.
// HAZARD: runShock repeats the steps' arithmetic (each change rounded to the state grid, then the step's
// clamps), so its values are the steps' values exactly (tests/unit/engine-ai-fast-path.test.ts compares them).
import type { CompiledScenario } from '../compiled.ts'
import type { Choice } from '../choices.ts'
import type { GameState } from '../state.ts'
import type { EffectChanges } from '../steps/effects.ts'
import { answerEffects, orderEffects } from '../steps/order-effects.ts'
import { containmentActs } from '../steps/reactions.ts'

/** Where each state variable lives in a flat array of all of them (see FlatLayout). */
export interface FlatLayout {
  alignment: number
  tension: number
  commitment: number
  interdependence: number
  readiness: number
  standing: number
  grievance: number
  size: number
  low: Float64Array
  high: Float64Array
}

export function flatLayout(scn: CompiledScenario): FlatLayout {
  const pairs = scn.pairActors.length
  const n = scn.n
  const layout = {
    alignment: 0,
    tension: pairs,
    commitment: 2 * pairs,
    interdependence: 3 * pairs,
    readiness: 4 * pairs,
    standing: 4 * pairs + n,
    grievance: 4 * pairs + 2 * n,
    size: 4 * pairs + 2 * n + n * n,
  }
  const low = new Float64Array(layout.size)
  const high = new Float64Array(layout.size).fill(1)
  low.fill(-1, 0, pairs)
  high.fill(scn.params.readinessMax, layout.readiness, layout.readiness + n)
  return { ...layout, low, high }
}

/** Copies the state's variables into `into` (laid out by `layout`). */
export function fillFlat(layout: FlatLayout, state: GameState, into: Float64Array): void {
  copyInto(state.alignment, into, layout.alignment)
  copyInto(state.tension, into, layout.tension)
  copyInto(state.commitment, into, layout.commitment)
  copyInto(state.interdependence, into, layout.interdependence)
  copyInto(state.readiness, into, layout.readiness)
  copyInto(state.standing, into, layout.standing)
  copyInto(state.grievance, into, layout.grievance)
}

// A plain loop: TypedArray.set from an ordinary array takes a slow generic path.
function copyInto(values: readonly number[], into: Float64Array, offset: number): void {
  for (let k = 0; k < values.length; k++) into[offset + k] = values[k]
}

export interface ShockProgram {
  /** Flat indices and deltas of the changes, in the order the steps make them. */
  index: Int32Array
  delta: Float64Array
  /** Changes [0, actionsEnd) are step 2's; the rest step 3's. Each step ends with its clamps. */
  actionsEnd: number
  /** Distinct flat indices each step changes (clamped at its end). */
  actionsTouched: Int32Array
  reactionsTouched: Int32Array
  /** Every flat index the program may change: what to put back after a try. */
  touched: Int32Array
  /** Pairs this choice pin-pricks and how many times. */
  pinPairs: Int32Array
  pinCounts: Int32Array
  /** Whether it changes any tension (so the ladder must be read again). */
  touchesTension: boolean
  /** Whether its action is hostile (only hostile acts answer a grievance). */
  hostile: boolean
  /** The choice's targets by actor index, and its reciprocity factor (1.5 for a joint act, else 1). */
  targets: Int32Array
  jointFactor: number
  /** The program as each viewer needs it (by actor index), made on first use (see fast-value.ts). */
  views: (ViewerProgram | null)[]
}

/** A program cut down to what one viewer's value reads, and which of its objectives it can change. */
export interface ViewerProgram {
  index: Int32Array
  delta: Float64Array
  actionsEnd: number
  actionsTouched: Int32Array
  reactionsTouched: Int32Array
  touched: Int32Array
  /** The tension pairs it changes. */
  tensionPairs: Int32Array
  /** 1 for each of the viewer's objectives whose inputs it changes. */
  affects: Uint8Array
}

/**
 * The program without the changes to values `keep` says the viewer never reads. A change only reads and
 * writes its own value, so leaving out others' changes leaves the kept values exactly as they were.
 */
export function prunedProgram(
  program: ShockProgram,
  layout: FlatLayout,
  keep: (index: number) => boolean,
  affects: Uint8Array,
): ViewerProgram {
  const index: number[] = []
  const delta: number[] = []
  let actionsEnd = 0
  for (let k = 0; k < program.index.length; k++) {
    if (!keep(program.index[k])) continue
    index.push(program.index[k])
    delta.push(program.delta[k])
    if (k < program.actionsEnd) actionsEnd = index.length
  }
  const touched = program.touched.filter(keep)
  return {
    index: Int32Array.from(index),
    delta: Float64Array.from(delta),
    actionsEnd,
    actionsTouched: program.actionsTouched.filter(keep),
    reactionsTouched: program.reactionsTouched.filter(keep),
    touched,
    tensionPairs: touched.filter((i) => i >= layout.tension && i < layout.commitment).map((i) => i - layout.tension),
    affects,
  }
}

/** The changes laid out flat, appended to `index` and `delta`. */
export function pushFlat(layout: FlatLayout, changes: EffectChanges, index: number[], delta: number[]): void {
  for (let k = 0; k < changes.variables.length; k++) {
    index.push(layout[changes.variables[k]] + changes.indices[k])
    delta.push(changes.deltas[k])
  }
}

const distinctSorted = (values: readonly number[]) => Int32Array.from(new Set(values)).sort()

/** The program of one choice taken alone: its order's effects (steps/order-effects.ts) laid out flat. */
export function compileShock(scn: CompiledScenario, layout: FlatLayout, choice: Choice): ShockProgram {
  const effects = orderEffects(scn, choice)
  const action = scn.actionById[choice.action]
  const index: number[] = []
  const delta: number[] = []
  pushFlat(layout, effects.action, index, delta)
  const actionsEnd = index.length
  const pins = new Map<number, number>()
  for (const pair of effects.pinPairs) pins.set(pair, (pins.get(pair) ?? 0) + 1)
  for (const changes of effects.reactions) if (changes) pushFlat(layout, changes, index, delta)
  for (const rule of scn.containments) {
    for (const act of containmentActs(scn, rule, [choice])) pushFlat(layout, answerEffects(scn, rule, act), index, delta)
  }
  const pinPairs = Int32Array.from(pins.keys()).sort()
  const pairs = scn.pairActors.length
  return {
    touchesTension: index.some((index) => index >= layout.tension && index < layout.tension + pairs),
    hostile: action.tagSet.has('hostile'),
    targets: Int32Array.from(choice.targets ?? [], (id) => scn.actorIndex[id]),
    jointFactor: choice.partners && choice.partners.length > 0 ? 1.5 : 1,
    views: scn.actorIds.map(() => null),
    index: Int32Array.from(index),
    delta: Float64Array.from(delta),
    actionsEnd,
    actionsTouched: distinctSorted(index.slice(0, actionsEnd)),
    reactionsTouched: distinctSorted(index.slice(actionsEnd)),
    touched: distinctSorted(index),
    pinPairs,
    pinCounts: Int32Array.from(pinPairs, (pair) => pins.get(pair)!),
  }
}

const SCALE = 2 ** 32

/** Runs the program on `flat` (a state laid out flat), as the two steps would change it. */
export function runShock(program: ShockProgram | ViewerProgram, layout: FlatLayout, flat: Float64Array): void {
  const { index, delta, actionsEnd } = program
  for (let k = 0; k < actionsEnd; k++) flat[index[k]] = Math.round((flat[index[k]] + delta[k]) * SCALE) / SCALE
  clampAll(program.actionsTouched, layout, flat)
  for (let k = actionsEnd; k < index.length; k++) flat[index[k]] = Math.round((flat[index[k]] + delta[k]) * SCALE) / SCALE
  clampAll(program.reactionsTouched, layout, flat)
}

function clampAll(indices: Int32Array, layout: FlatLayout, flat: Float64Array): void {
  const { low, high } = layout
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]
    const value = flat[i]
    if (value < low[i]) flat[i] = low[i]
    else if (value > high[i]) flat[i] = high[i]
  }
}

/** Puts back, from `source`, every value the program may have changed in `flat`. */
export function undoShock(program: ShockProgram | ViewerProgram, source: Float64Array, flat: Float64Array): void {
  const touched = program.touched
  for (let k = 0; k < touched.length; k++) flat[touched[k]] = source[touched[k]]
}
