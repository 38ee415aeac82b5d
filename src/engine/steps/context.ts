// The mutable working state of one turn being resolved, and the only way steps change variables:
// every change goes through `change`, which records a ledger entry; `clampTouched` records clamps.
import type { Cause, CompiledScenario } from '../compiled.ts'
import type { LedgerEntry, Step } from '../ledger.ts'
import type { GameState, StateVariable } from '../state.ts'
import type { Choice } from '../choices.ts'
import { clamp, quantize } from '../quantize.ts'
import type { OrderEffects } from './order-effects.ts'

export interface Incident {
  actors: [string, string]
  severity: 1 | 2
  probability: number
  theatre: string | null
  lon: number | null
  lat: number | null
}

export interface TurnContext {
  scn: CompiledScenario
  state: GameState
  turn: number
  step: Step
  ledger: LedgerEntry[] | null
  /** Pin pricks per pair this turn. */
  pinPricks: number[]
  incidents: Incident[]
  orders: Choice[]
  /** What each order does in steps 2 and 3 (orderEffects of each, in the same order). */
  effects: OrderEffects[]
  /** Alignment when the turn began: the soft ceiling measures a turn's gain from it, the indices its movement. */
  alignmentAtStart: readonly number[]
  /** Indices changed in the current step, per variable, for clampTouched (may repeat); see TouchedValues. */
  touched: TouchedValues
}

export type ArrayVariable = 'alignment' | 'tension' | 'commitment' | 'interdependence' | 'readiness' | 'standing' | 'grievance'

/**
 * What a step's clamps must look at: the variables in the order the step first changed them (the order of the
 * clamps' ledger entries), and per variable the indices a change left out of range (repeats allowed). A value
 * a change left in range needs no clamp unless a later change takes it out, which notes it then. A fixed shape
 * rather than a Map: `change` is the turn's innermost call.
 */
export class TouchedValues {
  readonly order: ArrayVariable[] = []
  readonly indices: Record<ArrayVariable, number[]> = {
    alignment: [],
    tension: [],
    commitment: [],
    interdependence: [],
    readiness: [],
    standing: [],
    grievance: [],
  }
  private readonly seen: Record<ArrayVariable, boolean> = {
    alignment: false,
    tension: false,
    commitment: false,
    interdependence: false,
    readiness: false,
    standing: false,
    grievance: false,
  }

  add(variable: ArrayVariable, index: number, outOfRange: boolean): void {
    if (!this.seen[variable]) {
      this.seen[variable] = true
      this.order.push(variable)
    }
    if (outOfRange) this.indices[variable].push(index)
  }

  clear(): this {
    for (const variable of this.order) {
      this.indices[variable].length = 0
      this.seen[variable] = false
    }
    this.order.length = 0
    return this
  }
}

const CLAMP_CAUSE: Cause = { id: 'clamp', kind: 'clamp', name: 'Range limit', citations: [], limit: true }

export function boundsOf(scn: CompiledScenario, variable: ArrayVariable): [number, number] {
  if (variable === 'alignment') return [-1, 1]
  if (variable === 'readiness') return [0, scn.params.readinessMax]
  return [0, 1]
}

/** Names the owners of index `index` of `variable`: a pair, an actor, or a directed pair. */
export function ownersOf(scn: CompiledScenario, variable: ArrayVariable, index: number): string[] {
  if (variable === 'readiness' || variable === 'standing') return [scn.actorIds[index]]
  if (variable === 'grievance') return [scn.actorIds[Math.floor(index / scn.n)], scn.actorIds[index % scn.n]]
  const [i, j] = scn.pairActors[index]
  return [scn.actorIds[i], scn.actorIds[j]]
}

function record(
  ctx: TurnContext,
  cause: Cause,
  variable: StateVariable,
  actors: string[],
  before: number,
  after: number,
  by?: string[],
  note?: string,
): void {
  if (!ctx.ledger) return
  const entry: LedgerEntry = {
    turn: ctx.turn,
    step: ctx.step,
    cause: cause.id,
    causeKind: cause.kind,
    causeName: cause.name,
    actors,
    variable,
    before,
    delta: after - before,
    after,
    citations: cause.citations,
  }
  if (by) entry.by = by
  if (cause.assumption !== undefined) entry.assumption = cause.assumption
  if (cause.limit) entry.limit = true
  if (note !== undefined) entry.note = note
  ctx.ledger.push(entry)
}

/** Adds `delta` (rounded to the state grid) without clamping; call clampTouched at the end of the step. */
export function change(ctx: TurnContext, cause: Cause, variable: ArrayVariable, index: number, delta: number, by?: string[]): void {
  const values = ctx.state[variable]
  const before = values[index]
  const after = quantize(before + delta)
  if (after === before) return
  values[index] = after
  // As boundsOf gives them.
  const low = variable === 'alignment' ? -1 : 0
  const high = variable === 'readiness' ? ctx.scn.params.readinessMax : 1
  ctx.touched.add(variable, index, after < low || after > high)
  if (ctx.ledger) record(ctx, cause, variable, ownersOf(ctx.scn, variable, index), before, after, by)
}

/** Brings every value changed in this step back within its range, each clamp its own entry. */
export function clampTouched(ctx: TurnContext): void {
  const { touched } = ctx
  for (const variable of touched.order) {
    const indices = touched.indices[variable]
    // As boundsOf gives them.
    const low = variable === 'alignment' ? -1 : 0
    const high = variable === 'readiness' ? ctx.scn.params.readinessMax : 1
    const values = ctx.state[variable]
    // Sorted so that clamp entries come in a canonical order whatever order the step touched them in.
    // In index order for the ledger; without one, the order is unseen (each index is clamped on its own, twice
    // or once alike).
    if (ctx.ledger && indices.length > 1) indices.sort((a, b) => a - b)
    for (let k = 0; k < indices.length; k++) {
      const index = indices[k]
      if (ctx.ledger && k > 0 && indices[k - 1] === index) continue
      const before = values[index]
      const after = clamp(before, low, high)
      if (after === before) continue
      values[index] = after
      if (!ctx.ledger) continue
      record(
        ctx,
        CLAMP_CAUSE,
        variable,
        ownersOf(ctx.scn, variable, index),
        before,
        after,
        undefined,
        `${variable} stays within ${low}..${high}`,
      )
    }
  }
  touched.clear()
}

/** Sets a value to an exact target (for caps and floors), recorded under the rule that sets it. */
export function setTo(ctx: TurnContext, cause: Cause, variable: ArrayVariable, index: number, target: number): void {
  change(ctx, cause, variable, index, quantize(target) - ctx.state[variable][index])
}

/** Records a derived value (rung, rigidity, score) that the indices step recomputes. */
export function recordDerived(
  ctx: TurnContext,
  cause: Cause,
  variable: StateVariable,
  actors: string[],
  before: number,
  after: number,
): void {
  if (before !== after) record(ctx, cause, variable, actors, before, after)
}
