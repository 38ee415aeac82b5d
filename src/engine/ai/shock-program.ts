// The computer players' fast path. A single choice's shock (step 2, its action's effects, and step 3, the
// reactions it triggers) is a fixed list of (variable, index, delta) changes: which pairs and actors it
// touches and by how much depend on the choice alone, never on the state. So each candidate is compiled
// once per scenario into such a program, and trying it on a state is a short loop over a typed array,
// with the same arithmetic as the steps (each change rounded to the state grid, then the step's clamps),
// so its values are the steps' values exactly (tests/unit/engine-ai-fast-path.test.ts compares them).
// HAZARD: this mirrors steps/effects.ts, actions.ts and reactions.ts; a change there must be made here too.
import type { CompiledScenario } from '../compiled.ts'
import { pairIndex } from '../compiled.ts'
import type { Choice } from '../choices.ts'
import type { EffectData } from '../scenario/schema.ts'
import type { GameState } from '../state.ts'
import { participantsOf, resolveRef } from '../steps/effects.ts'
import { matchesTrigger } from '../steps/reactions.ts'

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

type FlatVariable = Exclude<keyof FlatLayout, 'size' | 'low' | 'high'>

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

class ProgramBuilder {
  readonly index: number[] = []
  readonly delta: number[] = []
  constructor(
    private readonly scn: CompiledScenario,
    private readonly layout: FlatLayout,
  ) {}

  /** As steps/effects.ts applyEffects, recording the changes instead of making them. */
  effects(effects: readonly EffectData[], choice: Choice | null): void {
    const { scn, layout } = this
    for (const effect of effects) {
      if (effect.variable === 'readiness' || effect.variable === 'standing') {
        for (const id of distinct(resolveRef(effect.of, choice))) this.push(layout[effect.variable] + scn.actorIndex[id], effect.delta)
        continue
      }
      if (effect.variable === 'grievance') {
        const toward = distinct(resolveRef(effect.toward, choice))
        for (const who of distinct(resolveRef(effect.of, choice))) {
          for (const target of toward) {
            if (who === target) continue
            this.push(layout.grievance + scn.actorIndex[who] * scn.n + scn.actorIndex[target], effect.delta)
          }
        }
        continue
      }
      const pairs: number[] = []
      const others = resolveRef(effect.between[1], choice)
      for (const a of resolveRef(effect.between[0], choice)) {
        for (const b of others) {
          const pair = a === b ? -1 : pairIndex(scn, a, b)
          if (pair >= 0 && !pairs.includes(pair)) pairs.push(pair)
        }
      }
      pairs.sort((x, y) => x - y)
      const delta = effect.delta * sizeOf(effect.per, choice)
      for (const pair of pairs) this.push(layout[effect.variable as FlatVariable] + pair, delta)
    }
  }

  private push(index: number, delta: number): void {
    this.index.push(index)
    this.delta.push(delta)
  }
}

function distinct(ids: string[]): string[] {
  return ids.length < 2 ? ids : ids.filter((id, k) => ids.indexOf(id) === k)
}

function sizeOf(per: 'participant' | 'target' | undefined, choice: Choice | null): number {
  if (choice === null) return 1
  if (per === 'participant') return 1 + (choice.partners?.length ?? 0)
  if (per === 'target') return choice.targets?.length ?? 0
  return 1
}

/** As steps/reactions.ts applyReactions for a turn whose only order is `order`. */
function reactionsOf(scn: CompiledScenario, builder: ProgramBuilder, order: Choice): void {
  for (const rule of scn.reactions) if (matchesTrigger(scn, rule.when, order)) builder.effects(rule.effects, order)
  for (const rule of scn.containments) {
    if (rule.data.kind !== 'double-containment' || !matchesTrigger(scn, rule.when, order)) continue
    const [first, second] = rule.data.targets
    const targets = new Set(order.targets ?? [])
    const participants = participantsOf(order)
    if (rule.data.camp) {
      const members = rule.data.camp.filter((id) => participants.includes(id) && (targets.has(first) || targets.has(second)))
      if (members.length > 0 && targets.has(first) && targets.has(second)) {
        const [actor, ...partners] = members
        const choice: Choice = { actor, action: '', targets: [first, second] }
        if (partners.length > 0) choice.partners = partners
        builder.effects(rule.effects, choice)
      }
      continue
    }
    if (!targets.has(first) || !targets.has(second)) continue
    for (const actor of [...new Set(participants)].sort()) builder.effects(rule.effects, { actor, action: '', targets: [first, second] })
  }
}

const distinctSorted = (values: readonly number[]) => Int32Array.from(new Set(values)).sort()

/** The program of one choice taken alone. */
export function compileShock(scn: CompiledScenario, layout: FlatLayout, choice: Choice): ShockProgram {
  const builder = new ProgramBuilder(scn, layout)
  const action = scn.actionById[choice.action]
  builder.effects(action.data.effects, choice)
  const actionsEnd = builder.index.length
  const pins = new Map<number, number>()
  if (action.data.pinPrick) {
    for (const participant of participantsOf(choice)) {
      for (const target of choice.targets ?? []) {
        const pair = pairIndex(scn, participant, target)
        pins.set(pair, (pins.get(pair) ?? 0) + 1)
      }
    }
  }
  reactionsOf(scn, builder, choice)
  const pinPairs = Int32Array.from(pins.keys()).sort()
  const pairs = scn.pairActors.length
  return {
    touchesTension: builder.index.some((index) => index >= layout.tension && index < layout.tension + pairs),
    hostile: action.tagSet.has('hostile'),
    targets: Int32Array.from(choice.targets ?? [], (id) => scn.actorIndex[id]),
    jointFactor: choice.partners && choice.partners.length > 0 ? 1.5 : 1,
    views: scn.actorIds.map(() => null),
    index: Int32Array.from(builder.index),
    delta: Float64Array.from(builder.delta),
    actionsEnd,
    actionsTouched: distinctSorted(builder.index.slice(0, actionsEnd)),
    reactionsTouched: distinctSorted(builder.index.slice(actionsEnd)),
    touched: distinctSorted(builder.index),
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
