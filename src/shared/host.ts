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
}

/** A scenario's files as text, keyed by path relative to its folder ("scenario.json", "sources/a.txt"). */
export type ScenarioFilesText = Record<string, string>

/** A save slot id: lower-case letters, digits and hyphens; "autosave" is the automatic one. */
export type SlotId = string
export const SLOT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/
export const AUTOSAVE_SLOT: SlotId = 'autosave'
/** The largest save or settings text either host accepts. */
export const MAX_SAVE_BYTES = 2 * 1024 * 1024

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

export interface Host {
  readonly edition: 'desktop' | 'browser'
  listScenarios(): Promise<HostResult<ScenarioListing[]>>
  readScenario(origin: ScenarioOrigin, folder: string): Promise<HostResult<ScenarioFilesText>>
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
}
