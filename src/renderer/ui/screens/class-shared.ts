// What the class screens share: the game's own turn report shown for a replayed turn of the class, the
// debrief of the class, the connection's state in words, and the test hook to the page's class client.
import type { Match, PlayedTurn } from '../../../engine/index.ts'
import type { ClassClient } from '../../classroom/class-client.ts'
import { actorName } from '../../session/view-models.ts'
import type { App, Screen } from '../app.ts'
import { debriefScreen } from './debrief.ts'
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
  const inner = reportScreen(turn, { gameTools: false })
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

/**
 * The debrief of the class as this device mirrors it: the replayed match with the rationales the class has
 * revealed (they arrive after the turn was replayed), and the teams' names for the powers they played.
 */
export function classDebriefScreen(client: ClassClient, onBack: () => void): Screen | null {
  const view = client.view
  if (!view || client.mirror.status !== 'ready') return null
  const { match, session } = client.mirror
  const withRationales: Match = {
    ...match,
    turns: match.turns.map((turn, index) => ({
      ...turn,
      decisions: { ...turn.decisions, rationales: view.turns[index]?.rationales ?? turn.decisions.rationales ?? [] },
    })),
  }
  return debriefScreen({
    scenario: session.scenario,
    match: withRationales,
    names: Object.fromEntries(view.teams.map((team) => [team.actor, `${team.name} (${actorName(session.scenario, team.actor)})`])),
    subtitle: `Class ${view.code}`,
    onBack,
    backLabel: 'Back to the class',
  })
}
