// The one owner of the game in the renderer: the scenario, the state, the history of resolved turns,
// and the human players' choices for the turn being planned (changed only through immer, so that
// every change has an inverse patch and Undo is exact).
import { applyPatches, enablePatches, produceWithPatches } from 'immer'
import type { Patch } from 'immer'
import type {
  Choice,
  CompiledScenario,
  Difficulty,
  DroppedChoice,
  GameState,
  HumanTurn,
  Plan,
  Rejection,
  TurnResult,
} from '../../engine/index.ts'
import {
  agreementKey,
  choiceProblem,
  humanTurnsFromOrders,
  rerunHumanTurns,
  rerunProblem,
  computerChoices,
  computerConsents,
  costOf,
  jointKey,
  normaliseChoice,
  planTurn,
  resolveTurn,
  startGame,
} from '../../engine/index.ts'
import type { ScenarioListing } from '../../shared/host.ts'
import type { SavePayload } from '../../shared/save-format.ts'
import { stateHash, stateHashAsSavedBy } from './save-codec.ts'

enablePatches()

/** This app's version, recorded in every save (keep it equal to package.json's "version"). */
export const APP_VERSION = '0.2.0'

export interface NewGameOptions {
  listing: ScenarioListing
  scenario: CompiledScenario
  /** The actors humans play, in the order they take their turns (hot seat). */
  humans: string[]
  difficulty: Difficulty
  turns: number
  seed: number
}

export interface ResolvedTurn {
  plan: Plan
  result: TurnResult
}

/** A game re-run on changed rules: what the rules refused, and the turns the game ended before. */
export interface RerunSession {
  session: GameSession
  dropped: DroppedChoice[]
  turnsNotPlayed: number
}

/** The settings of a game that, with its human decisions, reproduce it. */
export interface RecordedGame {
  seed: number
  turnLimit: number
  humans: readonly string[]
  difficulty: Difficulty
}

function recordedGameProblem(game: RecordedGame): string | null {
  if (game.humans.length === 0) return 'the game names no player'
  if (new Set(game.humans).size !== game.humans.length) return 'the game names a player twice'
  return null
}

/** Asks a human partner which of the joint actions proposed to it this turn it takes part in. */
export type AskHuman = (partner: string, proposals: Choice[]) => Promise<boolean[]>

type Pending = Record<string, Choice[]>

export class GameSession {
  readonly scenario: CompiledScenario
  readonly listing: ScenarioListing
  readonly humans: readonly string[]
  readonly difficulty: Difficulty
  readonly seed: number
  readonly start: GameState
  readonly history: ResolvedTurn[] = []
  /** What the humans decided in each resolved turn (parallel to `history`): what a re-run starts from. */
  readonly decisions: HumanTurn[] = []
  state: GameState
  pending: Pending
  activeHuman = 0
  /** True while a turn is being resolved: a second End turn is refused. */
  resolving = false
  private undoStack: Patch[][] = []

  constructor(options: NewGameOptions) {
    this.scenario = options.scenario
    this.listing = options.listing
    this.humans = options.humans
    this.difficulty = options.difficulty
    this.seed = options.seed
    this.start = startGame(options.scenario, options.seed, options.turns)
    this.state = this.start
    this.pending = this.emptyPending()
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
  async endTurn(askHuman: AskHuman): Promise<ResolvedTurn> {
    if (this.over) throw new Error('the game is over')
    if (this.resolving) throw new Error('the turn is already being resolved')
    this.resolving = true
    try {
      return await this.resolve(askHuman)
    } finally {
      this.resolving = false
    }
  }

  private async resolve(askHuman: AskHuman): Promise<ResolvedTurn> {
    const humans = new Set(this.humans)
    const computer = new Set(this.scenario.actorIds.filter((id) => !humans.has(id)))
    const planned = this.humans.flatMap((actor) => this.pending[actor] ?? [])
    const choices = [...planned, ...computerChoices(this.scenario, this.state, { computer, difficulty: this.difficulty }, planned)]
    const consent = new Map<string, boolean>()
    const toAsk = new Map<string, Choice[]>()
    for (const choice of choices) {
      for (const partner of choice.partners ?? []) {
        const key = agreementKey(partner, choice)
        if (consent.has(key)) continue
        if (humans.has(partner)) {
          consent.set(key, false)
          toAsk.set(partner, [...(toAsk.get(partner) ?? []), choice])
        } else {
          consent.set(key, computerConsents(this.scenario, this.state, partner, choice, this.difficulty))
        }
      }
    }
    // One question per human partner, listing every proposal made to it.
    for (const partner of this.humans) {
      const proposals = toAsk.get(partner)
      if (!proposals) continue
      const answers = await askHuman(partner, proposals)
      proposals.forEach((choice, k) => consent.set(agreementKey(partner, choice), answers[k] === true))
    }
    const plan = planTurn(this.scenario, this.state, choices, (partner, choice) => consent.get(agreementKey(partner, choice)) ?? false)
    const result = resolveTurn(this.scenario, this.state, plan.orders)
    const resolved = { plan, result }
    this.history.push(resolved)
    this.decisions.push({
      choices: planned,
      agreed: [...toAsk].flatMap(([partner, proposals]) =>
        proposals.map((choice) => agreementKey(partner, choice)).filter((key) => consent.get(key) === true),
      ),
    })
    this.state = result.state
    this.pending = this.emptyPending()
    this.undoStack = []
    this.activeHuman = 0
    return resolved
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
    const game = { seed: this.seed, turnLimit: this.start.turnLimit, humans: this.humans, difficulty: this.difficulty }
    const rerun = GameSession.rerun(game, this.decisions, scenario, listing)
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

  /** A game given by its seed, players and human decisions, played from turn 1 on `scenario`. */
  static rerun(
    game: RecordedGame,
    turns: readonly HumanTurn[],
    scenario: CompiledScenario,
    listing: ScenarioListing,
  ): RerunSession | string {
    const problem = recordedGameProblem(game) ?? rerunProblem(scenario, game.humans, game.turnLimit)
    if (problem) return problem
    const rerun = rerunHumanTurns(scenario, { ...game, turns })
    const session = new GameSession({ ...game, humans: [...game.humans], turns: game.turnLimit, listing, scenario })
    session.history.push(...rerun.turns)
    session.decisions.push(...turns.slice(0, rerun.turns.length))
    session.state = rerun.final
    return { session, dropped: [...rerun.dropped], turnsNotPlayed: rerun.turnsNotPlayed }
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
      game: {
        seed: this.seed,
        turnLimit: this.start.turnLimit,
        difficulty: this.difficulty,
        humans: [...this.humans],
        orders: this.ordersPerTurn(),
        decisions: this.decisions.map((turn) => ({ choices: [...turn.choices], agreed: [...turn.agreed] })),
      },
      stateHash: stateHash(this.state),
    }
  }

  /**
   * Rebuilds a saved game by replaying its orders (with the ledger, so every report and chart is back)
   * and checks that the state is exactly the one saved.
   */
  static fromSave(payload: SavePayload, scenario: CompiledScenario, listing: ScenarioListing): GameSession | string {
    if (payload.scenario.hash !== scenario.hash) {
      return `the save was made with another version of "${payload.scenario.id}" (${payload.scenario.version}); this one is ${scenario.version}`
    }
    const problem = recordedGameProblem(payload.game) ?? rerunProblem(scenario, payload.game.humans, payload.game.turnLimit)
    if (problem) return problem
    const humans = payload.game.humans
    const session = new GameSession({
      listing,
      scenario,
      humans,
      difficulty: payload.game.difficulty,
      turns: payload.game.turnLimit,
      seed: payload.game.seed,
    })
    for (const [index, orders] of payload.game.orders.entries()) {
      if (session.over) return 'the save has more turns than its game could have'
      // The orders must be exactly what the rules would have let through (partners agreeing).
      const plan = planTurn(scenario, session.state, orders, () => true)
      if (plan.rejected.length > 0) return `turn ${index + 1} of the save has an order the rules refuse: ${plan.rejected[0].reason}`
      const result = resolveTurn(scenario, session.state, plan.orders)
      session.history.push({ plan, result })
      session.state = result.state
    }
    // The decisive check: the recorded orders, replayed on the save's own rules, give the recorded state
    // (as the app that wrote the save knew the state: see STATE_FIELDS_ADDED).
    if (stateHashAsSavedBy(session.state, payload.appVersion) !== payload.stateHash)
      return 'replaying the save does not give the state it recorded'
    const decisions = savedDecisions(payload.game)
    if (typeof decisions === 'string') return decisions
    session.decisions.push(...decisions)
    session.restorePlans()
    return session
  }

  /**
   * Replaying orders loses what the rules refused each turn. Where re-running the humans' decisions gives
   * exactly the saved orders (the same rules and computer players), its plans, refusals included, are used.
   */
  private restorePlans(): void {
    const game = { seed: this.seed, turnLimit: this.start.turnLimit, humans: this.humans, difficulty: this.difficulty }
    const rerun = rerunHumanTurns(this.scenario, { ...game, turns: this.decisions })
    const same =
      rerun.turns.length === this.history.length &&
      rerun.turns.every((turn, k) => JSON.stringify(turn.result.orders) === JSON.stringify(this.history[k].result.orders))
    if (same && stateHash(rerun.final) === stateHash(this.state)) this.history.splice(0, this.history.length, ...rerun.turns)
  }
}

/** The humans' decisions a save records (format 2), or those its orders imply (format 1). */
export function savedDecisions(game: SavePayload['game']): HumanTurn[] | string {
  if (!game.decisions) return humanTurnsFromOrders(game.orders, game.humans)
  if (game.decisions.length !== game.orders.length) return 'the save records decisions for a different number of turns than it played'
  return game.decisions
}
