// Re-running a game's human choices on (possibly changed) rules: the same seed, the humans' choices turn by
// turn where the new rules still allow them, the computer choosing afresh. Used to playtest an edited
// scenario and to carry a save over to a new version of its scenario.
import type { Difficulty } from './ai/policy.ts'
import { computerConsents } from './ai/policy.ts'
import type { Choice, Rejection } from './choices.ts'
import { jointKey, normaliseChoice, planTurn } from './choices.ts'
import type { CompiledScenario } from './compiled.ts'
import type { PlayedTurn } from './game.ts'
import { computerChoices } from './game.ts'
import type { GameState } from './state.ts'
import { resolveTurn, startGame } from './turn.ts'

/** What the human players decided in one turn. */
export interface HumanTurn {
  /** The actions the humans chose for their own powers. */
  choices: readonly Choice[]
  /** The joint actions a human partner agreed to, as `partner|jointKey`. */
  agreed: readonly string[]
}

export interface RerunOptions {
  seed: number
  turnLimit: number
  humans: readonly string[]
  difficulty: Difficulty
  turns: readonly HumanTurn[]
}

/** A human choice the rules refused when re-run (no longer legal, over budget, or declined). */
export interface DroppedChoice {
  turn: number
  rejection: Rejection
}

export interface Rerun {
  start: GameState
  turns: PlayedTurn[]
  final: GameState
  dropped: DroppedChoice[]
  /** Recorded turns not played because the game ended sooner on these rules. */
  turnsNotPlayed: number
}

export const agreementKey = (partner: string, choice: Choice): string => `${partner}|${jointKey(choice)}`

/**
 * The human decisions behind a game's carried-out orders: the orders of human powers, and every joint
 * order a human partner took part in. (Choices the rules refused at the time were never carried out, so
 * they are not re-tried.)
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

/** Why these rules cannot re-run a game with these human players, or null. */
export function rerunProblem(scn: CompiledScenario, humans: readonly string[], turnLimit: number): string | null {
  const unplayable = humans.find((actor) => !scn.file.actors.some((a) => a.id === actor && a.playable))
  if (unplayable) return `the scenario does not let anyone play: ${unplayable}`
  if (turnLimit > scn.file.turns.max) return `the game has ${turnLimit} turns, more than the scenario allows (${scn.file.turns.max})`
  return null
}

export function rerunHumanTurns(scn: CompiledScenario, options: RerunOptions): Rerun {
  const problem = rerunProblem(scn, options.humans, options.turnLimit)
  if (problem) throw new Error(problem)
  const humans = new Set(options.humans)
  const computer = new Set(scn.actorIds.filter((id) => !humans.has(id)))
  const start = startGame(scn, options.seed, options.turnLimit)
  const turns: PlayedTurn[] = []
  const dropped: DroppedChoice[] = []
  let state = start
  for (const [index, recorded] of options.turns.entries()) {
    if (state.outcome) return { start, turns, final: state, dropped, turnsNotPlayed: options.turns.length - index }
    const mine = recorded.choices.filter((choice) => humans.has(choice.actor))
    const choices = [...mine, ...computerChoices(scn, state, { computer, difficulty: options.difficulty }, mine)]
    const agreed = new Set(recorded.agreed)
    const turnState = state
    const plan = planTurn(scn, turnState, choices, (partner, choice) =>
      humans.has(partner)
        ? agreed.has(agreementKey(partner, choice))
        : computerConsents(scn, turnState, partner, choice, options.difficulty),
    )
    for (const rejection of plan.rejected) {
      if (humans.has(rejection.choice.actor)) dropped.push({ turn: index + 1, rejection })
    }
    const result = resolveTurn(scn, state, plan.orders)
    turns.push({ plan, result })
    state = result.state
  }
  return { start, turns, final: state, dropped, turnsNotPlayed: 0 }
}
