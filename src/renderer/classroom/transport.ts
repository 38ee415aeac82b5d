// How the class client reaches the class server: an interface small enough to fake in tests, and its
// Colyseus implementation (the browser's own origin, ws(s)://location.host). The client sends intentions
// only; what a message may hold is the protocol's (src/shared/classroom-protocol.ts).
import type { Room } from '@colyseus/sdk'
import type { JoinOptions } from '../../shared/classroom-protocol.ts'
import { JOIN_ERRORS } from '../../shared/classroom-protocol.ts'

export interface ClassConnection {
  /** Hands the seat back after a network drop while the server still holds it. */
  readonly reconnectionToken: string
  /** The HTTP Date the server gave when this device looked the class up (to set the timer's clock). */
  readonly httpDate?: { header: string | null; receivedAt: number }
  send(type: string, message: unknown): void
  /** Every message the server sends; messages that came before a handler was set are handed to it first. */
  onMessage(handler: (type: string, message: unknown) => void): void
  /** The connection closed: 4000 when this side left, anything else when it was dropped or closed by the server. */
  onClose(handler: (code: number, reason: string) => void): void
  leave(): Promise<void>
}

export interface ClassTransport {
  join(options: JoinOptions): Promise<ClassConnection>
  reconnect(token: string): Promise<ClassConnection>
}

/** The server said no, for a reason a person can act on (a wrong code, an unknown team…). */
export class JoinRefused extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
    this.name = 'JoinRefused'
  }
}

/** Close codes after which the seat may be taken back (Colyseus: consented = 4000, kicked by us = others). */
export const CLOSE_CONSENTED = 4000

/** What `GET /api/classes/:code` tells before joining. */
export interface ClassInfo {
  code: string
  title: string
  teams: string[]
  roomId?: string
  httpDate: { header: string | null; receivedAt: number }
}

async function jsonOrText(response: Response): Promise<unknown> {
  const text = await response.text()
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

function messageOf(body: unknown, fallback: string): string {
  if (typeof body === 'string' && body.trim()) return body.trim().slice(0, 300)
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>
    for (const key of ['message', 'error']) if (typeof record[key] === 'string') return record[key].slice(0, 300)
  }
  return fallback
}

/** The class of a code as the server knows it; a JoinRefused when it knows none. */
export async function lookUpClass(origin: string, code: string): Promise<ClassInfo> {
  const response = await fetch(`${origin}/api/classes/${encodeURIComponent(code)}`, { headers: { accept: 'application/json' } })
  const httpDate = { header: response.headers.get('date'), receivedAt: Date.now() }
  const body = await jsonOrText(response)
  if (response.status === 404) throw new JoinRefused(JOIN_ERRORS.unknownClass.code, messageOf(body, JOIN_ERRORS.unknownClass.message))
  // A class the server knows but cannot resume (its log is damaged or its scenario gone): nothing to retry.
  if (response.status === 503) throw new JoinRefused(503, messageOf(body, 'This class cannot be resumed.'))
  if (!response.ok) throw new Error(messageOf(body, `the server answered ${response.status}`))
  const record = (body ?? {}) as Record<string, unknown>
  const teams = Array.isArray(record.teams)
    ? record.teams.map((team) => (typeof team === 'string' ? team : String((team as { name?: unknown })?.name ?? '')))
    : []
  return {
    code,
    title: typeof record.title === 'string' ? record.title : '',
    teams: teams.filter(Boolean),
    httpDate,
    ...(typeof record.roomId === 'string' ? { roomId: record.roomId } : {}),
  }
}

function wrap(room: Room, httpDate?: ClassInfo['httpDate']): ClassConnection {
  // Messages can arrive before the caller sets its handler: keep them until it does.
  const early: [string, unknown][] = []
  let handler: ((type: string, message: unknown) => void) | null = null
  room.reconnection.enabled = false
  room.onMessage('*', (type, message) => {
    if (handler) handler(String(type), message)
    else early.push([String(type), message])
  })
  return {
    httpDate,
    get reconnectionToken() {
      return room.reconnectionToken
    },
    send: (type, message) => room.send(type, message),
    onMessage(next) {
      handler = next
      for (const [type, message] of early.splice(0)) next(type, message)
    },
    onClose(next) {
      room.onLeave((code, reason) => next(code, reason ?? ''))
    },
    leave: async () => {
      await room.leave(true)
    },
  }
}

/** The SDK is loaded only by a page that joins a class (the game's other pages never need it). */
const sdk = () => import('@colyseus/sdk')

async function refusal(error: unknown): Promise<unknown> {
  const { MatchMakeError } = await sdk()
  if (error instanceof MatchMakeError && error.code >= 4000 && error.code < 5000) return new JoinRefused(error.code, error.message)
  return error
}

/** The Colyseus transport of the page's own origin (`http://host:port`). */
export function colyseusTransport(origin: string): ClassTransport {
  return {
    async join(options) {
      const info = await lookUpClass(origin, options.code)
      const { Client } = await sdk()
      try {
        return wrap(await new Client(origin).joinById(info.roomId ?? options.code, options), info.httpDate)
      } catch (error) {
        throw await refusal(error)
      }
    },
    async reconnect(token) {
      const { Client } = await sdk()
      try {
        return wrap(await new Client(origin).reconnect(token))
      } catch (error) {
        throw await refusal(error)
      }
    },
  }
}
