// A student's screen in a class: only the team's own power. Planning (cards, plan, rationale, Submit orders),
// waiting for the other teams (names only), the joint proposals put to the team, the turn report of each
// resolution (the game's own report, on the replayed turn), the paused state and the end of the game.
import type { CitationData } from '../../../engine/index.ts'
import type { ClassClient } from '../../classroom/class-client.ts'
import { formatRemaining } from '../../classroom/clock.ts'
import { rememberSeat } from '../../classroom/identity.ts'
import type { Panel } from '../../classroom/student-panels.ts'
import { answeringPanel, planningPanel, submittedPanel } from '../../classroom/student-panels.ts'
import { classTimeline } from '../../classroom/timeline.ts'
import { phaseSentence } from '../../classroom/views.ts'
import { worldPanel } from '../../classroom/world-panel.ts'
import { actorName, scoreText, turnDate } from '../../session/view-models.ts'
import type { App, Screen } from '../app.ts'
import { button, h, replaceChildren } from '../dom.ts'
import { classDebriefScreen, classReportScreen, exposeClient, linkStatusText } from './class-shared.ts'
import { classJoinScreen } from './class-join.ts'
import { readerScreen } from './reader.ts'

/** What a student's device remembers between its screens: the turns whose report it has shown. */
interface StudentUi {
  reported: number | null
}

export function classStudentScreen(client: ClassClient, ui: StudentUi = { reported: null }): Screen {
  let cleanup: (() => void) | null = null
  return {
    name: 'class-student',
    title: 'Your team',
    dispose: () => cleanup?.(),
    render(app: App) {
      exposeClient(client)
      const world = worldPanel(app.settings, 'student')
      const heading = h('h1', {}, 'Joining the class…')
      const who = h('p', { className: 'class-who' })
      const timer = h('p', { className: 'class-timer', 'aria-live': 'off' })
      const status = h('p', { className: 'class-link', role: 'status' })
      const alert = h('p', { className: 'error', role: 'alert' })
      const phase = h('p', { className: 'class-phase' })
      const body = h('div', { className: 'class-body' })
      // The class's timeline (with the plans and reasons the teacher revealed), redrawn when a turn changes.
      const timeline = h('div', { className: 'class-student-timeline' })
      let timelineKey = ''
      const main = h(
        'main',
        { className: 'class-student' },
        h('header', { className: 'game-header' }, heading, who, timer, status),
        alert,
        phase,
        world.element,
        world.ladder,
        body,
        timeline,
      )
      let panel: Panel | null = null
      let modeKey = ''
      const back = () => app.show(classStudentScreen(client, ui))
      const onRead = (citation?: CitationData) => {
        if (client.mirror.status === 'ready') app.show(readerScreen(client.mirror.session.scenario, citation, back))
      }

      const refresh = () => {
        const view = client.view
        status.textContent = linkStatusText(client)
        alert.textContent =
          client.mirror.status === 'error' ? `This page cannot show the class: ${client.mirror.message}` : (client.lastError?.message ?? '')
        if (client.status === 'refused') {
          replaceChildren(
            body,
            button('Join again', () => app.show(classJoinScreen(client.code)), { className: 'primary' }),
          )
          modeKey = 'refused'
          return
        }
        if (!view || client.mirror.status !== 'ready') return
        const { session, match } = client.mirror
        const scn = session.scenario
        const seat = client.seat
        if (seat && client.code) rememberSeat(client.code, { team: seat.team, rejoin: seat.rejoin })
        // A turn resolved since this device last looked: its report first (not on joining mid-game).
        ui.reported = Math.min(ui.reported ?? match.turns.length, match.turns.length)
        if (ui.reported < match.turns.length) {
          const index = ui.reported
          app.show(
            classReportScreen(client, match.turns[index], () => {
              ui.reported = index + 1
              app.show(classStudentScreen(client, ui))
            }),
          )
          return
        }
        world.update(session)
        const turnsKey = JSON.stringify(view.turns)
        if (turnsKey !== timelineKey) {
          timelineKey = turnsKey
          replaceChildren(timeline, view.turns.length > 0 ? classTimeline(scn, view) : null)
        }
        const actor = seat?.actor ?? session.activeActor
        heading.textContent =
          view.phase === 'over' ? 'The game is over' : `Turn ${view.turn} of ${view.setup.turnLimit} — ${turnDate(scn, view.turn)}`
        who.textContent = seat
          ? `Team ${seat.team} · playing ${actorName(scn, actor)} · Score ${scoreText(scn, session.state, scn.roleByActor[actor]?.id ?? '')} · rejoin code ${seat.rejoin}`
          : ''
        phase.textContent = phaseSentence(view)
        body.inert = view.paused
        const ready = client.draft.ready
        const mode = view.phase === 'planning' ? (ready ? 'submitted' : 'planning') : view.phase
        const key = `${mode}|${view.turn}|${match.turns.length}|${seat ? 'seat' : 'none'}`
        if (key === modeKey) return panel?.refresh()
        modeKey = key
        panel = null
        if (!seat && view.phase !== 'over') return replaceChildren(body, h('p', {}, 'Waiting for your seat…'))
        if (mode === 'planning') panel = planningPanel(client, session, onRead)
        else if (mode === 'submitted') panel = submittedPanel(client, session)
        else if (mode === 'answering') panel = answeringPanel(client, session)
        if (panel) return replaceChildren(body, panel.element)
        if (mode === 'over') {
          return replaceChildren(
            body,
            h(
              'section',
              { 'aria-labelledby': 'scores-title' },
              h('h2', { id: 'scores-title' }, 'Scores'),
              button(
                'Debrief',
                () => {
                  const debrief = classDebriefScreen(client, back)
                  if (debrief) app.show(debrief)
                },
                { className: 'primary' },
              ),
              h(
                'ul',
                {},
                view.teams.map((team) =>
                  h(
                    'li',
                    {},
                    `${team.name} (${actorName(scn, team.actor)}): ${scoreText(scn, session.state, scn.roleByActor[team.actor]?.id ?? '', 'last turn')}`,
                  ),
                ),
              ),
            ),
          )
        }
        replaceChildren(
          body,
          h('p', {}, 'The teacher will start the class soon. Your team:'),
          h('p', {}, seat ? `${seat.team}, playing ${actorName(scn, actor)}.` : ''),
        )
      }
      const tick = () => {
        const left = client.remainingMs()
        const view = client.view
        timer.textContent =
          left === null || !view || view.phase === 'over' || view.phase === 'lobby'
            ? ''
            : `${view.paused ? 'Paused with' : 'Time left:'} ${formatRemaining(left)}${view.paused ? ' left' : ''}`
      }
      const unsubscribe = client.subscribe(() => {
        refresh()
        tick()
      })
      const interval = setInterval(tick, 1000)
      cleanup = () => {
        unsubscribe()
        clearInterval(interval)
        world.destroy()
      }
      queueMicrotask(() => {
        refresh()
        tick()
      })
      return main
    },
  }
}
