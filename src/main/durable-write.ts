// The one crash-safe write used for saves, settings and exports:
//   temp file in the same folder (exclusive create) → write all → fsync → close → read back and compare
//   → rotate the previous generations one step older (rename) → rename temp into place → fsync the folder.
// A crash or failure at any step leaves either the old save or the new one readable: before the final rename
// the old generations are untouched or merely shifted one step older, and readers take every generation
// that exists. Writes to the same target are serialised.
import { randomBytes } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export interface DurableFileHandle {
  writeFile(data: Uint8Array): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

/** The file-system operations the write uses; tests wrap them to fail at any step. */
export interface DurableFs {
  open(path: string, flags: string, mode?: number): Promise<DurableFileHandle>
  readFile(path: string): Promise<Uint8Array>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  /** Resolves whether something exists at the path, without following a final symlink. */
  exists(path: string): Promise<boolean>
  mkdir(path: string): Promise<void>
}

export const nodeDurableFs: DurableFs = {
  open: (path, flags, mode) => fsp.open(path, flags, mode),
  readFile: (path) => fsp.readFile(path),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  exists: (path) =>
    fsp.lstat(path).then(
      () => true,
      (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? false : Promise.reject(error)),
    ),
  mkdir: async (path) => {
    await fsp.mkdir(path, { recursive: true })
  },
}

export type DurableWriteStep = 'mkdir' | 'open' | 'write' | 'fsync' | 'close' | 'verify' | 'rotate' | 'rename' | 'dir-fsync'

/** A failed write, naming the step; `cause` keeps the original error for logs only, never for the renderer. */
export class DurableWriteError extends Error {
  constructor(
    readonly step: DurableWriteStep,
    readonly errno: string | undefined,
    readonly cause: unknown,
  ) {
    super(`durable write failed at ${step}${errno ? ` (${errno})` : ''}`)
  }
}

export interface DurableWriteOptions {
  /**
   * The previous generations, newest first (e.g. slot.1.json, slot.2.json, slot.3.json). Before the new file
   * takes the target's place, the contiguous run of existing generations shifts one step older; the oldest
   * kept generation is replaced. Empty: the target is simply replaced.
   */
  previous?: readonly string[]
}

// Platforms that cannot fsync a folder (Windows, some network file systems) report these; the data is
// already renamed into place, so they are not failures.
const DIR_FSYNC_UNSUPPORTED = new Set(['EISDIR', 'EINVAL', 'EPERM', 'EACCES', 'ENOTSUP', 'EBADF'])

function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

export function tempFileFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
}

export function isTempFileName(name: string): boolean {
  return /^\..+\.[0-9a-f]{12}\.tmp$/.test(name)
}

async function step<T>(name: DurableWriteStep, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw new DurableWriteError(name, errnoOf(error), error)
  }
}

// On Windows an antivirus or indexer briefly holding a file makes rename fail with these; a short retry
// (as write-file-atomic and atomically do) rides it out.
const TRANSIENT_RENAME_ERRORS = new Set(['EPERM', 'EACCES', 'EBUSY'])
const RENAME_RETRY_DELAYS_MS = [50, 100, 200, 400, 800, 1600]

async function renameWithRetry(fs: DurableFs, from: string, to: string, retry: boolean): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fs.rename(from, to)
    } catch (error) {
      const errno = errnoOf(error)
      if (!retry || attempt >= RENAME_RETRY_DELAYS_MS.length || !errno || !TRANSIENT_RENAME_ERRORS.has(errno)) throw error
      await new Promise((done) => setTimeout(done, RENAME_RETRY_DELAYS_MS[attempt]))
    }
  }
}

async function writeOnce(fs: DurableFs, target: string, data: Uint8Array, previous: readonly string[], retry: boolean): Promise<void> {
  const folder = dirname(target)
  await step('mkdir', () => fs.mkdir(folder))
  const temp = tempFileFor(target)
  let handle: DurableFileHandle | null = null
  let renamed = false
  try {
    handle = await step('open', () => fs.open(temp, 'wx', 0o600))
    const open = handle
    await step('write', () => open.writeFile(data))
    await step('fsync', () => open.sync())
    handle = null
    await step('close', () => open.close())
    const readBack = await step('verify', () => fs.readFile(temp))
    if (!sameBytes(readBack, data)) throw new DurableWriteError('verify', undefined, new Error('read-back mismatch'))

    const chain = [target, ...previous]
    await step('rotate', async () => {
      let end = 0
      while (end < chain.length - 1 && (await fs.exists(chain[end]))) end++
      // chain[end] is the first free place, or the oldest kept generation, which is replaced.
      for (let n = end; n > 0; n--) await renameWithRetry(fs, chain[n - 1], chain[n], retry)
    })
    await step('rename', () => renameWithRetry(fs, temp, target, retry))
    renamed = true
  } finally {
    if (handle) await handle.close().catch(() => undefined)
    if (!renamed) await fs.unlink(temp).catch(() => undefined)
  }

  let dir: DurableFileHandle | null = null
  try {
    dir = await fs.open(folder, 'r')
    await dir.sync()
  } catch (error) {
    const errno = errnoOf(error)
    if (!errno || !DIR_FSYNC_UNSUPPORTED.has(errno)) throw new DurableWriteError('dir-fsync', errno, error)
  } finally {
    await dir?.close().catch(() => undefined)
  }
}

export interface DurableWriter {
  write(target: string, data: Uint8Array, options?: DurableWriteOptions): Promise<void>
  /** Resolves when every write queued so far has finished (used to flush before quitting). */
  idle(): Promise<void>
}

export interface DurableWriterOptions {
  /** Retry renames that fail with EPERM/EACCES/EBUSY for about 3 s; on by default on Windows only. */
  retryTransientRenames?: boolean
}

export function createDurableWriter(fs: DurableFs = nodeDurableFs, options: DurableWriterOptions = {}): DurableWriter {
  const retry = options.retryTransientRenames ?? process.platform === 'win32'
  const queues = new Map<string, Promise<void>>()
  return {
    write(target, data, writeOptions = {}) {
      const before = queues.get(target) ?? Promise.resolve()
      const run = before.then(() => writeOnce(fs, target, data, writeOptions.previous ?? [], retry))
      const settled = run.catch(() => undefined)
      queues.set(target, settled)
      void settled.then(() => {
        if (queues.get(target) === settled) queues.delete(target)
      })
      return run
    },
    async idle() {
      while (queues.size > 0) await Promise.all(queues.values())
    },
  }
}
