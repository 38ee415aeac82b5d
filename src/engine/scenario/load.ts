// The one ingest pipeline for scenario files: size cap → UTF-8 → bounded JSON parse with positions →
// schema → sources → semantic checks. Untrusted input never throws out of here.
import { Sha256 } from '../hash.ts'
import { parseJson } from '../ingest/json.ts'
import type { JsonPositions, JsonValue } from '../ingest/json.ts'
import { decodeUtf8, encodeUtf8, findLoneSurrogate, utf8Length } from '../ingest/utf8.ts'
import { DiagnosticSink, sortDiagnostics } from './diagnostics.ts'
import type { Diagnostic } from './diagnostics.ts'
import { Scenario } from './schema.ts'
import type { ScenarioFile } from './schema.ts'
import { SchemaIssueReporter } from './schema-issues.ts'
import { paragraphsOf } from './text.ts'
import { validateScenario } from './validate.ts'
import { foldedParagraphLookup } from './validate-grounding.ts'
import { checkRawCitations, rawSources } from './raw-citations.ts'

export type ScenarioFiles = Readonly<Record<string, string | Uint8Array>>

export interface LoadOptions {
  /** Path of the scenario file among `files`; source paths are relative to its folder. Default "scenario.json". */
  main?: string
  /** Largest accepted file, in bytes. Default 5 MiB. */
  maxBytes?: number
}

export type LoadResult =
  | {
      ok: true
      scenario: ScenarioFile
      /** The paragraphs of each source, by source id. */
      sources: Record<string, string[]>
      /** SHA-256 of the scenario file and its sources (see `hashScenarioFiles`). */
      hash: string
      /** Warnings only. */
      diagnostics: Diagnostic[]
    }
  | { ok: false; diagnostics: Diagnostic[] }

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024
/** The longest list the scenario schema allows; longer lists are refused before the schema sees them. */
const LONGEST_LIST = 200
const MAX_DIAGNOSTICS = 500

/** "a/./b//c.txt" → "a/b/c.txt". */
function normalizePath(path: string): string {
  return path
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/')
}

function folderOf(path: string): string {
  const normalized = normalizePath(path)
  const slash = normalized.lastIndexOf('/')
  return slash < 0 ? '' : normalized.slice(0, slash)
}

class FileSet {
  private readonly byPath = new Map<string, string>()

  constructor(private readonly files: ScenarioFiles) {
    for (const key of Object.keys(files)) {
      const normalized = normalizePath(key)
      if (!this.byPath.has(normalized)) this.byPath.set(normalized, key)
    }
  }

  /** The key under which a path was given, if it was. */
  keyOf(path: string): string | undefined {
    return this.byPath.get(normalizePath(path))
  }

  content(key: string): string | Uint8Array {
    return this.files[key]
  }
}

/** Reads one file as text, or reports why it cannot be read (at `pointer` of the scenario file). */
function readText(content: string | Uint8Array, file: string, pointer: string, maxBytes: number, sink: Diagnostic[]): string | undefined {
  const report = (code: string, message: string, line = 1, column = 1, hint?: string) =>
    sink.push({ severity: 'error', code, file, line, column, pointer, message, ...(hint ? { hint } : {}) })
  const size = typeof content === 'string' ? (content.length > maxBytes ? content.length : utf8Length(content)) : content.length
  if (size > maxBytes) {
    report('file-too-large', `the file has ${size} bytes, more than the limit of ${maxBytes}`)
    return undefined
  }
  if (typeof content === 'string') {
    const lone = findLoneSurrogate(content)
    if (lone) {
      report('invalid-encoding', lone.message, lone.line, lone.column)
      return undefined
    }
    return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content
  }
  const decoded = decodeUtf8(content)
  if (!decoded.ok) {
    const { message, line, column } = decoded.error
    report('invalid-encoding', message, line, column, 'save the file as UTF-8')
    return undefined
  }
  return decoded.text
}

/**
 * SHA-256 over `path\0content\0` of each file, in sorted path order; paths are relative to the scenario
 * folder and strings count as their UTF-8 bytes.
 */
export function hashScenarioFiles(files: ReadonlyArray<readonly [path: string, content: string | Uint8Array]>): string {
  const hash = new Sha256()
  const separator = new Uint8Array([0])
  const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  for (const [path, content] of sorted) {
    hash.update(encodeUtf8(path)).update(separator).update(content).update(separator)
  }
  return hash.digestHex()
}

function finish(diagnostics: Diagnostic[]): Diagnostic[] {
  const sorted = sortDiagnostics(diagnostics)
  if (sorted.length <= MAX_DIAGNOSTICS) return sorted
  const shown = sorted.slice(0, MAX_DIAGNOSTICS)
  const { severity, file, line, column, pointer } = shown[shown.length - 1]
  const message = `${sorted.length - MAX_DIAGNOSTICS} more problems are not shown`
  shown.push({ severity, code: 'too-many-diagnostics', file, line, column, pointer, message })
  return shown
}

function failure(diagnostics: Diagnostic[]): LoadResult {
  return { ok: false, diagnostics: finish(diagnostics) }
}

export function loadScenario(files: ScenarioFiles, options: LoadOptions = {}): LoadResult {
  const main = options.main ?? 'scenario.json'
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const diagnostics: Diagnostic[] = []
  const fileSet = new FileSet(files)
  const mainKey = fileSet.keyOf(main)
  if (mainKey === undefined) {
    return failure([
      { severity: 'error', code: 'file-missing', file: main, line: 1, column: 1, pointer: '', message: 'the scenario file was not found' },
    ])
  }
  const text = readText(fileSet.content(mainKey), main, '', maxBytes, diagnostics)
  if (text === undefined) return failure(diagnostics)

  const parsed = parseJson(text, { maxArrayLength: LONGEST_LIST })
  if (!parsed.ok) {
    for (const { code, message, pointer, position, hint } of parsed.errors) {
      const shownHint = code === 'json-empty' ? 'a scenario file is a JSON object' : hint
      const { line, column } = position
      diagnostics.push({ severity: 'error', code, file: main, line, column, pointer, message, ...(shownHint ? { hint: shownHint } : {}) })
    }
    return failure(diagnostics)
  }
  const locate = (pointer: string) => parsed.positions.nearestValue(pointer)
  const sink = new DiagnosticSink(main, locate)
  const folder = folderOf(main)
  const inFolder = (file: string) => (folder === '' ? file : `${folder}/${file}`)
  // Hashed under their paths relative to the scenario folder, so the hash does not depend on where it lies.
  const mainName = normalizePath(main).slice(folder === '' ? 0 : folder.length + 1)
  const hashed = new Map<string, string | Uint8Array>([[mainName, fileSet.content(mainKey)]])
  const readSources = (sources: readonly { id: string; file: string; index: number }[]) =>
    readSourceParagraphs(sources, fileSet, inFolder, hashed, maxBytes, diagnostics)

  const scenario = checkShape(parsed.value, parsed.positions, sink)
  if (!scenario) {
    const sources = rawSources(parsed.value)
    const paragraphs = readSources(sources)
    checkRawCitations(parsed.value, sink, new Set(sources.map((source) => source.id)), foldedParagraphLookup(paragraphs))
    return failure([...sink.diagnostics, ...diagnostics])
  }
  const paragraphs = readSources(scenario.sources.map((source, index) => ({ ...source, index })))
  try {
    const sourceFileExists = (file: string) => fileSet.keyOf(inFolder(file)) !== undefined
    diagnostics.push(...validateScenario(scenario, { file: main, locate, sourceFileExists, paragraphs }))
  } catch (error) {
    diagnostics.push(internalError(main, error))
  }
  if (diagnostics.some((d) => d.severity === 'error')) return failure(diagnostics)
  return {
    ok: true,
    scenario,
    sources: Object.fromEntries(paragraphs),
    hash: hashScenarioFiles([...hashed]),
    diagnostics: finish(diagnostics),
  }
}

/** Decodes each source file once and splits it into paragraphs, by source id. */
function readSourceParagraphs(
  sources: readonly { id: string; file: string; index: number }[],
  fileSet: FileSet,
  inFolder: (file: string) => string,
  hashed: Map<string, string | Uint8Array>,
  maxBytes: number,
  diagnostics: Diagnostic[],
): Map<string, string[]> {
  const paragraphs = new Map<string, string[]>()
  const paragraphsByFile = new Map<string, string[] | undefined>()
  for (const source of sources) {
    const key = fileSet.keyOf(inFolder(source.file))
    if (key === undefined) continue // validateScenario reports it.
    if (!paragraphsByFile.has(key)) {
      const content = fileSet.content(key)
      hashed.set(normalizePath(source.file), content)
      const sourceText = readText(content, key, `/sources/${source.index}/file`, maxBytes, diagnostics)
      paragraphsByFile.set(key, sourceText === undefined ? undefined : paragraphsOf(sourceText))
    }
    const found = paragraphsByFile.get(key)
    if (found && !paragraphs.has(source.id)) paragraphs.set(source.id, found)
  }
  return paragraphs
}

function internalError(file: string, error: unknown): Diagnostic {
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

/** Runs the schema; on failure reports every issue and returns undefined. */
function checkShape(value: JsonValue, positions: JsonPositions, sink: DiagnosticSink): ScenarioFile | undefined {
  try {
    const result = Scenario.safeParse(value)
    if (result.success) return result.data
    new SchemaIssueReporter(Scenario, value, positions, sink).report(result.error.issues)
  } catch (error) {
    // Zod gathers issues with spread calls, which can exhaust the stack on files with very many errors.
    sink.diagnostics.push(internalError(sink.file, error))
  }
  return undefined
}
