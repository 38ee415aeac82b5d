// The class timer as this device shows it: the server's deadline is in the server's clock, so the device
// keeps the difference between the clocks (taken from the time a message says it was sent, or the HTTP
// Date of the class's page) and counts down against it.
import type { ClassView } from '../../shared/classroom-protocol.ts'

export class ServerClock {
  /** Server time minus this device's time, in milliseconds. */
  offsetMs = 0
  private measured = false

  /** A message stamped `serverNow` (ms since the epoch, server clock) arrived at `receivedAt` (this device's). */
  observe(serverNow: number, receivedAt: number): void {
    if (!Number.isFinite(serverNow)) return
    this.offsetMs = serverNow - receivedAt
    this.measured = true
  }

  /** An HTTP Date header (whole seconds): used only until a message gives a finer time. */
  observeHttpDate(header: string | null, receivedAt: number): void {
    const time = header ? Date.parse(header) : NaN
    if (this.measured || !Number.isFinite(time)) return
    this.offsetMs = time + 500 - receivedAt
  }

  /** Milliseconds left on the class's timer at this device's `now`, or null when there is no timer. */
  remainingMs(view: Pick<ClassView, 'deadline' | 'paused' | 'remainingMs'>, now: number): number | null {
    if (view.paused) return view.remainingMs
    if (view.deadline === null) return null
    return Math.max(0, view.deadline - (now + this.offsetMs))
  }
}

/** The server's time in a message, if it says (a `now` or `serverTime` field). */
export function serverTimeOf(message: unknown): number | undefined {
  if (!message || typeof message !== 'object') return undefined
  const record = message as Record<string, unknown>
  for (const key of ['now', 'serverTime', 'sentAt']) if (typeof record[key] === 'number') return record[key]
  return undefined
}

/** "4:05", "0:09", "1:02:03". */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}
