// The computer players' normal and easy levels as they were before the fast path (issue 11, part 4), kept
// word for word (the slow shock on a copied state, the old loops) so tests can check that the fast path
// chooses exactly as they did: same values, same choices, same answers.
import type { CompiledScenario } from '../../src/engine/compiled.ts'
import type { Choice } from '../../src/engine/choices.ts'
import { balancedTriadShare, blocRigidity, blocStats, ladderRung } from '../../src/engine/indices.ts'
import { roleScore } from '../../src/engine/scoring.ts'
import type { GameState } from '../../src/engine/state.ts'
import { cloneState } from '../../src/engine/state.ts'
import { applyActions } from '../../src/engine/steps/actions.ts'
import type { ArrayVariable, TurnContext } from '../../src/engine/steps/context.ts'
import { TouchedValues } from '../../src/engine/steps/context.ts'
import { incidentProbability } from '../../src/engine/steps/incidents.ts'
import { applyReactions } from '../../src/engine/steps/reactions.ts'
import { orderEffects } from '../../src/engine/steps/order-effects.ts'
import { costOf, historyProblem, jointKey, partnerCostOf, choiceProblem } from '../../src/engine/choices.ts'
import { pairIndex } from '../../src/engine/compiled.ts'
import { RNG_TAGS, uniform } from '../../src/engine/rng.ts'
import { keyedCandidates } from '../../src/engine/ai/candidates.ts'

// The weights of the computer players' reasons beyond their objectives are the scenario's (`computer`).

/** A reusable working copy for trying choices on: refilled before each try instead of cloned. */
interface Scratch {
  ctx: TurnContext
  /** Bloc side of each actor in the state being evaluated. */
  side: number[]
}

function scratchFor(scn: CompiledScenario, state: GameState): Scratch {
  const ctx: TurnContext = {
    scn,
    state: cloneState(state),
    turn: state.turn + 1,
    step: 'actions',
    ledger: null,
    pinPricks: new Array<number>(scn.pairActors.length).fill(0),
    incidents: [],
    orders: [],
    effects: [],
    touched: new TouchedValues(),
    alignmentAtStart: state.alignment.slice(),
  }
  return { ctx, side: scn.actorIds.map((id) => (state.blocs[1].includes(id) ? 1 : 0)) }
}

const ARRAY_VARIABLES: ArrayVariable[] = ['alignment', 'tension', 'commitment', 'interdependence', 'readiness', 'standing', 'grievance']

/** Puts back, from `state`, every value a try may have changed (the scratch starts as a copy of it). */
function restore(ctx: TurnContext, state: GameState): void {
  for (const variable of ARRAY_VARIABLES) {
    const values = ctx.state[variable]
    for (let k = 0; k < values.length; k++) values[k] = state[variable][k]
  }
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
  ctx.effects = orders.map((order) => orderEffects(ctx.scn, order))
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
function reciprocity(scn: CompiledScenario, state: GameState, actor: string, choice: Choice): number {
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

function roleScoreOf(scn: CompiledScenario, state: GameState, actor: string): number {
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

/** Value of `choice` to `viewer` (the actor or a partner asked to consent) from its shocks, in score points. */
export function referenceEvaluateChoice(
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

interface Skill {
  noise: number
  maxActions: number
  threshold: number
}

const SKILL: Record<'easy' | 'normal', Skill> = {
  easy: { noise: 3, maxActions: 1, threshold: 0 },
  normal: { noise: 0.4, maxActions: 4, threshold: 0.15 },
}

/** A deterministic jitter in [-1, 1) for an actor's candidate, from the game's seed. */
function jitter(state: GameState, actorIndex: number, candidate: number): number {
  return uniform(state.seed, state.turn + 1, RNG_TAGS.ai, actorIndex, candidate) * 2 - 1
}

interface Scored {
  choice: Choice
  value: number
  noise: number
}

/**
 * The computer's choices for `actor`. `alreadyPlanned` holds the joint keys of actions other
 * computer players have already proposed this turn, so two partners do not propose the same one.
 */
export function referenceChooseActions(
  scn: CompiledScenario,
  state: GameState,
  actor: string,
  difficulty: 'easy' | 'normal',
  alreadyPlanned: ReadonlySet<string> = new Set(),
  reserved = 0,
  /** Capital each possible partner has left; a joint action is proposed only to partners who can pay their share. */
  partnerRoom: (partner: string) => number = () => Infinity,
): Choice[] {
  if (state.outcome) return []
  const skill = SKILL[difficulty]
  const actorIndex = scn.actorIndex[actor]
  const baseline = roleScoreOf(scn, state, actor)
  const scratch = scratchFor(scn, state)
  const scored: Scored[] = []
  // The jitter is keyed by the candidate's place in the full list, so leaving some out shifts no other's.
  keyedCandidates(scn, state, actor).forEach(({ key, choice }, k) => {
    if (alreadyPlanned.has(key) || historyProblem(scn, state, choice)) return
    if (!(choice.partners ?? []).every((partner) => partnerRoom(partner) >= partnerCostOf(scn, choice))) return
    const noise = skill.noise * jitter(state, actorIndex, k)
    scored.push({ choice, noise, value: referenceEvaluateChoice(scn, state, actor, choice, baseline, scratch) + noise })
  })
  scored.sort((a, b) => b.value - a.value)
  const budget = scn.budget[actorIndex] - reserved

  let spent = 0
  const picked: Choice[] = []
  const usedActions = new Set<string>()
  for (const { choice, value } of scored) {
    if (picked.length >= skill.maxActions || value <= skill.threshold) break
    const cost = costOf(scn, state, choice)
    if (usedActions.has(choice.action) || spent + cost > budget || !partnersCanPay(scn, picked, choice, partnerRoom)) continue
    picked.push(choice)
    usedActions.add(choice.action)
    spent += cost
  }
  return picked
}

/** Whether every partner of `choice` can still pay its share, after the shares of the choices already picked. */
function partnersCanPay(
  scn: CompiledScenario,
  picked: readonly Choice[],
  choice: Choice,
  partnerRoom: (partner: string) => number,
): boolean {
  const share = partnerCostOf(scn, choice)
  if (share === 0) return true
  return (choice.partners ?? []).every((partner) => {
    const promised = picked.reduce((sum, other) => sum + ((other.partners ?? []).includes(partner) ? partnerCostOf(scn, other) : 0), 0)
    return partnerRoom(partner) - promised >= share
  })
}

/** Whether a computer partner takes part: the choice must be worth it to it, goodwill included. */
export function referenceConsents(
  scn: CompiledScenario,
  state: GameState,
  partner: string,
  choice: Choice,
  difficulty: 'easy' | 'normal',
  scratch?: Scratch,
): boolean {
  const p = pairIndex(scn, partner, choice.actor)
  const goodwill = 4 * state.alignment[p]
  if (difficulty === 'easy') return state.alignment[p] > 0.2
  return (
    referenceEvaluateChoice(scn, state, partner, choice, roleScoreOf(scn, state, partner), scratch ?? scratchFor(scn, state)) + goodwill > 0
  )
}

export function referenceComputerChoices(
  scn: CompiledScenario,
  state: GameState,
  seats: { computer: ReadonlySet<string>; difficulty: 'easy' | 'normal' },
  alreadyPlanned: readonly Choice[] = [],
): Choice[] {
  const choices: Choice[] = []
  const planned = new Set<string>(alreadyPlanned.map(jointKey))
  // Capital each actor has committed so far: its own choices and its shares as a partner.
  const committed = new Map<string, number>()
  const commit = (choice: Choice, byComputer: boolean) => {
    committed.set(choice.actor, (committed.get(choice.actor) ?? 0) + costOf(scn, state, choice))
    const share = partnerCostOf(scn, choice)
    if (share === 0) return
    for (const partner of choice.partners ?? []) {
      // A computer partner keeps capital for another's proposal only if it means to take part.
      if (!byComputer && seats.computer.has(partner) && !referenceConsents(scn, state, partner, choice, seats.difficulty)) continue
      committed.set(partner, (committed.get(partner) ?? 0) + share)
    }
  }
  // A choice the rules will refuse commits nothing (and may name an action or partner that does not exist).
  for (const choice of alreadyPlanned) if (!choiceProblem(scn, state, choice)) commit(choice, false)
  const room = (actor: string) => scn.budget[scn.actorIndex[actor]] - (committed.get(actor) ?? 0)
  for (const actor of scn.actorIds) {
    if (!seats.computer.has(actor)) continue
    for (const choice of referenceChooseActions(
      scn,
      state,
      actor,
      seats.difficulty,
      planned,
      scn.budget[scn.actorIndex[actor]] - room(actor),
      room,
    )) {
      choices.push(choice)
      planned.add(jointKey(choice))
      commit(choice, true)
    }
  }
  return choices
}
