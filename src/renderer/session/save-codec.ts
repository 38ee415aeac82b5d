// Encoding and checking saves. A save is trusted only when its checksum matches and replaying its
// orders reproduces the recorded state hash; a damaged generation is reported, never silently used.
import { sha256Hex } from '../../engine/hash.ts'
import { parseJson } from '../../engine/ingest/json.ts'
import type { GameState } from '../../engine/index.ts'
import { stateHash } from '../../engine/index.ts'
import {
  SAVE_FORMAT,
  SAVE_FORMAT_VERSION,
  STATE_FIELDS_ADDED,
  SaveFile,
  saveFormatVersionOf,
  stateFieldsUnknownTo,
} from '../../shared/save-format.ts'
import type { CompileTimeCheck, SavePayload } from '../../shared/save-format.ts'
import type { SaveGeneration } from '../../shared/host.ts'

// Every field the table names must be a field of the state (a misspelt one would silently change nothing).
type AddedStateField = (typeof STATE_FIELDS_ADDED)[number]['fields'][number]
export type AddedFieldsAreStateFields = CompileTimeCheck<AddedStateField extends keyof GameState ? true : false>

/**
 * The hash a save written by an app of `appVersion` records for this state: the whole state's for a save
 * of this version, the state without the fields that app did not have for an older one.
 */
export function stateHashAsSavedBy(state: GameState, appVersion: string): string {
  return stateHash(state, stateFieldsUnknownTo(appVersion))
}

export { stateHash }

export function encodeSave(payload: SavePayload): string {
  const file: SaveFile = {
    format: SAVE_FORMAT,
    formatVersion: saveFormatVersionOf(payload.game),
    checksum: sha256Hex(JSON.stringify(payload)),
    payload,
  }
  return `${JSON.stringify(file, null, 1)}\n`
}

export type DecodedSave = { ok: true; payload: SavePayload } | { ok: false; reason: string }

export function decodeSave(text: string): DecodedSave {
  const parsed = parseJson(text, { maxDepth: 16 })
  if (!parsed.ok) {
    const first = parsed.errors[0]
    return { ok: false, reason: `not valid JSON (line ${first.position.line}, column ${first.position.column}: ${first.message})` }
  }
  const raw = parsed.value as { format?: unknown; formatVersion?: unknown }
  if (
    raw &&
    typeof raw === 'object' &&
    raw.format === SAVE_FORMAT &&
    typeof raw.formatVersion === 'number' &&
    raw.formatVersion > SAVE_FORMAT_VERSION
  ) {
    return {
      ok: false,
      reason: `it was written by a newer version of Red Lines (save format ${raw.formatVersion}); update the game to open it`,
    }
  }
  const file = SaveFile.safeParse(parsed.value)
  if (!file.success) return { ok: false, reason: `not a Red Lines save (${file.error.issues[0]?.message ?? 'wrong shape'})` }
  // The checksum is of the payload as written (the parsed copy would have the schema's key order).
  const written = (parsed.value as { payload: unknown }).payload
  if (sha256Hex(JSON.stringify(written)) !== file.data.checksum)
    return { ok: false, reason: 'its checksum does not match: the file is damaged' }
  return { ok: true, payload: file.data.payload }
}

export interface SlotReading {
  /** The newest generation that decodes, if any. */
  chosen: { generation: number; payload: SavePayload } | null
  /** Generations that were skipped, newest first, with why. */
  damaged: { generation: number; reason: string }[]
}

/** Picks the newest valid generation of a slot and lists the damaged ones before it. */
export function readSlot(generations: readonly SaveGeneration[]): SlotReading {
  const damaged: SlotReading['damaged'] = []
  for (const generation of [...generations].sort((a, b) => a.generation - b.generation)) {
    const decoded = decodeSave(generation.text)
    if (decoded.ok) return { chosen: { generation: generation.generation, payload: decoded.payload }, damaged }
    damaged.push({ generation: generation.generation, reason: decoded.reason })
  }
  return { chosen: null, damaged }
}
