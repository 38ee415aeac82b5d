// Action cards: cost, the choice of partners and targets, a preview of effects and incident risk,
// and the passages the action is derived from.
import type { ActionData, Choice, CitationData, CompiledScenario, EffectData, GameState } from '../../engine/index.ts'
import { costOf } from '../../engine/index.ts'
import type { GameSession } from '../session/session.ts'
import { actionName, actorName, incidentRisks, rejectionReason } from '../session/view-models.ts'
import { button, h, percent, replaceChildren } from './dom.ts'
import { citationList } from './citations.ts'

const REF_NAMES: Record<string, string> = {
  actor: 'you',
  partners: 'your partners',
  participants: 'you and your partners',
  targets: 'the targets',
}

function refName(scn: CompiledScenario, ref: string): string {
  return REF_NAMES[ref] ?? actorName(scn, ref)
}

export function describeEffect(scn: CompiledScenario, effect: EffectData): string {
  const amount = (delta: number, scale: number, unit = '') => `${delta > 0 ? '+' : '−'}${Math.abs(Math.round(delta * scale))}${unit}`
  switch (effect.variable) {
    case 'readiness':
      return `Readiness of ${refName(scn, effect.of)} ${amount(effect.delta, 1)}`
    case 'standing':
      return `Standing of ${refName(scn, effect.of)} ${amount(effect.delta, 100, ' pts')}`
    case 'grievance':
      return `Grievance of ${refName(scn, effect.of)} toward ${refName(scn, effect.toward)} ${amount(effect.delta, 100, ' pts')}`
    default: {
      const name = effect.variable[0].toUpperCase() + effect.variable.slice(1)
      const unit = effect.variable === 'alignment' ? '' : ' pts'
      const per = effect.per === 'participant' ? ' per participant' : effect.per === 'target' ? ' per target' : ''
      return `${name} between ${refName(scn, effect.between[0])} and ${refName(scn, effect.between[1])} ${amount(effect.delta, 100, unit)}${per}`
    }
  }
}

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
  const risk = h('p', { className: 'risk' })
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
    const risks = incidentRisks(scn, state, choice)
    replaceChildren(
      risk,
      risks.length
        ? `Incident risk: ${risks.map((r) => `${r.pair} ${percent(r.before)} → ${percent(r.after)}`).join(', ')}`
        : 'No pin prick: no added incident risk.',
    )
    const why = session.problemWith(choice)
    problem.textContent = why ? `Not possible: ${rejectionReason(scn, why)}.` : ''
    addButton.disabled = why !== null
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
    h('p', { className: 'tags' }, [...action.tags, action.pinPrick ? 'pin prick' : null].filter(Boolean).join(' · ')),
    h('p', {}, action.description),
    partners?.element,
    targets?.element,
    h(
      'details',
      { className: 'preview' },
      h('summary', {}, 'Effects'),
      h(
        'ul',
        {},
        action.effects.map((effect) => h('li', {}, describeEffect(scn, effect))),
      ),
    ),
    risk,
    citationList(action.citations ?? [], action.assumption, onRead, 'Passages behind it'),
    problem,
    addButton,
  )
  card.addEventListener('change', refresh)
  refresh()
  return card
}
