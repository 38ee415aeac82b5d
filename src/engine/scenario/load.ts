// The one ingest pipeline for scenario files: size cap → UTF-8 → bounded JSON parse with positions →
// format migration → schema → (for an extension: its bases, merged) → sources → semantic checks.
// Untrusted input never throws out of here.
import type { JsonObject } from '../ingest/json.ts'
import { ChainResolver } from './chain.ts'
import type { ResolveBase } from './chain.ts'
import { DiagnosticSink, sortDiagnostics } from './diagnostics.ts'
import type { Diagnostic } from './diagnostics.ts'
import { checkLayerShape, internalError, readLayer, shownPath } from './scenario-layer.ts'
import type { LayerShape, ScenarioLayer } from './scenario-layer.ts'
import { hashScenarioFiles, joinPath, normalizePath, readText } from './files.ts'
import type { Sha256Hasher } from './files.ts'
import type { ScenarioFiles } from './files.ts'
import type { FormatMigration } from './migrations.ts'
import { provenanceOf, removedOf } from './provenance.ts'
import type { BaseInfo, ProvenanceEntry, RemovedEntry } from './provenance.ts'
import { checkRawCitations, rawSources } from './raw-citations.ts'
import { Scenario } from './schema.ts'
import type { ScenarioFile } from './schema.ts'
import type { ExtensionFile } from './schema-extension.ts'
import { SchemaIssueReporter } from './schema-issues.ts'
import { paragraphsOf } from './text.ts'
import { validateScenario } from './validate.ts'
import { quoteFinderFor } from './quote-finder.ts'
import { assemble, workingFromScenario } from './working.ts'
import type { Working } from './working.ts'

export { hashScenarioFiles } from './files.ts'
export type { ScenarioFiles } from './files.ts'

export interface LoadOptions {
  /** Path of the scenario file among `files`; source paths are relative to its folder. Default "scenario.json". */
  main?: string
  /** Largest accepted file, in bytes. Default 5 MiB. */
  maxBytes?: number
  /** Finds the base an extension names in `extends`; without it, every extension reports its base missing. */
  resolveBase?: ResolveBase
  /** Ids of the scenarios `resolveBase` knows, for "did you mean" hints. */
  knownBaseIds?: readonly string[]
  /** Format migrations to apply (default: the engine's own). */
  migrations?: readonly FormatMigration[]
  /**
   * Starts a SHA-256 for `hash`: a host's native one is faster than the engine's own (the default) and must give
   * the same digest.
   */
  sha256?: () => Sha256Hasher
}

export type LoadResult =
  | {
      ok: true
      scenario: ScenarioFile
      /** The paragraphs of each source, by source id. */
      sources: Record<string, string[]>
      /** SHA-256 of the scenario file, its sources and any bases' files (see `hashScenarioFiles`). */
      hash: string
      /** Warnings only. */
      diagnostics: Diagnostic[]
      /** Which file each item (action, rule, parameter, table entry…) of the scenario comes from. */
      provenance: ProvenanceEntry[]
      /** Items of the bases that an extension removed. */
      removed: RemovedEntry[]
      /** The scenarios this one builds on, nearest first; empty unless it is an extension. */
      bases: BaseInfo[]
    }
  | { ok: false; diagnostics: Diagnostic[] }

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024
const MAX_DIAGNOSTICS = 500

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

interface SourceRef {
  id: string
  file: string
  index: number
  layer: ScenarioLayer
}

/** Decodes each source file once and splits it into paragraphs, by source id. */
function readSourceParagraphs(
  sources: readonly SourceRef[],
  pointerOf: (index: number) => string,
  maxBytes: number,
  diagnostics: Diagnostic[],
): Map<string, string[]> {
  const paragraphs = new Map<string, string[]>()
  const paragraphsByFile = new Map<string, string[] | undefined>()
  for (const source of sources) {
    const { layer } = source
    const key = layer.fileSet.keyOf(joinPath(layer.folder, source.file))
    if (key === undefined) continue // validateScenario reports it.
    const hashedPath = layer.hashPrefix + normalizePath(source.file)
    if (!paragraphsByFile.has(hashedPath)) {
      const content = layer.fileSet.content(key)
      layer.hashed.set(hashedPath, content)
      const sourceText = readText(content, shownPath(layer, key), pointerOf(source.index), maxBytes, diagnostics)
      paragraphsByFile.set(hashedPath, sourceText === undefined ? undefined : paragraphsOf(sourceText))
    }
    const found = paragraphsByFile.get(hashedPath)
    if (found && !paragraphs.has(source.id)) paragraphs.set(source.id, found)
  }
  return paragraphs
}

export function loadScenario(files: ScenarioFiles, options: LoadOptions = {}): LoadResult {
  const main = options.main ?? 'scenario.json'
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const diagnostics: Diagnostic[] = []
  const input = { files, main, label: '', hashPrefix: '', maxBytes, migrations: options.migrations }
  const layer = readLayer(input, diagnostics)
  if (!layer) return failure(diagnostics)
  const shape = checkLayerShape(layer)
  if (shape?.kind === 'extension') return loadExtension(layer, shape, options, maxBytes, diagnostics)
  return loadComplete(layer, shape, options, maxBytes, diagnostics)
}

/** A scenario that stands alone. */
function loadComplete(
  layer: ScenarioLayer,
  shape: LayerShape | undefined,
  options: LoadOptions,
  maxBytes: number,
  diagnostics: Diagnostic[],
): LoadResult {
  const { sink, positions } = layer
  const locate = (pointer: string) => positions.nearestValue(pointer)
  const sourcePointer = (index: number) => `/sources/${index}/file`
  if (!shape) {
    const sources = rawSources(layer.value).map((source) => ({ ...source, layer }))
    const paragraphs = readSourceParagraphs(sources, sourcePointer, maxBytes, diagnostics)
    checkRawCitations(layer.value, sink, new Set(sources.map((source) => source.id)), quoteFinderFor(paragraphs))
    return failure([...sink.diagnostics, ...diagnostics])
  }
  const scenario = shape.data as ScenarioFile
  const sources = scenario.sources.map((source, index) => ({ ...source, index, layer }))
  const paragraphs = readSourceParagraphs(sources, sourcePointer, maxBytes, diagnostics)
  try {
    const sourceFileExists = (file: string) => layer.fileSet.keyOf(joinPath(layer.folder, file)) !== undefined
    diagnostics.push(...validateScenario(scenario, { file: layer.file, locate, sourceFileExists, paragraphs }))
  } catch (error) {
    diagnostics.push(internalError(layer.file, error))
  }
  diagnostics.push(...sink.diagnostics)
  return success(scenario, paragraphs, [layer], workingFromScenario(layer.value as JsonObject, layer), layer, diagnostics, options)
}

function success(
  scenario: ScenarioFile,
  paragraphs: Map<string, string[]>,
  layers: readonly ScenarioLayer[],
  working: Working,
  main: ScenarioLayer,
  diagnostics: Diagnostic[],
  options: LoadOptions,
): LoadResult {
  if (diagnostics.some((d) => d.severity === 'error')) return failure(diagnostics)
  const bases = layers
    .filter((layer) => layer !== main)
    .map((layer) => {
      const { id, version } = layer.value as { id: string; version: string }
      return { id, version, file: layer.file }
    })
  return {
    ok: true,
    scenario,
    sources: Object.fromEntries(paragraphs),
    hash: hashScenarioFiles(
      layers.flatMap((layer) => [...layer.hashed]),
      options.sha256,
    ),
    diagnostics: finish(diagnostics),
    provenance: provenanceOf(working, main),
    removed: removedOf(working),
    bases,
  }
}

const META_KEYS = ['$schema', 'formatVersion', 'id', 'title', 'version', 'description', 'author', 'guide', 'lens'] as const

/** An extension: its bases are resolved and merged, and the merged scenario is checked like any other. */
function loadExtension(
  layer: ScenarioLayer,
  shape: { kind: 'extension'; data: ExtensionFile },
  options: LoadOptions,
  maxBytes: number,
  diagnostics: Diagnostic[],
): LoadResult {
  const resolver = new ChainResolver({ ...options, maxBytes }, diagnostics)
  const gathered = () => [...diagnostics, ...resolver.layers.flatMap((each) => each.sink.diagnostics)]
  const working = resolver.build(layer, shape)
  if (!working || gathered().some((d) => d.severity === 'error')) return failure(gathered())
  const source = layer.value as JsonObject
  const meta: JsonObject = {}
  for (const key of META_KEYS) if (source[key] !== undefined) meta[key] = source[key]
  const merged = assemble(working, meta, layer)
  const locate = (pointer: string) => merged.positions.nearestValue(pointer)
  const mergedSink = new DiagnosticSink(layer.file, locate)
  let scenario: ScenarioFile
  try {
    const result = Scenario.safeParse(merged.json)
    if (!result.success) {
      new SchemaIssueReporter(Scenario, merged.json, merged.positions, mergedSink).report(result.error.issues)
      return failure([...gathered(), ...mergedSink.diagnostics])
    }
    scenario = result.data
  } catch (error) {
    return failure([...gathered(), internalError(layer.file, error)])
  }
  const sourceEntries = working.collections.get('sources') ?? []
  const layerOfSource = (index: number) => {
    const entry = sourceEntries[index]
    return (entry.fields.file ?? entry.origin).layer
  }
  const sources = scenario.sources.map((each, index) => ({ ...each, index, layer: layerOfSource(index) }))
  const sourcePointer = (index: number) => locate(`/sources/${index}/file`).pointer ?? `/sources/${index}/file`
  const paragraphs = readSourceParagraphs(sources, sourcePointer, maxBytes, diagnostics)
  try {
    const sourceFileExists = (file: string, index: number) => {
      const owner = layerOfSource(index)
      return owner.fileSet.keyOf(joinPath(owner.folder, file)) !== undefined
    }
    diagnostics.push(...validateScenario(scenario, { file: layer.file, locate, sourceFileExists, paragraphs }))
  } catch (error) {
    diagnostics.push(internalError(layer.file, error))
  }
  return success(scenario, paragraphs, working.layers, working, layer, gathered(), options)
}
