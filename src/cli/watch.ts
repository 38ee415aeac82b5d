// `redlines validate --watch <folder>`: validates, then again on every save of the scenario file, its
// sources or its bases, until Ctrl+C. Folders are watched rather than files, so editors that save by
// writing a new file and renaming it over the old one are seen too.
import { existsSync, watch } from 'node:fs'
import type { FSWatcher } from 'node:fs'
import { resolve } from 'node:path'
import type { Output } from './output.ts'
import type { ValidateFlags } from './validate.ts'
import { validateTarget } from './validate.ts'

/** Quiet time after the last change before validating: an editor's save is often several events. */
export const DEBOUNCE_MS = 150
/** How often folders that could not be watched (deleted, not yet created) are tried again. */
const RETRY_MS = 1000

/** Files whose change can change the verdict: not editors' swap and backup files. */
export function isRelevantChange(name: string | null): boolean {
  if (name === null) return true
  const base = name.split(/[\\/]/).pop() ?? name
  if (base.startsWith('.') || base.endsWith('~') || /^\d+$/.test(base)) return false
  return /\.(json|txt)$/i.test(base)
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8)
}

export interface WatchSession {
  /** Resolves with the exit code once the session is stopped. */
  done: Promise<number>
  stop(): void
}

/** Starts watching; `stop` (or SIGINT when `handleSignals`) ends it. */
export function startWatch(target: string, flags: ValidateFlags, out: Output, handleSignals = true): WatchSession {
  const watchers = new Map<string, FSWatcher>()
  let wanted: string[] = [resolve(target)]
  let timer: ReturnType<typeof setTimeout> | undefined
  let running = false
  let again = false
  let stopped = false
  let finish: (code: number) => void = () => {}
  const done = new Promise<number>((resolve) => (finish = resolve))

  const schedule = () => {
    if (stopped) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void run(), DEBOUNCE_MS)
  }

  const sync = () => {
    for (const [folder, watcher] of watchers) {
      if (!wanted.includes(folder) || !existsSync(folder)) {
        watcher.close()
        watchers.delete(folder)
      }
    }
    for (const folder of wanted) {
      if (watchers.has(folder) || !existsSync(folder)) continue
      try {
        const watcher = watch(folder, { persistent: true }, (_event, name) => {
          if (isRelevantChange(name)) schedule()
        })
        watcher.on('error', () => {
          watcher.close()
          watchers.delete(folder)
        })
        watchers.set(folder, watcher)
      } catch {
        // Gone between the check and the watch: the retry timer picks it up.
      }
    }
  }

  const run = async () => {
    if (running) {
      again = true
      return
    }
    running = true
    out.line(`[${clock()}] ${target}: checking`)
    try {
      const outcome = await validateTarget(target, flags, out, (text) => out.line(text))
      if (outcome.folders.length > 0) wanted = outcome.folders
    } catch (error) {
      out.line(`redlines: internal error: ${(error as Error)?.message ?? String(error)}`)
    }
    sync()
    out.line(`[${clock()}] watching for changes (Ctrl+C to stop)`)
    running = false
    if (again) {
      again = false
      schedule()
    }
  }

  // Folders that vanish (a folder renamed away and back) are watched again when they return.
  const retry = setInterval(() => {
    const missing = wanted.some((folder) => !watchers.has(folder) && existsSync(folder))
    if (missing) {
      sync()
      schedule()
    }
  }, RETRY_MS)

  const stop = () => {
    if (stopped) return
    stopped = true
    if (timer) clearTimeout(timer)
    clearInterval(retry)
    for (const watcher of watchers.values()) watcher.close()
    watchers.clear()
    if (handleSignals) process.off('SIGINT', stop)
    out.line('stopped watching')
    finish(0)
  }
  if (handleSignals) process.on('SIGINT', stop)
  void run()
  return { done, stop }
}

export async function watchValidate(targets: string[], flags: ValidateFlags, out: Output): Promise<number> {
  return startWatch(targets[0], flags, out).done
}
