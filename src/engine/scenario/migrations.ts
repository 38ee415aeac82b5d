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

const MIGRATED_NUMBER = 'Format 1 left this number without grounding; added by the migration to format 2, keeping the format-1 behaviour.'

/**
 * Format 1 → 2: every number in the open, and the dilemma's building blocks. Written so that a format-1
 * scenario plays exactly as before: no standing, scoring by the last turn, the old computer weights.
 */
const FORMAT_1_TO_2: FormatMigration = {
  from: 1,
  summary:
    'actors and `turns` are grounded (an assumption is added); `turns.scoring` ("final" keeps the format-1 scoring); `start.standing` (0 for all); `parameters.standingFading` and `parameters.autonomyMargin`; the computer players\' weights as `computer`',
  migrate(json) {
    const changes: FormatChange[] = []
    const groundActor = (actor: JsonValue, pointer: string) => {
      if (isObject(actor) && actor.citations === undefined && actor.assumption === undefined) {
        actor.assumption = MIGRATED_NUMBER
        changes.push({ pointer, message: "the actor's numbers (capability, budget) get an assumption" })
      }
    }
    if (isObject(json.add) && Array.isArray(json.add.actors)) json.add.actors.forEach((actor, k) => groundActor(actor, `/add/actors/${k}`))
    if (json.extends !== undefined) return { json, changes }
    if (Array.isArray(json.actors)) json.actors.forEach((actor, k) => groundActor(actor, `/actors/${k}`))
    if (isObject(json.turns)) {
      if (json.turns.scoring === undefined) {
        json.turns.scoring = 'final'
        changes.push({ pointer: '/turns', message: '"scoring": "final" added: a game is scored on its last turn, as in format 1' })
      }
      if (json.turns.citations === undefined && json.turns.assumption === undefined) json.turns.assumption = MIGRATED_NUMBER
    }
    if (isObject(json.start) && json.start.standing === undefined) {
      json.start.standing = { default: { value: 0, assumption: MIGRATED_NUMBER }, actors: [] }
      changes.push({ pointer: '/start', message: '"standing" added: every actor starts with none' })
    }
    if (isObject(json.parameters) && json.parameters.standingFading === undefined) {
      json.parameters.standingFading = { value: 0.25, assumption: MIGRATED_NUMBER }
      changes.push({ pointer: '/parameters', message: '"standingFading" added (it acts only where a rule fades standing)' })
    }
    if (isObject(json.parameters) && json.parameters.autonomyMargin === undefined) {
      json.parameters.autonomyMargin = { value: 0.25, assumption: MIGRATED_NUMBER }
      changes.push({ pointer: '/parameters', message: '"autonomyMargin" added (it acts only in an autonomy-ceiling rule)' })
    }
    if (json.computer === undefined) {
      const weight = (value: number) => ({ value, assumption: MIGRATED_NUMBER })
      json.computer = { incidentCost: weight(20), reciprocity: weight(8), retaliationCost: weight(8), allyAlignment: weight(0.35) }
      changes.push({ pointer: '', message: '"computer" added with the weights format 1 built in' })
    }
    return { json, changes }
  },
}

/** Every migration the engine ships, oldest first. */
export const FORMAT_MIGRATIONS: readonly FormatMigration[] = [FORMAT_1_TO_2]

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
