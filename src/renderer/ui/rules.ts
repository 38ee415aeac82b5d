// Keeping the exact rules of every game started, and finding them again for a save whose scenario changed.
import type { CompiledScenario } from '../../engine/index.ts'
import { decodeRules, encodeRules } from '../session/kept-rules.ts'
import type { App } from './app.ts'
import type { CatalogEntry } from './catalog.ts'
import { findByHash } from './catalog.ts'
import { originLabel } from './screens/scenario-labels.ts'

const keptThisRun = new Set<string>()

/**
 * Keeps the rules of a scenario a game is played on (once per hash). A failure costs only the option of
 * opening this game's saves on these exact rules after the scenario changes, so the player is told (the
 * line returned, for the game's notice), not stopped.
 */
export async function keepRulesOf(app: App, entry: Pick<CatalogEntry, 'rules'>): Promise<string | null> {
  const rules = entry.rules
  if (!rules || keptThisRun.has(rules.hash)) return null
  const result = await app.host.keepRules(rules.hash, encodeRules(rules))
  if (result.ok) {
    keptThisRun.add(rules.hash)
    return null
  }
  return `The game could not keep a copy of this scenario's rules (${result.message}). If the scenario changes, this game's saves can only be replayed on the new rules.`
}

export interface OldRules {
  scenario: CompiledScenario
  /** Where they were found, in words ("kept by the game", "the scenario folder old-copy (yours)"). */
  where: string
}

/** The exact rules that hash to `hash`: a scenario the game lists, or the copy kept when the game began. */
export async function findOldRules(app: App, hash: string): Promise<OldRules | string> {
  const listed = await findByHash(app.host, hash)
  if (listed?.scenario) {
    const where = `the scenario folder "${listed.listing.folder}" (${originLabel(listed.listing, app.host.edition)})`
    return { scenario: listed.scenario, where }
  }
  const kept = await app.host.readRules(hash)
  if (!kept.ok) return kept.code === 'not-found' ? 'the game did not keep a copy of them' : kept.message
  const scenario = decodeRules(kept.value, hash)
  return typeof scenario === 'string' ? scenario : { scenario, where: 'the copy the game kept when the game began' }
}
