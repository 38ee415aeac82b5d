// The steps of a turn on one device, as the session orders them: each player plans, each answers the joint
// actions proposed to it, a player whose choice a partner declined plans again, then the turn resolves. A
// hand-over screen comes between two players, so nobody sees another's plan.
import type { GameSession, ResolvedTurn, TurnStep } from '../session/session.ts'
import type { App } from './app.ts'
import { announce } from './dom.ts'
import { guideEvent } from './guide.ts'
import { autosave } from './saving.ts'
import { consentScreen } from './screens/consent.ts'
import { gameScreen } from './screens/game.ts'
import { handOverScreen } from './screens/hand-over.ts'
import { reportScreen } from './screens/report.ts'

/** Shows what the step asks for; `page` is the screen's root, kept inert while the turn resolves. */
export function followStep(app: App, session: GameSession, step: TurnStep, page: HTMLElement): void {
  if (step.kind === 'plan') {
    const plan = () => app.show(gameScreen())
    if (step.handOver) app.show(handOverScreen(step.actor, plan, step.dropped.length > 0 ? 'replan' : 'plan'))
    else {
      plan()
      if (step.dropped.length > 0) announce('A joint action of your plan will not happen: it is removed and its capital is yours again.')
    }
    return
  }
  if (step.kind === 'answer') {
    const answer = () =>
      app.show(
        consentScreen(session, step.partner, step.questions, () => {
          session.nextStep().then(
            (next) => followStep(app, session, next, document.querySelector('main') ?? page),
            (error: unknown) => announce(`The turn could not go on: ${(error as Error).message}.`),
          )
        }),
      )
    if (step.handOver) app.show(handOverScreen(step.partner, answer, 'answer'))
    else answer()
    return
  }
  void resolveOnDevice(app, session, page)
}

async function resolveOnDevice(app: App, session: GameSession, page: HTMLElement): Promise<void> {
  if (session.resolving) return
  // Nothing on the page may change the plan or leave the screen while the turn resolves.
  page.inert = true
  page.setAttribute('aria-busy', 'true')
  let resolved: ResolvedTurn
  try {
    resolved = await session.endTurn()
  } catch (error) {
    page.inert = false
    page.removeAttribute('aria-busy')
    announce(`The turn could not be resolved: ${(error as Error).message}. Your plan is kept.`)
    return
  }
  const guide = guideEvent(session, 'turn-ended')
  // The state has advanced: autosave it whatever the screen does next. The save is taken at once (autosave
  // encodes the session before it awaits) and written while the report shows, which says when it is done.
  const saving = autosave(app)
  if (page.isConnected) app.show(reportScreen(resolved, { autosave: saving }))
  const saved = await saving
  const incidents = resolved.result.incidents.length
  announce(
    `Turn ${resolved.result.turn} resolved: ${resolved.result.orders.length} actions, ${incidents} incident${incidents === 1 ? '' : 's'}. ${saved ? 'Autosaved.' : 'Autosave failed.'} ${guide}`.trim(),
  )
}
