// The projector at the front of the room (`?project=CODE`): the map, the escalation ladder and the chart,
// large and in high contrast; the phase, the timer and who has submitted — never a team's plan.
import type { ClassClient } from '../../classroom/class-client.ts'
import { formatRemaining } from '../../classroom/clock.ts'
import { projectorChart } from '../../classroom/projector-charts.ts'
import { classClientFor } from '../../classroom/start.ts'
import { teamPowers } from '../../classroom/teacher-panels.ts'
import { phaseSentence, readySummary } from '../../classroom/views.ts'
import { worldPanel } from '../../classroom/world-panel.ts'
import { turnDate } from '../../session/view-models.ts'
import type { App, Screen } from '../app.ts'
import { h, replaceChildren } from '../dom.ts'
import { exposeClient, linkStatusText } from './class-shared.ts'
import { joinErrorText } from './class-join.ts'

export function classProjectorScreen(code: string): Screen {
  let cleanup: (() => void) | null = null
  return {
    name: 'class-projector',
    title: `Class ${code} (projector)`,
    dispose: () => cleanup?.(),
    render(app: App) {
      const client: ClassClient = classClientFor(app)
      exposeClient(client)
      const world = worldPanel(app.settings, 'projector')
      const heading = h('h1', {}, `Class ${code}`)
      const phase = h('p', { className: 'class-phase' })
      const timer = h('p', { className: 'class-timer' })
      const status = h('p', { className: 'class-link', role: 'status' })
      const teams = h('ul', { className: 'projector-teams' })
      const chart = h('div', { className: 'projector-chart-slot' })
      let chartTurns = -1
      const main = h(
        'main',
        { className: 'class-projector' },
        h('header', { className: 'projector-header' }, heading, phase, timer, status),
        h('div', { className: 'projector-grid' }, world.element, world.ladder),
        h('section', { 'aria-label': 'Teams' }, teams),
        chart,
      )
      const refresh = () => {
        status.textContent =
          client.mirror.status === 'error' ? `This page cannot show the class: ${client.mirror.message}` : linkStatusText(client)
        const view = client.view
        if (!view || client.mirror.status !== 'ready') return
        const { session } = client.mirror
        const scn = session.scenario
        heading.textContent =
          view.phase === 'over'
            ? `${view.scenario.title}: the game is over`
            : `Turn ${view.turn} of ${view.setup.turnLimit} — ${turnDate(scn, view.turn)}`
        phase.textContent = `${phaseSentence(view)} ${view.phase === 'planning' ? readySummary(view.teams) : ''} Join with code ${view.code}.`
        replaceChildren(
          teams,
          teamPowers(scn, view).map((line) => h('li', {}, line)),
        )
        world.update(session)
        if (session.history.length !== chartTurns) {
          chartTurns = session.history.length
          replaceChildren(chart, projectorChart(session, Math.min(document.documentElement.clientWidth - 80, 1400)))
        }
      }
      const tick = () => {
        const left = client.remainingMs()
        const view = client.view
        timer.textContent =
          left === null || !view || view.phase === 'over' ? '' : `${view.paused ? 'Paused' : 'Time left'}: ${formatRemaining(left)}`
      }
      const unsubscribe = client.subscribe(() => (refresh(), tick()))
      const interval = setInterval(tick, 1000)
      cleanup = () => {
        unsubscribe()
        clearInterval(interval)
        world.destroy()
        void client.leave()
      }
      void client.join({ as: 'projector', code }).catch((error) => (status.textContent = joinErrorText(error)))
      return main
    },
  }
}
