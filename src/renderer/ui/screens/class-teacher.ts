// The teacher's console for a class (`?teach=CODE`; the key stays in this tab's sessionStorage): where the
// students join, the teams and their plans, the controls, the timer and the timeline. The projector view
// opens in another tab.
import type { ClassClient } from '../../classroom/class-client.ts'
import { formatRemaining } from '../../classroom/clock.ts'
import { rememberTeacherKey, teacherKey } from '../../classroom/identity.ts'
import { classUrl } from '../../classroom/routes.ts'
import { classClientFor } from '../../classroom/start.ts'
import { controlsPanel, joinPanel, teamsPanel } from '../../classroom/teacher-panels.ts'
import { classTimeline } from '../../classroom/timeline.ts'
import { phaseSentence, readySummary } from '../../classroom/views.ts'
import type { App, Screen } from '../app.ts'
import { announce, button, h, replaceChildren } from '../dom.ts'
import { classDebriefScreen, exposeClient, linkStatusText } from './class-shared.ts'
import { joinErrorText } from './class-join.ts'

/** Rebuilds a part of the page only when what it shows changed, keeping focus on the same control. */
function section(build: () => HTMLElement): { element: HTMLElement; update(key: string): void } {
  const element = h('div', { className: 'console-part' })
  let shown: string | null = null
  return {
    element,
    update(key) {
      if (key === shown) return
      shown = key
      const active = document.activeElement as HTMLElement | null
      const inside = active && element.contains(active) ? active.id || active.getAttribute('aria-label') || active.textContent : null
      replaceChildren(element, build())
      if (!inside) return
      const again = [...element.querySelectorAll<HTMLElement>('button, select, input, a')].find(
        (candidate) => (candidate.id || candidate.getAttribute('aria-label') || candidate.textContent) === inside,
      )
      again?.focus()
    },
  }
}

function keyForm(app: App, code: string): HTMLElement {
  const input = h('input', { id: 'teacher-key', type: 'password', autocomplete: 'off', minlength: 16 })
  return h(
    'form',
    {
      onsubmit: (event: Event) => {
        event.preventDefault()
        rememberTeacherKey(code, input.value.trim())
        app.show(classTeacherScreen(code))
      },
    },
    h('p', {}, `This tab does not hold the teacher’s key of class ${code}. Use the tab that made the class, or type the key.`),
    h('div', { className: 'field' }, h('label', { for: 'teacher-key' }, 'Teacher’s key'), input),
    h('button', { type: 'submit', className: 'primary' }, 'Open the console'),
  )
}

export function classTeacherScreen(code: string, existing?: ClassClient): Screen {
  let cleanup: (() => void) | null = null
  return {
    name: 'class-teacher',
    title: `Class ${code}`,
    dispose: () => cleanup?.(),
    render(app: App) {
      const key = teacherKey(code)
      const heading = h('h1', {}, `Class ${code}`)
      if (!key && !existing) return h('main', { className: 'class-teacher' }, heading, keyForm(app, code))
      const client = existing ?? classClientFor(app)
      exposeClient(client)
      const status = h('p', { className: 'class-link', role: 'status' })
      const alert = h('p', { className: 'error', role: 'alert' })
      const phase = h('p', { className: 'class-phase' })
      const timer = h('p', { className: 'class-timer' })
      const ready = h('p', { className: 'ready-summary' })
      const scenario = () => (client.mirror.status === 'ready' ? client.mirror.session.scenario : null)
      const send = (message: Parameters<ClassClient['sendTeacher']>[0]) => {
        if (!client.sendTeacher(message)) announce('Not connected: try again when the connection is back.')
      }
      const join = section(() => joinPanel(client.view!, client.teacher))
      const teams = section(() => teamsPanel(scenario(), client.view!, client.teacher))
      const controls = section(() => controlsPanel(scenario(), client.view!, send))
      const timeline = section(() => (scenario() ? classTimeline(scenario()!, client.view!) : h('p', {}, 'Loading the timeline…')))
      const main = h(
        'main',
        { className: 'class-teacher' },
        h(
          'header',
          { className: 'console-header' },
          heading,
          h('a', { href: classUrl(location.origin, 'project', code), target: '_blank', rel: 'noopener' }, 'Open the projector view'),
          button('Debrief', () => {
            const debrief = classDebriefScreen(client, () => app.show(classTeacherScreen(code, client)))
            if (debrief) app.show(debrief)
          }),
          status,
        ),
        alert,
        phase,
        timer,
        ready,
        h('div', { className: 'console-grid' }, join.element, h('div', {}, controls.element, teams.element)),
        timeline.element,
      )
      const refresh = () => {
        status.textContent = linkStatusText(client)
        alert.textContent =
          client.mirror.status === 'error' ? `This page cannot show the class: ${client.mirror.message}` : (client.lastError?.message ?? '')
        const view = client.view
        if (!view) return
        heading.textContent = `Class ${view.code} — ${view.scenario.title}`
        phase.textContent = phaseSentence(view)
        ready.textContent = view.phase === 'planning' ? readySummary(view.teams) : ''
        join.update(JSON.stringify([view.code, client.teacher?.joinUrl, client.teacher?.network]))
        teams.update(JSON.stringify([view.teams, view.phase, client.teacher?.plans, client.mirror.status]))
        controls.update(
          JSON.stringify([
            view.phase,
            view.paused,
            view.deadline !== null,
            view.turns.length,
            view.injects,
            view.difficulty,
            client.mirror.status,
          ]),
        )
        timeline.update(JSON.stringify([view.turns, client.mirror.status]))
      }
      const tick = () => {
        const left = client.remainingMs()
        const view = client.view
        timer.textContent =
          left === null || !view || view.phase === 'over'
            ? ''
            : `${view.paused ? 'Paused with' : 'Time left:'} ${formatRemaining(left)}${view.paused ? ' left' : ''}`
      }
      const unsubscribe = client.subscribe(() => (refresh(), tick()))
      const interval = setInterval(tick, 1000)
      // The client outlives the page: the debrief and back keep the same connection.
      cleanup = () => {
        unsubscribe()
        clearInterval(interval)
      }
      if (!existing && key)
        void client.join({ as: 'teacher', code, key }).catch((error) => {
          alert.textContent = joinErrorText(error)
        })
      return main
    },
  }
}
