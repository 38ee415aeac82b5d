// The class client's connection: joins once, then keeps the seat through network drops and server restarts.
// After a drop it first asks for the seat back with the reconnection token (the server holds a seat for a
// while); when that fails (the server restarted and forgot its sessions) it joins again as the same seat
// (a student by the team's rejoin code, the teacher by the key). It never gives up on a network that is
// away; it stops on a refusal a person must act on.
import type { JoinOptions } from '../../shared/classroom-protocol.ts'
import { JOIN_ERRORS } from '../../shared/classroom-protocol.ts'
import type { ClassConnection, ClassTransport } from './transport.ts'
import { CLOSE_CONSENTED, JoinRefused } from './transport.ts'

export type LinkStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'refused' | 'closed'

export interface LinkOptions {
  transport: ClassTransport
  /** How to join again as the same seat (it may change once the server told the seat's rejoin code). */
  rejoinOptions: () => JoinOptions
  onMessage: (type: string, message: unknown) => void
  onStatus: (status: LinkStatus, detail: string) => void
  onConnection?: (connection: ClassConnection) => void
  /** Waits between attempts (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>
}

/** Waits after the nth failed attempt: quick at first, then every few seconds. */
export const RETRY_DELAYS_MS = [200, 500, 1000, 2000, 3000]
/** An unknown class while reconnecting may be a server still reading its log: asked this many times. */
const UNKNOWN_CLASS_TRIES = 15

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export class ClassLink {
  status: LinkStatus = 'idle'
  detail = ''
  /** How many times the seat was taken back after a drop. */
  reconnections = 0
  private connection: ClassConnection | null = null
  private stopped = false
  private readonly sleep: (ms: number) => Promise<void>

  constructor(private readonly options: LinkOptions) {
    this.sleep = options.sleep ?? defaultSleep
  }

  /** The first join: a JoinRefused (wrong code, unknown team…) or a network error is the caller's to show. */
  async join(options: JoinOptions): Promise<void> {
    this.setStatus('connecting', '')
    try {
      this.attach(await this.options.transport.join(options))
    } catch (error) {
      this.setStatus(error instanceof JoinRefused ? 'refused' : 'closed', (error as Error).message)
      throw error
    }
  }

  /** Sends a message now; false when there is no connection (the caller keeps what it meant to send). */
  send(type: string, message: unknown): boolean {
    if (this.status !== 'connected' || !this.connection) return false
    this.connection.send(type, message)
    return true
  }

  async leave(): Promise<void> {
    this.stopped = true
    const connection = this.connection
    this.connection = null
    this.setStatus('closed', '')
    await connection?.leave().catch(() => undefined)
  }

  private attach(connection: ClassConnection): void {
    this.connection = connection
    this.options.onConnection?.(connection)
    connection.onMessage((type, message) => {
      if (this.connection === connection) this.options.onMessage(type, message)
    })
    connection.onClose((code, reason) => {
      if (this.connection !== connection) return
      this.connection = null
      if (code === CLOSE_CONSENTED || this.stopped) this.setStatus('closed', reason)
      else void this.reconnect(connection.reconnectionToken, code)
    })
    this.setStatus('connected', '')
  }

  private async reconnect(token: string, code: number): Promise<void> {
    this.setStatus('reconnecting', `The connection to the class was lost (${code}).`)
    let unknownClass = 0
    for (let attempt = 0; !this.stopped; attempt += 1) {
      try {
        this.attach(await this.options.transport.reconnect(token))
        this.reconnections += 1
        return
      } catch {
        // The server no longer holds this session (it restarted, or the hold ran out): join as the same seat.
      }
      if (this.stopped) return
      try {
        this.attach(await this.options.transport.join(this.options.rejoinOptions()))
        this.reconnections += 1
        return
      } catch (error) {
        if (error instanceof JoinRefused) {
          // A team full of devices may still count this one's held seat; a restarted server may still be reading.
          const transient =
            error.code === JOIN_ERRORS.teamFull.code ||
            (error.code === JOIN_ERRORS.unknownClass.code && ++unknownClass < UNKNOWN_CLASS_TRIES)
          if (!transient) {
            this.setStatus('refused', error.message)
            return
          }
        }
      }
      await this.sleep(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)])
    }
  }

  private setStatus(status: LinkStatus, detail: string): void {
    this.status = status
    this.detail = detail
    this.options.onStatus(status, detail)
  }
}
