// Saved games read for the debrief and for comparing groups: each slot's newest intact copy, replayed on
// the exact rules it was played with (its scenario as it is, or the copy the game kept), never on changed
// rules — a debrief must describe the game as it was played.
import type { CompiledScenario, Match } from '../../engine/index.ts'
import type { SlotId } from '../../shared/host.ts'
import { readSlot } from '../session/save-codec.ts'
import { GameSession } from '../session/session.ts'
import type { App } from './app.ts'
import { findOldRules } from './rules.ts'

export interface SavedGame {
  slot: SlotId
  name: string
  scenario: CompiledScenario
  match: Match
}

/** A slot's game, or why it cannot be read as played. */
export async function readSavedGame(app: App, slot: SlotId): Promise<SavedGame | string> {
  const generations = await app.host.readSave(slot)
  if (!generations.ok) return `“${slot}” cannot be read: ${generations.message}`
  const reading = readSlot(generations.value)
  if (!reading.chosen) return `“${slot}” has no intact copy`
  const payload = reading.chosen.payload
  const rules = await findOldRules(app, payload.scenario.hash)
  if (typeof rules === 'string')
    return `“${slot}” was played on rules that are no longer available (${payload.scenario.id} ${payload.scenario.version}): ${rules}`
  const session = GameSession.fromSave(payload, rules.scenario, {
    origin: payload.scenario.origin,
    folder: payload.scenario.folder,
    location: '',
  })
  if (typeof session === 'string') return `“${slot}” cannot be replayed: ${session}`
  return { slot, name: payload.name, scenario: rules.scenario, match: session.match }
}
