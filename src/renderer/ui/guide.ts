// The in-game guide of a tutorial scenario: its steps come from the scenario file (`guide`), one at a time,
// beside the game and the report. A step moves on when the player does what it asks (adds an action, ends
// the turn, opens a Why?…) or presses Next; the part of the screen it talks about is highlighted.
import type { GUIDE_EVENTS } from '../../engine/index.ts'
import type { GameSession } from '../session/session.ts'
import { actorName } from '../session/view-models.ts'
import { announce, button, h, replaceChildren } from './dom.ts'

export type GuideEvent = (typeof GUIDE_EVENTS)[number]

/** The screens that show the guide. */
export type GuideScreen = 'game' | 'report'

type GuideStep = NonNullable<GameSession['scenario']['file']['guide']>[number]

// Progress is the set of steps done, not a cursor: a player who skips ahead (ends the turn before the
// map step, leaves the report without a Why?) finds, on each screen, the first step left to do there.
interface GuideProgress {
  done: Set<number>
  hidden: boolean
}

const REPORT_EVENTS: ReadonlySet<GuideEvent> = new Set(['why-opened', 'report-closed'])
/** Where the player is once the event has happened. */
const SCREEN_AFTER: Partial<Record<GuideEvent, GuideScreen>> = { 'turn-ended': 'report', 'report-closed': 'game' }

/** A step pointing at a place of the game screen belongs there; one waiting for a Why? or for leaving the report, to the report. */
export function screenOfStep(step: GuideStep): GuideScreen {
  if (step.point) return 'game'
  return REPORT_EVENTS.has(step.until) ? 'report' : 'game'
}

// Progress belongs to one game. A game loaded past its first turn starts with the guide hidden.
const progressBySession = new WeakMap<GameSession, GuideProgress>()
let redraw: (() => void) | null = null

function progressOf(session: GameSession): GuideProgress | null {
  if (!session.scenario.file.guide) return null
  let progress = progressBySession.get(session)
  if (!progress) progressBySession.set(session, (progress = { done: new Set(), hidden: session.history.length > 0 }))
  return progress
}

/** A game re-run from another (Playtest) keeps its place in the guide. */
export function carryGuide(from: GameSession, to: GameSession): void {
  const progress = progressBySession.get(from)
  if (progress) progressBySession.set(to, { done: new Set(progress.done), hidden: progress.hidden })
}

/** The index of the step to show on `screen`: the first not done that belongs there, or -1. */
function currentStep(steps: readonly GuideStep[], progress: GuideProgress, screen: GuideScreen): number {
  return steps.findIndex((step, index) => !progress.done.has(index) && screenOfStep(step) === screen)
}

/** A step's text, with `{power}` standing for the power being played. */
function stepText(session: GameSession, text: string): string {
  return text.replaceAll('{power}', actorName(session.scenario, session.activeActor))
}

function stepAnnouncement(session: GameSession, progress: GuideProgress, screen: GuideScreen): string {
  const steps = session.scenario.file.guide ?? []
  const index = currentStep(steps, progress, screen)
  if (index >= 0) return `Guide, step ${index + 1}: ${stepText(session, steps[index].text)}`
  return progress.done.size >= steps.length ? 'Guide finished.' : ''
}

/**
 * Tells the guide what the player just did: the first step left waiting for it is done, wherever it
 * is in the list. Returns what to say to screen-reader users about the step now shown (for the caller
 * to add to its own announcement), or ''.
 */
export function guideEvent(session: GameSession, event: GuideEvent): string {
  const steps = session.scenario.file.guide
  const progress = progressOf(session)
  if (!steps || !progress) return ''
  const index = steps.findIndex((step, k) => !progress.done.has(k) && step.until === event)
  if (index < 0) return ''
  progress.done.add(index)
  redraw?.()
  return progress.hidden ? '' : stepAnnouncement(session, progress, SCREEN_AFTER[event] ?? screenOfStep(steps[index]))
}

function highlight(root: ParentNode, place: string | undefined): void {
  for (const element of root.querySelectorAll('.guide-target')) element.classList.remove('guide-target')
  if (place) root.querySelector(`[data-guide="${place}"]`)?.classList.add('guide-target')
}

/**
 * The guide panel for a screen, or null when the scenario has no guide. `root` is the screen whose
 * `data-guide` places are highlighted. The panel stays in view while the screen scrolls (styles.css).
 */
export function guidePanel(session: GameSession, root: ParentNode, screen: GuideScreen = 'game'): HTMLElement | null {
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
    const index = currentStep(steps, progress, screen)
    const step = index >= 0 ? steps[index] : undefined
    const toggle = button(
      progress.hidden ? 'Show the guide' : 'Hide the guide',
      pressed('toggle', () => (progress.hidden = !progress.hidden)),
      { 'data-control': 'toggle' },
    )
    if (progress.hidden || !step) {
      highlight(root, undefined)
      const finished = progress.done.size >= steps.length
      replaceChildren(
        panel,
        h('h2', { id: 'guide-title', className: 'visually-hidden' }, 'Guide'),
        finished
          ? h('p', { className: 'note' }, 'Guide finished: play on your way.')
          : step
            ? toggle
            : h(
                'p',
                { className: 'note' },
                `The guide goes on ${screen === 'game' ? 'in the turn report' : 'on the turn screen'}.`,
                ' ',
                toggle,
              ),
      )
      return
    }
    highlight(root, step.point)
    replaceChildren(
      panel,
      h('h2', { id: 'guide-title' }, `Guide — step ${index + 1} of ${steps.length}`),
      h('p', { className: 'guide-text' }, stepText(session, step.text)),
      h(
        'div',
        { className: 'actions' },
        step.until === 'next'
          ? button(
              'Next',
              pressed('next', () => {
                progress.done.add(index)
                announce(
                  stepAnnouncement(session, progress, screen) ||
                    `The guide goes on ${screen === 'game' ? 'in the turn report' : 'on the turn screen'}.`,
                )
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
  return keptInView(panel)
}

/**
 * Wraps the panel in a place holder that keeps its room in the page; once the place scrolls above the
 * window's top edge, the panel docks there (fixed), so the current step never scrolls away.
 */
function keptInView(panel: HTMLElement): HTMLElement {
  const anchor = h('div', { className: 'guide-anchor' }, panel)
  const observer = new IntersectionObserver(
    ([entry]) => {
      if (!anchor.isConnected) return observer.disconnect()
      const docked = entry.boundingClientRect.top < 0
      anchor.style.minHeight = docked ? `${entry.boundingClientRect.height}px` : ''
      panel.classList.toggle('docked', docked)
    },
    { threshold: [0, 1] },
  )
  observer.observe(anchor)
  return anchor
}
