// What the class screens share: the game's own turn report shown for a replayed turn of the class, the
// connection's state in words, and the test hook to the page's class client.
import type { PlayedTurn } from '../../../engine/index.ts'
import type { ClassClient } from '../../classroom/class-client.ts'
import type { App, Screen } from '../app.ts'
import { reportScreen } from './report.ts'

/** The connection in a sentence ('' when all is well). */
export function linkStatusText(client: ClassClient): string {
  switch (client.status) {
    case 'connecting':
      return 'Connecting to the class…'
    case 'reconnecting':
      return 'Reconnecting… Your seat and your orders are kept.'
    case 'refused':
      return `The class refused this device: ${client.link.detail}`
    case 'closed':
      return 'Disconnected from the class.'
    default:
      return ''
  }
}

/**
 * The turn report of the game screen, for a turn the class resolved: it reads the mirrored match as its
 * session, and its way on (Next turn, See the outcome) comes back to the class.
 */
export function classReportScreen(client: ClassClient, turn: PlayedTurn, onDone: () => void): Screen {
  const inner = reportScreen(turn)
  return {
    name: 'class-report',
    title: inner.title,
    render(app: App) {
      const session = client.mirror.status === 'ready' ? client.mirror.session : app.session
      const proxy: App = {
        ...app,
        session,
        show(screen) {
          if (screen.name === 'game' || screen.name === 'end') return onDone()
          // The reader and the report again (its Back): still on the class's match.
          app.show({ ...screen, render: () => screen.render(proxy) })
        },
      }
      return inner.render(proxy)
    },
  }
}

declare global {
  interface Window {
    /** The page's class client, for the end-to-end tests (like __redLines for the map). */
    __redLinesClass?: ClassClient
  }
}

export function exposeClient(client: ClassClient): void {
  window.__redLinesClass = client
}
