// Loading saved games: the newest valid generation of a slot, with damaged ones reported and the
// previous generation offered; the save's scenario found and checked against the recorded hash.
import type { SlotId } from '../../shared/host.ts'
import { AUTOSAVE_SLOT } from '../../shared/host.ts'
import type { SavePayload } from '../../shared/save-format.ts'
import { readSlot } from '../session/save-codec.ts'
import { GameSession } from '../session/session.ts'
import type { App } from './app.ts'
import { loadEntry } from './catalog.ts'
import { announce, modal } from './dom.ts'
import { gameScreen } from './screens/game.ts'
import { titleScreen } from './screens/title.ts'

/** Loads a slot; any failure comes back to the title screen with the reason, never silently. */
export async function loadSlot(app: App, slot: SlotId): Promise<void> {
  try {
    await openSlot(app, slot)
  } catch (error) {
    app.show(
      titleScreen(`The save "${slot}" could not be opened: ${(error as Error)?.message ?? String(error)}. The file is kept untouched.`),
    )
  }
}

/** Checks that a save's scenario is here and that its orders replay to its recorded state. */
export async function replaySave(app: App, payload: SavePayload): Promise<GameSession | string> {
  const entry = await loadEntry(app.host, { origin: payload.scenario.origin, folder: payload.scenario.folder })
  if (!entry.scenario) return `its scenario "${payload.scenario.id}" cannot be loaded: ${entry.problems[0] ?? 'it is missing'}`
  return GameSession.fromSave(payload, entry.scenario, entry.listing)
}

async function openSlot(app: App, slot: SlotId): Promise<void> {
  const generations = await app.host.readSave(slot)
  if (!generations.ok) {
    app.show(titleScreen(`Could not read the save "${slot}": ${generations.message}`))
    return
  }
  const reading = readSlot(generations.value)
  if (!reading.chosen) {
    const reasons = reading.damaged.map((d) => `generation ${d.generation}: ${d.reason}`).join('; ')
    app.show(titleScreen(`The save "${slot}" is damaged and no earlier copy could be read (${reasons}). The files are kept untouched.`))
    return
  }
  if (reading.damaged.length > 0) {
    const newest = reading.damaged[0]
    const useOlder = await modal(
      'This save is damaged',
      [
        `The latest copy of "${slot}" could not be used: ${newest.reason}.`,
        ` An earlier copy (${reading.chosen.generation} save${reading.chosen.generation === 1 ? '' : 's'} back) is intact. The damaged copy is kept, not deleted.`,
      ],
      [
        { label: 'Open the earlier copy', value: true, primary: true },
        { label: 'Cancel', value: false },
      ],
      false,
    )
    if (!useOlder) return
  }
  const payload = reading.chosen.payload
  const session = await replaySave(app, payload)
  if (typeof session === 'string') {
    app.show(titleScreen(`The save "${slot}" cannot be opened: ${session}.`))
    return
  }
  app.session = session
  announce(`Loaded "${payload.name}", turn ${session.turn}.`)
  app.show(gameScreen())
}

export function continueLatest(app: App): Promise<void> {
  return loadSlot(app, AUTOSAVE_SLOT)
}
