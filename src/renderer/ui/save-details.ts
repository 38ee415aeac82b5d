// The Load screen's line about a save: read from its newest intact copy, scored on the exact rules it
// was played with (found by hash, as loading does).
import { readSlot } from '../session/save-codec.ts'
import { summariseSave, summaryLine } from '../session/save-summary.ts'
import type { SlotId } from '../../shared/host.ts'
import type { App } from './app.ts'
import { findOldRules } from './rules.ts'

export async function saveDetails(app: App, slot: SlotId): Promise<string> {
  const generations = await app.host.readSave(slot)
  if (!generations.ok) return `cannot be read: ${generations.message}`
  const reading = readSlot(generations.value)
  if (!reading.chosen) return 'no intact copy'
  const payload = reading.chosen.payload
  const rules = await findOldRules(app, payload.scenario.hash)
  return summaryLine(summariseSave(payload, typeof rules === 'string' ? null : rules.scenario))
}
