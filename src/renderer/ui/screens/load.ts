// Load game: every save slot, newest first; loading picks the newest intact copy.
import type { App, Screen } from '../app.ts'
import { announce, button, h, modal, replaceChildren } from '../dom.ts'
import { loadSlot, replaySave } from '../load-game.ts'
import { freeSlot, slotFromName } from '../saving.ts'
import { decodeSave, encodeSave, readSlot } from '../../session/save-codec.ts'
import { MAX_SAVE_BYTES } from '../../../shared/host.ts'
import { titleScreen } from './title.ts'
import { readSavedGame } from '../saved-games.ts'
import { saveDetails } from '../save-details.ts'
import { compareProblem } from '../../../engine/debrief/index.ts'
import { compareScreen } from './debrief-compare.ts'
import { debriefScreen } from './debrief.ts'

/** Offers the newest intact copy of a slot as a file (a download, or a save dialog on the desktop). */
async function exportSlot(app: App, slot: string): Promise<void> {
  const generations = await app.host.readSave(slot)
  const reading = generations.ok ? readSlot(generations.value) : null
  if (!reading?.chosen) {
    announce(`"${slot}" has no intact copy to export.`)
    return
  }
  const text = encodeSave(reading.chosen.payload)
  const result = await app.host.exportFile(`red-lines-${slot}.json`, text)
  announce(result.ok ? `Exported ${slot}.` : `Not exported: ${result.message}`)
}

/** Checks a save file from the user and keeps it in a slot named after it; a bad file is refused with the reason. */
async function importSave(app: App, file: File): Promise<void> {
  try {
    await importChecked(app, file)
  } catch (error) {
    announce(`Not imported: ${file.name}: ${(error as Error)?.message ?? String(error)}.`)
  }
}

async function importChecked(app: App, file: File): Promise<void> {
  if (file.size > MAX_SAVE_BYTES) {
    announce(`Not imported: ${file.name} is larger than a save can be.`)
    return
  }
  const decoded = decodeSave(await file.text())
  if (!decoded.ok) {
    announce(`Not imported: ${file.name}: ${decoded.reason}.`)
    return
  }
  const replayed = await replaySave(app, decoded.payload)
  if (replayed === null) {
    announce(`Not imported: ${file.name}.`)
    return
  }
  if (typeof replayed === 'string') {
    announce(`Not imported: ${file.name}: ${replayed}.`)
    return
  }
  const slot = await freeSlot(app, slotFromName(`imported ${decoded.payload.name}`))
  const result = await app.host.writeSave(slot, encodeSave(decoded.payload))
  announce(result.ok ? `Imported "${decoded.payload.name}" as ${slot}.` : `Not imported: ${result.message}`)
}

/** Opens a saved game's debrief, on the exact rules it was played with. */
async function debriefSlot(app: App, slot: string): Promise<void> {
  const game = await readSavedGame(app, slot)
  if (typeof game === 'string') {
    announce(`No debrief: ${game}.`)
    return
  }
  app.show(
    debriefScreen({
      scenario: game.scenario,
      match: game.match,
      subtitle: `Save “${game.name}”`,
      onBack: () => app.show(loadGameScreen()),
    }),
  )
}

/** Compares the games of the chosen slots (the same scenario and seed). */
async function compareSlots(app: App, slots: string[]): Promise<void> {
  if (slots.length < 2) {
    announce('Choose at least two saved games to compare.')
    return
  }
  const games = []
  for (const slot of slots) {
    const game = await readSavedGame(app, slot)
    if (typeof game === 'string') {
      announce(`Cannot compare: ${game}.`)
      return
    }
    games.push(game)
  }
  const scenario = games[0].scenario
  const compared = games.map((game) => ({ label: game.slot, match: game.match }))
  const problem = compareProblem(scenario, compared)
  if (problem) {
    announce(`Cannot compare: ${problem}.`)
    return
  }
  app.show(compareScreen(scenario, compared, () => app.show(loadGameScreen())))
}

/** The save's scenario, powers, turn, score and date, filled in once read (the file's time until then). */
function detailsOf(app: App, slot: string, modified: string): HTMLElement {
  const details = h('span', { className: 'save-details' }, `— ${new Date(modified).toLocaleString('en-GB')}`)
  void saveDetails(app, slot).then((line) => (details.textContent = `— ${line}`))
  return details
}

export function loadGameScreen(): Screen {
  return {
    name: 'load',
    title: 'Load game',
    render(app: App) {
      const list = h('ul', { className: 'slots' }, h('li', {}, 'Looking for saves…'))
      const refresh = async () => {
        const saves = await app.host.listSaves()
        if (!saves.ok) {
          replaceChildren(list, h('li', { role: 'alert' }, `Saves cannot be listed: ${saves.message}`))
          return
        }
        const sorted = [...saves.value].sort((a, b) => (a.modified < b.modified ? 1 : -1))
        replaceChildren(
          list,
          sorted.length === 0 ? h('li', {}, 'No saved games yet.') : null,
          sorted.map((save) =>
            h(
              'li',
              {},
              h('strong', { className: 'slot-name' }, save.slot === 'autosave' ? 'Autosave' : save.slot),
              ' ',
              detailsOf(app, save.slot, save.modified),
              ' ',
              button('Load', () => void loadSlot(app, save.slot), { 'aria-label': `Load ${save.slot}` }),
              ' ',
              button('Debrief', () => void debriefSlot(app, save.slot), { 'aria-label': `Debrief ${save.slot}` }),
              ' ',
              button('Export', () => void exportSlot(app, save.slot), { 'aria-label': `Export ${save.slot}` }),
              ' ',
              button(
                'Delete',
                async () => {
                  const sure = await modal(
                    `Delete "${save.slot}"?`,
                    ['This removes the save and its earlier copies.'],
                    [
                      { label: 'Delete', value: true },
                      { label: 'Keep', value: false, primary: true },
                    ],
                    false,
                  )
                  if (!sure) return
                  const result = await app.host.deleteSave(save.slot)
                  announce(result.ok ? `Deleted ${save.slot}.` : `Not deleted: ${result.message}`)
                  void refresh()
                },
                { 'aria-label': `Delete ${save.slot}` },
              ),
              ' ',
              h(
                'span',
                { className: 'compare-pick' },
                h('input', { type: 'checkbox', id: `compare-${save.slot}`, 'data-slot': save.slot }),
                h('label', { for: `compare-${save.slot}` }, 'Compare', h('span', { className: 'visually-hidden' }, ` ${save.slot}`)),
              ),
            ),
          ),
        )
      }
      void refresh()
      const picker = h('input', { id: 'import-save', type: 'file', accept: '.json,application/json' })
      picker.addEventListener('change', () => {
        const file = picker.files?.[0]
        picker.value = ''
        if (file) void importSave(app, file).then(refresh)
      })
      return h(
        'main',
        { className: 'load' },
        h('h1', {}, 'Load game'),
        list,
        h('div', { className: 'field' }, h('label', { for: 'import-save' }, 'Import a save file'), picker),
        h(
          'div',
          { className: 'actions' },
          button('Back', () => app.show(titleScreen())),
          button(
            'Compare the chosen games',
            () =>
              void compareSlots(
                app,
                [...list.querySelectorAll<HTMLInputElement>('input[data-slot]:checked')].map((input) => input.dataset.slot ?? ''),
              ),
          ),
        ),
      )
    },
  }
}
