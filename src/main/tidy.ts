// Keeps the user's data folder from growing without bound: temporary files that a crash left during a durable
// write are removed when the app starts, and saves/trash keeps deleted saves for TRASH_MAX_AGE_DAYS and at
// most TRASH_MAX_BYTES (the oldest go first). Only our own names are touched, never through a link.
import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import { isTempFileName } from './durable-write.ts'
import type { UserDataLayout } from './paths.ts'

/** How long a deleted save stays in saves/trash. */
export const TRASH_MAX_AGE_DAYS = 30
/** The most saves/trash holds; a deleted slot is at most (1 + KEPT_SAVE_GENERATIONS) × 2 MB, so dozens fit. */
export const TRASH_MAX_BYTES = 50 * 1024 * 1024

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Removes the durable writer's temporary files (".<name>.<12 hex>.tmp", regular files only) last changed before
 * `startedAt` from each folder: a write in progress now is younger. Returns how many were removed.
 */
export async function removeStaleTempFiles(folders: readonly string[], startedAt: Date): Promise<number> {
  let removed = 0
  for (const folder of folders) {
    const entries = await fsp.readdir(folder, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      if (!entry.isFile() || !isTempFileName(entry.name)) continue
      const path = join(folder, entry.name)
      const info = await fsp.lstat(path).catch(() => null)
      if (!info?.isFile() || info.mtimeMs >= startedAt.getTime()) continue
      const gone = await fsp.unlink(path).then(
        () => true,
        () => false,
      )
      if (gone) removed++
    }
  }
  return removed
}

export interface TrashLimits {
  maxAgeMs: number
  maxBytes: number
}

const DEFAULT_TRASH_LIMITS: TrashLimits = { maxAgeMs: TRASH_MAX_AGE_DAYS * DAY_MS, maxBytes: TRASH_MAX_BYTES }

/** The total size of the regular files directly in a bin (a bin holds a slot's generation files only). */
async function binBytes(bin: string): Promise<number> {
  const entries = await fsp.readdir(bin, { withFileTypes: true }).catch(() => [])
  let bytes = 0
  for (const entry of entries) {
    const info = await fsp.lstat(join(bin, entry.name)).catch(() => null)
    if (info) bytes += info.size
  }
  return bytes
}

/**
 * Keeps the newest bins of deleted saves that are within the age limit and fit together in the size limit, and
 * removes every older one. A bin is a folder that deleteSave made (its time is when the save was deleted).
 * Returns how many bins were removed.
 */
export async function pruneTrash(trashDir: string, now: Date, limits: Partial<TrashLimits> = {}): Promise<number> {
  const { maxAgeMs, maxBytes } = { ...DEFAULT_TRASH_LIMITS, ...limits }
  const entries = await fsp.readdir(trashDir, { withFileTypes: true }).catch(() => [])
  const bins: { path: string; time: number; bytes: number }[] = []
  for (const entry of entries) {
    const path = join(trashDir, entry.name)
    const info = await fsp.lstat(path).catch(() => null)
    // Only folders are bins (deleteSave makes nothing else); a link or a stray file is left alone.
    if (info?.isDirectory()) bins.push({ path, time: info.mtimeMs, bytes: await binBytes(path) })
  }
  bins.sort((a, b) => b.time - a.time)
  let kept = 0
  let full = false
  let removed = 0
  for (const bin of bins) {
    full ||= now.getTime() - bin.time > maxAgeMs || kept + bin.bytes > maxBytes
    if (!full) {
      kept += bin.bytes
      continue
    }
    // Everything from here on is older: it goes. rm never follows links inside the folder it removes.
    const gone = await fsp.rm(bin.path, { recursive: true, force: true }).then(
      () => true,
      () => false,
    )
    if (gone) removed++
  }
  return removed
}

/** What tidying found to remove. */
export interface TidyReport {
  tempFiles: number
  trashBins: number
}

// A temporary file must be this much older than the start to be removed: a file system that keeps times in
// whole seconds (or two, as FAT does) could date a write begun just after the start before it.
const TEMP_FILE_MARGIN_MS = 60_000

/** Run when the app starts: every folder the durable writer writes into, and the trash. */
export async function tidyUserData(layout: UserDataLayout, startedAt: Date = new Date()): Promise<TidyReport> {
  const staleBefore = new Date(startedAt.getTime() - TEMP_FILE_MARGIN_MS)
  const tempFiles = await removeStaleTempFiles([layout.savesDir, layout.root, layout.rulesDir, layout.exportsDir], staleBefore)
  const trashBins = await pruneTrash(layout.trashDir, startedAt)
  return { tempFiles, trashBins }
}
