// One turn, in the documented order: injects, actions, reactions, arms, alignment drift, tension, incidents,
// indices, end. A pure function of (scenario, state, orders, injects): the input state is never changed.
import type { CompiledScenario } from './compiled.ts'
import type { Choice } from './choices.ts'
import type { LedgerEntry } from './ledger.ts'
import type { GameState, Outcome } from './state.ts'
import { cloneState, initialState } from './state.ts'
import type { Incident, TurnContext } from './steps/context.ts'
import { TouchedValues } from './steps/context.ts'
import { applyInjects, injectProblem } from './steps/injects.ts'
import { orderEffects } from './steps/order-effects.ts'
import { applyActions } from './steps/actions.ts'
import { applyReactions } from './steps/reactions.ts'
import { applyArms } from './steps/arms.ts'
import { applyAlignmentDrift } from './steps/alignment.ts'
import { applyTension } from './steps/tension.ts'
import { applyIncidents } from './steps/incidents.ts'
import { applyIndices } from './steps/indices.ts'

export { injectProblem } from './steps/injects.ts'

export interface TurnResult {
  state: GameState
  turn: number
  orders: Choice[]
  /** The injects applied at the start of the turn, in the order applied (empty when none). */
  injects: string[]
  incidents: Incident[]
  ledger: LedgerEntry[]
}

export interface ResolveOptions {
  /** Record the ledger (default true). Batch runs switch it off; the arithmetic is the same. */
  ledger?: boolean
  /**
   * Ids of the scenario's injects to apply at the start of the turn, in this order, before the actions
   * (check each with injectProblem first: an unknown or repeated id is a bug and throws). The state does
   * not record them: a replay must pass the same injects again.
   */
  injects?: readonly string[]
}

// The clamps' working lists, shared by every turn: a turn's steps run one after another, never nested, and each
// step empties them (see clampTouched); a turn that threw may have left some, so each turn starts by emptying them.
const TOUCHED = new TouchedValues()

function newContext(scn: CompiledScenario, state: GameState, turn: number, orders: Choice[], ledger: boolean): TurnContext {
  return {
    scn,
    state,
    turn,
    step: 'actions',
    ledger: ledger ? [] : null,
    pinPricks: new Array<number>(scn.pairActors.length).fill(0),
    incidents: [],
    orders,
    effects: orders.map((order) => orderEffects(scn, order)),
    touched: TOUCHED.clear(),
    alignmentAtStart: state.alignment.slice(),
  }
}

/** The state before turn 1, with its indices and scores computed. */
export function startGame(scn: CompiledScenario, seed: number, turnLimit?: number): GameState {
  const state = initialState(scn, seed, turnLimit)
  applyIndices(newContext(scn, state, 0, [], false))
  return state
}

function outcomeOf(state: GameState): Outcome {
  return {
    reason: state.clash ? 'armed-clash' : 'turn-limit',
    turn: state.turn,
    armedClash: state.clash !== null,
    rigidBlocs: state.rigidBlocs,
    impasse: state.impasse,
    quasiAlliance: state.quasiAlliance,
    scores: { ...state.scores },
  }
}

/**
 * The same turn without its chance step: what the computer players look ahead with.
 * Incidents are left out so that no one can foresee the dice.
 */
export function projectTurn(
  scn: CompiledScenario,
  previous: GameState,
  orders: readonly Choice[],
): { state: GameState; pinPricks: number[] } {
  const state = cloneState(previous)
  const ctx = newContext(scn, state, previous.turn + 1, orders.slice(), false)
  runSteps(ctx, { incidents: false })
  state.turn = previous.turn + 1
  return { state, pinPricks: ctx.pinPricks }
}

/**
 * A plan's shock alone: steps 2 and 3 (the actions and the reactions they trigger), nothing after, with the
 * ledger of what changed. What the computer players value a choice by (see ai/shock-program.ts) and what the
 * turn screen forecasts with; the input state is never changed.
 */
export function shockOf(
  scn: CompiledScenario,
  previous: GameState,
  orders: readonly Choice[],
): { state: GameState; pinPricks: number[]; ledger: LedgerEntry[] } {
  const state = cloneState(previous)
  const ctx = newContext(scn, state, previous.turn + 1, orders.slice(), true)
  applyActions(ctx)
  applyReactions(ctx)
  return { state, pinPricks: ctx.pinPricks, ledger: ctx.ledger ?? [] }
}

/** Steps 2-8 in the documented order (the injects, if any, before them), on the context's own copy of the state. */
function runSteps(ctx: TurnContext, options: { incidents: boolean; injects?: readonly string[] }): void {
  if (options.injects && options.injects.length > 0) applyInjects(ctx, options.injects)
  applyActions(ctx)
  applyReactions(ctx)
  applyArms(ctx)
  applyAlignmentDrift(ctx)
  applyTension(ctx)
  if (options.incidents) applyIncidents(ctx)
  applyIndices(ctx)
}

/** Resolves one turn from orders already checked and consented (see planTurn). */
export function resolveTurn(
  scn: CompiledScenario,
  previous: GameState,
  orders: readonly Choice[],
  options: ResolveOptions = {},
): TurnResult {
  if (previous.outcome) throw new Error('resolveTurn called on a finished game')
  const injects = [...(options.injects ?? [])]
  injects.forEach((id, index) => {
    const problem = injectProblem(scn, id, injects.slice(0, index))
    if (problem) throw new Error(`resolveTurn: ${problem}`)
  })
  const state = cloneState(previous)
  const turn = previous.turn + 1
  const ctx = newContext(
    scn,
    state,
    turn,
    orders.map((order) => ({ ...order })),
    options.ledger !== false,
  )
  runSteps(ctx, { incidents: true, injects })
  state.turn = turn
  state.lastOrders = ctx.orders
  if (state.clash || turn >= state.turnLimit) state.outcome = outcomeOf(state)
  return { state, turn, orders: ctx.orders, injects, incidents: ctx.incidents, ledger: ctx.ledger ?? [] }
}
