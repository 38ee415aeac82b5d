// The game screen's hold on a game: the match (an engine value, advanced only by the engine's playTurn),
// the human players' plan for the turn being planned (changed only through immer, so that every change has
// an inverse patch and Undo is exact), whose turn it is to plan, and asking human partners.
import { applyPatches, enablePatches, produceWithPatches } from 'immer'
import type { Patch } from 'immer'
import type {
  Choice,
  CompiledScenario,
  ConsentQuestion,
  Difficulty,
  DroppedChoice,
  GameSetup,
  GameState,
  HumanTurn,
  Match,
  PlannedChoiceFate,
  PlayedTurn,
  PreparedTurn,
  ChoiceForecast,
  ObjectiveStatus,
  PlanProjection,
  Rejection,
} from '../../engine/index.ts'
import {
  advanceMatch,
  choiceProblem,
  forecastChoice,
  legalCandidates,
  objectiveStatus,
  planObjectiveChanges,
  planProjection,
  costOf,
  decisionsOf,
  humanTurnsFromOrders,
  jointKey,
  newMatch,
  normaliseChoice,
  partnerCostOf,
  plannedChoiceFates,
  prepareMatchTurn,
  recordOf,
  replayRecord,
  rerunMatch,
  seatsOf,
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

/** A player's choice the turn would not carry out (a partner declined or cannot pay): dropped from the plan, its capital back. */
export interface ReturnedChoice {
  choice: Choice
  rejection: Rejection
}

/**
 * What the device shows next in a turn: a player plans (after a hand-over when someone else had the device),
 * a player answers the joint actions proposed to it, or the turn can resolve.
 */
export type TurnStep =
  | { kind: 'plan'; actor: string; handOver: boolean; dropped: ReturnedChoice[] }
  | { kind: 'answer'; partner: string; handOver: boolean; questions: ConsentQuestion[] }
  | { kind: 'resolve' }

export class GameSession {
  readonly scenario: CompiledScenario
  readonly listing: ScenarioListing
  match: Match
  pending: Pending
  activeHuman = 0
  /** True while a turn is being resolved: a second End turn is refused. */
  resolving = false
  private undoStack: Patch[][] = []
  /** The players who have finished planning this turn (End turn pressed, and not sent back to re-plan). */
  private planned = new Set<string>()
  /** People's answers to joint actions proposed to them this turn, by agreement key. */
  private answers = new Map<string, boolean>()
  /** What the turn dropped from a player's plan and the player has not yet been told of. */
  private returned = new Map<string, ReturnedChoice[]>()
  /** The turn as last prepared (the computer's choices and the questions), while the plans stay as they were. */
  private prepared: { choices: readonly Choice[]; turn: PreparedTurn } | null = null

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

  /** Capital the actor has committed this turn: its own plan and its share of the joint actions it agreed to join. */
  spent(actor: string): number {
    const own = (this.pending[actor] ?? []).reduce((sum, choice) => sum + costOf(this.scenario, this.state, choice), 0)
    return own + this.agreedShares(actor)
  }

  /** The partner's shares of the proposals it agreed to that are still proposed this turn. */
  private agreedShares(actor: string): number {
    const questions = this.prepared?.turn.questions ?? []
    return questions
      .filter((question) => question.partner === actor && this.answers.get(question.key) === true)
      .reduce((sum, question) => sum + partnerCostOf(this.scenario, question.choice), 0)
  }

  budget(actor: string): number {
    return this.scenario.budget[this.scenario.actorIndex[actor]]
  }

  private get humanChoices(): Choice[] {
    return this.humans.flatMap((actor) => this.pending[actor] ?? [])
  }

  private answerKeys(value: boolean): Set<string> {
    return new Set([...this.answers].filter(([, answer]) => answer === value).map(([key]) => key))
  }

  /**
   * What becomes of every player's choice this turn as things stand: each joint action's partners and their
   * answers (a computer's known ahead), and what the turn would drop.
   */
  choiceFates(choices: readonly Choice[] = this.humanChoices): PlannedChoiceFate[] {
    const seats = seatsOf(this.scenario, this.match.setup)
    return plannedChoiceFates(this.scenario, this.state, seats, choices, this.answerKeys(true), this.answerKeys(false))
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
    if (!normal.partners) return null
    // A joint action bound to fail is refused now, its capital kept: a computer partner's answer is known, and
    // so is a person's who declined it this turn. (Only this player's own plan counts here: nothing of
    // another player's plan may show.)
    const fate = this.choiceFates([...mine, normal]).at(-1)
    return fate?.dropped ? { ...fate.dropped, choice: normal, reason: this.failureReason(fate) } : null
  }

  /** Why the turn would not carry a choice out, in the players' words. */
  private failureReason(fate: PlannedChoiceFate): string {
    const name = (id: string) => this.scenario.file.actors.find((actor) => actor.id === id)?.name ?? id
    const refusing = fate.partners.find((partner) => partner.answer === 'declines')
    if (refusing) return `${name(refusing.partner)} ${refusing.computer ? 'will decline' : 'declined'} to take part this turn`
    const reason = fate.dropped?.reason ?? ''
    const broke = fate.partners.find((partner) => reason.startsWith(`${partner.partner} `))
    if (broke) return `${name(broke.partner)} cannot pay its share (${partnerCostOf(this.scenario, fate.choice)} capital) this turn`
    return 'it no longer fits your capital, with the shares of the joint actions you agreed to join'
  }

  /** The projection of the active human's plan as it stands (kept while the plan and the state stand). */
  private projection: PlanProjection | null = null

  private activeProjection(): PlanProjection {
    const plan = this.pending[this.activeActor] ?? []
    if (!this.projection || this.projection.plan !== plan || this.projection.state !== this.state) {
      this.projection = planProjection(this.scenario, this.state, plan)
    }
    return this.projection
  }

  /** What adding `choice` to the active human's plan will likely do (see the engine's forecastChoice). */
  forecast(choice: Choice): ChoiceForecast {
    return forecastChoice(this.scenario, this.activeProjection(), normaliseChoice(choice), {
      humans: this.humans,
      difficulty: this.difficulty,
      levels: this.match.setup.levels,
    })
  }

  /** The active human's objectives now, with their change over the last turn and the plan's projected change. */
  objectives(): { status: ObjectiveStatus[]; planned: number[] } {
    const role = this.scenario.roleByActor[this.activeActor]
    if (!role) return { status: [], planned: [] }
    const turns = this.history
    const previous = turns.length === 0 ? null : turns.length === 1 ? this.start : turns[turns.length - 2].result.state
    return {
      status: objectiveStatus(this.scenario, this.state, role, previous),
      planned: planObjectiveChanges(this.scenario, this.activeProjection(), role),
    }
  }

  /** Whether the actor could still add something to its plan with the capital it has left. */
  canStillAfford(actor: string): boolean {
    if (this.budget(actor) - this.spent(actor) <= 0) return false
    return legalCandidates(this.scenario, this.state, actor).some((choice) => this.problemWith(choice) === null)
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

  /** Gives the device to `actor` (its own Undo starts afresh). */
  private moveTo(actor: string): boolean {
    const handOver = actor !== this.activeActor
    if (handOver) {
      this.activeHuman = this.humans.indexOf(actor)
      this.undoStack = []
    }
    return handOver
  }

  /**
   * Hands over to the next human of a hot-seat game; false when everyone has planned. (For scripts and tests
   * that answer through endTurn's askHuman; the game screen follows finishPlanning's steps instead.)
   */
  nextHuman(): boolean {
    if (this.activeHuman + 1 >= this.humans.length) return false
    this.activeHuman += 1
    this.undoStack = []
    return true
  }

  /** The turn as the engine prepares it for the plans as they stand (computed once per set of plans). */
  private async preparedTurn(prepare?: PrepareTurn): Promise<PreparedTurn> {
    const choices = this.humanChoices
    const same =
      this.prepared && this.prepared.choices.length === choices.length && this.prepared.choices.every((choice, k) => choice === choices[k])
    if (!same) {
      const match = this.match
      const turn = prepare ? await prepare(match, choices) : prepareMatchTurn(this.scenario, match, choices)
      if (this.match !== match || turn.state !== match.state) throw new Error('the game changed while the computer players decided')
      this.prepared = { choices, turn }
    }
    return this.prepared!.turn
  }

  /**
   * The active player has finished planning (End turn): what the device shows next. Every player plans, then
   * each answers the joint actions proposed to it (the one at the device first); a choice the answers leave
   * unplayable goes back to its player, capital refunded, to plan again; then the turn resolves. The computer's
   * choices are worked out once all have planned, by `prepare` when given (off the page), and kept for the turn.
   */
  finishPlanning(prepare?: PrepareTurn): Promise<TurnStep> {
    this.planned.add(this.activeActor)
    this.returned.delete(this.activeActor)
    return this.nextStep(prepare)
  }

  /** Records a player's answer to one joint action proposed to it. */
  answer(key: string, agree: boolean): void {
    this.answers.set(key, agree)
  }

  /** What the device shows next (see finishPlanning). */
  async nextStep(prepare?: PrepareTurn): Promise<TurnStep> {
    const unplanned = this.humans.find((actor) => !this.planned.has(actor))
    if (unplanned) return this.planStep(unplanned)
    const open = (await this.preparedTurn(prepare)).questions.filter((question) => !this.answers.has(question.key))
    if (open.length > 0) {
      const partner = open.some((question) => question.partner === this.activeActor) ? this.activeActor : open[0].partner
      const handOver = this.moveTo(partner)
      return { kind: 'answer', partner, handOver, questions: open.filter((question) => question.partner === partner) }
    }
    const dropped = this.choiceFates().filter((fate) => fate.dropped)
    if (dropped.length === 0) return { kind: 'resolve' }
    for (const fate of dropped) {
      const actor = fate.choice.actor
      const index = (this.pending[actor] ?? []).findIndex((choice) => jointKey(choice) === jointKey(fate.choice))
      if (index >= 0) this.pending = { ...this.pending, [actor]: this.pending[actor].filter((_, k) => k !== index) }
      this.returned.set(actor, [
        ...(this.returned.get(actor) ?? []),
        { choice: fate.choice, rejection: { ...fate.dropped!, reason: this.failureReason(fate) } },
      ])
      this.planned.delete(actor)
    }
    const first = this.returned.has(this.activeActor) ? this.activeActor : this.humans.find((actor) => this.returned.has(actor))!
    return this.planStep(first)
  }

  private planStep(actor: string): TurnStep {
    const handOver = this.moveTo(actor)
    return { kind: 'plan', actor, handOver, dropped: this.returned.get(actor) ?? [] }
  }

  /** The choices of the active player's plan that the turn dropped and the player has not yet re-planned after. */
  get returnedToActive(): readonly ReturnedChoice[] {
    return this.returned.get(this.activeActor) ?? []
  }

  /**
   * Resolves the turn: humans' plans, the computer's choices, every partner's consent. Questions still open
   * are put to `askHuman` (one call per partner, every proposal made to it); without it they must all have
   * been answered (see nextStep). `prepare` works out the computer's choices (off the page) if not done yet.
   */
  async endTurn(askHuman?: AskHuman, prepare?: PrepareTurn): Promise<ResolvedTurn> {
    if (this.over) throw new Error('the game is over')
    if (this.resolving) throw new Error('the turn is already being resolved')
    this.resolving = true
    try {
      return await this.resolve(askHuman, prepare)
    } finally {
      this.resolving = false
    }
  }

  private async resolve(askHuman?: AskHuman, prepare?: PrepareTurn): Promise<ResolvedTurn> {
    const choices = this.humanChoices
    const prepared = await this.preparedTurn(prepare)
    // One question per human partner, listing every proposal made to it, in the order the humans plan.
    for (const partner of this.humans) {
      const questions = prepared.questions.filter((question) => question.partner === partner && !this.answers.has(question.key))
      if (questions.length === 0) continue
      if (!askHuman) throw new Error(`${partner} has not answered every joint action proposed to it`)
      const answers = await askHuman(
        partner,
        questions.map((question) => question.choice),
      )
      questions.forEach((question, k) => this.answers.set(question.key, answers.at(k) ?? false))
    }
    const agreed = prepared.questions.filter((question) => this.answers.get(question.key) === true).map((question) => question.key)
    this.match = advanceMatch(this.scenario, this.match, { choices, agreed }, { prepared })
    this.pending = this.emptyPending()
    this.undoStack = []
    this.activeHuman = 0
    this.planned.clear()
    this.answers.clear()
    this.returned.clear()
    this.prepared = null
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
