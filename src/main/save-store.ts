// Saves and settings on disk. The renderer names slots, never paths; every result is a HostResult.
// Reading returns every readable generation as it is (a leading byte-order mark dropped, the rule for every
// edition), newest first: the renderer checks format, checksum and version and picks the newest valid one,
// so a truncated or zeroed file is handed over, not judged here.
// Deleting moves a slot's files into saves/trash/, where they stay TRASH_MAX_AGE_DAYS within TRASH_MAX_BYTES
// (src/main/tidy.ts); at most MAX_SAVE_SLOTS slots besides the autosave (src/shared/host.ts, both editions).
import { randomBytes } from 'node:crypto'
import type { Dirent } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { HostResult, SaveGeneration, SlotId, SlotListing } from '../shared/host.ts'
import {
  AUTOSAVE_SLOT,
  MAX_SAVE_BYTES,
  SLOT_ID_PATTERN,
  TOO_MANY_SLOTS_MESSAGE,
  isOverSlotLimit,
  isSlotName,
  withoutByteOrderMark,
} from '../shared/host.ts'
import type { DurableWriter } from './durable-write.ts'
import { fail, fileFailure, ok } from './host-result.ts'
import type { UserDataLayout } from './paths.ts'
import { parseSaveFileName, settingsFiles, slotFiles } from './paths.ts'
import { pruneTrash } from './tidy.ts'

export interface SaveStore {
  listSaves(): Promise<HostResult<SlotListing[]>>
  writeSave(slot: SlotId, text: string): Promise<HostResult<null>>
  readSave(slot: SlotId): Promise<HostResult<SaveGeneration[]>>
  deleteSave(slot: SlotId): Promise<HostResult<null>>
  readSettings(): Promise<HostResult<string | null>>
  writeSettings(text: string): Promise<HostResult<null>>
}

export interface SaveStoreOptions {
  layout: UserDataLayout
  writer: DurableWriter
  now?: () => Date
}

export function isSlotId(value: unknown): value is SlotId {
  return typeof value === 'string' && SLOT_ID_PATTERN.test(value)
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    return false
  }
}

function checkText(text: unknown, what: string): HostResult<Uint8Array> {
  if (typeof text !== 'string') return fail('invalid-argument', `${what} must be text.`)
  const bytes = Buffer.from(text, 'utf8')
  if (bytes.length > MAX_SAVE_BYTES) return fail('too-large', `${what} is larger than ${MAX_SAVE_BYTES} bytes.`)
  return ok(bytes)
}

interface ReadGenerations {
  /** Generation number and text of each readable file, newest first. */
  readable: SaveGeneration[]
  /** How many generations exist in any form (readable or not). */
  present: number
}

async function readGenerations(paths: readonly string[]): Promise<ReadGenerations> {
  const readable: SaveGeneration[] = []
  let present = 0
  for (const [generation, path] of paths.entries()) {
    const info = await fsp.lstat(path).catch(() => null)
    if (!info) continue
    present++
    if (!info.isFile() || info.size > MAX_SAVE_BYTES) continue
    const bytes = await fsp.readFile(path).catch(() => null)
    if (!bytes || bytes.length > MAX_SAVE_BYTES) continue
    readable.push({ generation, text: withoutByteOrderMark(bytes.toString('utf8')) })
  }
  return { readable, present }
}

/** The slots with any generation in the saves folder (none when there is no folder yet). */
async function existingSlots(savesDir: string): Promise<Set<SlotId>> {
  const entries = await fsp.readdir(savesDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw error
  })
  const slots = new Set<SlotId>()
  for (const entry of entries) {
    const parsed = entry.isFile() ? parseSaveFileName(entry.name) : null
    if (parsed && isSlotId(parsed.slot)) slots.add(parsed.slot)
  }
  return slots
}

function trashStamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-')
}

export function createSaveStore({ layout, writer, now = () => new Date() }: SaveStoreOptions): SaveStore {
  let admission: Promise<unknown> = Promise.resolve()
  const admitInOrder = <T>(step: () => Promise<T>): Promise<T> => {
    const next = admission.then(step, step)
    admission = next.catch(() => undefined)
    return next
  }
  return {
    async listSaves() {
      let entries: Dirent[]
      try {
        entries = await fsp.readdir(layout.savesDir, { withFileTypes: true })
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok([])
        return fileFailure(error, 'read', 'the saves folder')
      }
      const newest = new Map<SlotId, { generation: number; name: string }>()
      for (const entry of entries) {
        if (!entry.isFile()) continue
        const parsed = parseSaveFileName(entry.name)
        if (!parsed || !isSlotId(parsed.slot)) continue
        const known = newest.get(parsed.slot)
        if (!known || parsed.generation < known.generation) newest.set(parsed.slot, { generation: parsed.generation, name: entry.name })
      }
      const listings: SlotListing[] = []
      for (const [slot, { name }] of newest) {
        const info = await fsp.lstat(join(layout.savesDir, name)).catch(() => null)
        if (!info?.isFile()) continue
        listings.push({ slot, modified: info.mtime.toISOString(), bytes: info.size })
      }
      listings.sort((a, b) => (a.modified !== b.modified ? (a.modified < b.modified ? 1 : -1) : a.slot < b.slot ? -1 : 1))
      return ok(listings)
    },

    async writeSave(slot, text) {
      // New saves only: an old one under a device name (written on Linux or macOS) can still be read and deleted.
      if (!isSlotName(slot))
        return fail('invalid-argument', 'That is not a valid save slot name (device names such as "con" are reserved).')
      const bytes = checkText(text, 'The save')
      if (!bytes.ok) return bytes
      const [target, ...previous] = slotFiles(layout, slot)
      try {
        // Checked and queued one save at a time, so that saves land in the order they were asked for.
        const written = await admitInOrder(async () => {
          if (slot !== AUTOSAVE_SLOT && isOverSlotLimit(slot, await existingSlots(layout.savesDir))) return null
          return { done: writer.write(target, bytes.value, { previous }) }
        })
        if (!written) return fail('too-large', TOO_MANY_SLOTS_MESSAGE)
        await written.done
        return ok(null)
      } catch (error) {
        return fileFailure(error, 'write', 'the save')
      }
    },

    async readSave(slot) {
      if (!isSlotId(slot)) return fail('invalid-argument', 'That is not a valid save slot name.')
      const { readable, present } = await readGenerations(slotFiles(layout, slot))
      if (readable.length > 0) return ok(readable)
      return present === 0 ? fail('not-found', 'There is no save in that slot.') : fail('io-error', 'Could not read the save.')
    },

    async deleteSave(slot) {
      if (!isSlotId(slot)) return fail('invalid-argument', 'That is not a valid save slot name.')
      const existing: string[] = []
      for (const path of slotFiles(layout, slot)) if (await fsp.lstat(path).catch(() => null)) existing.push(path)
      if (existing.length === 0) return fail('not-found', 'There is no save in that slot.')
      const bin = join(layout.trashDir, `${slot}-${trashStamp(now())}-${randomBytes(3).toString('hex')}`)
      try {
        await fsp.mkdir(bin, { recursive: true })
        for (const path of existing) await fsp.rename(path, join(bin, basename(path)))
      } catch (error) {
        return fileFailure(error, 'move', 'the save')
      }
      // The trash keeps deleted saves for a while, within its limits (src/main/tidy.ts).
      await pruneTrash(layout.trashDir, now()).catch(() => undefined)
      return ok(null)
    },

    async readSettings() {
      const { readable, present } = await readGenerations(settingsFiles(layout))
      // A newest file cut short or damaged is passed over for the previous one, as saves are.
      const sound = readable.find((generation) => isJsonObject(generation.text))
      if (sound) return ok(sound.text)
      if (readable.length > 0) return ok(readable[0].text)
      return present === 0 ? ok(null) : fail('io-error', 'Could not read the settings.')
    },

    async writeSettings(text) {
      const bytes = checkText(text, 'The settings')
      if (!bytes.ok) return bytes
      const [target, ...previous] = settingsFiles(layout)
      try {
        await writer.write(target, bytes.value, { previous })
        return ok(null)
      } catch (error) {
        return fileFailure(error, 'write', 'the settings')
      }
    },
  }
}
