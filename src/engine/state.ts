// The game state: plain JSON data. Pair variables are arrays indexed by pair (see CompiledScenario.pairOf);
// grievance is directed, indexed [who feels it * n + toward whom].
import type { CompiledScenario } from './compiled.ts'
import type { RngState } from './rng.ts'
import { normaliseSeed } from './rng.ts'
import { quantize } from './quantize.ts'
import type { Choice } from './choices.ts'

export const PAIR_VARIABLES = ['alignment', 'tension', 'commitment', 'interdependence'] as const
export type PairVariable = (typeof PAIR_VARIABLES)[number]
export type StateVariable = PairVariable | 'readiness' | 'standing' | 'grievance' | 'rung' | 'rigidity' | 'score'

export interface Clash {
  turn: number
  actors: [string, string]
  theatre: string | null
}

export interface Outcome {
  reason: 'armed-clash' | 'turn-limit'
  turn: number
  armedClash: boolean
  rigidBlocs: boolean
  impasse: boolean
  quasiAlliance: boolean
  scores: Record<string, number>
}

export interface GameState {
  scenario: { id: string; version: string; hash: string }
  seed: number
  /** Turns resolved so far; the next turn to play is turn + 1. */
  turn: number
  turnLimit: number
  rng: RngState
  alignment: number[]
  tension: number[]
  commitment: number[]
  interdependence: number[]
  readiness: number[]
  /** Resolve and influence each actor has shown, 0..1: the private payoff of firm acts; it fades. */
  standing: number[]
  grievance: number[]
  /** Once-a-game acts already taken, by joint key (see jointKey): a pact is signed once. */
  founded: string[]
  rung: number
  blocs: [string[], string[]]
  frustration: number
  balancedShare: number
  rigidity: number
  rigidStreak: number
  rigidBlocs: boolean
  impasseStreak: number
  impasse: boolean
  quasiAlliance: boolean
  /** Sum over pairs of |change of alignment| in the last resolved turn. */
  movement: number
  /** Each role's score for the game so far (see `turns.scoring`); the outcome's scores. */
  scores: Record<string, number>
  /** Each role's score for the state of the last turn alone. */
  turnScores: Record<string, number>
  /** Sum of each role's per-turn scores so far. */
  scoreTotals: Record<string, number>
  /** Choices actually carried out in the last resolved turn (computer players read them). */
  lastOrders: Choice[]
  clash: Clash | null
  outcome: Outcome | null
}

export function initialState(scn: CompiledScenario, seed: number, turnLimit = scn.file.turns.default): GameState {
  const q = (values: readonly number[]) => values.map(quantize)
  const state: GameState = {
    scenario: { id: scn.id, version: scn.version, hash: scn.hash },
    seed: normaliseSeed(seed),
    turn: 0,
    turnLimit: Math.max(1, Math.min(scn.file.turns.max, Math.trunc(turnLimit))),
    rng: { seed: normaliseSeed(seed), counter: 0 },
    alignment: q(scn.start.alignment),
    tension: q(scn.start.tension),
    commitment: q(scn.start.commitment),
    interdependence: q(scn.start.interdependence),
    readiness: q(scn.start.readiness),
    standing: q(scn.start.standing),
    grievance: new Array<number>(scn.n * scn.n).fill(0),
    founded: [],
    rung: 0,
    blocs: [[], []],
    frustration: 0,
    balancedShare: 1,
    rigidity: 0,
    rigidStreak: 0,
    rigidBlocs: false,
    impasseStreak: 0,
    impasse: false,
    quasiAlliance: false,
    movement: 0,
    scores: {},
    turnScores: {},
    scoreTotals: {},
    lastOrders: [],
    clash: null,
    outcome: null,
  }
  return state
}

/**
 * A copy that is safe to change: every array a turn writes into is copied. `lastOrders`, `blocs`, `founded`,
 * `clash` and `outcome` are shared, because a turn only ever replaces them, never mutates them.
 */
export function cloneState(state: GameState): GameState {
  // Written out field by field, in initialState's order (stateHash reads the JSON text, so the order is part
  // of the state): much faster than a spread, which every turn and every look-ahead pays.
  return {
    scenario: { id: state.scenario.id, version: state.scenario.version, hash: state.scenario.hash },
    seed: state.seed,
    turn: state.turn,
    turnLimit: state.turnLimit,
    rng: { seed: state.rng.seed, counter: state.rng.counter },
    alignment: state.alignment.slice(),
    tension: state.tension.slice(),
    commitment: state.commitment.slice(),
    interdependence: state.interdependence.slice(),
    readiness: state.readiness.slice(),
    standing: state.standing.slice(),
    grievance: state.grievance.slice(),
    founded: state.founded,
    rung: state.rung,
    blocs: state.blocs,
    frustration: state.frustration,
    balancedShare: state.balancedShare,
    rigidity: state.rigidity,
    rigidStreak: state.rigidStreak,
    rigidBlocs: state.rigidBlocs,
    impasseStreak: state.impasseStreak,
    impasse: state.impasse,
    quasiAlliance: state.quasiAlliance,
    movement: state.movement,
    scores: { ...state.scores },
    turnScores: { ...state.turnScores },
    scoreTotals: { ...state.scoreTotals },
    lastOrders: state.lastOrders,
    clash: state.clash,
    outcome: state.outcome,
  }
}

export function dateOfTurn(scn: CompiledScenario, turn: number): string {
  const [year, month] = scn.file.turns.start.split('-').map(Number)
  const months = year * 12 + (month - 1) + (turn - 1) * scn.file.turns.monthsPerTurn
  return `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}`
}
