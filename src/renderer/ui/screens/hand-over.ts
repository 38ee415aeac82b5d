// Hot seat: between two players' plans, a screen that hides everything until the next player is ready.
import { actorName } from '../../session/view-models.ts'
import type { App, Screen } from '../app.ts'
import { button, h } from '../dom.ts'

export function handOverScreen(actor: string, onReady: () => void): Screen {
  return {
    name: 'hand-over',
    title: 'Hand over',
    render(app: App) {
      const name = actorName(app.session!.scenario, actor)
      return h(
        'main',
        { className: 'hand-over' },
        h('h1', {}, `Pass the device to ${name}`),
        h('p', {}, 'The previous player’s plan stays hidden. When the player of this power is at the keyboard, press Ready.'),
        button(`Ready: play ${name}`, onReady, { className: 'primary', 'data-autofocus': true }),
      )
    },
  }
}
