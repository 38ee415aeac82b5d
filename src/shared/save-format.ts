// The save file: the scenario's identity, the seed and every turn's orders (a game is a pure function of
// these), plus a hash of the resulting state to check that loading reproduces it exactly.
import * as z from 'zod'

export const SAVE_FORMAT = 'red-lines-save'
/** 2 added `game.decisions`; saves of format 1 are still read (and re-run from their orders). */
export const SAVE_FORMAT_VERSION = 2

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
    difficulty: z.enum(['easy', 'normal', 'hard']),
    humans: z.array(z.string().max(16)).max(12),
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
  /** SHA-256 of the canonical JSON of the state after the last resolved turn. */
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
