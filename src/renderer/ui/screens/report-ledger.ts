// The turn report's ledger: every change of the turn netted per cause, folded by step and cause, each cause
// with a "Why?" that opens its rule or action and the quoted passages.
import type { CitationData, CompiledScenario, NetGroup } from '../../../engine/index.ts'
import { UNITS_NOTE, netLineText } from '../../session/report-view.ts'
import { citationList } from '../citations.ts'
import { button, h, replaceChildren } from '../dom.ts'
import { glossaryStrip } from '../glossary.ts'

const STEP_NAMES: Record<string, string> = {
  injects: 'Events',
  actions: 'Actions',
  reactions: 'Reactions',
  arms: 'Arms',
  alignment: 'Alignment drift',
  tension: 'Tension',
  incidents: 'Incidents',
  indices: 'Indices',
}

function describeCause(scn: CompiledScenario, cause: string): string {
  const action = scn.actionById[cause]
  if (action) return action.data.description
  const inject = scn.injectById[cause]
  if (inject) return `An event the teacher played into this turn: ${inject.data.description}`
  const rule = scn.file.rules.find((r) => r.id === cause)
  if (rule) return rule.description
  if (cause === 'clamp') return 'Values are kept within their range.'
  if (cause === 'escalation-ladder') return 'The rung is read from the tension of the hottest pair across the blocs, with hysteresis.'
  if (cause === 'objectives')
    return scn.file.turns.scoring === 'mean'
      ? 'Each role’s score for a turn is the weighted share of its objectives met; its score for the game is the mean of its turns’ scores so far.'
      : 'Each role’s score is the weighted share of its objectives met.'
  return ''
}

let panels = 0

/** A toggle button and the panel it shows and hides (built on first open when `content` is a function). */
export function disclosure(
  label: string,
  accessibleName: string,
  content: () => (Node | string | null)[],
  onOpen?: () => void,
  eager = false,
): { button: HTMLButtonElement; panel: HTMLElement } {
  const id = `why-${++panels}`
  const panel = h('div', { id, className: 'why', hidden: true })
  let built = eager
  if (eager) replaceChildren(panel, content())
  const toggle: HTMLButtonElement = button(
    label,
    () => {
      const open = panel.hidden
      if (open && !built) {
        replaceChildren(panel, content())
        built = true
      }
      panel.hidden = !open
      toggle.setAttribute('aria-expanded', String(open))
      if (open) onOpen?.()
    },
    { 'aria-expanded': 'false', 'aria-controls': id, 'aria-label': accessibleName, className: 'small' },
  )
  return { button: toggle, panel }
}

/** The rule or action behind a cause and its passages, for a "Why?" panel (built at once: the quotes are in the page). */
function causePanel(scn: CompiledScenario, group: NetGroup, onRead: (citation: CitationData) => void): Node[] {
  const list = citationList(group.citations, group.assumption, onRead, 'The passages')
  list.setAttribute('open', '')
  return [h('p', {}, describeCause(scn, group.cause)), list]
}

export function causeWhy(
  scn: CompiledScenario,
  group: NetGroup,
  onRead: (citation: CitationData) => void,
  onWhy: () => void,
): { button: HTMLButtonElement; panel: HTMLElement } {
  // The quotes are part of the page from the start (the browser's find, tests).
  return disclosure('Why?', `Why? ${group.causeName}`, () => causePanel(scn, group, onRead), onWhy, true)
}

function groupView(scn: CompiledScenario, group: NetGroup, onRead: (citation: CitationData) => void, onWhy: () => void): HTMLElement {
  const why = causeWhy(scn, group, onRead, onWhy)
  const count = `${group.lines.length} change${group.lines.length === 1 ? '' : 's'}`
  return h(
    'li',
    { className: 'change-group', 'data-cause': group.cause },
    h(
      'details',
      {},
      h('summary', {}, h('strong', {}, group.causeName), h('span', { className: 'note' }, ` · ${count}`)),
      h('p', { className: 'why-line' }, why.button),
      why.panel,
      h(
        'ul',
        { className: 'entries' },
        group.lines.map((line) => h('li', {}, netLineText(scn, line, group.limit === true))),
      ),
    ),
  )
}

/** The groups by step, in the order of the turn. */
function stepsOf(groups: readonly NetGroup[]): [string, NetGroup[]][] {
  const bySteps = new Map<string, NetGroup[]>()
  for (const group of groups) bySteps.set(group.step, [...(bySteps.get(group.step) ?? []), group])
  return [...bySteps]
}

/** The folded ledger, with how many changes and causes it holds and the units its numbers are in. */
export function ledgerSection(
  scn: CompiledScenario,
  groups: readonly NetGroup[],
  onRead: (citation: CitationData) => void,
  onWhy: () => void,
): HTMLElement {
  const lines = groups.reduce((sum, group) => sum + group.lines.length, 0)
  return h(
    'section',
    { 'aria-labelledby': 'changes-title' },
    h('h2', { id: 'changes-title' }, 'Every change, and why'),
    h(
      'p',
      { className: 'note' },
      `${lines} changes from ${groups.length} causes, each with what took effect after every cause and limit. ${UNITS_NOTE}`,
    ),
    glossaryStrip(scn),
    stepsOf(groups).map(([step, stepGroups]) => {
      const changes = stepGroups.reduce((sum, group) => sum + group.lines.length, 0)
      return h(
        'details',
        { className: 'ledger-step', 'data-step': step },
        h(
          'summary',
          {},
          h('strong', {}, STEP_NAMES[step] ?? step),
          h(
            'span',
            { className: 'note' },
            ` · ${stepGroups.length} cause${stepGroups.length === 1 ? '' : 's'} · ${changes} change${changes === 1 ? '' : 's'}`,
          ),
        ),
        h(
          'ol',
          { className: 'change-groups' },
          stepGroups.map((group) => groupView(scn, group, onRead, onWhy)),
        ),
      )
    }),
  )
}
