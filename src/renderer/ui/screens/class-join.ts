// "Join a class" (the browser edition): the class code from the teacher's screen and the team's name, or the
// team's rejoin code from another device. Every refusal is said in words the student can act on.
import { JOIN_ERRORS } from '../../../shared/classroom-protocol.ts'
import type { JoinOptions } from '../../../shared/classroom-protocol.ts'
import type { ClassClient } from '../../classroom/class-client.ts'
import { rememberSeat, rememberedSeat } from '../../classroom/identity.ts'
import { normaliseCode, rememberRoute } from '../../classroom/routes.ts'
import { classClientFor } from '../../classroom/start.ts'
import { JoinRefused } from '../../classroom/transport.ts'
import type { App, Screen } from '../app.ts'
import { announce, button, h } from '../dom.ts'
import { classStudentScreen } from './class-student.ts'
import { titleScreen } from './title.ts'

const REJOIN = /^[2-9A-HJKMNP-Z]{8}$/

/** Why a join failed, for the student. */
export function joinErrorText(error: unknown): string {
  if (error instanceof JoinRefused) return error.message
  const known = Object.values(JOIN_ERRORS).find((known) => known.code === (error as { code?: unknown })?.code)
  if (known) return known.message
  return `The class server cannot be reached (${(error as Error)?.message ?? 'no answer'}). Check that this device is on the class's network, then try again.`
}

async function joinAs(app: App, options: JoinOptions & { as: 'student' }, error: HTMLElement, form: HTMLFormElement): Promise<void> {
  const client: ClassClient = classClientFor(app)
  form.inert = true
  form.setAttribute('aria-busy', 'true')
  error.textContent = ''
  try {
    await client.join(options)
  } catch (failure) {
    form.inert = false
    form.removeAttribute('aria-busy')
    error.textContent = joinErrorText(failure)
    if (options.rejoin) rememberSeat(options.code, null)
    announce(error.textContent)
    return
  }
  rememberRoute('class', options.code)
  announce('Joined the class.')
  app.show(classStudentScreen(client))
}

/** `autoJoin`: a browser that was in the class takes its seat again at once (a page closed and opened again). */
export function classJoinScreen(presetCode: string | null = null, autoJoin = false): Screen {
  return {
    name: 'class-join',
    title: 'Join a class',
    render(app: App) {
      const remembered = presetCode ? rememberedSeat(presetCode) : null
      const code = h('input', {
        id: 'class-code',
        type: 'text',
        autocomplete: 'off',
        autocapitalize: 'characters',
        spellcheck: 'false',
        maxlength: 9,
        value: presetCode ?? '',
        'aria-describedby': 'class-code-note',
      })
      const team = h('input', {
        id: 'team-name',
        type: 'text',
        autocomplete: 'off',
        maxlength: 40,
        value: remembered?.team ?? '',
      })
      const rejoin = h('input', {
        id: 'rejoin-code',
        type: 'text',
        autocomplete: 'off',
        autocapitalize: 'characters',
        spellcheck: 'false',
        maxlength: 8,
        value: remembered?.rejoin ?? '',
        'aria-describedby': 'rejoin-note',
      })
      const error = h('p', { className: 'error', role: 'alert', id: 'join-error' })
      const submit = () => {
        const classCode = normaliseCode(code.value)
        const rejoinCode = rejoin.value.replace(/\s/g, '').toUpperCase()
        const name = team.value.trim()
        const problems: string[] = []
        if (!classCode) problems.push('The class code is 6 letters and digits, as on the teacher’s screen.')
        if (!name && !rejoinCode) problems.push('Type your team’s name (or a rejoin code).')
        if (rejoinCode && !REJOIN.test(rejoinCode))
          problems.push('A rejoin code is 8 letters and digits, as another device of your team shows it.')
        if (name && /[\u0000-\u001f\u007f<>]/.test(name)) problems.push('A team name cannot hold < or >.')
        error.textContent = problems.join(' ')
        if (problems.length > 0 || !classCode) return
        const options: JoinOptions & { as: 'student' } = rejoinCode
          ? { as: 'student', code: classCode, rejoin: rejoinCode }
          : { as: 'student', code: classCode, team: name }
        void joinAs(app, options, error, form)
      }
      const form = h(
        'form',
        { className: 'join-form', onsubmit: (event: Event) => (event.preventDefault(), submit()) },
        h(
          'div',
          { className: 'field' },
          h('label', { for: 'class-code' }, 'Class code'),
          code,
          h('span', { id: 'class-code-note', className: 'note' }, '6 letters and digits, on the teacher’s screen'),
        ),
        h('div', { className: 'field' }, h('label', { for: 'team-name' }, 'Your team’s name'), team),
        h(
          'details',
          { className: 'rejoin', open: remembered ? true : null },
          h('summary', {}, 'Joining from another device of your team?'),
          h(
            'div',
            { className: 'field' },
            h('label', { for: 'rejoin-code' }, 'Rejoin code'),
            rejoin,
            h('span', { id: 'rejoin-note', className: 'note' }, 'Shown on your team’s other device; it takes the place of the name.'),
          ),
        ),
        error,
        h(
          'div',
          { className: 'actions' },
          h('button', { type: 'submit', className: 'primary' }, 'Join'),
          button('Back', () => app.show(titleScreen())),
        ),
      )
      if (remembered && autoJoin) queueMicrotask(submit)
      return h(
        'main',
        { className: 'class-join' },
        h('h1', {}, 'Join a class'),
        h('p', {}, 'Your teacher runs the class from the front of the room. Each team plays one power on its own devices.'),
        remembered
          ? h('p', { className: 'note' }, `This browser was in this class as “${remembered.team}”: press Join to take your seat again.`)
          : null,
        form,
      )
    },
  }
}
