// How much a choice is worth to an actor: the change of its role's score after the choice's shocks
// and the reactions to them (or, looking further, after a whole turn without incidents), less the
// added risk of incidents, plus the pull of reciprocity (paragraphs 33-34: answer hostile acts).
import type { CompiledScenario } from '../compiled.ts'
import type { Choice } from '../choices.ts'
import { balancedTriadShare, blocRigidity, blocStats, ladderRung } from '../indices.ts'
import { roleScore } from '../scoring.ts'
import type { GameState } from '../state.ts'
import { cloneState } from '../state.ts'
import { applyActions } from '../steps/actions.ts'
import type { TurnContext } from '../steps/context.ts'
import { incidentProbability } from '../steps/incidents.ts'
import { applyReactions } from '../steps/reactions.ts'
import { projectTurn } from '../turn.ts'

// The weights of the computer players' reasons beyond their objectives are the scenario's (`computer`).

/** Quiet turns the hard computer player looks past its plan. */
const SETTLING_TURNS = 3

/** A reusable working copy for trying choices on: refilled before each try instead of cloned. */
export interface Scratch {
  ctx: TurnContext
  /** Bloc side of each actor in the state being evaluated. */
  side: number[]
}

export function scratchFor(scn: CompiledScenario, state: GameState): Scratch {
  const ctx: TurnContext = {
    scn,
    state: cloneState(state),
    turn: state.turn + 1,
    step: 'actions',
    ledger: null,
    pinPricks: new Array<number>(scn.pairActors.length).fill(0),
    incidents: [],
    orders: [],
    touched: new Map(),
    alignmentAtStart: state.alignment.slice(),
    journal: { variables: [], indices: [] },
  }
  return { ctx, side: scn.actorIds.map((id) => (state.blocs[1].includes(id) ? 1 : 0)) }
}

/** Puts back, from `state`, only the values the last try changed (the scratch starts as a copy of it). */
function restore(ctx: TurnContext, state: GameState): void {
  const { variables, indices } = ctx.journal!
  for (let k = 0; k < variables.length; k++) ctx.state[variables[k]][indices[k]] = state[variables[k]][indices[k]]
  variables.length = 0
  indices.length = 0
  ctx.state.rung = state.rung
  ctx.state.rigidity = state.rigidity
  ctx.state.founded = state.founded
}

function shockState(state: GameState, orders: Choice[], scratch: Scratch): { next: GameState; pinPricks: number[] } {
  const ctx = scratch.ctx
  restore(ctx, state)
  ctx.pinPricks.fill(0)
  ctx.touched.clear()
  ctx.orders = orders
  applyActions(ctx)
  applyReactions(ctx)
  return { next: ctx.state, pinPricks: ctx.pinPricks }
}

/** Refreshes rung and rigidity on the current blocs, cheaply, so scores see escalation. */
function refreshIndices(scn: CompiledScenario, before: GameState, next: GameState, viewer: string, side: readonly number[]): void {
  const stats = blocStats(scn, side, next.alignment, next.tension)
  if (measuresRigidity(scn, viewer)) {
    next.rigidity = blocRigidity(stats, balancedTriadShare(scn, next.alignment), before.blocs[1].length > 0)
  }
  next.rung = ladderRung(scn.file.ladder, before.rung, stats.hottestCrossTension, scn.file.ladder.length)
}

function measuresRigidity(scn: CompiledScenario, actor: string): boolean {
  return scn.roleByActor[actor]?.objectives.some((objective) => objective.measure.kind === 'rigidity') ?? false
}

function incidentRisk(scn: CompiledScenario, state: GameState, actor: string, pinPricks: readonly number[]): number {
  const i = scn.actorIndex[actor]
  let expected = 0
  for (let j = 0; j < scn.n; j++) {
    if (j === i) continue
    const p = scn.pairOf[i * scn.n + j]
    if (!scn.contact[p] || pinPricks[p] === 0) continue
    expected += incidentProbability({ scn }, state.tension[p], pinPricks[p]) - incidentProbability({ scn }, state.tension[p], 0)
  }
  return expected
}

/** Bonus for answering those who provoked the actor, directly or through their allies. */
export function reciprocity(scn: CompiledScenario, state: GameState, actor: string, choice: Choice): number {
  const action = scn.actionById[choice.action]
  if (!action.tagSet.has('hostile')) return 0
  const a = scn.actorIndex[actor]
  let bonus = 0
  for (let j = 0; j < scn.n; j++) {
    const grievance = state.grievance[a * scn.n + j]
    if (grievance <= 0) continue
    const provoker = scn.actorIds[j]
    const hits = (choice.targets ?? []).some(
      (target) => target === provoker || state.alignment[scn.pairOf[j * scn.n + scn.actorIndex[target]]] >= scn.computer.allyAlignment,
    )
    if (hits) bonus += grievance * scn.computer.reciprocity * (choice.partners && choice.partners.length > 0 ? 1.5 : 1)
  }
  return bonus
}

export function roleScoreOf(scn: CompiledScenario, state: GameState, actor: string): number {
  const role = scn.roleByActor[actor]
  return role ? roleScore(scn, state, role) : 0
}

/**
 * The chance that this turn ends in an armed clash, were the state `next` to hold: only on the top
 * rung, a severe incident (chance: the pair's tension) may become a clash. Everyone loses a clash.
 */
function clashRisk(scn: CompiledScenario, next: GameState, pinPricks: readonly number[]): number {
  if (next.rung < scn.file.ladder.length - 1) return 0
  let calm = 1
  for (let p = 0; p < scn.pairActors.length; p++) {
    if (!scn.contact[p]) continue
    const tension = next.tension[p]
    calm *= 1 - incidentProbability({ scn }, tension, pinPricks[p]) * tension * scn.params.clashChance
  }
  return 1 - calm
}

/** How much more others resent `viewer` after the plan than before it. */
function grievanceAgainst(scn: CompiledScenario, before: GameState, after: GameState, viewer: string): number {
  const v = scn.actorIndex[viewer]
  let added = 0
  for (let j = 0; j < scn.n; j++) if (j !== v) added += after.grievance[j * scn.n + v] - before.grievance[j * scn.n + v]
  return Math.max(0, added)
}

function planReciprocity(scn: CompiledScenario, state: GameState, viewer: string, orders: readonly Choice[]): number {
  let bonus = 0
  for (const order of orders) bonus += reciprocity(scn, state, viewer, order)
  return bonus
}

/** Value of `choice` to `viewer` (the actor or a partner asked to consent) from its shocks, in score points. */
export function evaluateChoice(
  scn: CompiledScenario,
  state: GameState,
  viewer: string,
  choice: Choice,
  baseline = roleScoreOf(scn, state, viewer),
  scratch = scratchFor(scn, state),
): number {
  const shocked = shockState(state, [choice], scratch)
  refreshIndices(scn, state, shocked.next, viewer, scratch.side)
  const after = roleScoreOf(scn, shocked.next, viewer)
  return (
    after -
    baseline -
    scn.computer.incidentCost * incidentRisk(scn, state, viewer, shocked.pinPricks) -
    baseline * clashRisk(scn, shocked.next, shocked.pinPricks) +
    reciprocity(scn, state, viewer, choice)
  )
}

/** Value to `viewer` of a whole set of its orders, looking a whole turn ahead without the dice. */
export function evaluatePlan(scn: CompiledScenario, state: GameState, viewer: string, orders: readonly Choice[], baseline: number): number {
  const projected = projectTurn(scn, state, orders)
  // Further quiet turns show where the plan's consequences drift (balance, arms), not just its shock.
  let settled = projected.state
  for (let turn = 0; turn < SETTLING_TURNS && settled.turn < settled.turnLimit; turn++) settled = projectTurn(scn, settled, []).state
  const after = (roleScoreOf(scn, projected.state, viewer) + roleScoreOf(scn, settled, viewer)) / 2
  return (
    after -
    baseline -
    scn.computer.retaliationCost * grievanceAgainst(scn, state, projected.state, viewer) -
    scn.computer.incidentCost * incidentRisk(scn, state, viewer, projected.pinPricks) -
    baseline * clashRisk(scn, projected.state, projected.pinPricks) +
    planReciprocity(scn, state, viewer, orders)
  )
}
