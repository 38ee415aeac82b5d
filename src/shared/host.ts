// The services the renderer needs from its edition. Two implementations: the desktop preload
// (Electron IPC to main) and the browser host (bundled scenarios, browser storage, downloads).
// Everything crossing this boundary is plain JSON-serialisable data; failures are values, never throws.

export type HostResult<T> = { ok: true; value: T } | { ok: false; code: HostErrorCode; message: string }

export type HostErrorCode = 'not-found' | 'invalid-argument' | 'too-large' | 'io-error' | 'cancelled' | 'forbidden' | 'unavailable'

export type ScenarioOrigin = 'shipped' | 'user'

export interface ScenarioListing {
  /** The folder name, unique within its origin. */
  folder: string
  origin: ScenarioOrigin
  /** Where the user can find it (a path on the desktop, a label in the browser). */
  location: string
  /**
   * Why a folder in the scenarios folder cannot be read as a scenario at all (a link, no scenario.json at
   * its top, a name that cannot be used…), in words the user can act on. Such a listing is shown as broken
   * and never read; `folder` is then only a label.
   */
  problem?: string
}

/** A scenario's files as text, keyed by path relative to its folder ("scenario.json", "sources/a.txt"). */
export type ScenarioFilesText = Record<string, string>

/** Why a file of a scenario folder (or of an import) was not read. */
export type SkipReason =
  | 'symlink'
  | 'not-a-regular-file'
  | 'outside-folder'
  | 'changed-while-reading'
  | 'too-large'
  | 'too-many-files'
  | 'too-deep'
  | 'not-utf8'
  | 'unreadable'
  | 'not-a-scenario-file'
  | 'duplicate'

export interface SkippedFile {
  /** Relative to the scenario folder, with forward slashes (or the picked file's name). */
  file: string
  reason: SkipReason
}

/** The files of a scenario that could be read, and every file left out with why. */
export interface ScenarioRead {
  files: ScenarioFilesText
  skipped: SkippedFile[]
}

/** Where the user's own scenarios are kept, for the player to see (and, on the desktop, to open). */
export interface UserScenarioFolder {
  /** A folder path on the desktop; a description in the browser, whose scenarios live in its storage. */
  location: string
  /** True when `openUserScenarioFolder` can show it in the system's file manager. */
  canOpen: boolean
}

/** The SHA-256 hash of a scenario's files (`CompiledScenario.hash`): the key of the rules kept for saves. */
export const RULES_HASH_PATTERN = /^[0-9a-f]{64}$/
/** The largest bundle of rules (a scenario's files and its bases') kept for saves. */
export const MAX_KEPT_RULES_CHARS = 16 * 1024 * 1024

/** A save slot id: lower-case letters, digits and hyphens; "autosave" is the automatic one. */
export type SlotId = string
export const SLOT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/
/** Names Windows reserves for devices: a file "con.json" cannot be created there, whatever follows the dot. */
const RESERVED_DEVICE_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/

/** Whether a slot id is well formed and usable as a file name on every desktop system. */
export function isSlotName(value: unknown): boolean {
  return typeof value === 'string' && SLOT_ID_PATTERN.test(value) && !RESERVED_DEVICE_NAMES.test(value)
}
export const AUTOSAVE_SLOT: SlotId = 'autosave'
/**
 * The most save slots either edition keeps besides the autosave, so that a page gone wrong cannot fill the disk
 * or the browser's storage: a new slot beyond it is refused with TOO_MANY_SLOTS_MESSAGE ('too-large'); saving
 * over an existing slot, and the autosave, always work.
 */
export const MAX_SAVE_SLOTS = 500
export const TOO_MANY_SLOTS_MESSAGE = `There are already ${MAX_SAVE_SLOTS} saved games: delete some to save a new one (saving over an existing one still works).`

/** Whether writing `slot` would add one slot too many, given the slots that exist (the rule of both editions). */
export function isOverSlotLimit(slot: SlotId, existing: Iterable<SlotId>): boolean {
  if (slot === AUTOSAVE_SLOT) return false
  let others = 0
  for (const id of existing) {
    if (id === slot) return false
    if (id !== AUTOSAVE_SLOT) others++
  }
  return others >= MAX_SAVE_SLOTS
}
/** The largest save or settings text either host accepts. */
export const MAX_SAVE_BYTES = 2 * 1024 * 1024

/**
 * The one rule for the text of a save or of the settings, wherever it is read (the saves folder, the browser's
 * storage, an imported file): a leading UTF-8 byte-order mark, which some editors add, is dropped. The game
 * writes none. An imported file gets the same through File.text(), which drops it while decoding.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

export interface SaveGeneration {
  /** 0 is the newest; 1, 2, … the previous ones kept. */
  generation: number
  text: string
}

export interface SlotListing {
  slot: SlotId
  /** Modification time of the newest generation, ISO 8601. */
  modified: string
  bytes: number
}

/** A class server this computer hosts (desktop only): where the teacher and the students' devices go. */
export interface ClassHosting {
  /** The teacher's console, opened in the system's browser. */
  teacherUrl: string
  /** Where the students' devices join (their browser edition; the console shows the class's own address). */
  joinBase: string
  network: 'loopback' | 'lan'
  /** This computer's addresses on the local network (with 'lan'). */
  lanAddresses: string[]
}

export interface Host {
  readonly edition: 'desktop' | 'browser'
  listScenarios(): Promise<HostResult<ScenarioListing[]>>
  readScenario(origin: ScenarioOrigin, folder: string): Promise<HostResult<ScenarioRead>>
  userScenarioFolder(): Promise<HostResult<UserScenarioFolder>>
  /** Shows the user's scenario folder in the system's file manager (desktop only; 'unavailable' elsewhere). */
  openUserScenarioFolder(): Promise<HostResult<null>>
  /**
   * Calls `listener` with the folders of the user's scenarios that changed (added, edited or removed), a
   * moment after the last change. Returns the function that stops listening.
   */
  onScenariosChanged(listener: (folders: string[]) => void): () => void
  /**
   * Keeps a copy of the exact rules a game was played with, under their hash, so that a save can still be
   * opened on them after the scenario changes. Keeping the same hash twice is harmless.
   */
  keepRules(hash: string, text: string): Promise<HostResult<null>>
  /** The rules kept under a hash ('not-found' when none were kept). */
  readRules(hash: string): Promise<HostResult<string>>
  listSaves(): Promise<HostResult<SlotListing[]>>
  /** Writes durably, keeping the previous generations. */
  writeSave(slot: SlotId, text: string): Promise<HostResult<null>>
  /** Every readable generation of a slot, newest first; the renderer picks the newest valid one. */
  readSave(slot: SlotId): Promise<HostResult<SaveGeneration[]>>
  deleteSave(slot: SlotId): Promise<HostResult<null>>
  /** Offers a file to the user (a save dialog on the desktop, a download in the browser). */
  exportFile(suggestedName: string, text: string): Promise<HostResult<null>>
  readSettings(): Promise<HostResult<string | null>>
  writeSettings(text: string): Promise<HostResult<null>>
  /**
   * Starts the class server on this computer ('loopback': this computer only; 'lan': also the students'
   * devices on the local network) and opens the teacher's console (desktop only; 'unavailable' elsewhere).
   */
  hostClass(network: 'loopback' | 'lan'): Promise<HostResult<ClassHosting>>
  /** Stops hosting; the classes' logs stay, and a class goes on when it is hosted again. */
  stopHostingClass(): Promise<HostResult<null>>
}
