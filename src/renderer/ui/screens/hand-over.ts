// Hot seat: between two players, a screen that hides everything until the next player is ready. It carries
// nothing of anyone's plan, and clears what the page last announced (it may have named a planned action).
import { actorName } from '../../session/view-models.ts'
import type { App, Screen } from '../app.ts'
import { button, clearAnnouncements, h } from '../dom.ts'

/** Why the device goes to this player: to plan, to answer joint actions proposed to it, or to plan again. */
export type HandOverPurpose = 'plan' | 'answer' | 'replan'

const WHY: Record<HandOverPurpose, (name: string) => string> = {
  plan: () => 'The previous player’s plan stays hidden. When the player of this power is at the keyboard, press Ready.',
  answer: (name) =>
    `Other powers propose joint actions to ${name}. When the player of ${name} is at the keyboard, press Ready to answer them.`,
  replan: (name) =>
    `A joint action in ${name}’s plan will not happen this turn: its capital is back, to plan something else. When the player of ${name} is at the keyboard, press Ready.`,
}

export function handOverScreen(actor: string, onReady: () => void, purpose: HandOverPurpose = 'plan'): Screen {
  return {
    name: 'hand-over',
    title: 'Hand over',
    render(app: App) {
      clearAnnouncements()
      const name = actorName(app.session!.scenario, actor)
      return h(
        'main',
        { className: 'hand-over' },
        h('h1', {}, `Pass the device to ${name}`),
        h('p', {}, WHY[purpose](name)),
        button(purpose === 'answer' ? `Ready: answer as ${name}` : `Ready: play ${name}`, onReady, {
          className: 'primary',
          'data-autofocus': true,
        }),
      )
    },
  }
}
