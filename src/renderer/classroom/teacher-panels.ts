// The teacher's console, piece by piece: where students join (address, big code, QR code), the teams with
// their devices, readiness and current plans, and the controls (start, pause, timer, injects, reveal,
// roll back, the computer's level).
import type { CompiledScenario, Difficulty } from '../../engine/index.ts'
import { DIFFICULTIES } from '../../engine/index.ts'
import type { ClassView, TeacherMessage, TeacherView } from '../../shared/classroom-protocol.ts'
import { actorName, describeChoice } from '../session/view-models.ts'
import { button, h, modal } from '../ui/dom.ts'
import { qrSvg } from './qr.ts'
import { classUrl } from './routes.ts'
import { teamLine } from './views.ts'

export function joinPanel(view: ClassView, teacher: TeacherView | null): HTMLElement {
  const joinUrl = teacher?.joinUrl ?? classUrl(location.origin, 'class', view.code)
  return h(
    'section',
    { className: 'class-join-panel', 'aria-labelledby': 'join-title' },
    h('h2', { id: 'join-title' }, 'Students join here'),
    h('p', { className: 'class-code-big', 'aria-label': `Class code ${view.code.split('').join(' ')}` }, view.code),
    h(
      'p',
      {},
      'Open ',
      h('a', { href: joinUrl, className: 'join-url' }, joinUrl),
      ' (or the browser edition’s “Join a class”), type the code and the team’s name.',
    ),
    qrSvg(joinUrl, `QR code of ${joinUrl}`),
    teacher?.network === 'loopback'
      ? h(
          'p',
          { className: 'notice' },
          'The class server listens on this computer only: devices of the students cannot reach it. Start it for the local network to let them join.',
        )
      : null,
  )
}

export function teamsPanel(scn: CompiledScenario | null, view: ClassView, teacher: TeacherView | null): HTMLElement {
  return h(
    'section',
    { className: 'class-teams-panel', 'aria-labelledby': 'teams-title' },
    h('h2', { id: 'teams-title' }, 'Teams'),
    h(
      'ul',
      { className: 'team-list' },
      view.teams.map((team) => {
        const plan = teacher?.plans[team.name]
        return h(
          'li',
          { 'data-team': team.name },
          h('p', { className: 'team-line' }, teamLine(scn, team, view.phase)),
          plan && view.phase !== 'over'
            ? h(
                'div',
                { className: 'team-plan' },
                h(
                  'ul',
                  {},
                  plan.choices.length
                    ? plan.choices.map((choice) => h('li', {}, scn ? describeChoice(scn, choice) : `${choice.actor}: ${choice.action}`))
                    : h('li', { className: 'note' }, 'Nothing planned yet.'),
                ),
                plan.rationale
                  ? h(
                      'p',
                      { className: 'note' },
                      `Reasons: ${plan.rationale.text}${plan.rationale.paragraph ? ` (paragraph ${plan.rationale.paragraph})` : ''}`,
                    )
                  : null,
              )
            : null,
        )
      }),
    ),
  )
}

/** " (article paragraphs 1, 2 and 36)": where an inject's text comes from. */
function paragraphsOf(citations: readonly { paragraph: number }[]): string {
  const numbers = [...new Set(citations.map((citation) => citation.paragraph))].sort((a, b) => a - b)
  if (numbers.length === 0) return ''
  const list = numbers.length === 1 ? String(numbers[0]) : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`
  return ` (article paragraph${numbers.length === 1 ? '' : 's'} ${list})`
}

export function controlsPanel(scn: CompiledScenario | null, view: ClassView, send: (message: TeacherMessage) => void): HTMLElement {
  const running = view.phase === 'planning' || view.phase === 'answering'
  const injects = scn?.file.injects ?? []
  const injectSelect = h(
    'select',
    { id: 'inject-choice', 'aria-describedby': 'inject-description' },
    injects.map((inject) => h('option', { value: inject.id }, inject.name)),
  )
  const injectDescription = h('p', { id: 'inject-description', className: 'note' })
  const describeInject = () => {
    const inject = injects.find((item) => item.id === injectSelect.value)
    injectDescription.textContent = inject ? `${inject.description}${paragraphsOf(inject.citations ?? [])}` : ''
  }
  injectSelect.addEventListener('change', describeInject)
  describeInject()
  const level = h(
    'select',
    { id: 'computer-level' },
    DIFFICULTIES.map((d) => h('option', { value: d, selected: d === view.difficulty }, d[0].toUpperCase() + d.slice(1))),
  )
  const rollback = async () => {
    const sure = await modal(
      'Roll back the last turn?',
      [
        h(
          'p',
          {},
          `Turn ${view.turns.length} is undone for everyone and the teams plan it again. Their rationales of that turn are dropped.`,
        ),
      ],
      [
        { label: 'Roll back', value: true, primary: true },
        { label: 'Cancel', value: false },
      ],
      false,
    )
    if (sure) send({ type: 'rollback' })
  }
  return h(
    'section',
    { className: 'class-controls', 'aria-labelledby': 'controls-title' },
    h('h2', { id: 'controls-title' }, 'Controls'),
    h(
      'div',
      { className: 'actions' },
      view.phase === 'lobby' ? button('Start the class', () => send({ type: 'start' }), { className: 'primary' }) : null,
      running && !view.paused ? button('Pause', () => send({ type: 'pause' })) : null,
      running && view.paused ? button('Resume', () => send({ type: 'resume' }), { className: 'primary' }) : null,
      running && view.deadline !== null
        ? button('+1 min', () => send({ type: 'extend', seconds: 60 }), { 'aria-label': 'Extend the timer by 1 minute' })
        : null,
      running && view.deadline !== null
        ? button('+5 min', () => send({ type: 'extend', seconds: 300 }), { 'aria-label': 'Extend the timer by 5 minutes' })
        : null,
      running ? button('End the turn now', () => send({ type: 'end-timer' }), { title: 'Teams that have not submitted pass' }) : null,
      view.turns.length > 0
        ? button('Reveal the last turn', () => send({ type: 'reveal' }), {
            title: 'Everyone sees every team’s orders and reasons of the last turn',
          })
        : null,
      view.turns.length > 0 && view.phase !== 'lobby' ? button('Roll back the last turn', () => void rollback()) : null,
    ),
    h(
      'div',
      { className: 'field' },
      h('label', { for: 'computer-level' }, 'Computer players'),
      level,
      button('Set level', () => send({ type: 'difficulty', level: level.value as Difficulty })),
    ),
    injects.length > 0 && view.phase !== 'over'
      ? h(
          'div',
          { className: 'class-injects' },
          h(
            'div',
            { className: 'field' },
            h('label', { for: 'inject-choice' }, 'Inject an event'),
            injectSelect,
            button('Inject', () => send({ type: 'inject', id: injectSelect.value })),
          ),
          injectDescription,
          view.injects.length
            ? h(
                'ul',
                { 'aria-label': 'Events queued for the next turn' },
                view.injects.map((id) =>
                  h(
                    'li',
                    {},
                    `${injects.find((inject) => inject.id === id)?.name ?? id} (next turn) `,
                    button('Cancel', () => send({ type: 'cancel-inject', id }), { className: 'small', 'aria-label': `Cancel ${id}` }),
                  ),
                ),
              )
            : null,
        )
      : null,
  )
}

/** Who plays what, for the projector and the console: "Dragons — China". */
export function teamPowers(scn: CompiledScenario, view: ClassView): string[] {
  return view.teams.map((team) => `${team.name} — ${actorName(scn, team.actor)}`)
}
