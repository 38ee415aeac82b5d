// The game screen's hold on a game: the match (an engine value, advanced only by the engine's playTurn),
// the human players' plan for the turn being planned (changed only through immer, so that every change has
// an inverse patch and Undo is exact), whose turn it is to plan, and asking human partners.
import { applyPatches, enablePatches, produceWithPatches } from 'immer'
import type { Patch } from 'immer'
import type {
  Choice,
  CompiledScenario,
  Difficulty,
  DroppedChoice,
  GameSetup,
  GameState,
  HumanTurn,
  Match,
  PlayedTurn,
  PreparedTurn,
  Rejection,
} from '../../engine/index.ts'
import {
  advanceMatch,
  choiceProblem,
  costOf,
  decisionsOf,
  humanTurnsFromOrders,
  jointKey,
  newMatch,
  normaliseChoice,
  prepareMatchTurn,
  recordOf,
  replayRecord,
  rerunMatch,
  setupProblem,
} from '../../engine/index.ts'
import type { ScenarioListing } from '../../shared/host.ts'
import type { SavePayload } from '../../shared/save-format.ts'
import { stateHash, stateHashAsSavedBy } from './save-codec.ts'

enablePatches()

/** This app's version, recorded in every save (keep it equal to package.json's "version"). */
export const APP_VERSION = '0.2.0'

export interface NewGameOptions extends GameSetup {
  listing: ScenarioListing
  scenario: CompiledScenario
}

export type ResolvedTurn = PlayedTurn

/** A game re-run on changed rules: what the rules refused, and the turns the game ended before. */
export interface RerunSession {
  session: GameSession
  dropped: DroppedChoice[]
  turnsNotPlayed: number
}

/**
 * Works out the turn as the engine's prepareMatchTurn does for this match and the humans' choices (e.g. in a
 * worker, so that the page does not stall).
 */
export type PrepareTurn = (match: Match, choices: readonly Choice[]) => Promise<PreparedTurn>

/** Asks a human partner which of the joint actions proposed to it this turn it takes part in. */
export type AskHuman = (partner: string, proposals: Choice[]) => Promise<boolean[]>

type Pending = Record<string, Choice[]>

export class GameSession {
  readonly scenario: CompiledScenario
  readonly listing: ScenarioListing
  match: Match
  pending: Pending
  activeHuman = 0
  /** True while a turn is being resolved: a second End turn is refused. */
  resolving = false
  private undoStack: Patch[][] = []

  constructor(options: NewGameOptions, match?: Match) {
    this.scenario = options.scenario
    this.listing = options.listing
    const setup: GameSetup = {
      seed: options.seed,
      turnLimit: options.turnLimit,
      humans: [...options.humans],
      difficulty: options.difficulty,
      ...(options.levels ? { levels: { ...options.levels } } : {}),
    }
    this.match = match ?? newMatch(options.scenario, setup)
    this.pending = this.emptyPending()
  }

  get humans(): readonly string[] {
    return this.match.setup.humans
  }

  get difficulty(): Difficulty {
    return this.match.setup.difficulty
  }

  get seed(): number {
    return this.match.setup.seed
  }

  get start(): GameState {
    return this.match.start
  }

  get state(): GameState {
    return this.match.state
  }

  /** Every resolved turn, in order. */
  get history(): readonly ResolvedTurn[] {
    return this.match.turns
  }

  /** What the humans decided in each resolved turn: what a re-run starts from. */
  get decisions(): HumanTurn[] {
    return decisionsOf(this.match)
  }

  private emptyPending(): Pending {
    return Object.fromEntries(this.humans.map((actor) => [actor, []]))
  }

  get activeActor(): string {
    return this.humans[this.activeHuman]
  }

  get over(): boolean {
    return this.state.outcome !== null
  }

  /** The next turn to be played, 1-based. */
  get turn(): number {
    return this.state.turn + 1
  }

  spent(actor: string): number {
    return (this.pending[actor] ?? []).reduce((sum, choice) => sum + costOf(this.scenario, this.state, choice), 0)
  }

  budget(actor: string): number {
    return this.scenario.budget[this.scenario.actorIndex[actor]]
  }

  /** Why the active human cannot add this choice now, or null. */
  problemWith(choice: Choice): Rejection | null {
    const normal = normaliseChoice(choice)
    const problem = choiceProblem(this.scenario, this.state, normal)
    if (problem) return problem
    const mine = this.pending[normal.actor] ?? []
    if (mine.some((other) => jointKey(other) === jointKey(normal))) {
      return { choice: normal, code: 'duplicate', reason: 'that action is already in your plan' }
    }
    const cost = costOf(this.scenario, this.state, normal)
    const left = this.budget(normal.actor) - this.spent(normal.actor)
    if (cost > left) return { choice: normal, code: 'over-budget', reason: `it costs ${cost} and you have ${left} capital left` }
    return null
  }

  addChoice(choice: Choice): Rejection | null {
    const problem = this.problemWith(choice)
    if (problem) return problem
    this.change((draft) => void draft[choice.actor].push(normaliseChoice(choice)))
    return null
  }

  removeChoice(actor: string, index: number): void {
    this.change((draft) => void draft[actor].splice(index, 1))
  }

  private change(recipe: (draft: Pending) => void): void {
    const [next, , inverse] = produceWithPatches(this.pending, recipe)
    this.pending = next
    this.undoStack.push(inverse)
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0
  }

  undo(): boolean {
    const inverse = this.undoStack.pop()
    if (!inverse) return false
    this.pending = applyPatches(this.pending, inverse)
    return true
  }

  /** Hands over to the next human of a hot-seat game; false when everyone has planned. */
  nextHuman(): boolean {
    if (this.activeHuman + 1 >= this.humans.length) return false
    this.activeHuman += 1
    this.undoStack = []
    return true
  }

  /** Resolves the turn: humans' plans, the computer's choices, every partner's consent. */
  async endTurn(askHuman: AskHuman, prepare?: PrepareTurn): Promise<ResolvedTurn> {
    if (this.over) throw new Error('the game is over')
    if (this.resolving) throw new Error('the turn is already being resolved')
    this.resolving = true
    try {
      return await this.resolve(askHuman, prepare)
    } finally {
      this.resolving = false
    }
  }

  private async resolve(askHuman: AskHuman, prepare?: PrepareTurn): Promise<ResolvedTurn> {
    const choices = this.humans.flatMap((actor) => this.pending[actor] ?? [])
    const match = this.match
    const prepared = prepare ? await prepare(match, choices) : prepareMatchTurn(this.scenario, match, choices)
    if (this.match !== match || prepared.state !== match.state) throw new Error('the game changed while the computer players decided')
    const agreed: string[] = []
    // One question per human partner, listing every proposal made to it, in the order the humans plan.
    for (const partner of this.humans) {
      const questions = prepared.questions.filter((question) => question.partner === partner)
      if (questions.length === 0) continue
      const answers = await askHuman(
        partner,
        questions.map((question) => question.choice),
      )
      questions.forEach((question, k) => answers[k] && agreed.push(question.key))
    }
    this.match = advanceMatch(this.scenario, this.match, { choices, agreed }, { prepared })
    this.pending = this.emptyPending()
    this.undoStack = []
    this.activeHuman = 0
    return this.match.turns[this.match.turns.length - 1]
  }

  ordersPerTurn(): Choice[][] {
    return this.history.map(({ result }) => result.orders)
  }

  /**
   * The same game from turn 1 on other rules: the same seed and players, the humans' choices of every
   * turn played so far (and the plan in progress) where the rules still allow them, the computer choosing
   * afresh. A string says why these rules cannot host the game.
   */
  rerunOn(scenario: CompiledScenario, listing: ScenarioListing): RerunSession | string {
    const rerun = GameSession.rerun(this.match.setup, this.decisions, scenario, listing)
    if (typeof rerun === 'string' || rerun.turnsNotPlayed > 0 || rerun.session.over) return rerun
    const { session, dropped } = rerun
    for (const actor of this.humans) {
      for (const choice of this.pending[actor] ?? []) {
        const rejection = session.addChoice(choice)
        if (rejection) dropped.push({ turn: session.turn, rejection })
      }
    }
    session.undoStack = []
    return rerun
  }

  /** A game given by its setup and human decisions, played from turn 1 on `scenario`. */
  static rerun(setup: GameSetup, turns: readonly HumanTurn[], scenario: CompiledScenario, listing: ScenarioListing): RerunSession | string {
    const problem = setupProblem(scenario, setup)
    if (problem) return problem
    const rerun = rerunMatch(scenario, setup, turns)
    const session = new GameSession({ ...setup, listing, scenario }, rerun.match)
    return { session, dropped: rerun.dropped, turnsNotPlayed: rerun.turnsNotPlayed }
  }

  toSavePayload(name: string, savedAt: string): SavePayload {
    return {
      name,
      savedAt,
      appVersion: APP_VERSION,
      scenario: {
        id: this.scenario.id,
        version: this.scenario.version,
        hash: this.scenario.hash,
        origin: this.listing.origin,
        folder: this.listing.folder,
      },
      game: recordOf(this.match),
      stateHash: stateHash(this.state),
    }
  }

  /**
   * Rebuilds a saved game by replaying it (with the ledger, so every report and chart is back) and checks
   * that the state is exactly the one saved.
   */
  static fromSave(payload: SavePayload, scenario: CompiledScenario, listing: ScenarioListing): GameSession | string {
    if (payload.scenario.hash !== scenario.hash) {
      return `the save was made with another version of "${payload.scenario.id}" (${payload.scenario.version}); this one is ${scenario.version}`
    }
    const decisions = savedDecisions(payload.game)
    if (typeof decisions === 'string') return decisions
    const match = replayRecord(scenario, { ...payload.game, decisions })
    if (typeof match === 'string') return match
    // The decisive check: the save, replayed on its own rules, gives the recorded state (as the app that
    // wrote the save knew the state: see STATE_FIELDS_ADDED).
    if (stateHashAsSavedBy(match.state, payload.appVersion) !== payload.stateHash)
      return 'replaying the save does not give the state it recorded'
    return new GameSession({ ...match.setup, listing, scenario }, match)
  }
}

/** The humans' decisions a save records (format 2), or those its orders imply (format 1). */
export function savedDecisions(game: SavePayload['game']): HumanTurn[] | string {
  if (!game.decisions) return humanTurnsFromOrders(game.orders, game.humans)
  if (game.decisions.length !== game.orders.length) return 'the save records decisions for a different number of turns than it played'
  return game.decisions
}
