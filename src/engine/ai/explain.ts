// "Why did the computer do that?" as data: for each choice a computer player makes, the value it saw in it,
// split into the change of each of its role's objectives (weighted, in score points) and the computer's own
// reasons (the risk of incidents and of a clash, the pull of reciprocity, chance), and the best choice it
// left out. The numbers are those of the evaluation the player ran (fast-value.ts), not a second opinion.
import type { Choice } from '../choices.ts'
import type { CompiledScenario } from '../compiled.ts'
import type { ComputerSeat, Seats } from '../game.ts'
import { computerChoices } from '../game.ts'
import type { GameState } from '../state.ts'
import type { ValueParts } from './fast-value.ts'
import { flatRoleOf, objectiveShares, programOf, programValue, scratchFor, scratchRoleScore } from './fast-value.ts'
import type { Difficulty, Scored } from './policy.ts'
import { SKILL, greedyPlan, scoredCandidates } from './policy.ts'
import { searchPlan } from './search.ts'

/** One part of a choice's value, in score points. */
export interface ValueTerm {
  /** An objective of the role (its id), or one of the computer's own reasons. */
  kind: 'objective' | 'incident-risk' | 'clash-risk' | 'reciprocity' | 'chance'
  /** The objective's id, or the reason's kind again. */
  id: string
  /** The objective's description, or what the reason is, in words. */
  label: string
  delta: number
}

export interface ChoiceExplanation {
  choice: Choice
  /** Its value as the player weighed it: the sum of `terms`. */
  value: number
  terms: ValueTerm[]
  /** The best choice the player could have made instead and did not, with its value (null when there was none). */
  runnerUp: { choice: Choice; value: number } | null
  /** For the hard player: the plan's value in its search (the role's expected score over the horizon) and the plan it beat. */
  plan?: { value: number; runnerUp: { choices: Choice[]; value: number } | null }
}

const REASONS: Record<Exclude<ValueTerm['kind'], 'objective'>, string> = {
  'incident-risk': 'Risk of a dangerous incident',
  'clash-risk': 'Risk of an armed clash',
  reciprocity: 'Answering a provocation in kind',
  chance: 'Chance (the computer is not perfectly predictable)',
}

/** Seat limits as computerChoices gives them; by default nothing planned, nothing reserved, every partner able to pay. */
type SeatLimits = Pick<ComputerSeat, 'planned' | 'reserved' | 'room'>

const FREE: SeatLimits = { planned: new Set(), reserved: 0, room: () => Infinity }

/**
 * Why the computer playing `actor` at `level` makes the choices it makes in `state` (given the seat's limits,
 * as in a turn of computerChoices): one explanation per choice, in the order chosen. Pure and deterministic.
 */
export function explainChoices(
  scn: CompiledScenario,
  state: GameState,
  actor: string,
  level: Difficulty,
  limits: SeatLimits = FREE,
): ChoiceExplanation[] {
  if (state.outcome) return []
  const budget = scn.budget[scn.actorIndex[actor]] - limits.reserved
  if (level === 'hard') {
    const found = searchPlan(scn, state, actor, limits.planned, limits.reserved, limits.room)
    const valued = scoredCandidates(scn, state, actor, 0, limits.planned, limits.room)
    const plan = { value: found.value, runnerUp: found.runnerUp && { choices: found.runnerUp.plan, value: found.runnerUp.value } }
    return found.plan.map((choice) => ({ ...explainOne(scn, state, actor, choice, valued, found.plan, 0), plan }))
  }
  const skill = SKILL[level]
  const valued = scoredCandidates(scn, state, actor, skill.noise, limits.planned, limits.room)
  const chosen = greedyPlan(scn, state, valued, budget, skill, limits.room)
  return chosen.map((choice) =>
    explainOne(scn, state, actor, choice, valued, chosen, valued.find((entry) => entry.choice === choice)?.noise ?? 0),
  )
}

/** The explanations of a whole turn of computer players, by actor (as computerChoices would choose for `seats`). */
export function explainTurn(
  scn: CompiledScenario,
  state: GameState,
  seats: Seats,
  humanChoices: readonly Choice[] = [],
): Record<string, ChoiceExplanation[]> {
  const explained: Record<string, ChoiceExplanation[]> = {}
  const given = humanChoices.filter((choice) => !seats.computer.has(choice.actor))
  computerChoices(scn, state, seats, given, (seat) => {
    const explanations = explainChoices(scn, state, seat.actor, seat.level, seat)
    explained[seat.actor] = explanations
    return explanations.map((explanation) => explanation.choice)
  })
  return explained
}

/**
 * Why one computer player chose as it did in a turn whose choices are known (`choices`: the prepared turn's,
 * the humans' and the computer's, as planTurn took them): the same as explainTurn(...)[actor], but only this
 * actor's choice is worked out again (the others' are taken as made), which matters for the hard player's search.
 */
export function explainActor(
  scn: CompiledScenario,
  state: GameState,
  seats: Seats,
  choices: readonly Choice[],
  actor: string,
): ChoiceExplanation[] {
  let explained: ChoiceExplanation[] = []
  const given = choices.filter((choice) => !seats.computer.has(choice.actor))
  computerChoices(scn, state, seats, given, (seat) => {
    if (seat.actor !== actor) return choices.filter((choice) => choice.actor === seat.actor)
    explained = explainChoices(scn, state, seat.actor, seat.level, seat)
    return explained.map((explanation) => explanation.choice)
  })
  return explained
}

function explainOne(
  scn: CompiledScenario,
  state: GameState,
  actor: string,
  choice: Choice,
  valued: readonly Scored[],
  chosen: readonly Choice[],
  noise: number,
): ChoiceExplanation {
  const actorIndex = scn.actorIndex[actor]
  const scratch = scratchFor(scn, state)
  const baseline = scratchRoleScore(scratch, actorIndex)
  const parts: ValueParts = { after: 0, incidentRisk: 0, clashRisk: 0, reciprocity: 0, objectives: [] }
  const value = programValue(scratch, actorIndex, programOf(scn, choice), baseline, parts) + noise
  const role = flatRoleOf(scn, actorIndex)
  const terms: ValueTerm[] = []
  if (role && !state.clash) {
    const before = objectiveShares(role, scratch.source, state.rung, state.rigidity)
    role.role.objectives.forEach((data, k) => {
      terms.push({ kind: 'objective', id: data.id, label: data.description, delta: parts.objectives[k] - before[k] })
    })
  }
  const reason = (kind: Exclude<ValueTerm['kind'], 'objective'>, delta: number) => {
    if (delta !== 0) terms.push({ kind, id: kind, label: REASONS[kind], delta })
  }
  reason('incident-risk', -scn.computer.incidentCost * parts.incidentRisk)
  reason('clash-risk', -baseline * parts.clashRisk)
  reason('reciprocity', parts.reciprocity)
  reason('chance', noise)
  const at = valued.findIndex((entry) => entry.choice === choice)
  const next = valued.slice(at + 1).find((entry) => !chosen.includes(entry.choice))
  return { choice, value, terms, runnerUp: next ? { choice: next.choice, value: next.value } : null }
}
