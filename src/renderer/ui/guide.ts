// The in-game guide of a tutorial scenario: its steps come from the scenario file (`guide`), one at a time,
// beside the game and the report. A step moves on when the player does what it asks (adds an action, ends
// the turn, opens a Why?…) or presses Next; the part of the screen it talks about is highlighted.
import type { GUIDE_EVENTS } from '../../engine/index.ts'
import type { GameSession } from '../session/session.ts'
import { announce, button, h, replaceChildren } from './dom.ts'

export type GuideEvent = (typeof GUIDE_EVENTS)[number]

interface GuideProgress {
  step: number
  hidden: boolean
}

// Progress belongs to one game: a new game (or a playtest) starts the guide again.
const progressBySession = new WeakMap<GameSession, GuideProgress>()
let redraw: (() => void) | null = null

function progressOf(session: GameSession): GuideProgress | null {
  if (!session.scenario.file.guide) return null
  let progress = progressBySession.get(session)
  if (!progress) progressBySession.set(session, (progress = { step: 0, hidden: false }))
  return progress
}

/** Tells the guide what the player just did; the step waiting for it moves on. */
export function guideEvent(session: GameSession, event: GuideEvent): void {
  const steps = session.scenario.file.guide
  const progress = progressOf(session)
  if (!steps || !progress || progress.step >= steps.length || steps[progress.step].until !== event) return
  progress.step++
  redraw?.()
  const next = steps[progress.step]
  if (!progress.hidden) announce(next ? `Guide, step ${progress.step + 1}: ${next.text}` : 'Guide finished.')
}

function highlight(root: ParentNode, place: string | undefined): void {
  for (const element of root.querySelectorAll('.guide-target')) element.classList.remove('guide-target')
  if (place) root.querySelector(`[data-guide="${place}"]`)?.classList.add('guide-target')
}

/**
 * The guide panel for a screen, or null when the scenario has no guide. `root` is the screen whose
 * `data-guide` places are highlighted.
 */
export function guidePanel(session: GameSession, root: ParentNode): HTMLElement | null {
  const steps = session.scenario.file.guide
  const progress = progressOf(session)
  if (!steps || !progress) return null
  const panel = h('aside', { className: 'guide', 'aria-labelledby': 'guide-title' })
  const draw = () => {
    const step = steps[progress.step]
    const toggle = button(progress.hidden ? 'Show the guide' : 'Hide the guide', () => {
      progress.hidden = !progress.hidden
      draw()
    })
    if (progress.hidden || !step) {
      highlight(root, undefined)
      replaceChildren(
        panel,
        h('h2', { id: 'guide-title', className: 'visually-hidden' }, 'Guide'),
        step ? toggle : h('p', { className: 'note' }, 'Guide finished: play on your way.'),
      )
      return
    }
    highlight(root, step.point)
    replaceChildren(
      panel,
      h('h2', { id: 'guide-title' }, `Guide — step ${progress.step + 1} of ${steps.length}`),
      h('p', { className: 'guide-text' }, step.text),
      h(
        'div',
        { className: 'actions' },
        step.until === 'next'
          ? button(
              'Next',
              () => {
                progress.step++
                draw()
                const next = steps[progress.step]
                announce(next ? `Guide, step ${progress.step + 1}: ${next.text}` : 'Guide finished.')
              },
              { className: 'primary', 'aria-label': 'Next guide step' },
            )
          : null,
        toggle,
      ),
    )
  }
  redraw = () => {
    if (panel.isConnected) draw()
  }
  draw()
  return panel
}
