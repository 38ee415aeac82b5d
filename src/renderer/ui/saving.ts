// Saving: the autosave after every turn and named slots; the result is announced, never silent.
import type { SlotId } from '../../shared/host.ts'
import { AUTOSAVE_SLOT, isSlotName } from '../../shared/host.ts'
import { decodeSave, encodeSave } from '../session/save-codec.ts'
import type { App } from './app.ts'
import { announce, h, modal } from './dom.ts'

async function write(app: App, slot: SlotId, name: string): Promise<string | null> {
  const session = app.session
  if (!session) return 'there is no game to save'
  const text = encodeSave(session.toSavePayload(name, new Date().toISOString()))
  const result = await app.host.writeSave(slot, text)
  return result.ok ? null : result.message
}

export async function autosave(app: App): Promise<boolean> {
  return (await write(app, AUTOSAVE_SLOT, 'Autosave')) === null
}

export function slotFromName(name: string): SlotId {
  const slot: string =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'save'
  // A name such as "Con" or "LPT1" is a device on Windows, never a file: save it as "con-save".
  return isSlotName(slot) ? slot : `${slot.slice(0, 35)}-save`
}

export async function saveAs(app: App): Promise<void> {
  const session = app.session
  if (!session) return
  const input = h('input', {
    id: 'save-name',
    type: 'text',
    maxlength: 40,
    value: `${session.scenario.file.title} turn ${session.turn}`,
  })
  const chosen = await modal(
    'Save game',
    [h('label', { for: 'save-name' }, 'Name of the save'), input],
    [
      { label: 'Save', value: true, primary: true },
      { label: 'Cancel', value: false },
    ],
    false,
  )
  if (!chosen) return
  const slot = slotFromName(input.value)
  if (!isSlotName(slot) || slot === AUTOSAVE_SLOT) {
    announce('Choose another name for the save.')
    return
  }
  const problem = await write(app, slot, input.value.trim() || slot)
  announce(problem ? `Not saved: ${problem}.` : `Saved as "${input.value.trim() || slot}".`)
}

/** The slot name itself, or with -2, -3 … appended, so a new save never covers an existing one. */
export async function freeSlot(app: App, wanted: string): Promise<string> {
  const saves = await app.host.listSaves()
  const taken = new Set(saves.ok ? saves.value.map((save) => save.slot) : [])
  if (!taken.has(wanted)) return wanted
  for (let k = 2; ; k++) {
    const candidate = `${wanted.slice(0, 36)}-${k}`
    if (!taken.has(candidate)) return candidate
  }
}

/**
 * Before a new game takes the autosave slot, an unfinished game in it is kept under a name of its
 * own ("earlier-<scenario>-seed-<seed>"), so starting a new game never loses the previous one.
 */
export async function keepUnfinishedAutosave(app: App): Promise<string | null> {
  const generations = await app.host.readSave(AUTOSAVE_SLOT)
  if (!generations.ok) return null
  const newest = generations.value.find((generation) => generation.generation === 0)
  const decoded = newest ? decodeSave(newest.text) : null
  if (!decoded?.ok || decoded.payload.game.orders.length >= decoded.payload.game.turnLimit) return null
  const payload = decoded.payload
  const slot = await freeSlot(app, slotFromName(`earlier ${payload.scenario.id} seed ${payload.game.seed}`))
  const result = await app.host.writeSave(
    slot,
    encodeSave({ ...payload, name: `Earlier game (${payload.scenario.id}, seed ${payload.game.seed})` }),
  )
  return result.ok ? slot : null
}
