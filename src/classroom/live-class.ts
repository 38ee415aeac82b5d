// A class being hosted: its game and its log together, so that nothing changes the class without being
// written down first (the log line is fsynced before any client hears of the change).
import type { PublicTurn, ServerError } from '../shared/classroom-protocol.ts'
import type { ClassGame } from './class-game.ts'
import type { ClassEvent } from './class-events.ts'
import type { ClassLog, LogLine } from './class-log.ts'
import type { KeyHash } from './codes.ts'
import { keyMatches } from './codes.ts'

/** An accepted event is in effect at once; `logged` settles when its log lines are on disk. */
export type Logged = { ok: true; resolved: PublicTurn[]; logged: Promise<void> } | { ok: false; error: ServerError }

export class LiveClass {
  constructor(
    readonly game: ClassGame,
    private readonly log: ClassLog,
    private readonly teacherKey: KeyHash,
  ) {}

  get code(): string {
    return this.game.identity.code
  }

  isTeacherKey(key: string): boolean {
    return keyMatches(this.teacherKey, key)
  }

  /**
   * Applies an event now and, when it is accepted, logs it with the resolutions it caused. Nobody may be told
   * of the change before `logged` resolves.
   */
  apply(event: ClassEvent, now: number): Logged {
    const applied = this.game.apply(event, now)
    if (!applied.ok) return applied
    const lines: LogLine[] = [{ kind: 'intent', at: now, event }]
    for (const turn of applied.resolved)
      lines.push({ kind: 'resolved', at: now, turn: turn.turn, stateHash: turn.stateHash, passed: [...turn.passed] })
    const logged = this.log.append(lines)
    // A failure is reported by whoever awaits it; this keeps an unawaited one from being an unhandled rejection.
    logged.catch(() => {})
    return { ...applied, logged }
  }

  /** Resolves once everything applied so far is on disk. */
  flushed(): Promise<void> {
    return this.log.flushed()
  }

  close(): Promise<void> {
    return this.log.close()
  }
}
