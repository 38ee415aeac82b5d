// Glossary terms: a word of the model (rigidity, quasi-alliance, pin prick…) as a small button whose
// definition shows as a tooltip on hover and on keyboard focus, and is the button's accessible description
// (so screen readers read it on focus). Escape hides it; a click keeps it open. The definitions are the
// scenario's own (`glossary`) where it gives them, the game's otherwise, with the scenario's thresholds.
import type { CompiledScenario, GlossaryTerm } from '../../engine/index.ts'
import { quasiAlliancePairNames } from '../session/view-models.ts'
import { h } from './dom.ts'

const DEFAULTS: Record<GlossaryTerm, string> = {
  rigidity: 'How tight and separate the two camps are, from 0 to 100: alignment inside the blocs weighed against alignment across them.',
  'quasi-alliance': 'Two powers acting almost as allies without a treaty: their alignment at or above the quasi-alliance line.',
  'pin-prick':
    'A firm act near a rival’s forces — a patrol, an exercise — that tests its red lines: each adds to the chance of an incident between the two that turn.',
  readiness: 'A power’s military build-up for the worst case: it rises when rivals arm and falls slowly by its cost.',
  interdependence: 'Energy, arms and investment ties between two powers, from 0 to 1: they put a floor under their alignment.',
  grievance: 'What one power holds against another for its hostile acts: it wants to answer in kind, and the grievance fades each turn.',
}

/** The term's definition in this scenario, with the numbers that make it concrete here. */
export function definitionOf(scn: CompiledScenario, term: GlossaryTerm): string {
  const text = scn.file.glossary?.[term] ?? DEFAULTS[term]
  const { params } = scn
  if (term === 'rigidity')
    return `${text} Here the blocs count as rigid at ${params.rigidityThreshold} or more for ${params.rigidTurns} turns in a row.`
  if (term === 'quasi-alliance') {
    const pair = quasiAlliancePairNames(scn)
    return `${text} Here the line is an alignment of ${params.quasiAllianceThreshold} (${Math.round(params.quasiAllianceThreshold * 100)} on the alignment chart)${pair ? ` between ${pair}` : ''}.`
  }
  if (term === 'readiness') return `${text} Here it runs from 0 to ${params.readinessMax}.`
  return text
}

let nextId = 0

/** `word` (as it stands in the sentence) as a glossary term explaining `term`. */
export function glossaryTerm(scn: CompiledScenario, term: GlossaryTerm, word: string): HTMLElement {
  const id = `term-tip-${++nextId}`
  const tip = h('span', { id, role: 'tooltip', className: 'term-tip', hidden: true }, definitionOf(scn, term))
  let pinned = false
  const trigger = h('button', { type: 'button', className: 'term', 'aria-describedby': id, 'data-term': term }, word)
  const show = () => (tip.hidden = false)
  const hide = () => {
    if (!pinned) tip.hidden = true
  }
  trigger.addEventListener('mouseenter', show)
  trigger.addEventListener('focus', show)
  trigger.addEventListener('mouseleave', hide)
  trigger.addEventListener('blur', () => {
    pinned = false
    hide()
  })
  trigger.addEventListener('click', () => {
    pinned = !pinned
    tip.hidden = !pinned
  })
  trigger.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || tip.hidden) return
    // Escape closes the tooltip only; a second Escape goes to whatever else listens.
    event.stopPropagation()
    pinned = false
    tip.hidden = true
  })
  return h('span', { className: 'term-wrap' }, trigger, tip)
}

const PATTERNS: [GlossaryTerm, RegExp][] = [
  ['quasi-alliance', /quasi-alliance/i],
  ['pin-prick', /pin[ -]pricks?/i],
  ['rigidity', /rigidity/i],
  ['readiness', /readiness/i],
  ['interdependence', /interdependence/i],
  ['grievance', /grievances?/i],
]

/** The text with the first mention of each glossary word made a term; the rest stays plain text. */
export function withGlossary(scn: CompiledScenario, text: string): (string | HTMLElement)[] {
  const found = PATTERNS.map(([term, pattern]) => ({ term, match: pattern.exec(text) }))
    .filter((each): each is { term: GlossaryTerm; match: RegExpExecArray } => each.match !== null)
    .sort((a, b) => a.match.index - b.match.index)
  const parts: (string | HTMLElement)[] = []
  let from = 0
  for (const { term, match } of found) {
    if (match.index < from) continue
    parts.push(text.slice(from, match.index), glossaryTerm(scn, term, match[0]))
    from = match.index + match[0].length
  }
  parts.push(text.slice(from))
  return parts.filter((part) => part !== '')
}

const STRIP: [GlossaryTerm, string][] = [
  ['rigidity', 'rigidity'],
  ['quasi-alliance', 'quasi-alliance'],
  ['pin-prick', 'pin prick'],
  ['readiness', 'readiness'],
  ['interdependence', 'interdependence'],
  ['grievance', 'grievance'],
]

/** Every glossary term in one line, for screens whose numbers use the words in many places (cards, ledger). */
export function glossaryStrip(scn: CompiledScenario): HTMLElement {
  const terms = STRIP.flatMap(([term, word], k) => (k === 0 ? [glossaryTerm(scn, term, word)] : [', ', glossaryTerm(scn, term, word)]))
  return h('p', { className: 'note glossary-strip' }, 'Words of the model: ', terms, '.')
}
