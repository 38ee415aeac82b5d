// The screen router and what every screen shares: the host, the settings, the current game.
import type { Host } from '../../shared/host.ts'
import type { GameSession } from '../session/session.ts'
import type { Settings } from '../session/settings.ts'
import { invalidateCatalog } from './catalog-invalidation.ts'
import { focusFirst, replaceChildren } from './dom.ts'

export interface App {
  host: Host
  settings: Settings
  session: GameSession | null
  root: HTMLElement
  /** Shows a screen: replaces the page's content, disposes the previous screen, moves focus. */
  show(screen: Screen): void
  /**
   * Calls `listener` with the folders of the user's scenarios that changed on disk (or in another tab), for
   * as long as the current screen is shown. The catalogue is already forgotten when it is called.
   */
  onScenariosChanged(listener: (folders: string[]) => void): void
}

export interface Screen {
  /** For tests and styling: data-screen on the root. */
  name: string
  title: string
  render(app: App): HTMLElement
  /** Called when another screen replaces this one. */
  dispose?(): void
}

export function createApp(host: Host, settings: Settings, root: HTMLElement): App {
  let current: Screen | null = null
  let changeListeners: ((folders: string[]) => void)[] = []
  host.onScenariosChanged((folders) => {
    invalidateCatalog()
    for (const listener of changeListeners) listener(folders)
  })
  const app: App = {
    host,
    settings,
    session: null,
    root,
    show(screen) {
      current?.dispose?.()
      current = screen
      changeListeners = []
      const element = screen.render(app)
      root.dataset.screen = screen.name
      root.removeAttribute('aria-busy')
      document.title = `${screen.title} — Red Lines`
      replaceChildren(root, element)
      focusFirst(element)
    },
    onScenariosChanged(listener) {
      changeListeners.push(listener)
    },
  }
  return app
}
