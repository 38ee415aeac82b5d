// A class's durable log: one JSON object a line, appended and fsynced before anyone is told. The first line
// is the class (its identity and the teacher's key as a salted hash); then every accepted intention, each
// followed by the resolutions it caused. Replaying the intentions at their recorded times rebuilds the class.
import { closeSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import * as z from 'zod'
import { ClassEvent, ClassIdentity } from './class-events.ts'

export const LOG_VERSION = 1

const KeyHash = z.strictObject({ salt: z.string().regex(/^[0-9a-f]{32}$/), sha256: z.string().regex(/^[0-9a-f]{64}$/) })
const Time = z.number().int().min(0)

export const LogLine = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('class'), v: z.literal(LOG_VERSION), at: Time, identity: ClassIdentity, teacherKey: KeyHash }),
  z.strictObject({ kind: z.literal('intent'), at: Time, event: ClassEvent }),
  z.strictObject({
    kind: z.literal('resolved'),
    at: Time,
    turn: z.number().int().min(1),
    stateHash: z.string().regex(/^[0-9a-f]{64}$/),
    passed: z.array(z.string()),
  }),
])
export type LogLine = z.infer<typeof LogLine>
export type ClassLine = Extract<LogLine, { kind: 'class' }>

export const logFileName = (code: string): string => `${code}.jsonl`
export const LOG_FILE = /^([2-9A-HJKMNP-Z]{6})\.jsonl$/

export class ClassLog {
  private constructor(
    readonly path: string,
    private fd: number | null,
  ) {}

  /** A new log holding its first line; fails (EEXIST) if the class code is already taken in this folder. */
  static create(dataDir: string, first: ClassLine): ClassLog {
    const path = join(dataDir, logFileName(first.identity.code))
    const log = new ClassLog(path, openSync(path, 'wx', 0o600))
    log.append([first])
    syncFolder(dataDir)
    return log
  }

  /** An existing log, to append to (after it was read back and any damaged tail cut off). */
  static reopen(path: string): ClassLog {
    return new ClassLog(path, openSync(path, 'a', 0o600))
  }

  append(lines: readonly LogLine[]): void {
    if (this.fd === null) throw new Error(`the log ${this.path} is closed`)
    writeSync(this.fd, lines.map((line) => JSON.stringify(line) + '\n').join(''))
    fsyncSync(this.fd)
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }
}

/** A new file's name is durable only once its folder is synced (not possible on Windows, where it is not needed). */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(folder, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export type ReadLog =
  | { ok: true; lines: LogLine[]; /** Why the last line was dropped (a crash mid-write), or null. */ dropped: string | null }
  | { ok: false; problem: string }

/**
 * Reads a log back. A damaged last line (cut off by a crash mid-write) is dropped and the file truncated to the
 * lines before it, so appends go on cleanly; a damaged line with good lines after it makes the log unreadable.
 */
export function readClassLog(path: string): ReadLog {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    return { ok: false, problem: `cannot read ${path}: ${(error as Error).message}` }
  }
  const pieces = text.split('\n')
  const lines: LogLine[] = []
  let goodBytes = 0
  for (const [index, piece] of pieces.entries()) {
    const isLast = index === pieces.length - 1
    if (isLast && piece === '') break
    const problem = isLast ? 'the line is incomplete (no end of line)' : lineProblem(piece)
    if (problem) {
      const restIsEmpty = pieces.slice(index + 1).every((rest) => rest === '')
      if (!restIsEmpty) return { ok: false, problem: `${path}: line ${index + 1} is damaged (${problem}), and lines follow it` }
      truncateSync(path, goodBytes)
      return { ok: true, lines, dropped: `line ${index + 1} was damaged (${problem}) and was dropped` }
    }
    lines.push(LogLine.parse(JSON.parse(piece)))
    goodBytes += Buffer.byteLength(piece, 'utf8') + 1
  }
  return { ok: true, lines, dropped: null }
}

function lineProblem(piece: string): string | null {
  let value: unknown
  try {
    value = JSON.parse(piece)
  } catch (error) {
    return `not JSON: ${(error as Error).message}`
  }
  const parsed = LogLine.safeParse(value)
  if (parsed.success) return null
  const issue = parsed.error.issues[0]
  return `${issue.path.join('.') || 'the line'}: ${issue.message}`
}
