// The title screen: New game, Continue, Load game, Scenarios, Tutorial, Settings.
import { AUTOSAVE_SLOT } from '../../../shared/host.ts'
import type { App, Screen } from '../app.ts'
import { button, h } from '../dom.ts'
import { continueLatest } from '../load-game.ts'
import { classJoinScreen } from './class-join.ts'
import { loadGameScreen } from './load.ts'
import { newGameScreen } from './new-game.ts'
import { scenariosScreen } from './scenarios.ts'
import { settingsScreen } from './settings.ts'
import { tutorialScreen } from './tutorial.ts'

export function titleScreen(message?: string): Screen {
  return {
    name: 'title',
    title: 'Title',
    render(app: App) {
      const continueButton = button('Continue', () => void continueLatest(app), { disabled: true, 'aria-describedby': 'continue-note' })
      const continueNote = h('p', { id: 'continue-note', className: 'note' }, 'Looking for a saved game…')
      void app.host.listSaves().then((saves) => {
        const hasAutosave = saves.ok && saves.value.some((save) => save.slot === AUTOSAVE_SLOT)
        continueButton.disabled = !hasAutosave
        continueNote.textContent = hasAutosave ? 'Resume the game you played last.' : 'No game to continue yet.'
      })
      return h(
        'main',
        { className: 'title-screen' },
        h('h1', {}, 'Red Lines'),
        h(
          'p',
          { className: 'tagline' },
          'How great-power rivalry hardens into blocs — a game built from a 2021 analysis of China–Russia military alignment, where every rule cites its passage.',
        ),
        message ? h('p', { className: 'notice', role: 'alert' }, message) : null,
        h(
          'nav',
          { className: 'menu', 'aria-label': 'Main menu' },
          button('New game', () => app.show(newGameScreen()), { className: 'primary', 'data-autofocus': true }),
          continueButton,
          button('Load game', () => app.show(loadGameScreen())),
          button('Scenarios', () => app.show(scenariosScreen())),
          button('Tutorial', () => app.show(tutorialScreen())),
          app.host.edition === 'browser' ? button('Join a class', () => app.show(classJoinScreen())) : null,
          button('Settings', () => app.show(settingsScreen(() => app.show(titleScreen())))),
        ),
        continueNote,
        h(
          'p',
          { className: 'edition note' },
          app.host.edition === 'desktop' ? 'Desktop edition' : 'Browser edition: your saves stay in this browser.',
        ),
      )
    },
  }
}
