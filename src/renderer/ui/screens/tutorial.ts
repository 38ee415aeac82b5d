// The tutorial: how a turn works, then the small tutorial scenario (or a short Pin Pricks game) against easy computer players.
import type { App, Screen } from '../app.ts'
import { button, h } from '../dom.ts'
import { newGameScreen } from './new-game.ts'
import { titleScreen } from './title.ts'

const STEPS = [
  [
    'Your power',
    'You play one power (or several, taking turns at one machine). Your score, shown at the top, measures your objectives, listed on the end screen. Every turn counts: the game’s score is the mean of its turns’ scores.',
  ],
  [
    'Your turn',
    'Each turn is three months. Choose actions from the cards within your political capital. A card shows its cost, its effects, the added risk of an incident, and the passages of the article it comes from. Undo takes back your last change.',
  ],
  [
    'Partners',
    'A joint action needs its partner’s consent and costs each partner capital too: a computer partner decides by its own interests, a human partner is asked.',
  ],
  [
    'Standing',
    'Firm acts — patrols, exercises, sanctions — earn your power standing, the resolve it is seen to show, and many objectives ask not to fall behind a rival’s. Standing fades unless renewed, while every firm act makes the world more dangerous for all: that is the dilemma.',
  ],
  [
    'End turn',
    'Then every power acts, the world reacts by the article’s causal claims — hostile acts push the other side together — and incidents nobody chose may happen where forces meet.',
  ],
  [
    'Why?',
    'The turn report lists every change of every number. “Why?” opens the rule and the quoted passage; the source reader shows the whole article with each paragraph’s rules.',
  ],
  [
    'The ladder',
    'The escalation ladder on the right is always visible. At its top, a severe incident can become an armed clash: everyone loses.',
  ],
]

export function tutorialScreen(): Screen {
  return {
    name: 'tutorial',
    title: 'Tutorial',
    render(app: App) {
      return h(
        'main',
        { className: 'tutorial' },
        h('h1', {}, 'How to play'),
        h(
          'ol',
          { className: 'steps' },
          STEPS.map(([title, text]) => h('li', {}, h('h2', {}, title), h('p', {}, text))),
        ),
        h(
          'div',
          { className: 'actions' },
          button(
            'Start the tutorial scenario',
            () => app.show(newGameScreen({ folder: 'tutorial', roles: ['SLM'], difficulty: 'easy', turns: 5 })),
            { className: 'primary' },
          ),
          button('Try Pin Pricks as Japan', () =>
            app.show(newGameScreen({ folder: 'pin-pricks-2021', roles: ['JPN'], difficulty: 'easy', turns: 4 })),
          ),
          button('Back', () => app.show(titleScreen())),
        ),
      )
    },
  }
}
