// One scenario file and its folder — the main scenario or a base it extends — read through the first
// stages of the pipeline: size cap → UTF-8 → positioned JSON parse → format migration → schema.
import { parseJson } from '../ingest/json.ts'
import type { JsonObject, JsonPositions, JsonValue } from '../ingest/json.ts'
import { DiagnosticSink } from './diagnostics.ts'
import type { Diagnostic } from './diagnostics.ts'
import { FileSet, folderOf, joinPath, normalizePath, readText } from './files.ts'
import type { ScenarioFiles } from './files.ts'
import { migrateFormat } from './migrations.ts'
import type { FormatMigration } from './migrations.ts'
import { Scenario } from './schema.ts'
import type { ScenarioFile } from './schema.ts'
import { extensionSchema } from './schema-extension.ts'
import type { ExtensionFile } from './schema-extension.ts'
import { SchemaIssueReporter } from './schema-issues.ts'

/** The longest list the scenario schema allows; longer lists are refused before the schema sees them. */
const LONGEST_LIST = 200

export interface ScenarioLayer {
  /** Where this layer's folder is, relative to the main scenario's folder ("" for the main scenario). */
  label: string
  /** The scenario file, as named in diagnostics. */
  file: string
  fileSet: FileSet
  /** The folder of the scenario file among `fileSet`'s paths. */
  folder: string
  /** Files read so far, by their hashed path (relative to the layer's folder, under `hashPrefix`). */
  hashed: Map<string, string | Uint8Array>
  hashPrefix: string
  positions: JsonPositions
  /** The parsed file, migrated to the current format. */
  value: JsonValue
  sink: DiagnosticSink
}

export type LayerShape = { kind: 'scenario'; data: ScenarioFile } | { kind: 'extension'; data: ExtensionFile }

export interface LayerInput {
  files: ScenarioFiles
  /** Path of the scenario file among `files`. */
  main: string
  label: string
  hashPrefix: string
  maxBytes: number
  migrations?: readonly FormatMigration[]
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A file of a layer as named in diagnostics. */
export function shownPath(layer: Pick<ScenarioLayer, 'label'>, path: string): string {
  return layer.label === '' ? path : joinPath(layer.label, normalizePath(path))
}

/** Reads, parses and migrates one scenario file; reports to `diagnostics` and returns undefined when it cannot. */
export function readLayer(input: LayerInput, diagnostics: Diagnostic[]): ScenarioLayer | undefined {
  const { files, main, label, maxBytes } = input
  const file = label === '' ? main : joinPath(label, normalizePath(main))
  const fileSet = new FileSet(files)
  const mainKey = fileSet.keyOf(main)
  if (mainKey === undefined) {
    const message = 'the scenario file was not found'
    diagnostics.push({ severity: 'error', code: 'file-missing', file, line: 1, column: 1, pointer: '', message })
    return undefined
  }
  const text = readText(fileSet.content(mainKey), file, '', maxBytes, diagnostics)
  if (text === undefined) return undefined
  const parsed = parseJson(text, { maxArrayLength: LONGEST_LIST })
  if (!parsed.ok) {
    for (const { code, message, pointer, position, hint } of parsed.errors) {
      const shownHint = code === 'json-empty' ? 'a scenario file is a JSON object' : hint
      const { line, column } = position
      diagnostics.push({ severity: 'error', code, file, line, column, pointer, message, ...(shownHint ? { hint: shownHint } : {}) })
    }
    return undefined
  }
  const positions = parsed.positions
  const sink = new DiagnosticSink(file, (pointer) => positions.nearestValue(pointer))
  const migrated = migrateFormat(parsed.value, sink, input.migrations)
  diagnostics.push(...sink.diagnostics)
  sink.diagnostics.length = 0
  if (migrated === undefined) return undefined
  const folder = folderOf(main)
  const mainName = normalizePath(main).slice(folder === '' ? 0 : folder.length + 1)
  const hashed = new Map<string, string | Uint8Array>([[input.hashPrefix + mainName, fileSet.content(mainKey)]])
  return { label, file, fileSet, folder, hashed, hashPrefix: input.hashPrefix, positions, value: migrated, sink }
}

/** Runs the schema that fits the parsed file (an extension names its base in `extends`); reports every issue. */
export function checkLayerShape(layer: ScenarioLayer): LayerShape | undefined {
  const extension = isJsonObject(layer.value) && Object.prototype.hasOwnProperty.call(layer.value, 'extends')
  const schema = extension ? extensionSchema() : Scenario
  try {
    const result = schema.safeParse(layer.value)
    if (result.success) {
      return extension ? { kind: 'extension', data: result.data as ExtensionFile } : { kind: 'scenario', data: result.data as ScenarioFile }
    }
    new SchemaIssueReporter(schema, layer.value, layer.positions, layer.sink).report(result.error.issues)
  } catch (error) {
    // Zod gathers issues with spread calls, which can exhaust the stack on files with very many errors.
    layer.sink.diagnostics.push(internalError(layer.file, error))
  }
  return undefined
}

export function internalError(file: string, error: unknown): Diagnostic {
  const detail = error instanceof Error ? error.message : String(error)
  return {
    severity: 'error',
    code: 'internal-error',
    file,
    line: 1,
    column: 1,
    pointer: '',
    message: `the loader failed on this file: ${detail}`,
  }
}
