// Playing turns and whole games: the computer chooses for its actors, every partner is asked,
// and the turn is resolved. A game is fully described by (scenario, seed, turn limit, orders per turn).
import type { CompiledScenario } from './compiled.ts'
import type { Choice, ConsentPolicy, Plan } from './choices.ts'
import { costOf, jointKey, partnerCostOf, planTurn } from './choices.ts'
import type { Difficulty } from './ai/policy.ts'
import { chooseActions, computerConsents, consentPolicy } from './ai/policy.ts'
import type { GameState } from './state.ts'
import type { TurnResult } from './turn.ts'
import { resolveTurn, startGame } from './turn.ts'

export interface Seats {
  /** Actors the computer plays; every other actor is played by its scripted or human choices. */
  computer: ReadonlySet<string>
  difficulty: Difficulty
}

export interface PlayedTurn {
  plan: Plan
  result: TurnResult
}

/**
 * The computer's choices for all its actors, from the state at the start of the turn. Joint actions
 * already planned (by humans, given as `planned`) are not proposed again.
 */
export function computerChoices(scn: CompiledScenario, state: GameState, seats: Seats, alreadyPlanned: readonly Choice[] = []): Choice[] {
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
      if (!byComputer && seats.computer.has(partner) && !computerConsents(scn, state, partner, choice, seats.difficulty)) continue
      committed.set(partner, (committed.get(partner) ?? 0) + share)
    }
  }
  for (const choice of alreadyPlanned) commit(choice, false)
  const room = (actor: string) => scn.budget[scn.actorIndex[actor]] - (committed.get(actor) ?? 0)
  for (const actor of scn.actorIds) {
    if (!seats.computer.has(actor)) continue
    for (const choice of chooseActions(
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

/**
 * Plays one turn: the given choices of non-computer actors come first, then the computer's.
 * Partners played by the computer decide by themselves; other partners consent.
 */
export function playTurn(
  scn: CompiledScenario,
  state: GameState,
  choices: readonly Choice[],
  seats: Seats,
  ledger = true,
  othersConsent: ConsentPolicy = () => true,
): PlayedTurn {
  const given = choices.filter((choice) => !seats.computer.has(choice.actor))
  const all = [...given, ...computerChoices(scn, state, seats, given)]
  const computerConsent = consentPolicy(scn, state, seats.computer, seats.difficulty)
  const consent: ConsentPolicy = (partner, choice) =>
    seats.computer.has(partner) ? computerConsent(partner, choice) : othersConsent(partner, choice)
  const plan = planTurn(scn, state, all, consent)
  const result = resolveTurn(scn, state, plan.orders, { ledger })
  return { plan, result }
}

/** The choices of the actors a script plays in one turn; an actor named with no choices passes. */
export interface ScriptedTurn {
  choices: readonly Choice[]
  actors: readonly string[]
  /** Whether a scripted actor takes part in a joint action others propose to it (default: it always does). */
  consents?: ConsentPolicy
}

export interface GameOptions {
  seed: number
  turns?: number
  /** Who the computer plays when the script does not name them for a turn. */
  seats: Seats
  script?: (turn: number, state: GameState) => ScriptedTurn | undefined
  ledger?: boolean
  /** Called after each turn (for progress output). */
  onTurn?: (played: PlayedTurn) => void
}

export interface GameRecord {
  start: GameState
  turns: PlayedTurn[]
  final: GameState
}

export function playGame(scn: CompiledScenario, options: GameOptions): GameRecord {
  const start = startGame(scn, options.seed, options.turns)
  let state = start
  const turns: PlayedTurn[] = []
  while (!state.outcome) {
    const scripted = options.script?.(state.turn + 1, state)
    const seats: Seats = scripted
      ? { ...options.seats, computer: new Set([...options.seats.computer].filter((id) => !scripted.actors.includes(id))) }
      : options.seats
    const played = playTurn(scn, state, scripted?.choices ?? [], seats, options.ledger ?? true, scripted?.consents)
    turns.push(played)
    options.onTurn?.(played)
    state = played.result.state
  }
  return { start, turns, final: state }
}

/** Replays a game from its recorded orders: the same scenario, seed and orders give the same states. */
export function replayGame(
  scn: CompiledScenario,
  seed: number,
  turnLimit: number,
  ordersPerTurn: readonly (readonly Choice[])[],
): GameState {
  let state = startGame(scn, seed, turnLimit)
  for (const orders of ordersPerTurn) {
    if (state.outcome) break
    state = resolveTurn(scn, state, orders, { ledger: false }).state
  }
  return state
}
