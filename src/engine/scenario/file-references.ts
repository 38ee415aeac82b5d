// What a scenario file names outside itself — the source files to read and the bases to find — read
// leniently, so that a host can gather those files before loading; the loader reports anything malformed.
import { parseJson } from '../ingest/json.ts'
import type { JsonValue } from '../ingest/json.ts'
import { decodeUtf8 } from '../ingest/utf8.ts'
import { isJsonObject } from './scenario-layer.ts'

export interface FileReferences {
  /** `file` of every source the file lists, adds or overrides, relative to its folder. */
  sourceFiles: string[]
  /** The ids named in `extends`. */
  baseIds: string[]
  /** The base this file is a reading of: set when it declares a \`lens\` and extends exactly one base. */
  lensOf?: string
}

function sourceFilesIn(list: JsonValue | undefined): string[] {
  if (!Array.isArray(list)) return []
  return list.flatMap((source) => (isJsonObject(source) && typeof source.file === 'string' ? [source.file] : []))
}

export function fileReferences(content: string | Uint8Array): FileReferences {
  const text = typeof content === 'string' ? content : decodeUtf8(content)
  const parsed = parseJson(typeof text === 'string' ? text : text.ok ? text.text : '')
  return parsed.ok ? referencesIn(parsed.value) : { sourceFiles: [], baseIds: [] }
}

/** What a parsed scenario file names outside itself (`fileReferences` once the file is parsed). */
export function referencesIn(value: JsonValue): FileReferences {
  if (!isJsonObject(value)) return { sourceFiles: [], baseIds: [] }
  const scenario = value
  const changes = (key: string) => (isJsonObject(scenario[key]) ? (scenario[key] as Record<string, JsonValue>).sources : undefined)
  const sourceFiles = [...sourceFilesIn(scenario.sources), ...sourceFilesIn(changes('add')), ...sourceFilesIn(changes('override'))]
  const refs = Array.isArray(scenario.extends) ? scenario.extends : scenario.extends === undefined ? [] : [scenario.extends]
  const baseIds = refs.flatMap((ref) => (isJsonObject(ref) && typeof ref.id === 'string' ? [ref.id] : []))
  const lensOf = isJsonObject(scenario.lens) && refs.length === 1 && baseIds.length === 1 ? baseIds[0] : undefined
  return { sourceFiles: [...new Set(sourceFiles)], baseIds: [...new Set(baseIds)], ...(lensOf !== undefined ? { lensOf } : {}) }
}
