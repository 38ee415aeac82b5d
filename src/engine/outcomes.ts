// "What could happen?": many games played from one position to the end, once with a player's plan for the
// next turn and once with that player passing, and the distribution of their endings side by side. Each
// sampled game has its own dice and its own computer jitter (a seed derived from the game's seed and the
// sample's index); the plan and the passing game of one index share that seed, so the two columns differ by
// the choice alone. The same match, plan, number and indices always give the same numbers, wherever run.
import type { Choice } from './choices.ts'
import type { CompiledScenario } from './compiled.ts'
import type { Match } from './match.ts'
import type { GameState } from './state.ts'
import type { Seats } from './game.ts'
import { answersOf, playTurn, prepareTurn } from './game.ts'
import { computerConsents } from './ai/policy.ts'
import { levelOf } from './game.ts'
import { uniform } from './rng.ts'

export const DEFAULT_OUTCOME_GAMES = 200
export const MAX_OUTCOME_GAMES = 10_000
/** Bins of a score histogram: [0, 10), [10, 20) … [90, 100]. */
export const SCORE_BINS = 10
const SAMPLE_SEED_TAG = 0x0c7c

/** The part of a match the samples read (what a worker is sent: no played turns, no ledger). */
export type Position = Pick<Match, 'setup' | 'state'>

/** The choice whose consequences are sampled: one power's actions for the next turn (none: it passes). */
export interface OutcomePlan {
  actor: string
  choices: readonly Choice[]
}

export type OutcomeSide = 'plan' | 'passing'

/** How a game played to its end came out (here and in `redlines batch`). */
export interface GameEnding {
  seed: number
  /** The turn the game ended after. */
  turns: number
  armedClash: boolean
  rigidBlocs: boolean
  impasse: boolean
  quasiAlliance: boolean
  scores: Record<string, number>
}

/** How one sampled game ended. */
export interface SampledEnding extends GameEnding {
  side: OutcomeSide
  index: number
}

export interface ScoreSpread {
  mean: number
  /** Standard deviation over the games. */
  spread: number
  min: number
  max: number
  /** Games per bin of SCORE_BINS equal bins over 0..100 (scores outside are counted in the end bins). */
  histogram: number[]
}

export interface EndingDistribution {
  games: number
  /** Share of games, 0..1, that end in each way (one game can end in several: blocs and a clash). */
  endings: { rigidBlocs: number; impasse: number; quasiAlliance: number; armedClash: number }
  meanTurns: number
  /** Each role's final score, by role id. */
  scores: Record<string, ScoreSpread>
}

export interface OutcomeComparison {
  actor: string
  games: number
  /** The turn the samples start from (the next turn to play). */
  fromTurn: number
  plan: EndingDistribution
  passing: EndingDistribution
}

/** The seed of sample `index` of a game seeded `gameSeed`. */
export function outcomeSampleSeed(gameSeed: number, index: number): number {
  return Math.floor(uniform(gameSeed >>> 0, SAMPLE_SEED_TAG, index) * 0x100000000) >>> 0
}

/** Why these samples cannot be taken, or null. */
export function outcomeProblem(scn: CompiledScenario, match: Position, plan: OutcomePlan, games: number): string | null {
  if (match.state.outcome) return 'the game is over'
  if (!scn.actorIds.includes(plan.actor)) return `the scenario has no power ${plan.actor}`
  const foreign = plan.choices.find((choice) => choice.actor !== plan.actor)
  if (foreign) return `the plan of ${plan.actor} holds a choice of ${foreign.actor}`
  if (!Number.isInteger(games) || games < 1 || games > MAX_OUTCOME_GAMES)
    return `the number of games must be a whole number from 1 to ${MAX_OUTCOME_GAMES}, not ${games}`
  return null
}

/** The match's position with the dice (and the computer's jitter) of sample `seed`. */
function reseeded(state: GameState, seed: number): GameState {
  return { ...state, seed, rng: { seed, counter: state.rng.counter } }
}

/**
 * One sampled game from the match's position to the end. In the next turn the planning power plays its plan
 * (nothing when passing) and answers proposals as the computer would at the game's level; everyone else, and
 * from then on every power, is played by the computer at the game's levels.
 */
export function playOutcomeGame(
  scn: CompiledScenario,
  match: Position,
  plan: OutcomePlan,
  side: OutcomeSide,
  index: number,
): SampledEnding {
  const seed = outcomeSampleSeed(match.setup.seed, index)
  const everyone: Seats = { computer: new Set(scn.actorIds), difficulty: match.setup.difficulty }
  if (match.setup.levels) everyone.levels = match.setup.levels
  const firstSeats: Seats = { ...everyone, computer: new Set(scn.actorIds.filter((actor) => actor !== plan.actor)) }
  let state = reseeded(match.state, seed)
  const choices = side === 'plan' ? plan.choices : []
  const prepared = prepareTurn(scn, state, firstSeats, choices)
  const start = state
  const agreed = answersOf(prepared.questions, (partner, choice) =>
    computerConsents(scn, start, partner, choice, levelOf(everyone, partner)),
  )
  state = playTurn(scn, state, firstSeats, { choices, agreed }, { ledger: false, prepared }).result.state
  while (!state.outcome) state = playTurn(scn, state, everyone, { choices: [], agreed: [] }, { ledger: false }).result.state
  const outcome = state.outcome
  return {
    side,
    index,
    seed,
    turns: state.turn,
    armedClash: outcome.armedClash,
    rigidBlocs: outcome.rigidBlocs,
    impasse: outcome.impasse,
    quasiAlliance: outcome.quasiAlliance,
    scores: { ...outcome.scores },
  }
}

/** The samples a worker takes: each (side, index) pair once, in the order given. */
export function sampleEndings(
  scn: CompiledScenario,
  match: Position,
  plan: OutcomePlan,
  samples: readonly { side: OutcomeSide; index: number }[],
  onEnding?: (ending: SampledEnding) => void,
): SampledEnding[] {
  return samples.map((sample) => {
    const ending = playOutcomeGame(scn, match, plan, sample.side, sample.index)
    onEnding?.(ending)
    return ending
  })
}

/** Every sample of a comparison of `games` games a side, plan and passing interleaved (how work is shared out). */
export function outcomeSamples(games: number): { side: OutcomeSide; index: number }[] {
  return Array.from({ length: games }, (_, index) => [
    { side: 'plan' as const, index },
    { side: 'passing' as const, index },
  ]).flat()
}

function spreadOf(values: readonly number[]): ScoreSpread {
  const n = values.length
  const mean = n > 0 ? values.reduce((sum, value) => sum + value, 0) / n : 0
  const variance = n > 0 ? values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / n : 0
  const histogram = new Array<number>(SCORE_BINS).fill(0)
  for (const value of values) histogram[Math.min(SCORE_BINS - 1, Math.max(0, Math.floor(value / (100 / SCORE_BINS))))] += 1
  return {
    mean,
    spread: Math.sqrt(variance),
    min: n > 0 ? Math.min(...values) : 0,
    max: n > 0 ? Math.max(...values) : 0,
    histogram,
  }
}

/** The distribution of some endings (in index order, whatever order they came in). */
export function endingDistribution(scn: CompiledScenario, endings: readonly SampledEnding[]): EndingDistribution {
  const sorted = [...endings].sort((a, b) => a.index - b.index)
  const games = sorted.length
  const share = (test: (ending: SampledEnding) => boolean) => (games > 0 ? sorted.filter(test).length / games : 0)
  return {
    games,
    endings: {
      rigidBlocs: share((ending) => ending.rigidBlocs),
      impasse: share((ending) => ending.impasse),
      quasiAlliance: share((ending) => ending.quasiAlliance),
      armedClash: share((ending) => ending.armedClash),
    },
    meanTurns: games > 0 ? sorted.reduce((sum, ending) => sum + ending.turns, 0) / games : 0,
    scores: Object.fromEntries(scn.roles.map((role) => [role.id, spreadOf(sorted.map((ending) => ending.scores[role.id] ?? 0))])),
  }
}

/** The comparison from the samples of both sides (from sampleEndings, possibly on several workers). */
export function compareOutcomes(
  scn: CompiledScenario,
  match: Position,
  plan: OutcomePlan,
  endings: readonly SampledEnding[],
): OutcomeComparison {
  const plans = endings.filter((ending) => ending.side === 'plan')
  const passes = endings.filter((ending) => ending.side === 'passing')
  return {
    actor: plan.actor,
    games: Math.max(plans.length, passes.length),
    fromTurn: match.state.turn + 1,
    plan: endingDistribution(scn, plans),
    passing: endingDistribution(scn, passes),
  }
}

/** "What could happen?" in one call: `games` games with the plan and `games` passing, from the match's position. */
export function whatCouldHappen(
  scn: CompiledScenario,
  match: Position,
  plan: OutcomePlan,
  games: number = DEFAULT_OUTCOME_GAMES,
): OutcomeComparison {
  const problem = outcomeProblem(scn, match, plan, games)
  if (problem) throw new Error(problem)
  return compareOutcomes(scn, match, plan, sampleEndings(scn, match, plan, outcomeSamples(games)))
}
