// One class as a plain value holder: its teams, the engine's match, the teams' plans for the turn, the phase and
// its timer, and what the teacher queued. Every change is an event applied at a given time (apply), so the
// live server and a replay of the durable log go through exactly the same code. The engine is the only
// authority on the game: a turn is prepared with prepareMatchTurn and played with advanceMatch.
import type { Choice, CompiledScenario, Difficulty, HumanTurn, Match, PreparedTurn, Rationale } from '../engine/index.ts'
import { advanceMatch, choiceProblem, injectProblem, newMatch, prepareMatchTurn, stateHash, withoutLastTurn } from '../engine/index.ts'
import type { Phase, PublicTurn, SeatView, ServerError, StudentMessage, TeacherMessage } from '../shared/classroom-protocol.ts'
import type { ClassEvent, ClassIdentity, ClassTeam } from './class-events.ts'

/** A timer that runs out (or has run out) within this long of a restart is set to this long from the restart. */
export const RESTART_GRACE_MS = 30_000

export type TeamPlan = SeatView['plan']
export type Applied = { ok: true; resolved: PublicTurn[] } | { ok: false; error: ServerError }

interface Question {
  key: string
  partner: string
  proposer: string
  choice: Choice
}

/** Planning is over: the turn waits for the partners' answers to the joint proposals put to them. */
interface PendingTurn {
  prepared: PreparedTurn
  choices: Choice[]
  rationales: Rationale[]
  passed: string[]
  difficulty: Difficulty
  questions: Question[]
  answers: Map<string, boolean>
}

/** What the class remembers of a resolved turn beyond the engine's match. */
interface TurnNotes {
  passed: string[]
  stateHash: string
}

const emptyPlan = (): TeamPlan => ({ choices: [], ready: false })
const refuse = (code: ServerError['code'], message: string): Applied => ({ ok: false, error: { code, message } })

export class ClassGame {
  readonly teams: readonly ClassTeam[]
  phase: Phase = 'lobby'
  paused = false
  deadline: number | null = null
  remainingMs: number | null = null
  difficulty: Difficulty
  injects: string[] = []
  match: Match
  readonly revealed = new Set<number>()
  private readonly notes: TurnNotes[] = []
  private readonly plans = new Map<string, TeamPlan>()
  private pending: PendingTurn | null = null

  constructor(
    readonly scn: CompiledScenario,
    readonly identity: ClassIdentity,
  ) {
    this.teams = identity.teams
    const { seed, turnLimit, difficulty } = identity.setup
    this.difficulty = difficulty
    this.match = newMatch(scn, { seed, turnLimit, difficulty, humans: this.teams.map((team) => team.actor) })
  }

  /** The turn being planned or answered (1-based). */
  get turn(): number {
    return this.match.turns.length + 1
  }

  teamNamed(name: string): ClassTeam | undefined {
    return this.teams.find((team) => team.name === name)
  }

  planOf(team: string): TeamPlan {
    return this.plans.get(team) ?? emptyPlan()
  }

  /** The joint proposals put to a team this turn, with its answers so far. */
  questionsFor(team: string): SeatView['questions'] {
    const actor = this.teamNamed(team)?.actor
    if (!this.pending || !actor) return []
    const { questions, answers } = this.pending
    return questions
      .filter((question) => question.partner === actor)
      .map(({ key, proposer, choice }) => ({ key, proposer, choice, answer: answers.get(key) ?? null }))
  }

  /**
   * Every resolved turn as everyone may see it: rationales once the teacher revealed the turn, and all of them
   * once the game is over (the debrief is where they are read).
   */
  publicTurns(): PublicTurn[] {
    return this.match.turns.map((played, index) => {
      const { choices, agreed, injects, difficulty, rationales } = played.decisions
      const turn = index + 1
      const shown: PublicTurn = {
        turn,
        choices: choices.map((choice) => ({ ...choice })),
        agreed: [...agreed],
        passed: [...this.notes[index].passed],
        stateHash: this.notes[index].stateHash,
      }
      if (injects && injects.length > 0) shown.injects = [...injects]
      if (difficulty) shown.difficulty = difficulty
      if (this.revealed.has(turn) || this.phase === 'over') shown.rationales = (rationales ?? []).map((rationale) => ({ ...rationale }))
      return shown
    })
  }

  /** Applies one event at time `now`; a refusal changes nothing. */
  apply(event: ClassEvent, now: number): Applied {
    if (event.by === 'team') return this.applyStudent(event.team, event.message, now)
    if (event.by === 'teacher') return this.applyTeacher(event.message, now)
    if (event.message.type === 'restarted') return this.restarted(now)
    if (this.paused || this.deadline === null || now < this.deadline) return refuse('refused', 'no timer has run out')
    return this.closePhase(now)
  }

  private applyStudent(teamName: string, message: StudentMessage, now: number): Applied {
    const team = this.teamNamed(teamName)
    if (!team) return refuse('not-your-seat', `this class has no team "${teamName}"`)
    const expected = message.type === 'plan' ? 'planning' : 'answering'
    if (this.phase !== expected) return refuse('wrong-phase', this.phaseRefusal(message.type))
    if (this.paused) return refuse('paused', 'The teacher paused the class; wait until it resumes.')
    if (message.turn !== this.turn) return refuse('wrong-turn', `This is turn ${this.turn}, not turn ${message.turn}.`)
    return message.type === 'plan' ? this.plan(team, message, now) : this.answer(team, message, now)
  }

  private phaseRefusal(type: StudentMessage['type']): string {
    if (this.phase === 'lobby') return 'The class has not started yet; wait for the teacher.'
    if (this.phase === 'over') return 'The game is over.'
    return type === 'plan'
      ? 'Plans are closed: the teams are answering joint proposals now.'
      : 'There is nothing to answer now: the teams are planning.'
  }

  private plan(team: ClassTeam, message: Extract<StudentMessage, { type: 'plan' }>, now: number): Applied {
    for (const [index, choice] of message.choices.entries()) {
      if (choice.actor !== team.actor)
        return refuse('not-your-seat', `Choice ${index + 1} is for ${choice.actor}; your team plays ${team.actor}.`)
      const problem = choiceProblem(this.scn, this.match.state, choice)
      if (problem) return refuse('refused', `Choice ${index + 1}: ${problem.reason}.`)
    }
    const paragraph = message.rationale?.paragraph
    const paragraphs = this.firstSourceParagraphs()
    if (paragraph !== undefined && paragraph > paragraphs)
      return refuse('refused', `The rationale cites paragraph ${paragraph}; the source has ${paragraphs}.`)
    const plan: TeamPlan = { choices: message.choices.map((choice) => ({ ...choice })), ready: message.ready }
    if (message.rationale) plan.rationale = { ...message.rationale }
    this.plans.set(team.name, plan)
    if (this.teams.every((each) => this.planOf(each.name).ready)) return this.closePhase(now)
    return { ok: true, resolved: [] }
  }

  private firstSourceParagraphs(): number {
    const first = this.scn.file.sources[0]
    return first ? (this.scn.sources[first.id]?.length ?? 0) : 0
  }

  private answer(team: ClassTeam, message: Extract<StudentMessage, { type: 'answer' }>, now: number): Applied {
    const pending = this.pending!
    const question = pending.questions.find((each) => each.key === message.key)
    if (!question) return refuse('refused', 'There is no joint proposal with that key this turn.')
    if (question.partner !== team.actor) return refuse('not-your-seat', `That proposal was put to ${question.partner}, not to your team.`)
    pending.answers.set(question.key, message.agree)
    if (pending.questions.every((each) => pending.answers.has(each.key))) return this.play(now)
    return { ok: true, resolved: [] }
  }

  private applyTeacher(message: TeacherMessage, now: number): Applied {
    const running = this.phase === 'planning' || this.phase === 'answering'
    switch (message.type) {
      case 'start':
        if (this.phase !== 'lobby') return refuse('wrong-phase', 'The class has already started.')
        this.enterPhase('planning', now)
        return { ok: true, resolved: [] }
      case 'pause':
        if (!running) return refuse('wrong-phase', 'Only a running turn can be paused.')
        if (this.paused) return refuse('refused', 'The class is already paused.')
        this.paused = true
        this.remainingMs = this.deadline === null ? null : Math.max(0, this.deadline - now)
        this.deadline = null
        return { ok: true, resolved: [] }
      case 'resume':
        if (!this.paused) return refuse('refused', 'The class is not paused.')
        this.paused = false
        this.deadline = this.remainingMs === null ? null : now + this.remainingMs
        this.remainingMs = null
        return { ok: true, resolved: [] }
      case 'extend':
        if (!running) return refuse('wrong-phase', 'Only a running turn can be extended.')
        if (this.paused && this.remainingMs !== null) this.remainingMs += message.seconds * 1000
        else if (!this.paused && this.deadline !== null) this.deadline += message.seconds * 1000
        else return refuse('refused', 'This turn has no timer to extend; end it with "end timer" when the teams are done.')
        return { ok: true, resolved: [] }
      case 'end-timer':
        if (!running) return refuse('wrong-phase', 'There is no running turn to end.')
        return this.closePhase(now)
      case 'inject':
        return this.inject(message.id)
      case 'cancel-inject':
        if (!this.injects.includes(message.id)) return refuse('refused', `The inject "${message.id}" is not queued.`)
        this.injects = this.injects.filter((id) => id !== message.id)
        return { ok: true, resolved: [] }
      case 'reveal':
        if (this.match.turns.length === 0) return refuse('refused', 'No turn has been resolved yet.')
        this.revealed.add(this.match.turns.length)
        return { ok: true, resolved: [] }
      case 'rollback':
        return this.rollback(now)
      case 'difficulty':
        this.difficulty = message.level
        return { ok: true, resolved: [] }
    }
  }

  private inject(id: string): Applied {
    if (this.phase === 'over') return refuse('wrong-phase', 'The game is over.')
    if ((this.scn.file.injects ?? []).length === 0) return refuse('refused', `The scenario "${this.scn.id}" has no injects.`)
    const problem = injectProblem(this.scn, id, this.injects)
    if (problem) return refuse('refused', `Cannot inject: ${problem}.`)
    this.injects.push(id)
    return { ok: true, resolved: [] }
  }

  /** Undoes the last resolved turn: its injects go back in the queue and the teams plan that turn again. */
  private rollback(now: number): Applied {
    const last = this.match.turns.at(-1)
    if (!last) return refuse('refused', 'No turn has been resolved yet.')
    this.revealed.delete(this.match.turns.length)
    this.match = withoutLastTurn(this.match)
    this.notes.pop()
    this.injects = [...new Set([...(last.decisions.injects ?? []), ...this.injects])]
    this.enterPhase('planning', now)
    return { ok: true, resolved: [] }
  }

  private restarted(now: number): Applied {
    if (this.paused || this.deadline === null || this.deadline - now >= RESTART_GRACE_MS) return refuse('refused', 'no timer to move')
    this.deadline = now + RESTART_GRACE_MS
    return { ok: true, resolved: [] }
  }

  /** Ends planning (teams not ready pass) or answering (unanswered proposals are declined). */
  private closePhase(now: number): Applied {
    return this.phase === 'planning' ? this.closePlanning(now) : this.play(now)
  }

  private closePlanning(now: number): Applied {
    const ready = this.teams.filter((team) => this.planOf(team.name).ready)
    const choices = ready.flatMap((team) => this.planOf(team.name).choices.map((choice) => ({ ...choice })))
    const rationales = ready.flatMap((team): Rationale[] => {
      const rationale = this.planOf(team.name).rationale
      if (!rationale || rationale.text.trim() === '') return []
      return [{ actor: team.actor, text: rationale.text, ...(rationale.paragraph === undefined ? {} : { paragraph: rationale.paragraph }) }]
    })
    const passed = this.teams.filter((team) => !ready.includes(team)).map((team) => team.name)
    for (const name of passed) this.plans.delete(name)
    const prepared = prepareMatchTurn(this.scn, this.match, choices, this.difficulty)
    const questions = prepared.questions.map((question) => ({
      key: question.key,
      partner: question.partner,
      proposer: question.choice.actor,
      choice: { ...question.choice },
    }))
    this.pending = { prepared, choices, rationales, passed, difficulty: this.difficulty, questions, answers: new Map() }
    if (questions.length === 0) return this.play(now)
    this.enterPhase('answering', now)
    return { ok: true, resolved: [] }
  }

  private play(now: number): Applied {
    const pending = this.pending!
    const decisions: HumanTurn = {
      choices: pending.choices,
      agreed: pending.questions.filter((question) => pending.answers.get(question.key) === true).map((question) => question.key),
      ...(this.injects.length > 0 ? { injects: [...this.injects] } : {}),
      ...(pending.difficulty !== this.identity.setup.difficulty ? { difficulty: pending.difficulty } : {}),
      ...(pending.rationales.length > 0 ? { rationales: pending.rationales } : {}),
    }
    this.match = advanceMatch(this.scn, this.match, decisions, { prepared: pending.prepared })
    this.notes.push({ passed: pending.passed, stateHash: stateHash(this.match.state) })
    this.injects = []
    this.pending = null
    this.plans.clear()
    if (this.match.state.outcome) {
      this.phase = 'over'
      this.paused = false
      this.deadline = null
      this.remainingMs = null
    } else {
      this.enterPhase('planning', now)
    }
    return { ok: true, resolved: [this.publicTurns().at(-1)!] }
  }

  /** A new phase with its full timer (standing still while the class is paused). */
  private enterPhase(phase: 'planning' | 'answering', now: number): void {
    this.phase = phase
    if (phase === 'planning') {
      this.pending = null
      this.plans.clear()
    }
    const seconds = phase === 'planning' ? this.identity.setup.turnSeconds : this.identity.setup.answerSeconds
    const ms = seconds === null ? null : seconds * 1000
    this.deadline = this.paused || ms === null ? null : now + ms
    this.remainingMs = this.paused ? ms : null
  }
}
