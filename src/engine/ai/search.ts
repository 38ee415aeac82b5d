// The hard computer player: a plan chosen by search, not by a one-shot value.
//
// Algorithm (sampled expectimax at the root, with rollouts; successive halving over the root's plans):
//  1. Plans: the normal player's own plan, passing, the best single choices and the best affordable pairs
//     and triples of distinct actions, valued one-shot as normal values them (fast-value.ts); all legal and
//     affordable, as normal's are.
//  2. Each plan is played out in sampled worlds: a world is a seed drawn from the game's seed with the
//     search's tag, so its incidents (the dice) and the other powers' jitter differ from the real game's —
//     nobody foresees the dice. In a world the turn is played with this plan and the others' normal replies
//     (normal is the model of every other power), then TUNING.HORIZON - 1 more turns with everyone at normal.
//  3. A plan's value in a world is the role's turn scores over the horizon plus the last one held for the rest
//     of the game, discounted (the game scores the mean of its turns; an armed clash scores 0 for every turn
//     it cuts off). Every plan is tried in the same worlds (common random numbers), so plans are compared on
//     the same dice.
//  4. Successive halving: each round tries the plans still in on fresh worlds and keeps the better half, until
//     one is left or the budget of simulated turns (TUNING.SEARCH_TURNS, a node budget, never the clock) is spent.
// Deterministic: the same state and seed give the same plan, whatever the machine.
import type { CompiledScenario } from '../compiled.ts'
import type { Choice } from '../choices.ts'
import { costOf, jointKey } from '../choices.ts'
import type { PreparedTurn, Seats } from '../game.ts'
import { answersOf, playTurn, prepareTurn } from '../game.ts'
import { uniform } from '../rng.ts'
import type { GameState } from '../state.ts'
import type { Scored } from './policy.ts'
import { NORMAL_SKILL, computerConsents, greedyPlan, partnersCanPay, scoredCandidates } from './policy.ts'

/** The search's own rng tag (rng.ts RNG_TAGS holds the engine's; this one is used nowhere else). */
export const SEARCH_RNG_TAG = 101
export const TUNING = { SEARCH_TURNS: 120, HORIZON: 2, TAIL_WEIGHT: 0.5, MAX_PLANS: 12, SHORTLIST: 6, CONFIDENCE: 1 }

interface Trial {
  plan: Choice[]
  /** The plan's value in each world it was played in, by world (sparse: a plan left out misses later worlds). */
  values: number[]
}

/** The plan the search chose, its value (the role's expected score, see playOut) and the plan it beat last. */
export interface SearchResult {
  plan: Choice[]
  value: number
  runnerUp: { plan: Choice[]; value: number } | null
}

/** The hard player's choices for `actor`, under the same limits as chooseActions, and what the search found. */
export function searchPlan(
  scn: CompiledScenario,
  state: GameState,
  actor: string,
  alreadyPlanned: ReadonlySet<string>,
  reserved: number,
  partnerRoom: (partner: string) => number,
): SearchResult {
  const budget = scn.budget[scn.actorIndex[actor]] - reserved
  const [normal, ...others] = rootPlans(scn, state, actor, alreadyPlanned, budget, partnerRoom)
  if (others.length === 0) return { plan: normal, value: 0, runnerUp: null }
  // The normal plan is the control: it plays every world, and a challenger is judged by how much it beats it there.
  const control: Trial = { plan: normal, values: [] }
  let alive: Trial[] = others.map((plan) => ({ plan, values: [] }))
  const rounds = Math.max(1, Math.ceil(Math.log2(alive.length)))
  const turnsPerWorld = Math.max(1, Math.min(TUNING.HORIZON, state.turnLimit - state.turn))
  let spent = 0
  for (let round = 0; round < rounds; round++) {
    // An equal share of the budget per round, split between the plans still in.
    const worlds = Math.max(1, Math.floor(TUNING.SEARCH_TURNS / rounds / (alive.length + 1) / turnsPerWorld))
    for (let w = 0; w < worlds && spent + (alive.length + 1) * turnsPerWorld <= TUNING.SEARCH_TURNS; w++) {
      const world = control.values.length
      const sampled = worldOf(state, worldSeed(state, scn.actorIndex[actor], world))
      control.values.push(playOut(scn, sampled, actor, control.plan))
      for (const trial of alive) trial.values[world] = playOut(scn, sampled, actor, trial.plan)
      spent += (alive.length + 1) * turnsPerWorld
    }
    alive = [...alive].sort((a, b) => advantage(b, control).mean - advantage(a, control).mean)
    if (round < rounds - 1) alive = alive.slice(0, Math.ceil(alive.length / 2))
  }
  const best = alive[0]
  const edge = advantage(best, control)
  // A challenger replaces the normal plan only when it beats it clearly in the same worlds: with few worlds the
  // best of many noisy estimates is flattered by luck.
  const [chosen, other] = edge.mean > TUNING.CONFIDENCE * edge.error ? [best, control] : [control, best]
  return { plan: chosen.plan, value: meanOf(chosen), runnerUp: { plan: other.plan, value: meanOf(other) } }
}

function meanOf(trial: Trial): number {
  const played = trial.values.filter((value) => value !== undefined)
  return played.length > 0 ? played.reduce((sum, value) => sum + value, 0) / played.length : 0
}

/** How much `trial` beats the control in the worlds both played: the mean difference and its standard error. */
function advantage(trial: Trial, control: Trial): { mean: number; error: number } {
  const diffs: number[] = []
  trial.values.forEach((value, world) => {
    if (value !== undefined) diffs.push(value - control.values[world])
  })
  if (diffs.length === 0) return { mean: -Infinity, error: 0 }
  const mean = diffs.reduce((sum, d) => sum + d, 0) / diffs.length
  const variance = diffs.length > 1 ? diffs.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (diffs.length - 1) : Infinity
  return { mean, error: Math.sqrt(variance / diffs.length) }
}

function worldSeed(state: GameState, actorIndex: number, world: number): number {
  return Math.floor(uniform(state.seed, state.turn + 1, SEARCH_RNG_TAG, actorIndex, world) * 0x100000000) >>> 0
}

/**
 * The plans to try, the normal player's first (so that when nothing beats it, hard plays as normal would),
 * each legal and affordable: distinct actions, within the budget, every partner able to pay its share.
 */
export function rootPlans(
  scn: CompiledScenario,
  state: GameState,
  actor: string,
  alreadyPlanned: ReadonlySet<string>,
  budget: number,
  partnerRoom: (partner: string) => number,
): Choice[][] {
  const normal = greedyPlan(
    scn,
    state,
    scoredCandidates(scn, state, actor, NORMAL_SKILL.noise, alreadyPlanned, partnerRoom),
    budget,
    NORMAL_SKILL,
    partnerRoom,
  )
  const valued = scoredCandidates(scn, state, actor, 0, alreadyPlanned, partnerRoom)
  const shortlist = valued.filter(({ choice }) => costOf(scn, state, choice) <= budget).slice(0, TUNING.SHORTLIST)
  const plans: Choice[][] = []
  const seen = new Set<string>()
  const add = (plan: Choice[]) => {
    const key = plan.map(jointKey).sort().join(' ')
    if (seen.has(key) || plans.length >= TUNING.MAX_PLANS) return
    seen.add(key)
    plans.push(plan)
  }
  add(normal)
  add([])
  for (const { choice } of shortlist) add([choice])
  for (const plan of combinations(scn, state, shortlist, budget, partnerRoom)) add(plan)
  return plans
}

/** Pairs and triples of shortlisted choices that could be taken together, best one-shot sum first. */
function combinations(
  scn: CompiledScenario,
  state: GameState,
  shortlist: readonly Scored[],
  budget: number,
  partnerRoom: (partner: string) => number,
): Choice[][] {
  const found: { plan: Choice[]; value: number }[] = []
  const extend = (start: number, plan: Choice[], spent: number, value: number) => {
    if (plan.length >= 2) found.push({ plan: plan.slice(), value })
    if (plan.length === 3) return
    for (let k = start; k < shortlist.length; k++) {
      const { choice } = shortlist[k]
      const cost = costOf(scn, state, choice)
      if (spent + cost > budget || plan.some((other) => other.action === choice.action)) continue
      if (!partnersCanPay(scn, plan, choice, partnerRoom)) continue
      plan.push(choice)
      extend(k + 1, plan, spent + cost, value + shortlist[k].value)
      plan.pop()
    }
  }
  extend(0, [], 0, 0)
  return found.sort((a, b) => b.value - a.value).map(({ plan }) => plan)
}

/** A sampled world of this turn: the state with the world's seed, and the others' replies already worked out. */
interface World {
  start: GameState
  /** The others' choices and questions (prepareTurn's, without the actor's own) for a plan without partners, by its cost. */
  replies: Map<number, { choices: readonly Choice[]; questions: PreparedTurn['questions'] }>
}

const NORMAL_OTHERS = new WeakMap<CompiledScenario, Map<string, Seats>>()

/** Seats with every actor but `actor` played at normal (kept, so that nothing is rebuilt per world). */
function othersSeats(scn: CompiledScenario, actor: string | null): Seats {
  let byActor = NORMAL_OTHERS.get(scn)
  if (!byActor) NORMAL_OTHERS.set(scn, (byActor = new Map<string, Seats>()))
  const key = actor ?? ''
  let seats = byActor.get(key)
  if (!seats) byActor.set(key, (seats = { computer: new Set(scn.actorIds.filter((id) => id !== actor)), difficulty: 'normal' }))
  return seats
}

function worldOf(state: GameState, seed: number): World {
  const start: GameState = { ...state, seed, rng: { seed, counter: state.rng.counter } }
  return { start, replies: new Map() }
}

const solo = (plan: readonly Choice[]) => plan.every((choice) => !choice.partners || choice.partners.length === 0)

/**
 * prepareTurn for a plan without partners. The others' replies depend on such a plan only through what it
 * leaves the actor to pay a share of their joint proposals with (its keys name the actor alone), so they are
 * worked out once per world and cost.
 */
function soloTurn(scn: CompiledScenario, world: World, others: Seats, plan: readonly Choice[]): PreparedTurn {
  let cost = 0
  for (const choice of plan) cost += costOf(scn, world.start, choice)
  let replies = world.replies.get(cost)
  if (!replies) {
    const prepared = prepareTurn(scn, world.start, others, plan)
    replies = { choices: prepared.choices.slice(plan.length), questions: prepared.questions }
    world.replies.set(cost, replies)
  }
  return { state: world.start, choices: [...plan, ...replies.choices], questions: replies.questions }
}

/**
 * One world played out: this turn with `plan` for `actor` and everyone else at normal, then the rest of the
 * horizon with everyone at normal; the incidents and the others' jitter are the world's.
 * Returns the actor's score over the horizon, the rest of the game counted at the last turn's score.
 */
function playOut(scn: CompiledScenario, world: World, actor: string, plan: readonly Choice[]): number {
  const role = scn.roleByActor[actor]
  if (!role) return 0
  const first = world.start
  const others = othersSeats(scn, actor)
  const prepared = solo(plan) ? soloTurn(scn, world, others, plan) : prepareTurn(scn, first, others, plan)
  const agreed = answersOf(prepared.questions, (partner, choice) => computerConsents(scn, first, partner, choice, 'normal'))
  let state = playTurn(scn, first, others, { choices: plan, agreed }, { ledger: false, prepared }).result.state
  let sum = state.turnScores[role.id] ?? 0
  for (let turn = 1; turn < TUNING.HORIZON && !state.outcome; turn++) {
    state = playTurn(scn, state, othersSeats(scn, null), { choices: [], agreed: [] }, { ledger: false }).result.state
    sum += state.turnScores[role.id] ?? 0
  }
  if (scn.file.turns.scoring === 'final') return state.clash ? 0 : (state.turnScores[role.id] ?? 0)
  const rest = state.clash ? 0 : state.turnLimit - state.turn
  return sum + TUNING.TAIL_WEIGHT * rest * (state.turnScores[role.id] ?? 0)
}
