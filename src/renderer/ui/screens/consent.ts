// A player answers the joint actions proposed to its power, on a screen of its own (in hot seat, after the
// hand-over to it): nothing of another player's plan is on the page but the proposals made to this player.
// One dialog per proposal says who proposes what, what it does and what it costs; Agree or Decline answers
// it; Escape or "Decide later" leaves it open (never a refusal), and the turn waits for every answer.
import type { Choice, CompiledScenario, ConsentQuestion, EffectData } from '../../../engine/index.ts'
import { costOf, partnerCostOf } from '../../../engine/index.ts'
import type { GameSession, ReturnedChoice } from '../../session/session.ts'
import { actionName, actorName } from '../../session/view-models.ts'
import type { Screen } from '../app.ts'
import { describeEffect } from '../cards.ts'
import { announce, button, h, modal, replaceChildren } from '../dom.ts'

function namesList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/** "China proposes: Joint air patrol with Russia, aimed at Japan" (the partner asked is named, as the others are). */
export function proposalSentence(scn: CompiledScenario, choice: Choice): string {
  const partners = choice.partners?.length ? ` with ${namesList(choice.partners.map((id) => actorName(scn, id)))}` : ''
  const targets = choice.targets?.length ? `, aimed at ${namesList(choice.targets.map((id) => actorName(scn, id)))}` : ''
  return `${actorName(scn, choice.actor)} proposes: ${actionName(scn, choice.action)}${partners}${targets}`
}

/** An effect of a proposed action in the words of the partner asked ("you" is the partner, not the proposer). */
function effectForPartner(scn: CompiledScenario, choice: Choice, partner: string, effect: EffectData): string {
  const name = (id: string) => (id === partner ? 'you' : actorName(scn, id))
  const groups: Record<string, string> = {
    actor: actorName(scn, choice.actor),
    partners: namesList((choice.partners ?? []).map(name)),
    participants: namesList([choice.actor, ...(choice.partners ?? [])].map(name)),
    targets: namesList((choice.targets ?? []).map((id) => actorName(scn, id))),
  }
  const ref = (value: string) => groups[value] ?? value
  switch (effect.variable) {
    case 'readiness':
    case 'standing':
      return describeEffect(scn, { ...effect, of: ref(effect.of) })
    case 'grievance':
      return describeEffect(scn, { ...effect, of: ref(effect.of), toward: ref(effect.toward) })
    default:
      return describeEffect(scn, { ...effect, between: [ref(effect.between[0]), ref(effect.between[1])] })
  }
}

type Answer = 'agree' | 'decline' | 'later'

/** Asks one proposal in a dialog: its effects and costs, Agree / Decline / Decide later (Escape). */
function askOne(session: GameSession, question: ConsentQuestion): Promise<Answer> {
  const scn = session.scenario
  const { choice, partner } = question
  const action = scn.actionById[choice.action].data
  const share = partnerCostOf(scn, choice)
  const left = session.budget(partner) - session.spent(partner)
  return modal<Answer>(
    proposalSentence(scn, choice),
    [
      h('p', {}, action.description),
      h('h3', {}, 'What it does'),
      h(
        'ul',
        { className: 'proposal-effects' },
        action.effects.map((effect) => h('li', {}, effectForPartner(scn, choice, partner, effect))),
      ),
      h('h3', {}, 'What it costs'),
      h(
        'ul',
        { className: 'proposal-costs' },
        h(
          'li',
          {},
          `You: ${share} political capital this turn (you have ${left} of ${session.budget(partner)} left)` +
            (share > left ? ' — more than you have left: if you agree, one of your planned actions or this one will not happen' : ''),
        ),
        h('li', {}, `${actorName(scn, choice.actor)}: ${costOf(scn, session.state, choice)} political capital`),
      ),
      h('p', { className: 'note' }, 'Escape or “Decide later” leaves the proposal open; the turn waits for your answer.'),
    ],
    [
      { label: 'Agree', value: 'agree', primary: true },
      { label: 'Decline', value: 'decline' },
      { label: 'Decide later', value: 'later' },
    ],
    'later',
  )
}

/** The screen on which `partner` answers `questions`; `onDone` runs once every one is answered. */
export function consentScreen(session: GameSession, partner: string, questions: readonly ConsentQuestion[], onDone: () => void): Screen {
  let disposed = false
  return {
    name: 'consent',
    title: 'Joint actions proposed to you',
    dispose() {
      disposed = true
    },
    render() {
      const scn = session.scenario
      const answers = new Map<string, boolean>()
      const list = h('ul', { className: 'proposals' })
      const open = () => questions.filter((question) => !answers.has(question.key))
      const finish = () => {
        for (const question of questions) session.answer(question.key, answers.get(question.key)!)
        onDone()
      }
      const ask = async (question: ConsentQuestion) => {
        const answer = await askOne(session, question)
        if (disposed) return
        if (answer !== 'later') {
          answers.set(question.key, answer === 'agree')
          announce(`${answer === 'agree' ? 'Agreed' : 'Declined'}: ${proposalSentence(scn, question.choice)}.`)
        }
        refresh()
        const next = open()
        if (next.length === 0) return finish()
        // The next proposal comes at once after an answer; after "Decide later" the list waits for the player.
        if (answer !== 'later') void ask(next[0])
      }
      const refresh = () =>
        replaceChildren(
          list,
          questions.map((question) => {
            const given = answers.get(question.key)
            const status = given === undefined ? 'Waiting for your answer' : given ? 'You agreed' : 'You declined'
            const sentence = proposalSentence(scn, question.choice)
            return h(
              'li',
              { className: 'proposal' },
              h('strong', {}, sentence),
              ` — ${status} `,
              given === undefined
                ? button('Answer', () => void ask(question), { className: 'small', 'aria-label': `Answer: ${sentence}` })
                : null,
            )
          }),
        )
      refresh()
      const main = h(
        'main',
        { className: 'consent' },
        h('h1', {}, `${actorName(scn, partner)}: joint actions proposed to you`),
        h(
          'p',
          {},
          `Answer each proposal: Agree or Decline. The turn resolves once every proposal is answered. Political capital: ${session.budget(partner) - session.spent(partner)} of ${session.budget(partner)} left.`,
        ),
        list,
      )
      // The first question opens once the screen is on show.
      queueMicrotask(() => {
        if (!disposed && open().length > 0) void ask(open()[0])
      })
      return main
    },
  }
}

/** What the turn gave back to the player at the device: a visible notice above the plan (empty when nothing). */
export function returnedNotice(scn: CompiledScenario, returned: readonly ReturnedChoice[]): HTMLElement | null {
  if (returned.length === 0) return null
  return h(
    'div',
    { className: 'returned-notice', role: 'alert' },
    h('p', {}, 'Not carried out this turn — removed from your plan, the capital is yours again:'),
    h(
      'ul',
      {},
      returned.map(({ choice, rejection }) =>
        h(
          'li',
          {},
          `${actionName(scn, choice.action)}${choice.partners?.length ? ` with ${namesList(choice.partners.map((id) => actorName(scn, id)))}` : ''}: ${rejection.reason}.`,
        ),
      ),
    ),
    h('p', {}, 'Plan something else, or end the turn.'),
  )
}
