// The screen router and what every screen shares: the host, the settings, the current game.
import type { Host } from '../../shared/host.ts'
import type { GameSession } from '../session/session.ts'
import type { Settings } from '../session/settings.ts'
import { focusFirst, replaceChildren } from './dom.ts'

export interface App {
  host: Host
  settings: Settings
  session: GameSession | null
  root: HTMLElement
  /** Shows a screen: replaces the page's content, disposes the previous screen, moves focus. */
  show(screen: Screen): void
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
  const app: App = {
    host,
    settings,
    session: null,
    root,
    show(screen) {
      current?.dispose?.()
      current = screen
      const element = screen.render(app)
      root.dataset.screen = screen.name
      root.removeAttribute('aria-busy')
      document.title = `${screen.title} — Red Lines`
      replaceChildren(root, element)
      focusFirst(element)
    },
  }
  return app
}
