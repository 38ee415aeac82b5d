// One device's hold on a class: the connection (kept through drops and restarts), the class as the server
// last described it, this device's seat (a student's) or the teacher's view, and the match mirrored by
// replaying the class's turns with the engine. Screens subscribe to it and send intentions through it.
import type { Match } from '../../engine/index.ts'
import type {
  ClassView,
  JoinOptions,
  SeatView,
  ServerError,
  StudentMessage,
  TeacherMessage,
  TeacherView,
} from '../../shared/classroom-protocol.ts'
import { SERVER_MESSAGES } from '../../shared/classroom-protocol.ts'
import { GameSession } from '../session/session.ts'
import { ServerClock, serverTimeOf } from './clock.ts'
import type { LinkStatus } from './link.ts'
import { ClassLink } from './link.ts'
import { ClassMirror } from './mirror.ts'
import { PlanDraft } from './plan-draft.ts'
import type { Timers } from './plan-draft.ts'
import type { ClassScenario } from './scenario.ts'
import type { ClassTransport } from './transport.ts'
import { readClassView, readSeatView, readServerError, readTeacherView } from './messages.ts'

export type Role = JoinOptions['as']

export type MirrorState =
  | { status: 'waiting'; message: string }
  | { status: 'ready'; match: Match; session: GameSession; scenario: ClassScenario }
  | { status: 'error'; message: string }

export interface ClassClientOptions {
  transport: ClassTransport
  /** Finds the rules of the class on this device (checked by hash). */
  loadScenario: (wanted: ClassView['scenario']) => Promise<ClassScenario | string>
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  timers?: Timers
}

export class ClassClient {
  view: ClassView | null = null
  seat: SeatView | null = null
  teacher: TeacherView | null = null
  mirror: MirrorState = { status: 'waiting', message: 'Waiting for the class…' }
  /** The last refusal the server sent this device (a plan for a closed turn, a forged seat…). */
  lastError: ServerError | null = null
  readonly clock = new ServerClock()
  readonly draft: PlanDraft
  readonly link: ClassLink
  private joined: JoinOptions | null = null
  private replayer: ClassMirror | null = null
  private scenario: Promise<ClassScenario | string> | null = null
  private listeners = new Set<() => void>()
  private readonly now: () => number

  constructor(private readonly options: ClassClientOptions) {
    this.now = options.now ?? Date.now
    this.draft = new PlanDraft((message) => this.link.send('plan', message), options.timers)
    this.link = new ClassLink({
      transport: options.transport,
      rejoinOptions: () => this.rejoinOptions(),
      onMessage: (type, message) => this.receive(type, message),
      onStatus: (status) => this.statusChanged(status),
      onConnection: (connection) =>
        connection.httpDate && this.clock.observeHttpDate(connection.httpDate.header, connection.httpDate.receivedAt),
      sleep: options.sleep,
    })
  }

  get role(): Role | null {
    return this.joined?.as ?? null
  }

  get code(): string | null {
    return this.joined?.code ?? null
  }

  get status(): LinkStatus {
    return this.link.status
  }

  /** Joins the class; throws a JoinRefused with the server's sentence, or a network error. */
  async join(options: JoinOptions): Promise<void> {
    this.joined = options
    await this.link.join(options)
  }

  async leave(): Promise<void> {
    this.draft.dispose()
    await this.link.leave()
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  /** A student's answer to a joint action proposed to the team. */
  answer(key: string, agree: boolean): boolean {
    const turn = this.seat?.turn ?? this.view?.turn ?? 0
    return this.sendStudent({ type: 'answer', turn, key, agree })
  }

  sendStudent(message: StudentMessage): boolean {
    return this.link.send(message.type, message)
  }

  sendTeacher(message: TeacherMessage): boolean {
    return this.link.send(message.type, message)
  }

  /** Milliseconds left on the class's timer now, or null without one. */
  remainingMs(): number | null {
    return this.view ? this.clock.remainingMs(this.view, this.now()) : null
  }

  /** After a restart the server knows the seat only by the team's rejoin code (or the teacher's key). */
  private rejoinOptions(): JoinOptions {
    const joined = this.joined!
    if (joined.as === 'student' && this.seat) return { as: 'student', code: joined.code, rejoin: this.seat.rejoin }
    return joined
  }

  private statusChanged(status: LinkStatus): void {
    // Changes made while away go out as soon as the seat is back.
    if (status === 'connected') this.draft.flush()
    this.emit()
  }

  private receive(type: string, message: unknown): void {
    const serverNow = serverTimeOf(message)
    if (serverNow !== undefined) this.clock.observe(serverNow, this.now())
    if (type === SERVER_MESSAGES.class) {
      const view = readClassView(message)
      if (typeof view === 'string') return this.refuse(view)
      this.view = view
      void this.replay(view)
    } else if (type === SERVER_MESSAGES.seat) {
      const seat = readSeatView(message)
      if (typeof seat === 'string') return this.refuse(seat)
      this.seat = seat
      this.draft.adopt(seat)
      this.syncSessionPlan()
    } else if (type === SERVER_MESSAGES.teacher) {
      const teacher = readTeacherView(message)
      if (typeof teacher === 'string') return this.refuse(teacher)
      this.teacher = teacher
    } else if (type === SERVER_MESSAGES.error) {
      this.lastError = readServerError(message)
    }
    this.emit()
  }

  private refuse(problem: string): void {
    this.lastError = { code: 'bad-message', message: `The server sent a message this page cannot read: ${problem}.` }
    this.emit()
  }

  private async replay(view: ClassView): Promise<void> {
    if (!this.scenario) this.scenario = this.options.loadScenario(view.scenario)
    const found = await this.scenario
    if (view !== this.view) return // a newer view is on its way through here
    if (typeof found === 'string') {
      this.mirror = { status: 'error', message: found }
      return this.emit()
    }
    if (found.scenario.hash !== view.scenario.hash) {
      this.mirror = { status: 'error', message: 'the class now plays other rules than this page loaded: reload the page.' }
      return this.emit()
    }
    this.replayer ??= new ClassMirror(found.scenario)
    const result = this.replayer.update(view)
    if (!result.ok) {
      this.mirror = { status: 'error', message: result.message }
      return this.emit()
    }
    // The same match keeps its session (and the plan in it); a new turn or a rollback gets a new one.
    const session =
      this.mirror.status === 'ready' && this.mirror.match === result.match
        ? this.mirror.session
        : new GameSession({ ...result.match.setup, listing: found.listing, scenario: found.scenario }, result.match)
    this.mirror = { status: 'ready', match: result.match, session, scenario: found }
    this.syncSessionPlan()
    this.emit()
  }

  /** The mirrored session plans for this device's power: the draft's choices are its pending plan. */
  private syncSessionPlan(): void {
    if (this.mirror.status !== 'ready' || !this.seat) return
    const { session } = this.mirror
    const index = session.humans.indexOf(this.seat.actor)
    if (index < 0) return
    session.activeHuman = index
    session.pending = { ...session.pending, [this.seat.actor]: this.draft.choices.map((choice) => ({ ...choice })) }
  }

  /** Tells the screens that something of this device changed (a plan submitted, taken back). */
  notify(): void {
    this.emit()
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener()
  }
}
