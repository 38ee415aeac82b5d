// The in-game guide of a tutorial scenario: its steps come from the scenario file (`guide`), one at a time,
// beside the game and the report. A step moves on when the player does what it asks (adds an action, ends
// the turn, opens a Why?…) or presses Next; the part of the screen it talks about is highlighted.
import type { GUIDE_EVENTS } from '../../engine/index.ts'
import type { GameSession } from '../session/session.ts'
import { actorName } from '../session/view-models.ts'
import { announce, button, h, replaceChildren } from './dom.ts'

export type GuideEvent = (typeof GUIDE_EVENTS)[number]

interface GuideProgress {
  step: number
  hidden: boolean
}

// Progress belongs to one game. A game loaded past its first turn starts with the guide hidden.
const progressBySession = new WeakMap<GameSession, GuideProgress>()
let redraw: (() => void) | null = null

function progressOf(session: GameSession): GuideProgress | null {
  if (!session.scenario.file.guide) return null
  let progress = progressBySession.get(session)
  if (!progress) progressBySession.set(session, (progress = { step: 0, hidden: session.history.length > 0 }))
  return progress
}

/** A game re-run from another (Playtest) keeps its place in the guide. */
export function carryGuide(from: GameSession, to: GameSession): void {
  const progress = progressBySession.get(from)
  if (progress) progressBySession.set(to, { ...progress })
}

/** A step's text, with `{power}` standing for the power being played. */
function stepText(session: GameSession, text: string): string {
  return text.replaceAll('{power}', actorName(session.scenario, session.activeActor))
}

function stepAnnouncement(session: GameSession, progress: GuideProgress): string {
  const steps = session.scenario.file.guide ?? []
  const step = steps[progress.step]
  return step ? `Guide, step ${progress.step + 1}: ${stepText(session, step.text)}` : 'Guide finished.'
}

/**
 * Tells the guide what the player just did; the step waiting for it moves on. Returns what to say to
 * screen-reader users about the new step (for the caller to add to its own announcement), or ''.
 */
export function guideEvent(session: GameSession, event: GuideEvent): string {
  const steps = session.scenario.file.guide
  const progress = progressOf(session)
  if (!steps || !progress || progress.step >= steps.length || steps[progress.step].until !== event) return ''
  progress.step++
  redraw?.()
  return progress.hidden ? '' : stepAnnouncement(session, progress)
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
  // Pressing Next or Hide rebuilds the panel: focus goes to the same control in the new one.
  const pressed = (control: 'next' | 'toggle', change: () => void) => () => {
    change()
    draw()
    const target = panel.querySelector<HTMLElement>(`[data-control="${control}"]`) ?? panel.querySelector<HTMLElement>('[data-control]')
    target?.focus()
  }
  const draw = () => {
    const step = steps[progress.step]
    const toggle = button(
      progress.hidden ? 'Show the guide' : 'Hide the guide',
      pressed('toggle', () => (progress.hidden = !progress.hidden)),
      { 'data-control': 'toggle' },
    )
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
      h('p', { className: 'guide-text' }, stepText(session, step.text)),
      h(
        'div',
        { className: 'actions' },
        step.until === 'next'
          ? button(
              'Next',
              pressed('next', () => {
                progress.step++
                announce(stepAnnouncement(session, progress))
              }),
              { className: 'primary', 'aria-label': 'Next guide step', 'data-control': 'next' },
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
