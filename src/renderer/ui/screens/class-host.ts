// "Host a class" (desktop edition): start the class server on this computer and open the teacher's console in
// the system's browser. On the local network the students' own devices can join; the screen says so plainly.
import type { ClassHosting } from '../../../shared/host.ts'
import type { App, Screen } from '../app.ts'
import { announce, button, h } from '../dom.ts'
import { titleScreen } from './title.ts'

export function classHostScreen(): Screen {
  return {
    name: 'class-host',
    title: 'Host a class',
    render(app: App) {
      const status = h('div', { className: 'class-host-status', 'aria-live': 'polite' })
      const choice = (value: 'loopback' | 'lan', label: string, checked: boolean) =>
        h('label', {}, h('input', { type: 'radio', name: 'network', value, checked }), ` ${label}`)
      const network = (): 'loopback' | 'lan' =>
        (status.closest('main')?.querySelector<HTMLInputElement>('input[name="network"]:checked')?.value ?? 'loopback') as
          'loopback' | 'lan'
      const show = (hosted: ClassHosting) => {
        status.replaceChildren(
          h('p', {}, 'The class server is running. The teacher’s console has opened in your browser: ', h('code', {}, hosted.teacherUrl)),
          hosted.network === 'lan'
            ? h(
                'p',
                { className: 'notice' },
                `Students’ devices on this local network can reach it (this computer: ${hosted.lanAddresses.join(', ') || 'no network address found'}). The console shows the class’s join address and code.`,
              )
            : h(
                'p',
                {},
                'Only this computer can reach it. To let students join from their own devices, choose the local network and start again.',
              ),
          button('Stop hosting', async () => {
            const stopped = await app.host.stopHostingClass()
            status.replaceChildren(
              h('p', {}, stopped.ok ? 'Stopped. The classes are kept and go on when you host again.' : stopped.message),
            )
            announce('Stopped hosting the class.')
          }),
        )
      }
      return h(
        'main',
        { className: 'screen class-host' },
        h('h1', {}, 'Host a class'),
        h('p', {}, 'Run a class from this computer: you create it in the teacher’s console, and each team plays on its own device.'),
        h(
          'fieldset',
          {},
          h('legend', {}, 'Who can join'),
          choice('loopback', 'This computer only', true),
          choice('lan', 'Devices on this local network', false),
        ),
        button(
          'Start hosting',
          async () => {
            status.replaceChildren(h('p', {}, 'Starting…'))
            const hosted = await app.host.hostClass(network())
            if (hosted.ok) show(hosted.value)
            else status.replaceChildren(h('p', { className: 'error', role: 'alert' }, hosted.message))
          },
          { className: 'primary' },
        ),
        status,
        button('Back', () => app.show(titleScreen())),
      )
    },
  }
}
