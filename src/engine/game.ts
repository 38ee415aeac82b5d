// Playing turns and whole games. One function plays a turn (playTurn): the humans' turn is data (their
// choices and their answers to the joint actions proposed to them), the computer chooses for the rest, and
// the turn is resolved. The CLI, batch runs, the game screen, re-runs, save loading and the classroom
// server all play through it.
import type { CompiledScenario } from './compiled.ts'
import type { Choice, ConsentPolicy, Plan } from './choices.ts'
import { choiceProblem, costOf, jointKey, partnerCostOf, planTurn } from './choices.ts'
import type { Difficulty } from './ai/policy.ts'
import { chooseActions, computerConsents } from './ai/policy.ts'
import { withSteadyState } from './ai/fast-value.ts'
import type { GameState } from './state.ts'
import type { TurnResult } from './turn.ts'
import { resolveTurn, startGame } from './turn.ts'

export interface Seats {
  /** Actors the computer plays; every other actor is played by its scripted or human choices. */
  computer: ReadonlySet<string>
  difficulty: Difficulty
  /** The computer's level for some of its actors, when not `difficulty` (e.g. one power at hard, the rest at normal). */
  levels?: Readonly<Record<string, Difficulty>>
}

/** The computer's level for one of its actors. */
export function levelOf(seats: Pick<Seats, 'difficulty' | 'levels'>, actor: string): Difficulty {
  return (seats.levels && Object.hasOwn(seats.levels, actor) ? seats.levels[actor] : undefined) ?? seats.difficulty
}

/** A player's reasons for a turn's choices, optionally citing a paragraph of the scenario's source. */
export interface Rationale {
  actor: string
  text: string
  /** A 1-based paragraph of the scenario's first source. */
  paragraph?: number
}

/**
 * What people decided in one turn: the players who are not the computer (their choices and their answers to
 * the joint actions proposed to them) and, in a class, the teacher (injected events, the computer's level).
 * With the setup, the list of these reproduces a game.
 */
export interface HumanTurn {
  /** The actions they chose for their own powers, in the order they chose them. */
  choices: readonly Choice[]
  /** The joint actions proposed to them that they agreed to join, as `partner|jointKey` (see agreementKey). */
  agreed: readonly string[]
  /** The scenario's injects applied at the start of this turn, in order (check each with injectProblem). */
  injects?: readonly string[]
  /** The computer players' level for this turn, when a teacher changed it from the setup's. */
  difficulty?: Difficulty
  /** Why the players chose as they did; kept in the record, never read by the rules. */
  rationales?: readonly Rationale[]
}

/** A joint action proposed to a partner the computer does not play: the engine asks, the answer is data. */
export interface ConsentQuestion {
  partner: string
  choice: Choice
  /** The key an answer of yes puts into `HumanTurn.agreed`. */
  key: string
}

export const agreementKey = (partner: string, choice: Choice): string => `${partner}|${jointKey(choice)}`

/** A turn about to be played: every choice (the humans' first, then the computer's) and whom to ask what. */
export interface PreparedTurn {
  state: GameState
  choices: readonly Choice[]
  /** One question per joint action and partner not played by the computer, in the order of the choices. */
  questions: readonly ConsentQuestion[]
}

export interface PlayedTurn {
  plan: Plan
  result: TurnResult
  /** What the humans decided (as given to playTurn). */
  decisions: HumanTurn
}

/** What a computer actor chooses with in a turn: its level, what is planned already, and the capital it and others have left. */
export interface ComputerSeat {
  actor: string
  level: Difficulty
  /** Joint keys of the actions already planned this turn (not to be proposed again). */
  planned: ReadonlySet<string>
  /** Capital the actor has already promised as others' partner. */
  reserved: number
  /** Capital each actor has left. */
  room: (actor: string) => number
}

/**
 * The computer's choices for all its actors, from the state at the start of the turn. Joint actions
 * already planned (by humans, given as `planned`) are not proposed again. `choose` picks for one actor
 * (chooseActions by default; explanations pass one that also says why).
 */
export function computerChoices(
  scn: CompiledScenario,
  state: GameState,
  seats: Seats,
  alreadyPlanned: readonly Choice[] = [],
  choose: (seat: ComputerSeat) => readonly Choice[] = (seat) =>
    chooseActions(scn, state, seat.actor, seat.level, seat.planned, seat.reserved, seat.room),
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
      if (!byComputer && seats.computer.has(partner) && !computerConsents(scn, state, partner, choice, levelOf(seats, partner))) continue
      committed.set(partner, (committed.get(partner) ?? 0) + share)
    }
  }
  // A choice the rules will refuse commits nothing (and may name an action or partner that does not exist).
  for (const choice of alreadyPlanned) if (!choiceProblem(scn, state, choice)) commit(choice, false)
  const room = (actor: string) => scn.budget[scn.actorIndex[actor]] - (committed.get(actor) ?? 0)
  withSteadyState(scn, state, () => {
    for (const actor of scn.actorIds) {
      if (!seats.computer.has(actor)) continue
      for (const choice of choose({
        actor,
        level: levelOf(seats, actor),
        planned,
        reserved: scn.budget[scn.actorIndex[actor]] - room(actor),
        room,
      })) {
        choices.push(choice)
        planned.add(jointKey(choice))
        commit(choice, true)
      }
    }
  })
  return choices
}

/** Told after each computer power has chosen: how many have, of how many (for a progress display). */
export type DecidedCallback = (decided: number, of: number) => void

/** chooseActions, telling `onDecided` after each power. */
function reportingChoice(scn: CompiledScenario, state: GameState, seats: Seats, onDecided: DecidedCallback) {
  const of = scn.actorIds.filter((actor) => seats.computer.has(actor)).length
  let decided = 0
  return (seat: ComputerSeat): readonly Choice[] => {
    const chosen = chooseActions(scn, state, seat.actor, seat.level, seat.planned, seat.reserved, seat.room)
    decided += 1
    onDecided(decided, of)
    return chosen
  }
}

/**
 * The choices of a turn and the questions it asks: the given choices of actors the computer does not play
 * (others are ignored), then the computer's; a question for each joint action and partner the computer does
 * not play (the same joint action proposed twice is asked once).
 */
export function prepareTurn(
  scn: CompiledScenario,
  state: GameState,
  seats: Seats,
  humanChoices: readonly Choice[],
  onDecided?: DecidedCallback,
): PreparedTurn {
  const given = humanChoices.filter((choice) => !seats.computer.has(choice.actor))
  const computed = onDecided
    ? computerChoices(scn, state, seats, given, reportingChoice(scn, state, seats, onDecided))
    : computerChoices(scn, state, seats, given)
  const choices = [...given, ...computed]
  const questions: ConsentQuestion[] = []
  const asked = new Set<string>()
  for (const choice of choices) {
    if (!choice.partners || choiceProblem(scn, state, choice)) continue
    for (const partner of choice.partners) {
      if (seats.computer.has(partner)) continue
      const key = agreementKey(partner, choice)
      if (asked.has(key)) continue
      asked.add(key)
      questions.push({ partner, choice, key })
    }
  }
  return { state, choices, questions }
}

export interface PlayOptions {
  /** Record the ledger (default true). Batch runs switch it off; the arithmetic is the same. */
  ledger?: boolean
  /**
   * The turn as prepareTurn gave it for this state, seats (at this turn's level) and choices, to save choosing
   * for the computer twice.
   */
  prepared?: PreparedTurn
}

/**
 * Plays one turn. Partners the computer plays decide by themselves, each at its own level (levelOf); any other
 * partner takes part only if the human turn lists its agreement.
 */
export function playTurn(
  scn: CompiledScenario,
  state: GameState,
  seats: Seats,
  decisions: HumanTurn,
  options: PlayOptions = {},
): PlayedTurn {
  const turnSeats =
    decisions.difficulty && decisions.difficulty !== seats.difficulty ? { ...seats, difficulty: decisions.difficulty } : seats
  const prepared = options.prepared?.state === state ? options.prepared : prepareTurn(scn, state, turnSeats, decisions.choices)
  const agreed = new Set(decisions.agreed)
  const plan = withSteadyState(scn, state, () =>
    planTurn(scn, state, prepared.choices, (partner, choice) =>
      turnSeats.computer.has(partner)
        ? computerConsents(scn, state, partner, choice, levelOf(turnSeats, partner))
        : agreed.has(agreementKey(partner, choice)),
    ),
  )
  const result = resolveTurn(scn, state, plan.orders, { ledger: options.ledger ?? true, injects: decisions.injects })
  return { plan, result, decisions }
}

/** The answers a consent policy gives to the turn's questions, as a human turn's `agreed`. */
export function answersOf(questions: readonly ConsentQuestion[], consents: ConsentPolicy): string[] {
  return questions.filter((question) => consents(question.partner, question.choice)).map((question) => question.key)
}

/** The choices of the actors a script plays in one turn; an actor named with no choices passes. */
export interface ScriptedTurn {
  choices: readonly Choice[]
  actors: readonly string[]
  /** Whether a scripted actor takes part in a joint action proposed to it (default: it always does). */
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

const alwaysConsents: ConsentPolicy = () => true

/** Plays a whole game: scripted actors as the script says (as humans would), the computer for the rest. */
export function playGame(scn: CompiledScenario, options: GameOptions): GameRecord {
  const start = startGame(scn, options.seed, options.turns)
  let state = start
  const turns: PlayedTurn[] = []
  while (!state.outcome) {
    const scripted = options.script?.(state.turn + 1, state)
    const seats: Seats = scripted
      ? { ...options.seats, computer: new Set([...options.seats.computer].filter((id) => !scripted.actors.includes(id))) }
      : options.seats
    const prepared = prepareTurn(scn, state, seats, scripted?.choices ?? [])
    const decisions = { choices: scripted?.choices ?? [], agreed: answersOf(prepared.questions, scripted?.consents ?? alwaysConsents) }
    const played = playTurn(scn, state, seats, decisions, { ledger: options.ledger ?? true, prepared })
    turns.push(played)
    options.onTurn?.(played)
    state = played.result.state
  }
  return { start, turns, final: state }
}

/** Every actor's orders as given, every partner agreeing: how a turn is replayed from its carried-out orders. */
export function ordersAsTurn(orders: readonly Choice[]): HumanTurn {
  return { choices: orders, agreed: orders.flatMap((order) => (order.partners ?? []).map((partner) => agreementKey(partner, order))) }
}

/** Replays a game from its carried-out orders: the same scenario, seed and orders give the same states. */
export function replayGame(
  scn: CompiledScenario,
  seed: number,
  turnLimit: number,
  ordersPerTurn: readonly (readonly Choice[])[],
): GameState {
  const nobody: Seats = { computer: new Set(), difficulty: 'normal' }
  let state = startGame(scn, seed, turnLimit)
  for (const orders of ordersPerTurn) {
    if (state.outcome) break
    state = playTurn(scn, state, nobody, ordersAsTurn(orders), { ledger: false }).result.state
  }
  return state
}
