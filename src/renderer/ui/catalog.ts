// The scenarios the host offers, each loaded and checked by the engine: ready, or broken with its problems.
// Extensions find their base scenario by id among the others.
import type { CompiledScenario } from '../../engine/index.ts'
import { compileScenario } from '../../engine/index.ts'
import { parseJson } from '../../engine/ingest/json.ts'
import type { BaseInfo, Diagnostic, ProvenanceEntry, RemovedEntry } from '../../engine/scenario/index.ts'
import { fileReferences, formatDiagnostic } from '../../engine/scenario/index.ts'
import type { Host, ScenarioFilesText, ScenarioListing, SkippedFile } from '../../shared/host.ts'
import type { RulesBundle, TextBase } from '../session/kept-rules.ts'
import { rulesBundle } from '../session/kept-rules.ts'
import { skipLine } from './skip-reasons.ts'
import { loadOffThread } from './scenario-loading.ts'
import { invalidateCatalog, onCatalogInvalidated } from './catalog-invalidation.ts'

export interface Provenance {
  entries: ProvenanceEntry[]
  removed: RemovedEntry[]
  bases: BaseInfo[]
}

export interface CatalogEntry {
  listing: ScenarioListing
  title: string
  scenario: CompiledScenario | null
  /** Why it cannot be played (none when `scenario` is set), one diagnostic line each. */
  errors: string[]
  /** What deserves a look but does not stop it: files left out, migrations, ids shadowed. */
  warnings: string[]
  /** Which file each item comes from (a playable scenario only). */
  provenance: Provenance | null
  /** Its files and its bases' files, to keep for saves (a playable scenario only). */
  rules: RulesBundle | null
  /** The id of the scenario this one is a reading of (an extension of one base that declares a `lens`). */
  lensOf?: string
}

interface Fetched {
  listing: ScenarioListing
  files: ScenarioFilesText | null
  skipped: SkippedFile[]
  error?: string
}

let cached: Promise<CatalogEntry[] | string> | null = null

const keyOf = (listing: Pick<ScenarioListing, 'origin' | 'folder'>) => `${listing.origin}/${listing.folder}`

function scenarioIdOf(files: ScenarioFilesText): string | undefined {
  const text = files['scenario.json']
  if (text === undefined) return undefined
  const parsed = parseJson(text)
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) return undefined
  const id = (parsed.value as Record<string, unknown>).id
  return typeof id === 'string' ? id : undefined
}

function brokenEntry(listing: ScenarioListing, errors: string[], warnings: string[] = []): CatalogEntry {
  return { listing, title: listing.folder, scenario: null, errors, warnings, provenance: null, rules: null }
}

/** Every problem of an entry, errors first. */
export const problemsOf = (entry: Pick<CatalogEntry, 'errors' | 'warnings'>): string[] => [...entry.errors, ...entry.warnings]

async function compileEntry(fetched: Fetched, byId: Map<string, Fetched>): Promise<CatalogEntry> {
  const { listing, files } = fetched
  const warnings = fetched.skipped.map((skipped) => skipLine(listing.folder, skipped))
  const id = files ? scenarioIdOf(files) : undefined
  const owner = id === undefined ? undefined : byId.get(id)
  if (owner && owner !== fetched) {
    warnings.push(
      `${listing.folder}/scenario.json: warning: the scenario in "${owner.listing.folder}" (${owner.listing.origin}) has the same id "${id}"; extensions that name "${id}" build on that one`,
    )
  }
  if (!files) return brokenEntry(listing, [`${listing.folder}: error: ${fetched.error ?? 'it cannot be read'}`], warnings)
  const bases: Record<string, TextBase> = {}
  for (const [baseId, base] of byId) if (base.files) bases[baseId] = { files: base.files, location: `../${base.listing.folder}` }
  const { result, used } = await loadOffThread(files, bases, [...byId.keys()])
  const basesUsed = new Map(used.map((baseId) => [baseId, bases[baseId]]))
  const lines = (severity: Diagnostic['severity']) =>
    result.diagnostics.filter((d) => d.severity === severity).map((d) => formatDiagnostic({ ...d, file: `${listing.folder}/${d.file}` }))
  if (!result.ok) return brokenEntry(listing, lines('error'), [...warnings, ...lines('warning')])
  const { lensOf } = fileReferences(files['scenario.json'])
  return {
    listing,
    title: result.scenario.title,
    scenario: compileScenario(result.scenario, result.sources, result.hash),
    errors: [],
    warnings: [...warnings, ...lines('warning')],
    provenance: { entries: result.provenance, removed: result.removed, bases: result.bases },
    rules: rulesBundle(result.hash, files, basesUsed),
    ...(lensOf !== undefined ? { lensOf } : {}),
  }
}

async function buildCatalog(host: Host): Promise<CatalogEntry[] | string> {
  const listings = await host.listScenarios()
  if (!listings.ok) return listings.message
  const fetched: Fetched[] = await Promise.all(
    listings.value.map(async (listing): Promise<Fetched> => {
      if (listing.problem !== undefined) return { listing, files: null, skipped: [], error: listing.problem }
      const read = await host.readScenario(listing.origin, listing.folder)
      return read.ok
        ? { listing, files: read.value.files, skipped: read.value.skipped }
        : { listing, files: null, skipped: [], error: read.message }
    }),
  )
  // Shipped scenarios come first, so a user's scenario cannot take the id of a shipped base.
  const byId = new Map<string, Fetched>()
  for (const entry of [...fetched].sort((a, b) => (a.listing.origin === b.listing.origin ? 0 : a.listing.origin === 'shipped' ? -1 : 1))) {
    const id = entry.files ? scenarioIdOf(entry.files) : undefined
    if (id !== undefined && !byId.has(id)) byId.set(id, entry)
  }
  return Promise.all(fetched.map((entry) => compileEntry(entry, byId)))
}

export function loadCatalog(host: Host): Promise<CatalogEntry[] | string> {
  if (!cached) {
    const building = buildCatalog(host)
    cached = building
    // A failure to list is not remembered: the next screen tries again.
    void building.then((result) => {
      if (typeof result === 'string' && cached === building) cached = null
    })
  }
  return cached
}

/** A scenario that hashes to `hash`, wherever it is (another folder may hold an older copy). */
export async function findByHash(host: Host, hash: string): Promise<CatalogEntry | undefined> {
  const catalog = await loadCatalog(host)
  return typeof catalog === 'string' ? undefined : catalog.find((entry) => entry.scenario?.hash === hash)
}

onCatalogInvalidated(() => {
  cached = null
})
export { invalidateCatalog }

export async function loadEntry(host: Host, listing: Pick<ScenarioListing, 'origin' | 'folder'>): Promise<CatalogEntry> {
  const catalog = await loadCatalog(host)
  const found = typeof catalog === 'string' ? undefined : catalog.find((entry) => keyOf(entry.listing) === keyOf(listing))
  return (
    found ??
    brokenEntry({ ...listing, location: '' }, [
      `${listing.folder}: error: ${typeof catalog === 'string' ? catalog : 'it is not among the scenarios'}`,
    ])
  )
}
