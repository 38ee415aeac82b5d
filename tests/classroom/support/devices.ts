// A device of the class as a test sees it: a Colyseus client that keeps every message it received, so a
// test can wait for one and assert on all of them.
import type { Room } from '@colyseus/sdk'
import { Client } from '@colyseus/sdk'
import type { ClassSetup, ClassView, JoinOptions, SeatView, ServerError, TeacherView } from '../../../src/shared/classroom-protocol.ts'

export interface Received {
  type: string
  message: unknown
}

const WAIT_MS = 15_000

export class Device {
  readonly received: Received[] = []
  private waiters: (() => void)[] = []
  private readonly cursors = new Map<string, number>()
  closed: { code: number; reason?: string } | null = null

  private constructor(
    readonly label: string,
    public room: Room,
  ) {
    this.listen(room)
  }

  static async join(url: string, roomId: string, options: JoinOptions, label: string = options.as): Promise<Device> {
    const room = await new Client(url).joinById(roomId, options)
    return new Device(label, room)
  }

  private listen(room: Room) {
    room.reconnection.enabled = false
    room.onMessage('*', (type, message) => {
      this.received.push({ type: String(type), message })
      for (const wake of this.waiters.splice(0)) wake()
    })
    room.onLeave((code, reason) => {
      this.closed = { code, reason }
      for (const wake of this.waiters.splice(0)) wake()
    })
  }

  send(type: string, message?: unknown) {
    this.room.send(type, message)
  }

  /**
   * The first message of this type that satisfies the test, after the last one of its type this returned (or
   * from `from` on), waiting for it if need be.
   */
  async next<T>(type: string, test: (message: T) => boolean = () => true, from?: number): Promise<T> {
    const deadline = Date.now() + WAIT_MS
    const start = from ?? this.cursors.get(type) ?? 0
    for (;;) {
      const index = this.received.findIndex((entry, k) => k >= start && entry.type === type && test(entry.message as T))
      if (index >= 0) {
        this.cursors.set(type, index + 1)
        return this.received[index].message as T
      }
      if (Date.now() > deadline)
        throw new Error(
          `${this.label}: no "${type}" message as wanted; got ${JSON.stringify(this.received.slice(start).map((m) => m.type))}`,
        )
      await new Promise<void>((wake) => {
        this.waiters.push(wake)
        setTimeout(wake, 200)
      })
    }
  }

  classView(test: (view: ClassView) => boolean, from?: number) {
    return this.next<ClassView>('class', test, from)
  }
  seat(test: (view: SeatView) => boolean = () => true, from?: number) {
    return this.next<SeatView>('seat', test, from)
  }
  teacher(test: (view: TeacherView) => boolean = () => true, from?: number) {
    return this.next<TeacherView>('teacher', test, from)
  }
  /** The last message of this type received so far. */
  latest<T>(type: string): T | undefined {
    return [...this.received].reverse().find((entry) => entry.type === type)?.message as T | undefined
  }

  /** The next error after the current messages, after sending something. */
  async errorAfter(send: () => void): Promise<ServerError> {
    const from = this.received.length
    send()
    return this.next<ServerError>('error', () => true, from)
  }

  async closedWith(): Promise<{ code: number; reason?: string }> {
    const deadline = Date.now() + WAIT_MS
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error(`${this.label}: still connected`)
      await new Promise<void>((wake) => {
        this.waiters.push(wake)
        setTimeout(wake, 200)
      })
    }
    return this.closed
  }

  /** Drops the connection as a network failure would (no close frame). */
  dropAbruptly() {
    ;(this.room.connection.transport as unknown as { ws: { terminate(): void } }).ws.terminate()
  }

  async reconnect(url: string, token: string) {
    this.room = await new Client(url).reconnect(token)
    this.closed = null
    this.listen(this.room)
  }

  /** Leaves the room if still in it (a connection to a server that is gone is not waited for). */
  async leave() {
    if (this.closed) return
    await Promise.race([this.room.leave().catch(() => {}), new Promise((done) => setTimeout(done, 1000))])
  }
}

export async function createClass(url: string, setup: ClassSetup): Promise<{ code: string; key: string; joinUrl: string; roomId: string }> {
  const response = await fetch(`${url}/api/classes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(setup),
  })
  const body = await response.json()
  if (response.status !== 201) throw new Error(`POST /api/classes: ${response.status} ${JSON.stringify(body)}`)
  return body
}

export async function classInfo(url: string, code: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/api/classes/${code}`)
  return { status: response.status, body: await response.json() }
}

export async function joinError(url: string, roomId: string, options: unknown): Promise<{ code: number; message: string }> {
  try {
    const room = await new Client(url).joinById(roomId, options)
    await room.leave()
  } catch (error) {
    return { code: (error as { code: number }).code, message: (error as Error).message }
  }
  throw new Error(`joined with ${JSON.stringify(options)}`)
}
