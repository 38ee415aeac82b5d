// The rules a class plays by, from this browser's bundled scenarios: the class's folder, checked by hash
// against the server's, so that every device replays the same rules the server ran.
import type { CompiledScenario } from '../../engine/index.ts'
import type { ClassView } from '../../shared/classroom-protocol.ts'
import type { Host, ScenarioListing } from '../../shared/host.ts'
import { loadCatalog } from '../ui/catalog.ts'

export interface ClassScenario {
  scenario: CompiledScenario
  listing: ScenarioListing
}

/** The class's scenario, or a sentence saying why this device cannot play it. */
export async function classScenario(host: Host, wanted: ClassView['scenario']): Promise<ClassScenario | string> {
  const catalog = await loadCatalog(host)
  if (typeof catalog === 'string') return `the scenarios cannot be read here: ${catalog}`
  const shipped = catalog.find((entry) => entry.listing.origin === 'shipped' && entry.listing.folder === wanted.folder)
  if (shipped?.scenario?.hash === wanted.hash) return { scenario: shipped.scenario, listing: shipped.listing }
  // Another folder may hold the very same rules.
  const same = catalog.find((entry) => entry.scenario?.hash === wanted.hash)
  if (same?.scenario) return { scenario: same.scenario, listing: same.listing }
  if (!shipped?.scenario)
    return `this browser has no scenario "${wanted.folder}" (the class plays "${wanted.title}"). Reload the page; if it stays, the server and this page are of different versions of Red Lines.`
  return `this browser's "${wanted.title}" (version ${shipped.scenario.version}) is not the one the class plays (version ${wanted.version}): the rules differ. Reload the page; if it stays, the server and this page are of different versions of Red Lines.`
}
