// "What if…": from a turn of the game, another choice for a human role or a rule switched off, played on to
// the end with the same seed, and shown beside the real timeline with the first difference and the endings.
import type { Choice, CompiledScenario, Match } from '../../../engine/index.ts'
import { legalCandidates } from '../../../engine/index.ts'
import type { Counterfactual, WhatIf } from '../../../engine/debrief/index.ts'
import {
  debriefOutcome,
  describeChoice,
  describeWhatIf,
  playWhatIf,
  sideBySide,
  switchableRules,
  turnLine,
  whatIfProblem,
} from '../../../engine/debrief/index.ts'
import { announce, button, h, replaceChildren } from '../dom.ts'
import { section, table } from './debrief-parts.ts'

function endingRows(scn: CompiledScenario, real: Match, alternative: Counterfactual): string[][] {
  const a = debriefOutcome(scn, real)
  const b = debriefOutcome(alternative.scenario, alternative.match)
  const rows = [
    ['Ending', a.headline, b.headline],
    ['Turns played', String(real.turns.length), String(alternative.match.turns.length)],
    ['Ladder at the end', a.rung.name, b.rung.name],
    ['Bloc rigidity', String(Math.round(a.rigidity)), String(Math.round(b.rigidity))],
    ['Quasi-alliance', a.quasiAlliance ? 'yes' : 'no', b.quasiAlliance ? 'yes' : 'no'],
  ]
  for (const role of scn.roles)
    rows.push([
      `Score of ${role.name}`,
      String(Math.round(real.state.scores[role.id] ?? 0)),
      String(Math.round(alternative.match.state.scores[role.id] ?? 0)),
    ])
  return rows
}

function resultView(scn: CompiledScenario, real: Match, result: Counterfactual): HTMLElement {
  const { firstDecisionTurn, firstStateTurn } = result.divergence
  const notes: string[] = []
  if (result.assumedAgreements.length > 0) notes.push('Human partners of the new joint actions are taken to agree.')
  for (const dropped of result.dropped)
    notes.push(`Turn ${dropped.turn}: ${describeChoice(scn, dropped.rejection.choice)} was not carried out (${dropped.rejection.reason}).`)
  if (result.turnsPassed > 0)
    notes.push(`The game went on ${result.turnsPassed} turn(s) beyond the real one; the people’s roles passed in them.`)
  if (result.turnsNotPlayed > 0) notes.push(`The what-if ended ${result.turnsNotPlayed} turn(s) sooner than the real game.`)
  const rows = sideBySide(scn, real, result.scenario, result.match).map((row) => [
    `${row.turn}${row.turn === firstStateTurn ? ' (first difference)' : ''}`,
    row.left ? `${turnLine(row.left)}: ${row.left.orders.map((order) => order.text).join('; ') || 'nobody acted'}` : 'not played',
    row.right ? `${turnLine(row.right)}: ${row.right.orders.map((order) => order.text).join('; ') || 'nobody acted'}` : 'not played',
    row.same ? 'same' : 'different',
  ])
  return h(
    'div',
    { className: 'what-if-result' },
    h('h3', {}, describeWhatIf(scn, result.whatIf)),
    h(
      'p',
      { className: 'first-difference' },
      firstStateTurn === null
        ? 'No difference: the what-if is the same game, turn for turn.'
        : `First difference: ${firstDecisionTurn !== null ? `the decisions from turn ${firstDecisionTurn}, ` : ''}the world from turn ${firstStateTurn}.`,
    ),
    notes.length > 0
      ? h(
          'ul',
          { className: 'what-if-notes' },
          notes.map((note) => h('li', {}, note)),
        )
      : null,
    table('The endings', ['', 'The game', 'What if'], endingRows(scn, real, result)),
    table('The two timelines side by side', ['Turn', 'The game', 'What if', 'The world after the turn'], rows, 'side-by-side'),
  )
}

function labelled(id: string, label: string, control: HTMLElement): HTMLElement {
  control.id = id
  return h('div', { className: 'field' }, h('label', { for: id }, label), control)
}

const option = (value: string, label: string) => h('option', { value }, label)

export function whatIfSection(scn: CompiledScenario, match: Match): HTMLElement {
  const turnSelect = h(
    'select',
    {},
    match.turns.map(({ result }) => option(String(result.turn), `Turn ${result.turn}`)),
  )
  const roleSelect = h(
    'select',
    {},
    match.setup.humans.map((actor) => option(actor, scn.file.actors.find((a) => a.id === actor)?.name ?? actor)),
  )
  const actionSelects = [1, 2, 3].map(() => h('select', {}))
  const ruleSelect = h(
    'select',
    {},
    switchableRules(scn).map((rule) => option(rule.id, `${rule.name} (${rule.kind})`)),
  )
  let candidates: Choice[] = []
  const fillActions = () => {
    const turn = Number(turnSelect.value)
    const state = turn <= 1 ? match.start : match.turns[turn - 2].result.state
    candidates = legalCandidates(scn, state, roleSelect.value).filter((choice) => choice.actor === roleSelect.value)
    for (const select of actionSelects) {
      replaceChildren(
        select,
        option('', 'None'),
        candidates.map((choice, k) => option(String(k), describeChoice(scn, choice).replace(/^[^:]*: /, ''))),
      )
    }
  }
  turnSelect.addEventListener('change', fillActions)
  roleSelect.addEventListener('change', fillActions)
  fillActions()

  const choiceRadio = h('input', {
    type: 'radio',
    name: 'what-if-kind',
    id: 'what-if-kind-choice',
    value: 'choice',
    checked: true,
  })
  const ruleRadio = h('input', { type: 'radio', name: 'what-if-kind', id: 'what-if-kind-rule', value: 'rule' })
  const choiceFields = h(
    'div',
    { className: 'what-if-choice' },
    labelled('what-if-role', 'Role', roleSelect),
    actionSelects.map((select, k) => labelled(`what-if-action-${k + 1}`, `Action ${k + 1}`, select)),
    h(
      'p',
      { className: 'note' },
      'Leave every action at None for the role to pass that turn. The rules refuse what the budget does not allow.',
    ),
  )
  const ruleFields = h('div', { className: 'what-if-rule', hidden: true }, labelled('what-if-rule', 'Rule to switch off', ruleSelect))
  const showKind = () => {
    choiceFields.hidden = !choiceRadio.checked
    ruleFields.hidden = !ruleRadio.checked
  }
  choiceRadio.addEventListener('change', showKind)
  ruleRadio.addEventListener('change', showKind)

  const status = h('p', { className: 'note', role: 'status' })
  const result = h('div', { className: 'what-if-output' })
  const play = () => {
    const turn = Number(turnSelect.value)
    const whatIf: WhatIf = choiceRadio.checked
      ? {
          turn,
          roles: [
            {
              actor: roleSelect.value,
              choices: actionSelects.filter((select) => select.value !== '').map((select) => candidates[Number(select.value)]),
            },
          ],
        }
      : { turn, rulesOff: [ruleSelect.value] }
    const problem = whatIfProblem(scn, match, whatIf)
    if (problem) {
      status.textContent = `Cannot play this what-if: ${problem}.`
      return
    }
    status.textContent = 'Playing the what-if…'
    playButton.disabled = true
    // Let the status show before the turns are played.
    setTimeout(() => {
      try {
        const played = playWhatIf(scn, match, whatIf)
        replaceChildren(result, resultView(scn, match, played))
        const first = played.divergence.firstStateTurn
        status.textContent = `Played. ${first === null ? 'No difference from the game.' : `The world first differs after turn ${first}.`}`
        announce(status.textContent)
      } catch (error) {
        status.textContent = `The what-if could not be played: ${(error as Error)?.message ?? String(error)}.`
      } finally {
        playButton.disabled = false
      }
    }, 20)
  }
  const playButton = button('Play', play, { className: 'primary' })
  return section(
    'debrief-what-if',
    'What if…',
    h(
      'p',
      { className: 'note' },
      'Play the game again from a turn of your choice, with another choice for a role played by people or with one rule switched off: the same seed, the turns before as they were, and the people’s later decisions where the rules still allow them.',
    ),
    h(
      'div',
      { className: 'what-if-form no-print' },
      labelled('what-if-turn', 'From turn', turnSelect),
      h(
        'fieldset',
        {},
        h('legend', {}, 'What changes'),
        h('div', {}, choiceRadio, h('label', { for: 'what-if-kind-choice' }, ' Another choice for a role')),
        h('div', {}, ruleRadio, h('label', { for: 'what-if-kind-rule' }, ' A rule switched off')),
      ),
      choiceFields,
      ruleFields,
      h('div', { className: 'actions' }, playButton),
      status,
    ),
    result,
  )
}
