// Watches the user's scenario folder and reports which scenario folders changed (added, edited or removed),
// once, a moment after the last change. Only the first path segment of a change matters: a change anywhere in
// <dir>/<folder>/ reports <folder>; dot names and anything that is not a scenario folder at the top are
// ignored. An event without a file name, or the watched folder itself vanishing or being replaced, reports
// every folder there was or is.
//
// Robustness: the folder is created when missing (as the store does). If the watcher fails (fs.watch throws or
// emits 'error', e.g. ENOSPC when inotify runs out of watches) it is closed and retried after a delay, and after
// a few failures in a row the folder is polled with cheap fingerprints instead. If the folder is deleted or
// replaced, a fresh one is made and watched after the retry delay. close() stops every watcher and timer.
//
// Hazard: on Linux, Node's recursive fs.watch is emulated with one inotify watch per file and folder, and a
// failure while it sets up the initial tree (ENOSPC) is swallowed by Node rather than thrown, leaving a
// watcher blind to the files it did not reach. Only failures after set-up reach the 'error' handler here.
import * as fs from 'node:fs'
import * as fsp from 'node:fs/promises'
import { changedFolders, fingerprintScenarioFolders, listScenarioFolders } from './scenario-fingerprint.ts'
import { isScenarioFolderName } from './scenario-store.ts'

/** The parts of what `fs.watch` returns that are used here. */
export interface WatchHandle {
  on(event: 'error', listener: (error: Error) => void): unknown
  close(): void
}

export type WatchFunction = (dir: string, listener: (eventType: string, filename: string | null) => void) => WatchHandle

export const watchRecursively: WatchFunction = (dir, listener) => fs.watch(dir, { recursive: true, encoding: 'utf8' }, listener)

export type ScenarioWatcherMode = 'watching' | 'polling' | 'closed'

export interface ScenarioWatcherOptions {
  /** Quiet time after the last change before reporting. */
  debounceMs?: number
  /** The longest a steady stream of changes can hold a report back. */
  maxDelayMs?: number
  /** Wait before watching again after a failure (multiplied by the failures in a row) or a vanished folder. */
  retryMs?: number
  /** Watcher failures in a row, with no change seen in between, before polling instead. */
  maxWatchFailures?: number
  pollMs?: number
  /** Replaces fs.watch (tests inject failing ones). */
  watch?: WatchFunction
  /** Replaces fingerprintScenarioFolders, what polling compares (tests hold polls back while they change files). */
  fingerprints?: (dir: string) => Promise<Map<string, string>>
  /**
   * For the log: each watcher failure and what happens next ('retrying' or 'polling'), and anything thrown by
   * onChange ('continuing': the watcher carries on).
   */
  onError?: (error: unknown, next: 'retrying' | 'polling' | 'continuing') => void
}

export interface ScenarioWatcher {
  /** Resolves once the folder is watched (or polled) and later changes will be reported, or on close. */
  readonly ready: Promise<void>
  mode(): ScenarioWatcherMode
  close(): void
}

const DEFAULTS = { debounceMs: 250, retryMs: 1000, maxWatchFailures: 3, pollMs: 2000 }

type EventSubject = { folder: string } | 'every-folder' | 'ignored'

/** The scenario folder a watch event is about: the first segment of its file name. */
export function eventSubject(filename: string | null): EventSubject {
  if (!filename) return 'every-folder'
  const first = filename.split(/[\\/]/)[0]
  if (first === '') return 'every-folder'
  return isScenarioFolderName(first) ? { folder: first } : 'ignored'
}

/** Tells the watched folder from one put in its place (dev and inode), or null when there is none. */
async function identityOf(dir: string): Promise<string | null> {
  const info = await fsp.stat(dir, { bigint: true }).catch(() => null)
  return info?.isDirectory() ? `${info.dev}:${info.ino}` : null
}

export function watchScenarioFolder(
  dir: string,
  onChange: (folders: string[]) => void,
  options: ScenarioWatcherOptions = {},
): ScenarioWatcher {
  const debounceMs = options.debounceMs ?? DEFAULTS.debounceMs
  const maxDelayMs = Math.max(debounceMs, options.maxDelayMs ?? 8 * debounceMs)
  const retryMs = options.retryMs ?? DEFAULTS.retryMs
  const maxWatchFailures = options.maxWatchFailures ?? DEFAULTS.maxWatchFailures
  const pollMs = options.pollMs ?? DEFAULTS.pollMs
  const watch = options.watch ?? watchRecursively
  const fingerprints = options.fingerprints ?? fingerprintScenarioFolders

  let closed = false
  let mode: ScenarioWatcherMode = 'watching'
  let watcher: WatchHandle | null = null
  let watchedIdentity: string | null = null
  let watchedOnce = false
  let failures = 0
  /** The scenario folders at the last look, to report removals and to drop changes to plain files. */
  let known = new Set<string>()
  let pending = new Set<string>()
  let everyFolderChanged = false
  let firstPendingAt: number | null = null
  let debounceTimer: NodeJS.Timeout | null = null
  let retryTimer: NodeJS.Timeout | null = null
  let pollTimer: NodeJS.Timeout | null = null
  let prints = new Map<string, string>()
  // Starting, flushing and polling run one at a time, so `known` and the watcher are never updated concurrently.
  let queue: Promise<void> = Promise.resolve()
  let markReady!: () => void
  const ready = new Promise<void>((resolve) => (markReady = resolve))

  function serially(task: () => Promise<void>): void {
    queue = queue
      .then(() => (closed ? undefined : task()))
      .catch((error: unknown) => {
        try {
          options.onError?.(error, 'continuing')
        } catch {
          // A failing log must not stall the queue.
        }
      })
  }

  function report(folders: Iterable<string>): void {
    const sorted = [...folders].sort()
    if (!closed && sorted.length > 0) onChange(sorted)
  }

  function stopWatcher(): void {
    const current = watcher
    watcher = null
    watchedIdentity = null
    try {
      current?.close()
    } catch {
      // Already closed or broken: nothing more to release.
    }
  }

  function clearTimers(): void {
    for (const timer of [debounceTimer, retryTimer, pollTimer]) if (timer) clearTimeout(timer)
    debounceTimer = retryTimer = pollTimer = null
  }

  function noteChange(subject: EventSubject): void {
    if (subject === 'ignored') return
    if (subject === 'every-folder') everyFolderChanged = true
    else pending.add(subject.folder)
    const now = Date.now()
    firstPendingAt ??= now
    if (debounceTimer) clearTimeout(debounceTimer)
    const wait = Math.max(0, Math.min(debounceMs, firstPendingAt + maxDelayMs - now))
    debounceTimer = setTimeout(() => {
      debounceTimer = null
      firstPendingAt = null
      serially(flush)
    }, wait)
  }

  async function flush(): Promise<void> {
    const named = pending
    const everyFolder = everyFolderChanged
    pending = new Set()
    everyFolderChanged = false
    if (mode !== 'watching') return
    const identity = await identityOf(dir)
    if (closed) return
    const lost = watcher !== null && identity !== watchedIdentity
    if (lost) scheduleWatch(retryMs)
    const previous = known
    known = new Set(await listScenarioFolders(dir))
    if (closed) return
    const candidates = everyFolder || lost ? [...previous, ...known] : named
    report(new Set([...candidates].filter((folder) => previous.has(folder) || known.has(folder))))
  }

  function scheduleWatch(delayMs: number): void {
    stopWatcher()
    if (closed || retryTimer) return
    retryTimer = setTimeout(() => {
      retryTimer = null
      serially(startWatching)
    }, delayMs)
  }

  function watchFailed(error: unknown, folderGone: boolean): void {
    stopWatcher()
    if (closed || mode !== 'watching') return
    // A deleted or replaced folder is not the watcher's fault: make and watch a new one, without counting it.
    if (folderGone) return scheduleWatch(retryMs)
    failures++
    const next = failures >= maxWatchFailures ? 'polling' : 'retrying'
    options.onError?.(error, next)
    if (next === 'polling') serially(startPolling)
    else scheduleWatch(retryMs * failures)
  }

  async function startWatching(): Promise<void> {
    if (mode !== 'watching') return
    try {
      await fsp.mkdir(dir, { recursive: true })
    } catch (error) {
      return watchFailed(error, false)
    }
    const identity = await identityOf(dir)
    if (!watchedOnce) known = new Set(await listScenarioFolders(dir))
    if (closed) return
    let handle: WatchHandle | null = null
    try {
      handle = watch(dir, (_eventType, filename) => {
        // Events raised while watch() itself runs (handle still null) describe what was already there.
        if (closed || handle === null || handle !== watcher) return
        failures = 0
        noteChange(eventSubject(filename))
      })
      handle.on('error', (error) => {
        if (handle !== watcher) return
        stopWatcher()
        serially(async () => watchFailed(error, (await identityOf(dir)) !== identity))
      })
    } catch (error) {
      try {
        handle?.close()
      } catch {
        // The failed watcher may not close either; it holds nothing more.
      }
      return watchFailed(error, false)
    }
    watcher = handle
    watchedIdentity = identity
    // Changes made while nothing was watching are unknown: every folder there was or is counts as changed.
    if (watchedOnce) noteChange('every-folder')
    watchedOnce = true
    markReady()
  }

  async function startPolling(): Promise<void> {
    mode = 'polling'
    stopWatcher()
    clearTimers()
    pending = new Set()
    prints = await fingerprints(dir)
    if (closed) return
    if (watchedOnce) report(new Set([...known, ...prints.keys()]))
    markReady()
    schedulePoll()
  }

  function schedulePoll(): void {
    if (closed) return
    pollTimer = setTimeout(() => {
      pollTimer = null
      serially(pollOnce)
    }, pollMs)
  }

  async function pollOnce(): Promise<void> {
    const next = await fingerprints(dir)
    if (closed) return
    const changed = changedFolders(prints, next)
    prints = next
    schedulePoll()
    report(changed)
  }

  serially(startWatching)

  return {
    ready,
    mode: () => mode,
    close() {
      if (closed) return
      closed = true
      mode = 'closed'
      stopWatcher()
      clearTimers()
      pending = new Set()
      markReady()
    },
  }
}
