// How a scenario is described to the player: whether it can be played, and where it comes from.
import type { ScenarioListing } from '../../../shared/host.ts'
import type { CatalogEntry } from '../catalog.ts'

export type ScenarioState = 'Ready' | 'Ready with warnings' | 'Broken'

export function scenarioState(entry: Pick<CatalogEntry, 'scenario' | 'warnings'>): ScenarioState {
  if (!entry.scenario) return 'Broken'
  return entry.warnings.length > 0 ? 'Ready with warnings' : 'Ready'
}

/** Shipped with the game; the user's own folder on the desktop; imported into this browser. */
export function originLabel(listing: Pick<ScenarioListing, 'origin'>, edition: 'desktop' | 'browser'): string {
  if (listing.origin === 'shipped') return 'shipped'
  return edition === 'browser' ? 'imported' : 'yours'
}
