// The scenarios the host offers, each loaded and checked by the engine: ready, or broken with its problems.
// Extensions find their base scenario by id among the others.
import type { CompiledScenario } from '../../engine/index.ts'
import { compileScenario } from '../../engine/index.ts'
import { parseJson } from '../../engine/ingest/json.ts'
import type { Diagnostic } from '../../engine/scenario/index.ts'
import { formatDiagnostic, loadScenario } from '../../engine/scenario/index.ts'
import type { Host, ScenarioFilesText, ScenarioListing } from '../../shared/host.ts'

export interface CatalogEntry {
  listing: ScenarioListing
  title: string
  scenario: CompiledScenario | null
  problems: string[]
}

interface Fetched {
  listing: ScenarioListing
  files: ScenarioFilesText | null
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

function compileEntry(fetched: Fetched, byId: Map<string, Fetched>): CatalogEntry {
  const { listing, files } = fetched
  if (!files) return { listing, title: listing.folder, scenario: null, problems: [fetched.error ?? 'cannot be read'] }
  const result = loadScenario(files, {
    resolveBase: (id) => {
      const base = byId.get(id)
      return base?.files ? { files: base.files, location: `../${base.listing.folder}` } : undefined
    },
    knownBaseIds: [...byId.keys()],
  })
  const lines = (diagnostics: Diagnostic[]) => diagnostics.map((d) => formatDiagnostic({ ...d, file: `${listing.folder}/${d.file}` }))
  return result.ok
    ? {
        listing,
        title: result.scenario.title,
        scenario: compileScenario(result.scenario, result.sources, result.hash),
        problems: lines(result.diagnostics),
      }
    : { listing, title: listing.folder, scenario: null, problems: lines(result.diagnostics) }
}

async function buildCatalog(host: Host): Promise<CatalogEntry[] | string> {
  const listings = await host.listScenarios()
  if (!listings.ok) return listings.message
  const fetched: Fetched[] = await Promise.all(
    listings.value.map(async (listing) => {
      const files = await host.readScenario(listing.origin, listing.folder)
      return files.ok ? { listing, files: files.value } : { listing, files: null, error: files.message }
    }),
  )
  // Shipped scenarios come first, so a user's scenario cannot take the id of a shipped base.
  const byId = new Map<string, Fetched>()
  for (const entry of [...fetched].sort((a, b) => (a.listing.origin === b.listing.origin ? 0 : a.listing.origin === 'shipped' ? -1 : 1))) {
    const id = entry.files ? scenarioIdOf(entry.files) : undefined
    if (id !== undefined && !byId.has(id)) byId.set(id, entry)
  }
  return fetched.map((entry) => compileEntry(entry, byId))
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

/** Forgets the loaded scenarios, so that changed or new ones are read again. */
export function invalidateCatalog(): void {
  cached = null
}

export async function loadEntry(host: Host, listing: Pick<ScenarioListing, 'origin' | 'folder'>): Promise<CatalogEntry> {
  const catalog = await loadCatalog(host)
  const found = typeof catalog === 'string' ? undefined : catalog.find((entry) => keyOf(entry.listing) === keyOf(listing))
  return (
    found ?? {
      listing: { ...listing, location: '' },
      title: listing.folder,
      scenario: null,
      problems: [typeof catalog === 'string' ? catalog : 'it is not among the scenarios'],
    }
  )
}
