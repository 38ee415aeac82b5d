// The parts of a student's screen that change with the phase: the plan being made (cards, plan, rationale,
// Submit orders), the plan submitted while others finish, and the joint proposals put to the team.
import type { CitationData, Choice } from '../../engine/index.ts'
import { MAX_RATIONALE_CHARS } from '../../shared/classroom-protocol.ts'
import type { GameSession } from '../session/session.ts'
import { actorName, describeChoice, rejectionReason } from '../session/view-models.ts'
import { actionCard } from '../ui/cards.ts'
import { announce, button, h, replaceChildren } from '../ui/dom.ts'
import type { ClassClient } from './class-client.ts'
import { questionView, readySummary } from './views.ts'

export interface Panel {
  element: HTMLElement
  /** Shows what changed without rebuilding (keeps focus and what is being typed). */
  refresh(): void
}

function planItems(session: GameSession, actor: string, onRemove?: (index: number) => void): HTMLElement[] {
  const scn = session.scenario
  const mine = session.pending[actor] ?? []
  if (mine.length === 0) return [h('li', { className: 'note' }, 'Nothing planned: choose actions below, or submit to pass.')]
  return mine.map((choice, index) =>
    h(
      'li',
      {},
      describeChoice(scn, choice),
      ' ',
      onRemove
        ? button('Remove', () => onRemove(index), { className: 'small', 'aria-label': `Remove ${describeChoice(scn, choice)}` })
        : null,
    ),
  )
}

export function planningPanel(client: ClassClient, session: GameSession, onRead: (citation: CitationData) => void): Panel {
  const scn = session.scenario
  const actor = session.activeActor
  const draft = client.draft
  const planList = h('ol', { className: 'plan-list' })
  const budget = h('p', { className: 'budget' })
  const paragraphs = scn.sources[scn.file.sources[0]?.id ?? '']?.length ?? 0
  const rationale = h('textarea', {
    id: 'class-rationale',
    rows: 3,
    maxlength: MAX_RATIONALE_CHARS,
    'aria-describedby': 'rationale-count',
  })
  const count = h('span', { id: 'rationale-count', className: 'note' })
  const paragraph = h('input', {
    id: 'rationale-paragraph',
    type: 'number',
    min: 1,
    max: paragraphs || null,
    inputmode: 'numeric',
  })
  const readRationale = () => {
    const number = Number(paragraph.value)
    draft.setRationale({
      text: rationale.value,
      ...(paragraph.value && Number.isInteger(number) && number >= 1 ? { paragraph: number } : {}),
    })
    count.textContent = `${rationale.value.length} of ${MAX_RATIONALE_CHARS} characters`
  }
  rationale.addEventListener('input', readRationale)
  paragraph.addEventListener('input', readRationale)
  const changed = () => {
    draft.setChoices(session.pending[actor] ?? [])
    refresh()
  }
  const add = (choice: Choice) => {
    const problem = session.addChoice(choice)
    if (!problem) changed()
    announce(problem ? `Not added: ${rejectionReason(scn, problem)}.` : `Added ${describeChoice(scn, choice)}.`)
  }
  const cards = h(
    'div',
    { className: 'cards' },
    scn.file.actions.filter((action) => action.actors.includes(actor)).map((action) => actionCard(session, action, add, onRead)),
  )
  const submit = button(
    'Submit orders',
    () => {
      readRationale()
      const sent = draft.submit(true)
      announce(
        sent
          ? 'Orders submitted. You can change them until the turn resolves.'
          : 'Not connected: your orders go out as soon as the connection is back.',
      )
      client.notify()
    },
    { className: 'primary' },
  )
  const refresh = () => {
    budget.textContent = `Political capital: ${session.budget(actor) - session.spent(actor)} of ${session.budget(actor)} left`
    replaceChildren(
      planList,
      planItems(session, actor, (index) => {
        const choice = session.pending[actor][index]
        session.removeChoice(actor, index)
        announce(`Removed ${describeChoice(scn, choice)}.`)
        changed()
      }),
    )
    if (document.activeElement !== rationale) rationale.value = draft.rationale.text
    if (document.activeElement !== paragraph) paragraph.value = draft.rationale.paragraph ? String(draft.rationale.paragraph) : ''
    count.textContent = `${rationale.value.length} of ${MAX_RATIONALE_CHARS} characters`
    for (const card of cards.querySelectorAll('.card')) card.dispatchEvent(new Event('change'))
  }
  const element = h(
    'div',
    { className: 'class-planning' },
    h(
      'section',
      { className: 'plan', 'aria-labelledby': 'plan-title' },
      h('h2', { id: 'plan-title' }, `Your orders (${actorName(scn, actor)})`),
      budget,
      planList,
      h(
        'div',
        { className: 'rationale-field' },
        h('label', { for: 'class-rationale' }, 'Why these orders? (optional: your team’s reasons, kept for the debrief)'),
        rationale,
        count,
        h(
          'div',
          { className: 'field' },
          h('label', { for: 'rationale-paragraph' }, `Paragraph of the article it draws on (optional, 1–${paragraphs})`),
          paragraph,
        ),
      ),
      h('div', { className: 'actions' }, submit),
    ),
    h('section', { className: 'actions-panel', 'aria-labelledby': 'cards-title' }, h('h2', { id: 'cards-title' }, 'Actions'), cards),
  )
  refresh()
  return { element, refresh }
}

export function submittedPanel(client: ClassClient, session: GameSession): Panel {
  const actor = session.activeActor
  const planList = h('ol', { className: 'plan-list' })
  const others = h('p', { className: 'ready-summary' })
  const rationale = h('p', { className: 'note' })
  const refresh = () => {
    replaceChildren(planList, planItems(session, actor))
    rationale.textContent = client.draft.rationale.text ? `Your reasons: ${client.draft.rationale.text}` : ''
    others.textContent = client.view ? `Waiting for the other teams. ${readySummary(client.view.teams)}` : ''
  }
  const element = h(
    'section',
    { className: 'plan submitted', 'aria-labelledby': 'submitted-title' },
    h('h2', { id: 'submitted-title' }, 'Orders submitted'),
    planList,
    rationale,
    others,
    h(
      'div',
      { className: 'actions' },
      button('Change orders', () => {
        client.draft.submit(false)
        announce('Your orders are open again: submit them when you are done.')
        client.notify()
      }),
    ),
  )
  refresh()
  return { element, refresh }
}

export function answeringPanel(client: ClassClient, session: GameSession): Panel {
  const scn = session.scenario
  const list = h('div', { className: 'questions' })
  let shown = ''
  const refresh = () => {
    const questions = client.seat?.questions ?? []
    const key = JSON.stringify(questions)
    if (key === shown) return
    shown = key
    if (questions.length === 0) {
      replaceChildren(list, h('p', {}, 'Other teams are answering joint proposals. The turn resolves when they have answered.'))
      return
    }
    replaceChildren(
      list,
      h('p', {}, 'Partner teams propose these joint actions to you. Each goes ahead only if you agree.'),
      questions.map((question, index) => {
        const view = questionView(scn, question)
        const id = `question-${index}`
        const answer = (agree: boolean) => {
          const sent = client.answer(view.key, agree)
          announce(sent ? `${agree ? 'Agreed' : 'Declined'}: ${view.title}.` : 'Not connected: answer again when the connection is back.')
        }
        return h(
          'article',
          { className: 'question', 'aria-labelledby': id },
          h('h3', { id }, view.title),
          h(
            'ul',
            {},
            view.effects.map((effect) => h('li', {}, effect)),
          ),
          h(
            'p',
            { className: 'answer' },
            view.answer === null ? 'You have not answered yet.' : `Your answer: ${view.answer ? 'agree' : 'decline'}.`,
          ),
          h(
            'div',
            { className: 'actions' },
            button('Agree', () => answer(true), { className: 'primary', 'aria-pressed': String(view.answer === true) }),
            button('Decline', () => answer(false), { 'aria-pressed': String(view.answer === false) }),
          ),
        )
      }),
    )
  }
  const element = h(
    'section',
    { className: 'plan answering', 'aria-labelledby': 'answering-title' },
    h('h2', { id: 'answering-title' }, 'Joint proposals'),
    list,
  )
  refresh()
  return { element, refresh }
}
