// "What could happen?" on the turn screen: N games from here to the end with the player's plan and N passing,
// played by the engine in workers (engine-threads.ts), with a progress bar and Cancel; the endings and every
// role's score side by side, as tables (the numbers are the engine's; this file only shows them).
import type { EndingDistribution, OutcomeComparison } from '../../../engine/index.ts'
import { DEFAULT_OUTCOME_GAMES, MAX_OUTCOME_GAMES } from '../../../engine/index.ts'
import type { GameSession } from '../../session/session.ts'
import { actorName, describeChoice } from '../../session/view-models.ts'
import { announce, button, h, replaceChildren } from '../dom.ts'
import { Cancelled, outcomesOffPage } from '../engine-threads.ts'

export interface WhatCouldHappen {
  /** Opens and closes the panel. */
  toggle: HTMLButtonElement
  panel: HTMLElement
  /** Stops any games still being played (the screen is leaving). */
  dispose(): void
}

const ENDINGS: [string, keyof EndingDistribution['endings']][] = [
  ['Rigid blocs', 'rigidBlocs'],
  ['Impasse', 'impasse'],
  ['Quasi-alliance', 'quasiAlliance'],
  ['Armed clash', 'armedClash'],
]

const percentText = (share: number) => `${Math.round(share * 100)}%`
const pointsText = (difference: number, unit: string) =>
  Math.abs(difference) < 0.05 ? 'no change' : `${difference > 0 ? '+' : '−'}${Math.abs(difference).toFixed(1)}${unit}`

/** A share as text with a bar beside it (the bar is only a picture of the text). */
function shareCell(share: number): HTMLTableCellElement {
  const bar = h('span', { className: 'wch-bar', 'aria-hidden': 'true' })
  bar.style.width = `${Math.round(share * 100)}%`
  return h(
    'td',
    {},
    h('span', { className: 'wch-share' }, percentText(share)),
    h('span', { className: 'wch-track', 'aria-hidden': 'true' }, bar),
  )
}

function resultView(session: GameSession, result: OutcomeComparison, planText: string): HTMLElement {
  const scn = session.scenario
  const own = scn.roleByActor[result.actor]?.id
  const endings = h(
    'table',
    { className: 'wch-table' },
    h('caption', {}, `How the ${result.games} games each way end`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Ending'),
        h('th', { scope: 'col' }, 'Your plan'),
        h('th', { scope: 'col' }, 'Passing'),
        h('th', { scope: 'col' }, 'Your plan changes it by'),
      ),
    ),
    h(
      'tbody',
      {},
      ENDINGS.map(([name, key]) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, name),
          shareCell(result.plan.endings[key]),
          shareCell(result.passing.endings[key]),
          h('td', {}, pointsText((result.plan.endings[key] - result.passing.endings[key]) * 100, ' points')),
        ),
      ),
    ),
  )
  const roles = [...scn.roles].sort((a, b) => Number(b.id === own) - Number(a.id === own))
  const spreadText = (side: EndingDistribution, role: string) => {
    const spread = side.scores[role]
    return `${spread.mean.toFixed(1)} ± ${spread.spread.toFixed(1)} (${spread.min.toFixed(0)}–${spread.max.toFixed(0)})`
  }
  const scores = h(
    'table',
    { className: 'wch-table' },
    h('caption', {}, 'Final scores: mean ± spread (lowest–highest)'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Role'),
        h('th', { scope: 'col' }, 'Your plan'),
        h('th', { scope: 'col' }, 'Passing'),
        h('th', { scope: 'col' }, 'Your plan changes the mean by'),
      ),
    ),
    h(
      'tbody',
      {},
      roles.map((role) =>
        h(
          'tr',
          { className: role.id === own ? 'wch-own' : '' },
          h('th', { scope: 'row' }, `${actorName(scn, role.actor)}${role.id === own ? ' (you)' : ''}`),
          h('td', {}, spreadText(result.plan, role.id)),
          h('td', {}, spreadText(result.passing, role.id)),
          h('td', {}, pointsText(result.plan.scores[role.id].mean - result.passing.scores[role.id].mean, '')),
        ),
      ),
    ),
  )
  return h(
    'div',
    { className: 'wch-result' },
    h(
      'p',
      {},
      `From turn ${result.fromTurn}, ${result.games} games to the end with your plan (${planText}) and ${result.games} passing; the computer plays every power after this turn. Each game has its own dice; game k has the same dice both ways, so the columns differ by your choice alone. This is the model's range of outcomes, not a forecast.`,
    ),
    endings,
    scores,
  )
}

/** The "What could happen?" button and its panel, for the player now planning. */
export function whatCouldHappen(session: GameSession): WhatCouldHappen {
  let running: AbortController | null = null
  const games = h('input', {
    id: 'wch-games',
    type: 'number',
    min: 1,
    max: MAX_OUTCOME_GAMES,
    step: 1,
    value: DEFAULT_OUTCOME_GAMES,
    inputmode: 'numeric',
  })
  const error = h('p', { className: 'error', role: 'alert' })
  const bar = h('progress', { id: 'wch-progress', max: 1, value: 0, 'aria-label': 'Games played' })
  const count = h('p', { className: 'wch-count' })
  const progress = h('div', { className: 'wch-progress', hidden: true }, bar, count)
  const results = h('div', { className: 'wch-results', 'aria-live': 'polite' })
  const cancel = button('Cancel', () => running?.abort(), { hidden: true })
  const play = button('Play the games', () => void run(), { className: 'primary' })

  const run = async () => {
    if (running) return
    const requested = Number(games.value)
    if (!Number.isInteger(requested) || requested < 1 || requested > MAX_OUTCOME_GAMES) {
      error.textContent = `Games each way must be a whole number from 1 to ${MAX_OUTCOME_GAMES}.`
      return
    }
    error.textContent = ''
    const actor = session.activeActor
    const choices = [...(session.pending[actor] ?? [])]
    const planText = choices.length > 0 ? choices.map((choice) => describeChoice(session.scenario, choice)).join('; ') : 'nothing planned'
    const controller = new AbortController()
    running = controller
    play.disabled = true
    games.disabled = true
    cancel.hidden = false
    progress.hidden = false
    panel.setAttribute('aria-busy', 'true')
    bar.max = requested * 2
    bar.value = 0
    count.textContent = `Playing ${requested * 2} games…`
    replaceChildren(results)
    announce(`Playing ${requested} games with your plan and ${requested} passing.`)
    try {
      const result = await outcomesOffPage(
        session.scenario,
        session.match,
        { actor, choices },
        requested,
        (done, of) => {
          bar.value = done
          count.textContent = `${done} of ${of} games played`
        },
        controller.signal,
      )
      replaceChildren(results, resultView(session, result, planText))
      announce(`What could happen: ${requested} games each way played; the tables show how they end.`)
    } catch (failure) {
      const cancelled = failure instanceof Cancelled
      replaceChildren(
        results,
        h('p', {}, cancelled ? 'Cancelled: no games were counted.' : `The games could not be played: ${(failure as Error).message}`),
      )
      announce(cancelled ? 'Cancelled.' : 'The games could not be played.')
    } finally {
      running = null
      play.disabled = false
      games.disabled = false
      cancel.hidden = true
      progress.hidden = true
      panel.removeAttribute('aria-busy')
    }
  }

  const panel = h(
    'section',
    { id: 'what-could-happen', className: 'what-could-happen', 'aria-labelledby': 'wch-title', hidden: true },
    h('h3', { id: 'wch-title' }, 'What could happen?'),
    h(
      'p',
      { className: 'note' },
      'Plays many games from here to the end, with your plan and with passing, to show what your choice changes.',
    ),
    h('div', { className: 'field' }, h('label', { for: 'wch-games' }, 'Games each way'), games),
    error,
    h('div', { className: 'actions' }, play, cancel),
    progress,
    results,
  )
  const toggle = button(
    'What could happen?',
    () => {
      panel.hidden = !panel.hidden
      toggle.setAttribute('aria-expanded', String(!panel.hidden))
      if (!panel.hidden) games.focus()
    },
    { 'aria-expanded': 'false', 'aria-controls': 'what-could-happen' },
  )
  return { toggle, panel, dispose: () => running?.abort() }
}
