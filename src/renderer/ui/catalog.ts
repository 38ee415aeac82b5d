// The scenarios the host offers, each loaded and checked by the engine: ready, or broken with its problems.
import type { CompiledScenario } from '../../engine/index.ts'
import { compileScenario } from '../../engine/index.ts'
import type { Diagnostic } from '../../engine/scenario/index.ts'
import { formatDiagnostic, loadScenario } from '../../engine/scenario/index.ts'
import type { Host, ScenarioListing } from '../../shared/host.ts'

export interface CatalogEntry {
  listing: ScenarioListing
  title: string
  scenario: CompiledScenario | null
  problems: string[]
}

const compiled = new Map<string, CatalogEntry>()

export async function loadEntry(host: Host, listing: ScenarioListing): Promise<CatalogEntry> {
  const key = `${listing.origin}/${listing.folder}`
  const cached = compiled.get(key)
  if (cached) return cached
  const files = await host.readScenario(listing.origin, listing.folder)
  let entry: CatalogEntry
  if (!files.ok) {
    entry = { listing, title: listing.folder, scenario: null, problems: [files.message] }
  } else {
    const result = loadScenario(files.value)
    const lines = (diagnostics: Diagnostic[]) => diagnostics.map((d) => formatDiagnostic({ ...d, file: `${listing.folder}/${d.file}` }))
    entry = result.ok
      ? {
          listing,
          title: result.scenario.title,
          scenario: compileScenario(result.scenario, result.sources, result.hash),
          problems: lines(result.diagnostics),
        }
      : { listing, title: listing.folder, scenario: null, problems: lines(result.diagnostics) }
  }
  compiled.set(key, entry)
  return entry
}

export async function loadCatalog(host: Host): Promise<CatalogEntry[] | string> {
  const listings = await host.listScenarios()
  if (!listings.ok) return listings.message
  return Promise.all(listings.value.map((listing) => loadEntry(host, listing)))
}
