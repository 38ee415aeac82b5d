// The thin Colyseus side of a class: one room per class (messages only, no schema state). It checks who joins,
// checks every message (schema, size, seat, turn, phase), hands accepted intentions to the live class (which
// logs them) and sends each client the views it may see. The class itself knows nothing of Colyseus.
import type { Client } from '@colyseus/core'
import { CloseCode, Room, ServerError as JoinError } from '@colyseus/core'
import type { ServerError, TeacherView } from '../shared/classroom-protocol.ts'
import {
  JOIN_ERRORS,
  JoinOptions,
  MAX_CLIENT_MESSAGES_PER_SECOND,
  MAX_DEVICES_PER_TEAM,
  MAX_TEAMS,
  SERVER_MESSAGES,
} from '../shared/classroom-protocol.ts'
import type { ClassEvent } from './class-events.ts'
import type { ClassStore } from './class-store.ts'
import { classView, seatView, teacherView } from './class-views.ts'
import type { LiveClass } from './live-class.ts'
import type { Seat } from './message-checks.ts'
import { checkedEvent } from './message-checks.ts'

export const CLASS_ROOM = 'class'
/** How long a device that lost its connection keeps its place (it can also come back later with its team's code). */
export const RECONNECT_SECONDS = 60
/** Join options that are not valid at all (the protocol's JOIN_ERRORS cover the rest). */
export const BAD_JOIN_OPTIONS = 4400

/** Close codes of a lost connection (not a kick, not a rate-limit drop): only these may reconnect. */
const NETWORK_DROPS: readonly number[] = [
  CloseCode.ABNORMAL_CLOSURE,
  CloseCode.GOING_AWAY,
  CloseCode.NO_STATUS_RECEIVED,
  CloseCode.MAY_TRY_RECONNECT,
]

/** Messages to send: to these sessions (those still connected when it is sent). */
interface Outgoing {
  to: string[]
  type: string
  message: unknown
}

export interface ClassRoomContext {
  store: ClassStore
  /** Room ids of the classes hosted by this process, by class code (one room per class). */
  rooms: Map<string, string>
  joinUrl: (code: string) => string
  network: TeacherView['network']
  now: () => number
  /** Where a server-side failure is reported (never a client's mistake). */
  report: (line: string) => void
}

const issueText = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
  issues.map((issue) => `${issue.path.map(String).join('.') || 'the options'}: ${issue.message}`).join('; ')

export function classRoomType(context: ClassRoomContext) {
  return class ClassRoom extends Room {
    maxClients = MAX_TEAMS * MAX_DEVICES_PER_TEAM + 16
    autoDispose = false
    maxMessagesPerSecond = MAX_CLIENT_MESSAGES_PER_SECOND
    private live!: LiveClass
    private readonly seats = new Map<string, Seat>()
    private readonly connected = new Set<string>()
    private sentClass = ''
    private readonly sentSeats = new Map<string, string>()
    private sentTeacher = ''
    private timer: NodeJS.Timeout | null = null
    /** Deliveries in the order their views were taken, each after the log lines it depends on are on disk. */
    private outgoing: Promise<void> = Promise.resolve()

    async onCreate(options: { code?: unknown }) {
      const live = typeof options?.code === 'string' ? context.store.live.get(options.code) : undefined
      if (!live || context.rooms.has(live.code)) throw new JoinError(JOIN_ERRORS.unknownClass.code, JOIN_ERRORS.unknownClass.message)
      this.live = live
      context.rooms.set(live.code, this.roomId)
      const { game } = live
      await this.setMetadata({ code: live.code, title: game.identity.scenario.title, teams: game.teams.map((team) => team.name) })
      this.onMessage('*', (client, type, message) => {
        try {
          this.received(client, String(type), message)
        } catch (failure) {
          context.report(`class ${live.code}: a message could not be handled: ${(failure as Error).stack ?? String(failure)}`)
          this.tell(client, { code: 'bad-message', message: 'The server could not read this message.' })
        }
      })
      this.schedule()
    }

    onAuth(_client: Client, options: unknown): Seat {
      const parsed = JoinOptions.safeParse(options)
      if (!parsed.success) throw new JoinError(BAD_JOIN_OPTIONS, `The join options are not valid: ${issueText(parsed.error.issues)}`)
      const join = parsed.data
      const refuse = (error: { code: number; message: string }) => new JoinError(error.code, error.message)
      if (join.code !== this.live.code) throw refuse(JOIN_ERRORS.unknownClass)
      if (join.as === 'teacher') {
        if (!this.live.isTeacherKey(join.key)) throw refuse(JOIN_ERRORS.wrongKey)
        return { role: 'teacher' }
      }
      if (join.as === 'projector') return { role: 'projector' }
      const { teams } = this.live.game
      let team
      if (join.rejoin !== undefined) {
        team = teams.find((each) => each.rejoin === join.rejoin)
        if (!team) throw refuse(JOIN_ERRORS.wrongRejoin)
      } else {
        const name = join.team?.toLocaleLowerCase()
        team = teams.find((each) => each.name.toLocaleLowerCase() === name)
        if (!team) throw refuse(JOIN_ERRORS.unknownTeam)
      }
      if (this.devices().get(team.name)! >= MAX_DEVICES_PER_TEAM) throw refuse(JOIN_ERRORS.teamFull)
      return { role: 'student', team: team.name }
    }

    onJoin(client: Client, _options: unknown, seat: Seat) {
      this.seats.set(client.sessionId, seat)
      this.connected.add(client.sessionId)
      this.sendAll(client)
      this.refresh()
    }

    async onDrop(client: Client, code?: number) {
      this.connected.delete(client.sessionId)
      this.refresh()
      if (code === undefined || !NETWORK_DROPS.includes(code)) return
      try {
        await this.allowReconnection(client, RECONNECT_SECONDS)
      } catch {
        // Not back in time: onLeave follows; the device can still join again with its team's name or code.
      }
    }

    onReconnect(client: Client) {
      this.connected.add(client.sessionId)
      this.sendAll(client)
      this.refresh()
    }

    onLeave(client: Client) {
      this.seats.delete(client.sessionId)
      this.connected.delete(client.sessionId)
      this.refresh()
    }

    onDispose() {
      if (context.rooms.get(this.live?.code) === this.roomId) context.rooms.delete(this.live.code)
      if (this.timer) clearTimeout(this.timer)
      this.timer = null
    }

    private devices(): Map<string, number> {
      const counts = new Map(this.live.game.teams.map((team) => [team.name, 0]))
      for (const id of this.connected) {
        const seat = this.seats.get(id)
        if (seat?.role === 'student') counts.set(seat.team, counts.get(seat.team)! + 1)
      }
      return counts
    }

    private received(client: Client, type: string, message: unknown) {
      const seat = this.seats.get(client.sessionId)
      if (!seat) return
      const event = checkedEvent(seat, type, message)
      if ('code' in event) this.tell(client, event)
      else this.act(event, client)
    }

    /** Applies an event; whoever it concerns is told once the class's log holds it. */
    private act(event: ClassEvent, sender?: Client) {
      let applied
      try {
        applied = this.live.apply(event, context.now())
      } catch (failure) {
        context.report(`class ${this.live.code}: could not apply ${JSON.stringify(event)}: ${(failure as Error).stack ?? String(failure)}`)
        if (sender) this.tell(sender, { code: 'refused', message: 'The server could not record this; tell the teacher.' })
        return
      }
      if (!applied.ok) {
        if (sender) this.tell(sender, applied.error)
        return
      }
      this.post(this.changes(sender), applied.logged)
      this.schedule()
    }

    /** Sends an outbox once `durable` has settled, after everything posted before it. */
    private post(outbox: Outgoing[], durable: Promise<void> = Promise.resolve()) {
      this.outgoing = this.outgoing
        .then(() => durable)
        .then(
          () => this.deliver(outbox),
          (failure: unknown) => {
            context.report(`class ${this.live.code}: its log could not be written: ${(failure as Error).message}`)
            const error: ServerError = { code: 'refused', message: 'The server could not save the class; tell the teacher.' }
            this.deliver([
              { to: this.clientsWhere(() => true).map((client) => client.sessionId), type: SERVER_MESSAGES.error, message: error },
            ])
          },
        )
    }

    private deliver(outbox: Outgoing[]) {
      for (const { to, type, message } of outbox)
        for (const id of to) {
          const client = this.clients.getById(id)
          try {
            if (client && this.connected.has(id)) client.send(type, message)
          } catch (failure) {
            context.report(`class ${this.live.code}: could not send "${type}" to ${id}: ${(failure as Error).message}`)
          }
        }
    }

    private tell(client: Client, error: ServerError) {
      this.post([{ to: [client.sessionId], type: SERVER_MESSAGES.error, message: error }])
    }

    private schedule() {
      if (this.timer) clearTimeout(this.timer)
      this.timer = null
      const { deadline, paused } = this.live.game
      if (deadline === null || paused) return
      const wait = Math.min(Math.max(0, deadline - context.now()), 2 ** 31 - 1)
      this.timer = setTimeout(() => {
        this.timer = null
        if (this.live.game.deadline !== null && context.now() >= this.live.game.deadline)
          this.act({ by: 'server', message: { type: 'timer' } })
        else this.schedule()
      }, wait)
    }

    private clientsWhere(wanted: (seat: Seat) => boolean): Client[] {
      return this.clients.filter((client) => {
        const seat = this.seats.get(client.sessionId)
        return seat !== undefined && this.connected.has(client.sessionId) && wanted(seat)
      })
    }

    /** The full views, to a client that just joined or came back. */
    private sendAll(client: Client) {
      const seat = this.seats.get(client.sessionId)!
      const { game } = this.live
      const to = [client.sessionId]
      const outbox: Outgoing[] = [{ to, type: SERVER_MESSAGES.class, message: classView(game, this.devices()) }]
      if (seat.role === 'student') outbox.push({ to, type: SERVER_MESSAGES.seat, message: seatView(game, seat.team) })
      if (seat.role === 'teacher')
        outbox.push({ to, type: SERVER_MESSAGES.teacher, message: teacherView(game, context.joinUrl(this.live.code), context.network) })
      this.post(outbox)
    }

    /** Sends what changed since the views were last sent (devices came or went). */
    private refresh() {
      this.post(this.changes())
    }

    /**
     * What changed, as an outbox: a team's seat view to that team's devices only, the teacher's view to
     * teachers, then the class view to everyone (so a device that sees a new phase already holds its seat in
     * it). The sender of an accepted message always hears back (its seat or teacher view).
     */
    private changes(sender?: Client): Outgoing[] {
      const { game } = this.live
      const outbox: Outgoing[] = []
      const ids = (wanted: (seat: Seat) => boolean) => this.clientsWhere(wanted).map((client) => client.sessionId)
      const senderSeat = sender ? this.seats.get(sender.sessionId) : undefined
      for (const team of game.teams) {
        const view = seatView(game, team.name)
        const text = JSON.stringify(view)
        const mine = (seat: Seat) => seat.role === 'student' && seat.team === team.name
        if (text !== this.sentSeats.get(team.name)) {
          this.sentSeats.set(team.name, text)
          outbox.push({ to: ids(mine), type: SERVER_MESSAGES.seat, message: view })
        } else if (sender && senderSeat && mine(senderSeat))
          outbox.push({ to: [sender.sessionId], type: SERVER_MESSAGES.seat, message: view })
      }
      const teacher = teacherView(game, context.joinUrl(this.live.code), context.network)
      const teacherText = JSON.stringify(teacher)
      if (teacherText !== this.sentTeacher) {
        this.sentTeacher = teacherText
        outbox.push({ to: ids((seat) => seat.role === 'teacher'), type: SERVER_MESSAGES.teacher, message: teacher })
      } else if (sender && senderSeat?.role === 'teacher')
        outbox.push({ to: [sender.sessionId], type: SERVER_MESSAGES.teacher, message: teacher })
      const shared = classView(game, this.devices())
      const sharedText = JSON.stringify(shared)
      if (sharedText !== this.sentClass) {
        this.sentClass = sharedText
        outbox.push({ to: ids(() => true), type: SERVER_MESSAGES.class, message: shared })
      }
      return outbox
    }
  }
}
