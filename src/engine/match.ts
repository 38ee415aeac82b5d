// The game as a value: its setup and, turn by turn, what the humans decided and what happened. A match is
// advanced only by playTurn; a setup and its human turns reproduce it exactly, which is what saves, re-runs
// on changed rules and the classroom server's durable log rely on.
import type { Difficulty } from './ai/policy.ts'
import { DIFFICULTIES } from './ai/policy.ts'
import type { Choice, Rejection } from './choices.ts'
import { normaliseChoice } from './choices.ts'
import type { CompiledScenario } from './compiled.ts'
import type { DecidedCallback, HumanTurn, PlayOptions, PlayedTurn, PreparedTurn, Rationale, Seats } from './game.ts'
import { agreementKey, ordersAsTurn, playTurn, prepareTurn } from './game.ts'
import { sha256Hex } from './hash.ts'
import type { GameState } from './state.ts'
import { injectProblem, startGame } from './turn.ts'

/** What, with the human turns, reproduces a game. */
export interface GameSetup {
  seed: number
  turnLimit: number
  /** The actors humans play, in the order they plan (hot seat); the computer plays every other. */
  humans: readonly string[]
  difficulty: Difficulty
  /** The computer's level for some of the powers it plays, when not `difficulty` (absent: all at `difficulty`). */
  levels?: Readonly<Record<string, Difficulty>>
}

export interface Match {
  readonly setup: GameSetup
  readonly start: GameState
  /** Every resolved turn, in order. */
  readonly turns: readonly PlayedTurn[]
  /** The state after the last resolved turn (the start before the first). */
  readonly state: GameState
}

/** A match as a save records it: its setup, the orders carried out and the humans' decisions of every turn. */
export interface MatchRecord extends GameSetup {
  humans: string[]
  levels?: Record<string, Difficulty>
  orders: Choice[][]
  decisions: {
    choices: Choice[]
    agreed: string[]
    injects?: string[]
    difficulty?: Difficulty
    rationales?: Rationale[]
  }[]
}

export function seatsOf(scn: CompiledScenario, setup: GameSetup): Seats {
  const humans = new Set(setup.humans)
  const seats: Seats = { computer: new Set(scn.actorIds.filter((id) => !humans.has(id))), difficulty: setup.difficulty }
  if (setup.levels && Object.keys(setup.levels).length > 0) seats.levels = setup.levels
  return seats
}

/** The setup's per-power levels as plain data, or undefined when there are none. */
function ownLevels(setup: GameSetup): Record<string, Difficulty> | undefined {
  if (!setup.levels) return undefined
  const entries = Object.entries(setup.levels)
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
}

/** Why these rules cannot host a game of this setup, or null. */
export function setupProblem(scn: CompiledScenario, setup: GameSetup): string | null {
  if (setup.humans.length === 0) return 'the game names no player'
  if (new Set(setup.humans).size !== setup.humans.length) return 'the game names a player twice'
  const unplayable = setup.humans.find((actor) => !scn.file.actors.some((a) => a.id === actor && a.playable))
  if (unplayable) return `the scenario does not let anyone play: ${unplayable}`
  if (!Number.isInteger(setup.turnLimit) || setup.turnLimit < 1) return `the game must have at least 1 turn, not ${setup.turnLimit}`
  if (setup.turnLimit > scn.file.turns.max)
    return `the game has ${setup.turnLimit} turns, more than the scenario allows (${scn.file.turns.max})`
  for (const [actor, level] of Object.entries(setup.levels ?? {})) {
    if (!scn.actorIds.includes(actor)) return `the game sets a level for ${actor}, which the scenario does not have`
    if (setup.humans.includes(actor)) return `the game sets a level for ${actor}, whom a player plays`
    if (!DIFFICULTIES.includes(level)) return `the game sets an unknown level for ${actor}: ${level as string}`
  }
  return null
}

export function newMatch(scn: CompiledScenario, setup: GameSetup): Match {
  const problem = setupProblem(scn, setup)
  if (problem) throw new Error(problem)
  const start = startGame(scn, setup.seed, setup.turnLimit)
  const own: GameSetup = { seed: setup.seed, turnLimit: setup.turnLimit, humans: [...setup.humans], difficulty: setup.difficulty }
  const levels = ownLevels(setup)
  if (levels) own.levels = levels
  return { setup: own, start, turns: [], state: start }
}

/** The choices and questions of the match's next turn, given the humans' choices (and the computer's level, if changed). */
export function prepareMatchTurn(
  scn: CompiledScenario,
  match: Pick<Match, 'setup' | 'state'>,
  choices: readonly Choice[],
  difficulty?: Difficulty,
  onDecided?: DecidedCallback,
): PreparedTurn {
  return prepareTurn(
    scn,
    match.state,
    seatsOf(scn, { ...match.setup, difficulty: difficulty ?? match.setup.difficulty }),
    choices,
    onDecided,
  )
}

/** Why a human turn cannot be played next in this match (a wrong inject, the game over), or null. */
export function humanTurnProblem(scn: CompiledScenario, match: Match, turn: HumanTurn): string | null {
  if (match.state.outcome) return 'the game is over'
  const seen = new Set<string>()
  for (const id of turn.injects ?? []) {
    const problem = injectProblem(scn, id)
    if (problem) return problem
    if (seen.has(id)) return `the inject "${id}" is given twice in one turn`
    seen.add(id)
  }
  const outsider = turn.rationales?.find((rationale) => !match.setup.humans.includes(rationale.actor))
  if (outsider) return `a rationale for ${outsider.actor}, whom no player plays`
  return null
}

/** The match with one more turn played. */
export function advanceMatch(scn: CompiledScenario, match: Match, decisions: HumanTurn, options: PlayOptions = {}): Match {
  const problem = humanTurnProblem(scn, match, decisions)
  if (problem) throw new Error(problem)
  const played = playTurn(scn, match.state, seatsOf(scn, match.setup), decisions, options)
  return { ...match, turns: [...match.turns, played], state: played.result.state }
}

/** The match without its last turn (the start when none was played). */
export function withoutLastTurn(match: Match): Match {
  const turns = match.turns.slice(0, -1)
  return { ...match, turns, state: turns.at(-1)?.result.state ?? match.start }
}

export function decisionsOf(match: Match): HumanTurn[] {
  return match.turns.map((turn) => turn.decisions)
}

export function recordOf(match: Match): MatchRecord {
  const { seed, turnLimit, difficulty, humans } = match.setup
  const record: MatchRecord = {
    seed,
    turnLimit,
    difficulty,
    humans: [...humans],
    orders: match.turns.map((turn) => turn.result.orders.map(normaliseChoice)),
    decisions: decisionsOf(match).map(recordedTurn),
  }
  const levels = ownLevels(match.setup)
  if (levels) record.levels = levels
  return record
}

/** A human turn as plain data: normalised choices, and the optional parts only when present. */
function recordedTurn(turn: HumanTurn): MatchRecord['decisions'][number] {
  const recorded: MatchRecord['decisions'][number] = { choices: turn.choices.map(normaliseChoice), agreed: [...turn.agreed] }
  if (turn.injects && turn.injects.length > 0) recorded.injects = [...turn.injects]
  if (turn.difficulty) recorded.difficulty = turn.difficulty
  if (turn.rationales && turn.rationales.length > 0) recorded.rationales = turn.rationales.map((rationale) => ({ ...rationale }))
  return recorded
}

/** A human choice the rules refused when re-run (no longer legal, over budget, or declined). */
export interface DroppedChoice {
  turn: number
  rejection: Rejection
}

export interface Rerun {
  match: Match
  dropped: DroppedChoice[]
  /** Recorded turns not played because the game ended sooner on these rules. */
  turnsNotPlayed: number
}

/**
 * The same game from turn 1 on (possibly changed) rules: the same setup, the humans' decisions turn by turn
 * where the rules still allow them, the computer choosing afresh. Used to playtest an edited scenario, to
 * carry a save over to a new version of its scenario and to resume a class from its log.
 */
export function rerunMatch(scn: CompiledScenario, setup: GameSetup, decisions: readonly HumanTurn[], options: PlayOptions = {}): Rerun {
  let match = newMatch(scn, setup)
  const humans = new Set(setup.humans)
  const dropped: DroppedChoice[] = []
  for (const [index, turn] of decisions.entries()) {
    if (match.state.outcome) return { match, dropped, turnsNotPlayed: decisions.length - index }
    match = advanceMatch(scn, match, turn, options)
    for (const rejection of match.turns[index].plan.rejected) {
      if (humans.has(rejection.choice.actor)) dropped.push({ turn: index + 1, rejection })
    }
  }
  return { match, dropped, turnsNotPlayed: 0 }
}

const sameOrders = (a: readonly Choice[], b: readonly Choice[]) =>
  JSON.stringify(a.map(normaliseChoice)) === JSON.stringify(b.map(normaliseChoice))

/**
 * Rebuilds a recorded match (a save's) in one pass. Each turn is played from the humans' decisions; where that does
 * not give the recorded orders (a save from an app whose computer players chose differently), the turn is
 * played from its recorded orders instead, so the states are always those of the record. A string says why
 * the record cannot be a game on these rules.
 */
export function replayRecord(
  scn: CompiledScenario,
  record: GameSetup & { orders: readonly (readonly Choice[])[]; decisions: readonly HumanTurn[] },
  options: PlayOptions = {},
): Match | string {
  const problem = setupProblem(scn, record)
  if (problem) return problem
  if (record.decisions.length !== record.orders.length) return 'the save records decisions for a different number of turns than it played'
  let match = newMatch(scn, record)
  const nobody: Seats = { computer: new Set(), difficulty: record.difficulty }
  for (const [index, orders] of record.orders.entries()) {
    if (match.state.outcome) return 'the save has more turns than its game could have'
    const decisions = record.decisions[index]
    const played = advanceMatch(scn, match, decisions, options)
    if (sameOrders(played.turns[index].result.orders, orders)) {
      match = played
      continue
    }
    const replayed = playTurn(scn, match.state, nobody, ordersAsTurn(orders), options)
    if (replayed.plan.rejected.length > 0)
      return `turn ${index + 1} of the save has an order the rules refuse: ${replayed.plan.rejected[0].reason}`
    match = { ...match, turns: [...match.turns, { ...replayed, decisions }], state: replayed.result.state }
  }
  return match
}

/**
 * The human decisions behind carried-out orders (what a record without decisions implies): the orders of
 * human powers, and every joint order a human partner took part in.
 */
export function humanTurnsFromOrders(ordersPerTurn: readonly (readonly Choice[])[], humans: readonly string[]): HumanTurn[] {
  const human = new Set(humans)
  return ordersPerTurn.map((orders) => ({
    choices: orders.filter((order) => human.has(order.actor)).map(normaliseChoice),
    agreed: orders.flatMap((order) =>
      (order.partners ?? []).filter((partner) => human.has(partner)).map((partner) => agreementKey(partner, normaliseChoice(order))),
    ),
  }))
}

/**
 * SHA-256 of the state's JSON: what a save records, to check that replaying it gives the same game. Fields
 * in `leaveOut` are left out (the state as an older app knew it; JSON follows insertion order, so the rest
 * hashes as it did).
 */
export function stateHash(state: GameState, leaveOut: readonly string[] = []): string {
  if (leaveOut.length === 0) return sha256Hex(JSON.stringify(state))
  const known = Object.fromEntries(Object.entries(state).filter(([field]) => !leaveOut.includes(field)))
  return sha256Hex(JSON.stringify(known))
}
