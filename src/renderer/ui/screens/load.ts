// Load game: every save slot, newest first; loading picks the newest intact copy.
import type { App, Screen } from '../app.ts'
import { announce, button, h, modal, replaceChildren } from '../dom.ts'
import { loadSlot } from '../load-game.ts'
import { titleScreen } from './title.ts'

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
              h('span', {}, `${save.slot === 'autosave' ? 'Autosave' : save.slot} — ${new Date(save.modified).toLocaleString()}`),
              ' ',
              button('Load', () => void loadSlot(app, save.slot), { 'aria-label': `Load ${save.slot}` }),
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
            ),
          ),
        )
      }
      void refresh()
      return h(
        'main',
        { className: 'load' },
        h('h1', {}, 'Load game'),
        list,
        h(
          'div',
          { className: 'actions' },
          button('Back', () => app.show(titleScreen())),
        ),
      )
    },
  }
}
