// The save file: the scenario's identity, the seed and every turn's orders (a game is a pure function of
// these), plus a hash of the resulting state to check that loading reproduces it exactly.
import * as z from 'zod'
import type { MatchRecord } from '../engine/index.ts'
import { DIFFICULTIES } from '../engine/ai/policy.ts'

export const SAVE_FORMAT = 'red-lines-save'
/**
 * 2 added `game.decisions`; saves of format 1 are still read (and re-run from their orders). 3 added
 * `game.levels`; a save is written as format 3 only when its game has per-power levels, so that every other
 * save stays readable by apps of format 2.
 */
export const SAVE_FORMAT_VERSION = 3

/** The format a save of this game is written in: the oldest that holds all it records. */
export function saveFormatVersionOf(game: { levels?: Record<string, unknown> }): number {
  return game.levels && Object.keys(game.levels).length > 0 ? 3 : 2
}

/**
 * Top-level fields of the game state, by the app version that added them (oldest first; add a row when the
 * engine's GameState gains a field, never edit or remove one). A save records the hash of the state as the
 * app that wrote it knew that state. Loading replays the save on its own rules and compares hashes; for a
 * save from an app older than a field, the field is left out of the replayed state before hashing — the
 * rest, in its order, is exactly what that app hashed (JSON.stringify follows insertion order, and every
 * field below was inserted without reordering the others). A save from this version or one unknown is
 * compared on the whole state. Leaving out a field weakens nothing: the loaded game always uses the
 * replayed state, and a field the old app never had cannot be what it recorded.
 */
export const STATE_FIELDS_ADDED = [
  // 0.2.0: scenario format 2 (standing, pacts signed once, whole-game scores).
  { appVersion: '0.2.0', fields: ['standing', 'founded', 'turnScores', 'scoreTotals'] },
] as const satisfies readonly { appVersion: string; fields: readonly string[] }[]

/** [major, minor, patch] of a version such as "0.1.0" (a pre-release tail is ignored), or null. */
function versionParts(version: string): [number, number, number] | null {
  const match = /^(\d{1,6})\.(\d{1,6})\.(\d{1,6})(?:[-+].*)?$/.exec(version)
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null
}

/** Whether version `a` is older than `b`; false when either cannot be read. */
export function isOlderVersion(a: string, b: string): boolean {
  const pa = versionParts(a)
  const pb = versionParts(b)
  if (!pa || !pb) return false
  for (let k = 0; k < 3; k++) if (pa[k] !== pb[k]) return pa[k] < pb[k]
  return false
}

/** The state fields an app of `appVersion` did not have, so that its saves' state hashes leave them out. */
export function stateFieldsUnknownTo(appVersion: string): string[] {
  return STATE_FIELDS_ADDED.filter((row) => isOlderVersion(appVersion, row.appVersion)).flatMap((row) => [...row.fields])
}

const ChoiceData = z.strictObject({
  actor: z.string().max(16),
  action: z.string().max(64),
  targets: z.array(z.string().max(16)).max(12).optional(),
  partners: z.array(z.string().max(16)).max(12).optional(),
})

export const SavePayload = z.strictObject({
  name: z.string().max(100),
  savedAt: z.string().max(40),
  appVersion: z.string().max(40),
  scenario: z.strictObject({
    id: z.string().max(64),
    version: z.string().max(32),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    origin: z.enum(['shipped', 'user']),
    folder: z.string().max(64),
  }),
  game: z.strictObject({
    seed: z.number().int().min(0).max(0xffffffff),
    turnLimit: z.number().int().min(1).max(100),
    difficulty: z.enum(DIFFICULTIES),
    humans: z.array(z.string().max(16)).max(12),
    /** The computer's level for some powers, when not `difficulty` (format 3; absent before). */
    levels: z
      .record(z.string().max(16), z.enum(DIFFICULTIES))
      .refine((levels) => Object.keys(levels).length <= 12, 'at most 12 powers can have their own level')
      .optional(),
    /** The orders carried out in each resolved turn, in order. */
    orders: z.array(z.array(ChoiceData).max(200)).max(100),
    /**
     * What the human players decided in each turn: every choice they planned, in order (also those the
     * rules refused), and the joint actions they agreed to join (`partner|jointKey`). Re-running a game on
     * changed rules starts from these; absent in format 1.
     */
    decisions: z
      .array(
        z.strictObject({
          choices: z.array(ChoiceData).max(200),
          agreed: z.array(z.string().max(400)).max(200),
        }),
      )
      .max(100)
      .optional(),
  }),
  /**
   * SHA-256 of JSON.stringify of the state after the last resolved turn, as the app of `appVersion` had it
   * (see STATE_FIELDS_ADDED).
   */
  stateHash: z.string().regex(/^[0-9a-f]{64}$/),
})
export type SavePayload = z.infer<typeof SavePayload>

export const SaveFile = z.strictObject({
  format: z.literal(SAVE_FORMAT),
  formatVersion: z.number().int().min(1),
  /** SHA-256 of JSON.stringify(payload). */
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  payload: SavePayload,
})
export type SaveFile = z.infer<typeof SaveFile>

/** Fails to compile unless its condition is true: for checks that two types do not drift apart. */
export type CompileTimeCheck<Condition extends true> = Condition

// A save's game is the engine's match record (format 1 had no decisions): the two types must not drift.
type SavedGame = SavePayload['game']
export type RecordIsSavedGame = CompileTimeCheck<MatchRecord extends SavedGame ? true : false>
export type SavedGameIsRecord = CompileTimeCheck<Required<SavedGame> extends MatchRecord ? true : false>
