// The turn report: every choice, reaction and incident, and every change with a "Why?" that opens
// the rule and its quoted passages.
import type { CitationData, CompiledScenario, LedgerEntry } from '../../../engine/index.ts'
import type { ResolvedTurn } from '../../session/session.ts'
import type { ChangeGroup, LimitedChangeView } from '../../session/view-models.ts'
import {
  actorName,
  changeGroups,
  limitedChangeViews,
  quasiAlliancePairNames,
  describeChoice,
  rejectionReason,
  scoreText,
  formatDelta,
  formatValue,
  turnDate,
  variableName,
} from '../../session/view-models.ts'
import type { App, Screen } from '../app.ts'
import { guideEvent, guidePanel } from '../guide.ts'
import { withGlossary } from '../glossary.ts'
import { citationList } from '../citations.ts'
import { netChangeKey } from '../../../engine/net-ledger.ts'
import { announce, button, h } from '../dom.ts'
import { endScreen } from './end.ts'
import { gameScreen } from './game.ts'
import { readerScreen } from './reader.ts'

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

function describeCause(scn: CompiledScenario, group: ChangeGroup): string {
  const action = scn.actionById[group.cause]
  if (action) return action.data.description
  const inject = scn.injectById[group.cause]
  if (inject) return `An event the teacher played into this turn: ${inject.data.description}`
  const rule = scn.file.rules.find((r) => r.id === group.cause)
  if (rule) return rule.description
  if (group.cause === 'clamp') return 'Values are kept within their range; the clamp is booked as its own change.'
  if (group.cause === 'escalation-ladder') return 'The rung is read from the tension of the hottest pair across the blocs, with hysteresis.'
  if (group.cause === 'objectives')
    return scn.file.turns.scoring === 'mean'
      ? 'Each role’s score for a turn is the weighted share of its objectives met; its score for the game is the mean of its turns’ scores so far.'
      : 'Each role’s score is the weighted share of its objectives met.'
  return ''
}

/** Where a limit acted on this entry's variable, a cause's line says what took effect in the end. */
function entryLine(scn: CompiledScenario, entry: LedgerEntry, limited: ReadonlyMap<string, LimitedChangeView>): string {
  const view = entry.limit ? undefined : limited.get(netChangeKey(entry))
  if (!view) return entryText(scn, entry)
  const net = view.change.net === 0 ? 'nothing' : formatDelta(entry.variable, view.change.net)
  return `${entryText(scn, entry)}; after limits ${net} took effect this turn`
}

function entryText(scn: CompiledScenario, entry: LedgerEntry): string {
  const who =
    entry.actors.length === 0
      ? ''
      : entry.variable === 'grievance'
        ? `${entry.actors[0]} toward ${entry.actors[1]}`
        : entry.actors.join('–')
  const by = entry.by && entry.by.length ? ` (by ${entry.by.map((id) => actorName(scn, id)).join(', ')})` : ''
  return `${variableName(entry.variable)}${who ? ` ${who}` : ''}: ${formatValue(entry.variable, entry.before)} → ${formatValue(entry.variable, entry.after)} (${formatDelta(entry.variable, entry.delta)})${by}`
}

function groupView(
  scn: CompiledScenario,
  group: ChangeGroup,
  limited: ReadonlyMap<string, LimitedChangeView>,
  index: number,
  onRead: (citation: CitationData) => void,
  onWhy: () => void,
): HTMLElement {
  const panelId = `why-${index}`
  const panel = h(
    'div',
    { id: panelId, className: 'why', hidden: true },
    h('p', {}, describeCause(scn, group)),
    citationList(group.citations, group.assumption, onRead, 'The passages'),
  )
  panel.querySelector('details')?.setAttribute('open', '')
  const whyButton = button(
    'Why?',
    () => {
      const open = panel.hidden
      panel.hidden = !open
      whyButton.setAttribute('aria-expanded', String(open))
      if (open) onWhy()
    },
    { 'aria-expanded': 'false', 'aria-controls': panelId, 'aria-label': `Why? ${group.causeName}` },
  )
  const shown = group.entries.slice(0, 6)
  const rest = group.entries.slice(6)
  return h(
    'li',
    { className: 'change-group', 'data-cause': group.cause },
    h(
      'h4',
      {},
      `${group.causeName} `,
      h(
        'span',
        { className: 'note' },
        `· ${STEP_NAMES[group.step] ?? group.step}${group.entries[0]?.limit ? ' · limit' : ''} · ${group.entries.length} change${group.entries.length === 1 ? '' : 's'}`,
      ),
      ' ',
      whyButton,
    ),
    panel,
    h(
      'ul',
      { className: 'entries' },
      shown.map((entry) => h('li', {}, entryLine(scn, entry, limited))),
    ),
    rest.length > 0
      ? h(
          'details',
          {},
          h('summary', {}, `${rest.length} more`),
          h(
            'ul',
            { className: 'entries' },
            rest.map((entry) => h('li', {}, entryLine(scn, entry, limited))),
          ),
        )
      : null,
  )
}

/** What took effect where a cap, floor or range limit took back part of a push; nothing without limits. */
function limitedView(views: readonly LimitedChangeView[]): HTMLElement | null {
  if (views.length === 0) return null
  const line = (view: LimitedChangeView) => h('li', { 'data-variable': view.key }, view.text)
  const shown = views.slice(0, 6)
  const rest = views.slice(6)
  return h(
    'div',
    { className: 'limited-changes' },
    h('h3', { id: 'limited-title' }, 'What took effect where a limit acted'),
    h('p', { className: 'note' }, 'The causes below are listed with what they pushed; a limit then took part of it back or added to it.'),
    h('ul', { 'aria-labelledby': 'limited-title' }, shown.map(line)),
    rest.length > 0 ? h('details', {}, h('summary', {}, `${rest.length} more`), h('ul', {}, rest.map(line))) : null,
  )
}

export function reportScreen(resolved: ResolvedTurn): Screen {
  return {
    name: 'report',
    title: `Turn ${resolved.result.turn} report`,
    render(app: App) {
      const session = app.session!
      const scn = session.scenario
      const { plan, result } = resolved
      const state = result.state
      const back = () => app.show(reportScreen(resolved))
      const onRead = (citation: CitationData) => {
        const guide = guideEvent(session, 'source-opened')
        app.show(readerScreen(scn, citation, back))
        if (guide) announce(guide)
      }
      const next = () => {
        const guide = guideEvent(session, 'report-closed')
        app.show(session.over ? endScreen() : gameScreen())
        if (guide) announce(guide)
      }
      const rung = scn.file.ladder[state.rung]
      const limitedViews = limitedChangeViews(scn, result.ledger)
      const limitedByKey = new Map(limitedViews.map((view) => [view.key, view]))
      const main = h(
        'main',
        { className: 'report' },
        h('h1', {}, `Turn ${result.turn} report — ${turnDate(scn, result.turn)}`),
        h('div', { className: 'guide-slot' }),
        h(
          'section',
          { 'aria-labelledby': 'done-title' },
          h('h2', { id: 'done-title' }, 'What everyone did'),
          h(
            'ul',
            {},
            result.orders.length ? result.orders.map((order) => h('li', {}, describeChoice(scn, order))) : h('li', {}, 'Nobody acted.'),
          ),
          plan.rejected.length
            ? h(
                'div',
                {},
                h('h3', {}, 'Not carried out'),
                h(
                  'ul',
                  {},
                  plan.rejected.map((r) => h('li', {}, `${describeChoice(scn, r.choice)}: ${rejectionReason(scn, r)}`)),
                ),
              )
            : null,
        ),
        h(
          'section',
          { 'aria-labelledby': 'incidents-title' },
          h('h2', { id: 'incidents-title' }, 'Incidents'),
          h(
            'ul',
            {},
            result.incidents.length
              ? result.incidents.map((incident) =>
                  h(
                    'li',
                    {},
                    `${incident.severity === 2 ? 'Severe incident' : 'Incident'} between ${incident.actors.map((id) => actorName(scn, id)).join(' and ')}${incident.theatre ? ` in the ${incident.theatre}` : ''} (chance was ${Math.round(incident.probability * 100)}%). Nobody chose it.`,
                  ),
                )
              : h('li', {}, 'No incident this turn.'),
          ),
          state.clash
            ? h('p', { className: 'alert', role: 'alert' }, `Armed clash between ${state.clash.actors.join(' and ')}. Everyone loses.`)
            : null,
        ),
        h(
          'section',
          { 'aria-labelledby': 'world-title' },
          h('h2', { id: 'world-title' }, 'The world now'),
          h(
            'ul',
            {},
            h('li', {}, 'Escalation ladder: ', withGlossary(scn, rung.name)),
            h(
              'li',
              {},
              withGlossary(
                scn,
                `Blocs: ${state.blocs[0].join(', ')} versus ${state.blocs[1].join(', ') || 'nobody'}; rigidity ${Math.round(state.rigidity)} of 100${state.rigidBlocs ? ' (rigid blocs)' : ''}`,
              ),
            ),
            state.impasse ? h('li', {}, 'Impasse: rigid blocs, high tension, no movement.') : null,
            state.quasiAlliance ? h('li', {}, withGlossary(scn, `${quasiAlliancePairNames(scn)} now act as a quasi-alliance.`)) : null,
            session.humans.map((actor) =>
              h('li', {}, `Score of ${actorName(scn, actor)}: ${scoreText(scn, state, scn.roleByActor[actor]?.id ?? '', 'this turn')}`),
            ),
          ),
        ),
        h(
          'section',
          { 'aria-labelledby': 'changes-title' },
          h('h2', { id: 'changes-title' }, 'Every change, and why'),
          limitedView(limitedViews),
          h(
            'ol',
            { className: 'change-groups' },
            changeGroups(result.ledger).map((group, index) =>
              groupView(scn, group, limitedByKey, index, onRead, () => {
                const guide = guideEvent(session, 'why-opened')
                if (guide) announce(guide)
              }),
            ),
          ),
        ),
        h('div', { className: 'actions sticky' }, button(session.over ? 'See the outcome' : 'Next turn', next, { className: 'primary' })),
      )
      const guide = guidePanel(session, main, 'report')
      if (guide) main.querySelector('.guide-slot')?.append(guide)
      return main
    },
  }
}
