// Forward migrations of the file format: a file written for format N is brought to N + 1, N + 2 … in
// memory on load, each change reported as a warning at the place it concerns; the file on disk is never
// rewritten. A file for a newer format than this engine knows is refused, untouched.
import type { JsonObject, JsonValue } from '../ingest/json.ts'
import type { DiagnosticSink } from './diagnostics.ts'
import { FORMAT_VERSION } from './schema.ts'

export interface FormatChange {
  /** Where the change applies, as a pointer into the file as written. */
  pointer: string
  message: string
}

export interface FormatMigration {
  /** Migrates a scenario file of format `from` to format `from + 1` (and sets `formatVersion` itself). */
  from: number
  /** One line on what this step changes, for the documentation. */
  summary: string
  /** Pure: receives its own copy of the parsed file and returns the migrated one with what it changed. */
  migrate(json: JsonObject): { json: JsonObject; changes: FormatChange[] }
}

/** Every migration the engine ships. Format 1 is the first published format, so there are none yet. */
export const FORMAT_MIGRATIONS: readonly FormatMigration[] = []

function isObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A deep copy (the parser bounds the depth, so recursion is safe). */
export function cloneJson<Value extends JsonValue>(value: Value): Value {
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as Value
  if (!isObject(value)) return value
  const copy: JsonObject = {}
  for (const key of Object.keys(value)) copy[key] = cloneJson(value[key])
  return copy as Value
}

/**
 * Brings a parsed scenario file to the current format. Returns the value to check (the same one when it is
 * already current or its `formatVersion` is not a whole number, which the schema then reports), or
 * undefined when the format is refused.
 */
export function migrateFormat(
  value: JsonValue,
  sink: DiagnosticSink,
  migrations: readonly FormatMigration[] = FORMAT_MIGRATIONS,
  current: number = FORMAT_VERSION,
): JsonValue | undefined {
  if (!isObject(value)) return value
  const written = value.formatVersion
  if (typeof written !== 'number' || !Number.isInteger(written) || written === current) return value
  if (written > current) {
    sink.error(
      'format-too-new',
      '/formatVersion',
      `this file is written for format ${written}, but this version of Red Lines reads format ${current} and older`,
      `update Red Lines, or use a version of the scenario written for format ${current}`,
    )
    return undefined
  }
  const byFormat = new Map(migrations.map((migration) => [migration.from, migration]))
  const oldest = Math.min(current, ...migrations.map((migration) => migration.from))
  if (written < oldest || [...Array(current - written).keys()].some((step) => !byFormat.has(written + step))) {
    sink.error(
      'format-too-old',
      '/formatVersion',
      `format ${written} is older than any this version of Red Lines can migrate (it migrates from format ${oldest})`,
      `rewrite the file for format ${current}; scenarios/MODDING.md lists what changed`,
    )
    return undefined
  }
  let json = cloneJson(value)
  for (let format = written; format < current; format++) {
    const result = byFormat.get(format)!.migrate(cloneJson(json))
    json = { ...result.json, formatVersion: format + 1 }
    for (const change of result.changes) {
      sink.warning('format-migrated', change.pointer, `format ${format} → ${format + 1}: ${change.message}`)
    }
  }
  sink.warning(
    'format-migrated',
    '/formatVersion',
    `migrated from format ${written} to format ${current} on load; the file on disk is unchanged`,
    `apply the changes listed and set "formatVersion": ${current} to silence these notices`,
  )
  return json
}
