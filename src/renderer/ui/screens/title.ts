// The title screen: New game, Continue, Load game, Scenarios, Tutorial, Settings.
import { AUTOSAVE_SLOT } from '../../../shared/host.ts'
import type { App, Screen } from '../app.ts'
import { button, h } from '../dom.ts'

// Each screen is loaded when it is asked for, so the title shows before the engine and the game are loaded.

export function titleScreen(message?: string): Screen {
  return {
    name: 'title',
    title: 'Title',
    render(app: App) {
      const continueButton = button('Continue', () => void import('../load-game.ts').then((m) => m.continueLatest(app)), {
        disabled: true,
        'aria-describedby': 'continue-note',
      })
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
          button('New game', () => void import('./new-game.ts').then((m) => app.show(m.newGameScreen())), {
            className: 'primary',
            'data-autofocus': true,
          }),
          continueButton,
          button('Load game', () => void import('./load.ts').then((m) => app.show(m.loadGameScreen()))),
          button('Scenarios', () => void import('./scenarios.ts').then((m) => app.show(m.scenariosScreen()))),
          button('Tutorial', () => void import('./tutorial.ts').then((m) => app.show(m.tutorialScreen()))),
          app.host.edition === 'browser'
            ? button('Join a class', () => void import('./class-join.ts').then((m) => app.show(m.classJoinScreen())))
            : button('Host a class', () => void import('./class-host.ts').then((m) => app.show(m.classHostScreen()))),
          button('Settings', () => void import('./settings.ts').then((m) => app.show(m.settingsScreen(() => app.show(titleScreen()))))),
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
