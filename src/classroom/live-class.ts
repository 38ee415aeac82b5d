// A class being hosted: its game and its log together, so that nothing changes the class without being
// written down first (the log line is fsynced before any client hears of the change).
import type { Applied } from './class-game.ts'
import { ClassGame } from './class-game.ts'
import type { ClassEvent } from './class-events.ts'
import type { ClassLog, LogLine } from './class-log.ts'
import type { KeyHash } from './codes.ts'
import { keyMatches } from './codes.ts'

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

  /** Applies an event now and, when it is accepted, logs it with the resolutions it caused. */
  apply(event: ClassEvent, now: number): Applied {
    const applied = this.game.apply(event, now)
    if (!applied.ok) return applied
    const lines: LogLine[] = [{ kind: 'intent', at: now, event }]
    for (const turn of applied.resolved)
      lines.push({ kind: 'resolved', at: now, turn: turn.turn, stateHash: turn.stateHash, passed: [...turn.passed] })
    this.log.append(lines)
    return applied
  }

  close(): void {
    this.log.close()
  }
}
