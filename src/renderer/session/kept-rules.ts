// The exact rules a game was played with, kept under their hash so that a save can be opened on them
// after its scenario has changed: the scenario's files and those of every base it extends. Reading them
// back loads them like any scenario and checks that they still hash to the key they were kept under.
import * as z from 'zod'
import type { CompiledScenario } from '../../engine/index.ts'
import { compileScenario } from '../../engine/index.ts'
import { loadScenario } from '../../engine/scenario/index.ts'
import type { ScenarioFilesText } from '../../shared/host.ts'
import { RULES_HASH_PATTERN } from '../../shared/host.ts'

const RULES_FORMAT = 'red-lines-rules'
const RULES_FORMAT_VERSION = 1

const FilesText = z.record(z.string().max(1024), z.string())

const RulesBundle = z.strictObject({
  format: z.literal(RULES_FORMAT),
  formatVersion: z.literal(RULES_FORMAT_VERSION),
  hash: z.string().regex(RULES_HASH_PATTERN),
  files: FilesText,
  /** The bases the scenario extends, by id. */
  bases: z.array(z.strictObject({ id: z.string().max(64), location: z.string().max(200), files: FilesText })).max(16),
})
export type RulesBundle = z.infer<typeof RulesBundle>

/** A base as the catalogue read it: its files as text, and where it is relative to the extension. */
export interface TextBase {
  files: ScenarioFilesText
  location: string
}

export function rulesBundle(hash: string, files: ScenarioFilesText, bases: ReadonlyMap<string, TextBase>): RulesBundle {
  return {
    format: RULES_FORMAT,
    formatVersion: RULES_FORMAT_VERSION,
    hash,
    files: { ...files },
    bases: [...bases].map(([id, base]) => ({ id, location: base.location, files: { ...base.files } })),
  }
}

export const encodeRules = (bundle: RulesBundle): string => JSON.stringify(bundle)

/** The scenario kept under `hash`, or why it cannot be used. */
export function decodeRules(text: string, hash: string): CompiledScenario | string {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return 'the kept rules are damaged'
  }
  const parsed = RulesBundle.safeParse(raw)
  if (!parsed.success || parsed.data.hash !== hash) return 'the kept rules are damaged'
  const bases = new Map(parsed.data.bases.map((base) => [base.id, { files: base.files, location: base.location }]))
  const loaded = loadScenario(parsed.data.files, { resolveBase: (id) => bases.get(id) })
  if (!loaded.ok) return 'the kept rules no longer load in this version of Red Lines'
  if (loaded.hash !== hash) return 'the kept rules do not match the save'
  return compileScenario(loaded.scenario, loaded.sources, loaded.hash)
}
