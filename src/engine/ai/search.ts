// The hard computer player: a plan chosen by search, not by a one-shot value.
//
// Algorithm: sampled expectimax at the root with rollouts, the plans raced by successive halving.
//  1. Plans: the normal player's own plan (the control), passing, the best single choices and the best
//     affordable pairs and triples of distinct actions, valued one-shot as normal values them; each legal and
//     affordable as normal's are (the same candidates, budget, partners' capital and planned actions).
//  2. Worlds: a world is a seed drawn from the game's seed with the search's tag (SEARCH_RNG_TAG), so its
//     incidents (the dice) and the others' jitter are not the real game's: nobody foresees the dice. In a
//     world, the turn is played with the plan against the other powers' normal replies (normal is the model
//     of every other power), then HORIZON - 1 more turns with everyone at normal, through playTurn.
//  3. Value: the role's turn scores over the horizon, plus the last one counted for each turn left at
//     TAIL_WEIGHT (the game scores the mean of its turns; an armed clash scores 0 for every turn it cuts off).
//     Plans are compared in the same worlds (common random numbers): a challenger's merit is its mean
//     advantage over the control there.
//  4. Successive halving: each round plays the control and the challengers still in on new worlds and keeps
//     the better half, within SEARCH_TURNS simulated turns: a node budget, never the clock.
//  5. The best challenger replaces the normal plan only if it also beats it in VALIDATE fresh worlds that
//     played no part in choosing it (the best of many noisy estimates is flattered by luck).
// Deterministic: the same state gives the same plan on any machine.
import type { CompiledScenario } from '../compiled.ts'
import type { Choice } from '../choices.ts'
import { choiceProblem, costOf, jointKey } from '../choices.ts'
import type { ConsentQuestion, PreparedTurn, Seats } from '../game.ts'
import { agreementKey, answersOf, computerChoices, playTurn } from '../game.ts'
import { uniform } from '../rng.ts'
import type { GameState } from '../state.ts'
import type { Scored } from './policy.ts'
import { NORMAL_SKILL, computerConsents, greedyPlan, partnersCanPay, scoredCandidates } from './policy.ts'

/** The search's own rng tag (rng.ts RNG_TAGS holds the engine's; this one is used nowhere else). */
export const SEARCH_RNG_TAG = 101
/** Simulated turns one decision may cost: the node budget (never the clock, so games replay from their seed). */
export const SEARCH_TURNS = 120
/** Turns each world is played ahead, this one included. */
export const HORIZON = 2
/** How much each turn of the rest of the game beyond the horizon counts, at the last simulated turn's score. */
const TAIL_WEIGHT = 0.5
/** Plans tried at the root, at most, and the best single choices among them (tried alone and combined). */
const MAX_PLANS = 12
const SHORTLIST = 6
/** Fresh worlds the best challenger must also beat the normal plan in. */
const VALIDATE = 4

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

// Searches already made, per state: preparing a turn and then playing it asks the same question twice. Keyed by
// the question and a fingerprint of the state's values, so a state changed in place is searched again.
interface Remembered {
  fingerprint: number
  result: SearchResult
}
const searched = new WeakMap<GameState, Map<string, Remembered>>()

function fingerprint(state: GameState): number {
  let hash = state.turn * 31 + state.seed
  for (const values of [
    state.alignment,
    state.tension,
    state.commitment,
    state.interdependence,
    state.readiness,
    state.standing,
    state.grievance,
  ]) {
    for (let k = 0; k < values.length; k++) {
      // Values live on a 2^-32 grid: the fraction's 32 bits and the whole part, both.
      hash = (Math.imul(hash, 0x01000193) ^ (values[k] * 0x100000000)) | 0
      hash = (Math.imul(hash, 0x01000193) ^ Math.floor(values[k])) | 0
    }
  }
  return hash
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
  const question = `${scn.hash}|${actor}|${reserved}|${[...alreadyPlanned].sort().join(';')}|${scn.actorIds.map((id) => partnerRoom(id)).join(',')}`
  let byQuestion = searched.get(state)
  if (!byQuestion) searched.set(state, (byQuestion = new Map<string, Remembered>()))
  const print = fingerprint(state)
  const known = byQuestion.get(question)
  if (known && known.fingerprint === print) return known.result
  const result = search(scn, state, actor, alreadyPlanned, reserved, partnerRoom)
  byQuestion.set(question, { fingerprint: print, result })
  return result
}

function search(
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
  const turnsPerWorld = Math.max(1, Math.min(HORIZON, state.turnLimit - state.turn))
  const play = (trial: Trial, world: number, sampled: World) => (trial.values[world] = playOut(scn, sampled, actor, trial.plan))
  const sample = (world: number) => worldOf(state, worldSeed(state, scn.actorIndex[actor], world))
  const searchTurns = SEARCH_TURNS - 2 * VALIDATE * turnsPerWorld
  let spent = 0
  let world = 0
  for (let round = 0; round < rounds; round++) {
    // An equal share of the budget per round, split between the plans still in.
    const worlds = Math.max(1, Math.floor(searchTurns / rounds / (alive.length + 1) / turnsPerWorld))
    for (let w = 0; w < worlds && spent + (alive.length + 1) * turnsPerWorld <= searchTurns; w++, world++) {
      const sampled = sample(world)
      for (const trial of [control, ...alive]) play(trial, world, sampled)
      spent += (alive.length + 1) * turnsPerWorld
    }
    alive = [...alive].sort((a, b) => advantage(b, control) - advantage(a, control))
    if (round < rounds - 1) alive = alive.slice(0, Math.ceil(alive.length / 2))
  }
  const best = alive[0]
  // The best of many noisy estimates is flattered by luck: the challenger must also beat the normal plan in
  // fresh worlds that played no part in choosing it.
  const searched = world
  for (let w = 0; w < VALIDATE; w++, world++) {
    const sampled = sample(world)
    play(control, world, sampled)
    play(best, world, sampled)
  }
  const overall = advantage(best, control)
  const wins = overall > 0 && advantage(best, control, searched) > 0
  const [chosen, other] = wins ? [best, control] : [control, best]
  // The values over the worlds that decided: all those both played, or the fresh ones when they undid the choice.
  const from = wins || overall <= 0 ? 0 : searched
  return { plan: chosen.plan, value: meanFrom(chosen, other, from), runnerUp: { plan: other.plan, value: meanFrom(other, chosen, from) } }
}

/** The trial's mean value over the worlds it shares with `other`, from world `fromWorld` on. */
function meanFrom(trial: Trial, other: Trial, fromWorld: number): number {
  let sum = 0
  let count = 0
  trial.values.forEach((value, world) => {
    if (value === undefined || world < fromWorld || other.values[world] === undefined) return
    sum += value
    count++
  })
  return count > 0 ? sum / count : 0
}

/** How much `trial` beats the control on average in the worlds both played (from world `fromWorld` on). */
function advantage(trial: Trial, control: Trial, fromWorld = 0): number {
  let sum = 0
  let count = 0
  trial.values.forEach((value, world) => {
    if (value === undefined || world < fromWorld) return
    sum += value - control.values[world]
    count++
  })
  return count > 0 ? sum / count : -Infinity
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
    scoredCandidates(scn, state, actor, NORMAL_SKILL.noise, alreadyPlanned, partnerRoom, NORMAL_SKILL.threshold),
    budget,
    NORMAL_SKILL,
    partnerRoom,
  )
  const valued = scoredCandidates(scn, state, actor, 0, alreadyPlanned, partnerRoom)
  const shortlist = valued.filter(({ choice }) => costOf(scn, state, choice) <= budget).slice(0, SHORTLIST)
  const plans: Choice[][] = []
  const seen = new Set<string>()
  const add = (plan: Choice[]) => {
    const key = plan.map(jointKey).sort().join(' ')
    if (seen.has(key) || plans.length >= MAX_PLANS) return
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

/** A sampled world of this turn: the state with the world's seed, and each other power's valued candidates in it. */
export interface World {
  start: GameState
  /** What scoredCandidates gives each power at normal, before leaving out what a plan makes impossible. */
  scored: Map<string, Scored[]>
  /** A plan's value by the orders its turn carried out: plans that end in the same orders (a partner declined) play out alike. */
  byOrders: Map<string, number>
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

export function worldOf(state: GameState, seed: number): World {
  const start: GameState = { ...state, seed, rng: { seed, counter: state.rng.counter } }
  return { start, scored: new Map(), byOrders: new Map() }
}

/**
 * prepareTurn(scn, world.start, others, plan), with the others' candidates valued once per world: a plan
 * changes only which of them they may still propose (not a joint action it planned, not one a partner
 * can no longer pay for) and what they can afford, never their values.
 * HAZARD: repeats prepareTurn's questions (those put to the actor, the only seat not played by the computer).
 */
export function turnWithPlan(scn: CompiledScenario, world: World, actor: string, plan: readonly Choice[]): PreparedTurn {
  const start = world.start
  const replies = computerChoices(scn, start, othersSeats(scn, actor), plan, (seat) => {
    let scored = world.scored.get(seat.actor)
    if (!scored)
      world.scored.set(
        seat.actor,
        (scored = scoredCandidates(scn, start, seat.actor, NORMAL_SKILL.noise, undefined, undefined, NORMAL_SKILL.threshold)),
      )
    const open = scored.filter(
      (entry) =>
        !seat.planned.has(entry.key) &&
        (!entry.choice.partners || entry.choice.partners.every((partner) => seat.room(partner) >= entry.share)),
    )
    return greedyPlan(scn, start, open, scn.budget[scn.actorIndex[seat.actor]] - seat.reserved, NORMAL_SKILL, seat.room)
  })
  const choices = [...plan, ...replies]
  const questions: ConsentQuestion[] = []
  for (const choice of replies) {
    if (!choice.partners?.includes(actor) || choiceProblem(scn, start, choice)) continue
    const key = agreementKey(actor, choice)
    if (!questions.some((question) => question.key === key)) questions.push({ partner: actor, choice, key })
  }
  return { state: start, choices, questions }
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
  const prepared = turnWithPlan(scn, world, actor, plan)
  const agreed = answersOf(prepared.questions, (partner, choice) => computerConsents(scn, first, partner, choice, 'normal'))
  const played = playTurn(scn, first, others, { choices: plan, agreed }, { ledger: false, prepared }).result
  const orders = JSON.stringify(played.orders)
  const known = world.byOrders.get(orders)
  if (known !== undefined) return known
  const value = playOn(scn, played.state, role.id)
  world.byOrders.set(orders, value)
  return value
}

/** The rest of a world's horizon from the state after its first turn, everyone at normal; the value of playOut. */
function playOn(scn: CompiledScenario, after: GameState, roleId: string): number {
  let state = after
  let sum = state.turnScores[roleId] ?? 0
  for (let turn = 1; turn < HORIZON && !state.outcome; turn++) {
    state = playTurn(scn, state, othersSeats(scn, null), { choices: [], agreed: [] }, { ledger: false }).result.state
    sum += state.turnScores[roleId] ?? 0
  }
  if (scn.file.turns.scoring === 'final') return state.clash ? 0 : (state.turnScores[roleId] ?? 0)
  const rest = state.clash ? 0 : state.turnLimit - state.turn
  return sum + TAIL_WEIGHT * rest * (state.turnScores[roleId] ?? 0)
}
