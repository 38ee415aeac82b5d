// A team's plan on one device: the choices, the rationale and whether it is submitted. Each change goes to the
// server as a 'plan' message, debounced; Submit goes at once. The server holds the plan (last word wins across
// the team's devices, and every device shows it); a device adopts the server's plan unless it has changes of
// its own still to send, which it sends again after a reconnection.
import type { Choice } from '../../engine/index.ts'
import type { SeatView, StudentMessage } from '../../shared/classroom-protocol.ts'
import { MAX_RATIONALE_CHARS } from '../../shared/classroom-protocol.ts'

export interface Rationale {
  text: string
  paragraph?: number
}

export interface Timers {
  set(run: () => void, ms: number): unknown
  clear(handle: unknown): void
}

const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export const PLAN_DEBOUNCE_MS = 400

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

export class PlanDraft {
  turn = 0
  choices: Choice[] = []
  rationale: Rationale = { text: '' }
  ready = false
  /** Local changes the server has not been sent yet. */
  unsent = false
  private timer: unknown = null

  constructor(
    private readonly send: (message: StudentMessage) => boolean,
    private readonly timers: Timers = browserTimers,
    private readonly debounceMs = PLAN_DEBOUNCE_MS,
  ) {}

  /** The seat as the server holds it. True when the draft changed. */
  adopt(seat: SeatView): boolean {
    const plan = { choices: seat.plan.choices, rationale: seat.plan.rationale ?? { text: '' }, ready: seat.plan.ready }
    if (seat.turn !== this.turn) {
      this.cancelTimer()
      this.unsent = false
      this.turn = seat.turn
    } else if (this.unsent) {
      return false
    }
    const mine = { choices: this.choices, rationale: this.rationale, ready: this.ready }
    if (sameJson(mine, plan)) return false
    this.choices = plan.choices.map((choice) => ({ ...choice }))
    this.rationale = { ...plan.rationale }
    this.ready = plan.ready
    return true
  }

  setChoices(choices: readonly Choice[]): void {
    this.choices = choices.map((choice) => ({ ...choice }))
    this.changed()
  }

  setRationale(rationale: Rationale): void {
    this.rationale = {
      text: rationale.text.slice(0, MAX_RATIONALE_CHARS),
      ...(rationale.paragraph ? { paragraph: rationale.paragraph } : {}),
    }
    this.changed()
  }

  /** Submits the plan (true) or takes it back to change it (false): sent at once. */
  submit(ready: boolean): boolean {
    this.ready = ready
    this.unsent = true
    return this.flush()
  }

  /** Sends the draft now; false when it could not be sent (it is kept and sent again later). */
  flush(): boolean {
    this.cancelTimer()
    if (!this.unsent || this.turn < 1) return true
    const sent = this.send(this.message())
    if (sent) this.unsent = false
    return sent
  }

  message(): StudentMessage {
    const text = this.rationale.text.trim()
    return {
      type: 'plan',
      turn: this.turn,
      choices: this.choices.map((choice) => ({ ...choice })),
      ...(text ? { rationale: { text, ...(this.rationale.paragraph ? { paragraph: this.rationale.paragraph } : {}) } } : {}),
      ready: this.ready,
    }
  }

  dispose(): void {
    this.cancelTimer()
  }

  private changed(): void {
    this.unsent = true
    this.cancelTimer()
    this.timer = this.timers.set(() => {
      this.timer = null
      this.flush()
    }, this.debounceMs)
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer)
    this.timer = null
  }
}
