// A class's durable log: one JSON object a line, appended and fsynced before anyone is told. The first line
// is the class (its identity and the teacher's key as a salted hash); then every accepted intention, each
// followed by the resolutions it caused. Replaying the intentions at their recorded times rebuilds the class.
import { closeSync, fsync, fsyncSync, openSync, readFileSync, truncateSync, write, writeSync } from 'node:fs'
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
  private pending: { text: string; settle: (failure?: Error) => void }[] = []
  private draining: Promise<void> | null = null

  private constructor(
    readonly path: string,
    private fd: number | null,
  ) {}

  /** A new log holding its first line, on disk; fails (EEXIST) if the class code is already taken in this folder. */
  static create(dataDir: string, first: ClassLine): ClassLog {
    const path = join(dataDir, logFileName(first.identity.code))
    const fd = openSync(path, 'wx', 0o600)
    writeSync(fd, JSON.stringify(first) + '\n')
    fsyncSync(fd)
    syncFolder(dataDir)
    return new ClassLog(path, fd)
  }

  /** An existing log, to append to (after it was read back and any damaged tail cut off). */
  static reopen(path: string): ClassLog {
    return new ClassLog(path, openSync(path, 'a', 0o600))
  }

  /**
   * Appends lines, in the order of the calls; resolves once they are on disk. Lines appended while a write is
   * under way go out together with one fsync (group commit), and the event loop never waits for the disk.
   */
  append(lines: readonly LogLine[]): Promise<void> {
    if (this.fd === null) return Promise.reject(new Error(`the log ${this.path} is closed`))
    const text = lines.map((line) => JSON.stringify(line) + '\n').join('')
    return new Promise((resolve, reject) => {
      this.pending.push({ text, settle: (failure) => (failure ? reject(failure) : resolve()) })
      this.draining ??= this.drain()
    })
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0)
      try {
        const bytes = Buffer.from(batch.map((entry) => entry.text).join(''), 'utf8')
        for (let offset = 0; offset < bytes.length;) offset += await writeAsync(this.fd!, bytes, offset, bytes.length - offset)
        await fsyncAsync(this.fd!)
        for (const entry of batch) entry.settle()
      } catch (failure) {
        for (const entry of batch) entry.settle(failure as Error)
      }
    }
    this.draining = null
  }

  /** Resolves once every line appended so far is on disk (or failed). */
  async flushed(): Promise<void> {
    while (this.draining) await this.draining
  }

  async close(): Promise<void> {
    await this.flushed()
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }
}

const writeAsync = (fd: number, bytes: Buffer, offset: number, length: number) =>
  new Promise<number>((resolve, reject) =>
    write(fd, bytes, offset, length, null, (error, written) => (error ? reject(error) : resolve(written))),
  )
const fsyncAsync = (fd: number) => new Promise<void>((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())))

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
