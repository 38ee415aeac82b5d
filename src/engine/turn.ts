// One turn, in the documented order: actions, reactions, arms, alignment drift, tension, incidents,
// indices, end. A pure function of (scenario, state, orders): the input state is never changed.
import type { CompiledScenario } from './compiled.ts'
import type { Choice } from './choices.ts'
import type { LedgerEntry } from './ledger.ts'
import type { GameState, Outcome } from './state.ts'
import { cloneState, initialState } from './state.ts'
import type { Incident, TurnContext } from './steps/context.ts'
import { applyActions } from './steps/actions.ts'
import { applyReactions } from './steps/reactions.ts'
import { applyArms } from './steps/arms.ts'
import { applyAlignmentDrift } from './steps/alignment.ts'
import { applyTension } from './steps/tension.ts'
import { applyIncidents } from './steps/incidents.ts'
import { applyIndices } from './steps/indices.ts'

export interface TurnResult {
  state: GameState
  turn: number
  orders: Choice[]
  incidents: Incident[]
  ledger: LedgerEntry[]
}

export interface ResolveOptions {
  /** Record the ledger (default true). Batch runs switch it off; the arithmetic is the same. */
  ledger?: boolean
}

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
    touched: new Map(),
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

/** Steps 2-8 in the documented order, on the context's own copy of the state. */
function runSteps(ctx: TurnContext, options: { incidents: boolean }): void {
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
  const state = cloneState(previous)
  const turn = previous.turn + 1
  const ctx = newContext(
    scn,
    state,
    turn,
    orders.map((order) => ({ ...order })),
    options.ledger !== false,
  )
  runSteps(ctx, { incidents: true })
  state.turn = turn
  state.lastOrders = ctx.orders
  if (state.clash || turn >= state.turnLimit) state.outcome = outcomeOf(state)
  return { state, turn, orders: ctx.orders, incidents: ctx.incidents, ledger: ctx.ledger ?? [] }
}
