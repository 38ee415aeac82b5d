// Playtest: the current game again from turn 1 on the scenario's files as they are now — the same seed
// and players, the choices made so far where the changed rules still allow them.
import type { App } from './app.ts'
import { invalidateCatalog, loadEntry } from './catalog.ts'
import { announce } from './dom.ts'
import { rerunNotice } from './rerun-notice.ts'
import { keepRulesOf } from './rules.ts'
import { gameScreen } from './screens/game.ts'

/** The most problems of a broken scenario shown on the game screen (the Scenarios screen lists them all). */
const PROBLEMS_SHOWN = 5

export async function playtest(app: App): Promise<void> {
  const previous = app.session
  if (!previous || previous.resolving) return
  invalidateCatalog()
  const entry = await loadEntry(app.host, previous.listing)
  if (!entry.scenario) {
    const more = entry.problems.length - PROBLEMS_SHOWN
    const notice = [
      'Playtest: the scenario cannot be loaded as it is now, so the game goes on unchanged. Fix these and press P again:',
      ...entry.problems.slice(0, PROBLEMS_SHOWN),
      ...(more > 0 ? [`…and ${more} more (all of them are on the Scenarios screen).`] : []),
    ]
    announce(notice[0])
    app.show(gameScreen(notice))
    return
  }
  const rerun = previous.rerunOn(entry.scenario, entry.listing)
  if (typeof rerun === 'string') {
    const notice = [`Playtest: the changed scenario cannot host this game (${rerun}); the game goes on unchanged.`]
    announce(notice[0])
    app.show(gameScreen(notice))
    return
  }
  void keepRulesOf(app, entry)
  app.session = rerun.session
  const same = entry.scenario.hash === previous.scenario.hash
  const notice = rerunNotice(rerun, previous.scenario, same ? 'Playtest (the rules are unchanged):' : 'Playtest on the changed rules:')
  announce(notice.join(' '))
  app.show(gameScreen(notice))
}
