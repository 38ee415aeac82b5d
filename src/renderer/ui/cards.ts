// Action cards: cost, the choice of partners and targets, the forecast (what the choice will likely do to the
// player's objectives, the reactions it sets off, the incident risk, whether partners will agree), and in
// the details the action's direct effects and the passages it is derived from.
import type { ActionData, Choice, CitationData, CompiledScenario, GameState } from '../../engine/index.ts'
import { costOf } from '../../engine/index.ts'
import type { GameSession } from '../session/session.ts'
import { describeEffect, objectiveLines, partnerLines, points, reactionLines, riskLines } from '../session/forecast-view.ts'
import { actionName, actorName, rejectionReason } from '../session/view-models.ts'
import { button, h, replaceChildren } from './dom.ts'
import { citationList } from './citations.ts'

export { describeEffect }

function optionsFor(scn: CompiledScenario, from: string[] | undefined, exclude: string[]): string[] {
  return (from ?? scn.actorIds).filter((id) => !exclude.includes(id) && id in scn.actorIndex)
}

/** A group of checkboxes (several may be chosen) or a select (exactly one). */
function picker(
  scn: CompiledScenario,
  legend: string,
  name: string,
  options: string[],
  min: number,
  max: number,
): { element: HTMLElement; value(): string[] } {
  if (max <= 1) {
    const select = h(
      'select',
      { name, 'aria-label': legend },
      options.map((id) => h('option', { value: id }, actorName(scn, id))),
    )
    if (min === 0) select.prepend(h('option', { value: '' }, 'none'))
    return { element: h('label', { className: 'picker' }, `${legend} `, select), value: () => (select.value ? [select.value] : []) }
  }
  const boxes = options.map((id, k) => h('input', { type: 'checkbox', name, value: id, checked: k < min }))
  return {
    element: h(
      'fieldset',
      { className: 'picker' },
      h('legend', {}, `${legend} (${min === max ? min : `${min}–${max}`})`),
      options.map((id, k) => h('label', {}, boxes[k], ` ${actorName(scn, id)}`)),
    ),
    value: () => boxes.filter((box) => box.checked).map((box) => box.value),
  }
}

export function actionCard(
  session: GameSession,
  action: ActionData,
  onAdd: (choice: Choice) => void,
  onRead: (citation: CitationData) => void,
): HTMLElement {
  const scn = session.scenario
  const state: GameState = session.state
  const actor = session.activeActor
  const partners = action.partners
    ? picker(scn, 'With', `partners-${action.id}`, optionsFor(scn, action.partners.from, [actor]), action.partners.min, action.partners.max)
    : null
  const targets = action.targets
    ? picker(scn, 'Aimed at', `targets-${action.id}`, optionsFor(scn, action.targets.from, [actor]), action.targets.min, action.targets.max)
    : null
  const costNotes = [
    action.extraTargetCost ? `+${action.extraTargetCost} per extra target` : '',
    action.partnerCost ? `each partner pays ${action.partnerCost}` : '',
    action.oncePerGame ? 'once a game' : '',
    action.requires ? `after ${actionName(scn, action.requires)}` : '',
  ].filter(Boolean)
  const costView = h('span', { className: 'cost' })
  const score = h('p', { className: 'forecast-score' })
  const objectives = h('ul', { className: 'forecast-objectives' })
  const reactions = h('ul', { className: 'forecast-reactions' })
  const risk = h('p', { className: 'risk' })
  const partnersNote = h('p', { className: 'partners-note' })
  const problem = h('p', { className: 'problem', role: 'status' })
  const current = (): Choice => {
    const choice: Choice = { actor, action: action.id }
    const t = targets?.value() ?? []
    const p = partners?.value() ?? []
    if (t.length) choice.targets = t
    if (p.length) choice.partners = p
    return choice
  }
  const refresh = () => {
    const choice = current()
    // The cost of the choice as it stands: each extra target ticked adds its price.
    const cost = costOf(scn, state, choice)
    costView.textContent = `Cost ${cost}${costNotes.length > 0 ? ` (${costNotes.join('; ')})` : ''}`
    const why = session.problemWith(choice)
    problem.textContent = why ? `Not possible: ${rejectionReason(scn, why)}.` : ''
    addButton.disabled = why !== null
    // A choice the rules refuse outright (a missing target or partner) has nothing to forecast.
    const incomplete = why !== null && (why.code === 'bad-targets' || why.code === 'bad-partners')
    if (incomplete) {
      score.textContent = 'Choose whom it involves to see what it would do.'
      for (const list of [objectives, reactions]) replaceChildren(list)
      risk.textContent = ''
      partnersNote.textContent = ''
      return
    }
    const forecast = session.forecast(choice)
    const hasRole = forecast.objectives.length > 0
    score.textContent = !hasRole
      ? ''
      : Math.abs(forecast.scoreDelta) < 0.05
        ? 'Your score: no change expected'
        : `Your score: ${points(forecast.scoreDelta)} expected`
    replaceChildren(
      objectives,
      objectiveLines(forecast)
        .slice(0, 3)
        .map((line) => h('li', {}, line)),
    )
    const lines = reactionLines(scn, forecast.reactions, actor)
    replaceChildren(
      reactions,
      lines.length ? lines.map((line) => h('li', {}, line)) : h('li', { className: 'note' }, 'No reactions expected.'),
    )
    const risks = riskLines(scn, forecast)
    risk.textContent = risks.length ? `Incident risk: ${risks.join(', ')}` : 'No added incident risk.'
    const answers = partnerLines(scn, forecast)
    partnersNote.textContent = answers.length ? `Must agree: ${answers.join('; ')}.` : ''
  }
  const addButton = button(
    'Add to plan',
    () => {
      const choice = current()
      if (!session.problemWith(choice)) onAdd(choice)
    },
    { className: 'primary' },
  )
  const card = h(
    'article',
    { className: 'card', 'aria-labelledby': `card-${action.id}`, 'data-action': action.id },
    h('header', {}, h('h3', { id: `card-${action.id}` }, action.name), costView),
    partners?.element,
    targets?.element,
    h(
      'div',
      { className: 'forecast', 'aria-label': `What ${action.name} would likely do`, role: 'group' },
      score,
      objectives,
      h('p', { className: 'forecast-heading' }, 'Likely reactions'),
      reactions,
      risk,
      partnersNote,
    ),
    problem,
    addButton,
    h(
      'details',
      { className: 'preview' },
      h('summary', {}, 'Details and sources'),
      h('p', { className: 'tags' }, [...action.tags, action.pinPrick ? 'pin prick' : null].filter(Boolean).join(' · ')),
      h('p', {}, action.description),
      h('p', { className: 'forecast-heading' }, 'Direct effects'),
      h(
        'ul',
        {},
        action.effects.map((effect) => h('li', {}, describeEffect(scn, effect))),
      ),
      citationList(action.citations ?? [], action.assumption, onRead, 'Passages behind it'),
    ),
  )
  card.addEventListener('change', refresh)
  refresh()
  return card
}
