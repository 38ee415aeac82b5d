// Playtest: the current game again from turn 1 on the scenario's files as they are now — the same seed
// and players, the choices made so far where the changed rules still allow them. The game before is kept
// until the next Playtest, and one button brings it back.
import type { GameSession } from '../session/session.ts'
import type { App } from './app.ts'
import { invalidateCatalog, loadEntry } from './catalog.ts'
import { announce } from './dom.ts'
import { carryGuide } from './guide.ts'
import type { GameNotice } from './notice.ts'
import { rerunNotice } from './rerun-notice.ts'
import { keepRulesOf } from './rules.ts'
import { endScreen } from './screens/end.ts'
import { gameScreen } from './screens/game.ts'
import { handOverScreen } from './screens/hand-over.ts'

/** The most problems of a broken scenario shown on the game screen (the Scenarios screen lists them all). */
const PROBLEMS_SHOWN = 5

let running = false

/**
 * Shows the game where it stands: its outcome, or its turn — through the hot-seat hand-over when another
 * game has taken its place (its first player plans first, whoever pressed Playtest).
 */
function showGame(app: App, notice: GameNotice, handOver = false): void {
  const session = app.session
  if (!session) return
  announce(notice.lines.join(' '))
  if (session.over) app.show(endScreen(notice))
  else if (handOver && session.humans.length > 1) app.show(handOverScreen(session.activeActor, () => app.show(gameScreen(notice))))
  else app.show(gameScreen(notice))
}

export async function playtest(app: App): Promise<void> {
  const previous = app.session
  // A scenario writer's tool: a player without the writer tools on never replays the game by accident.
  if (running || !previous || previous.resolving || !app.settings.writerTools) return
  running = true
  const screen = app.root.dataset.screen
  try {
    invalidateCatalog()
    const entry = await loadEntry(app.host, previous.listing)
    // The player may have moved on while the scenarios were read: then Playtest does nothing.
    if (app.session !== previous || previous.resolving || app.root.dataset.screen !== screen) return
    if (!entry.scenario) {
      const more = entry.errors.length - PROBLEMS_SHOWN
      showGame(app, {
        lines: [
          `Playtest: the scenario cannot be loaded as it is now, so the game goes on unchanged. Fix these and ${app.settings.singleKeyShortcuts ? 'press P' : 'use Playtest'} again:`,
          ...entry.errors.slice(0, PROBLEMS_SHOWN),
          ...(more > 0 ? [`…and ${more} more (all of them are on the Scenarios screen).`] : []),
        ],
      })
      return
    }
    const rerun = previous.rerunOn(entry.scenario, entry.listing)
    if (typeof rerun === 'string') {
      showGame(app, { lines: [`Playtest: the changed scenario cannot host this game (${rerun}); the game goes on unchanged.`] })
      return
    }
    const notKept = await keepRulesOf(app, entry)
    if (app.session !== previous) return
    carryGuide(previous, rerun.session)
    app.session = rerun.session
    const same = entry.scenario.hash === previous.scenario.hash
    const lines = rerunNotice(rerun, previous.scenario, same ? 'Playtest (the rules are unchanged):' : 'Playtest on the changed rules:')
    showGame(
      app,
      {
        lines: notKept ? [...lines, notKept] : lines,
        undo: { label: 'Back to the game before Playtest', run: () => restore(app, previous) },
      },
      true,
    )
  } finally {
    running = false
  }
}

function restore(app: App, previous: GameSession): void {
  app.session = previous
  showGame(app, { lines: ['Back to the game as it was before Playtest.'] }, true)
}
