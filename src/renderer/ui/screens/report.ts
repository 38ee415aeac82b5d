// The turn report. It leads with what the player did and what it changed for them (the score by objective),
// then the turn's most consequential changes and its incidents by severity, what the others did (each computer
// choice with "Why did … do that?"), and the whole ledger below, netted per cause and folded, each cause with
// a "Why?" that opens the rule and its quoted passages. Leaving for the reader or the charts and coming back
// shows the same report: the same page, scrolled where it was, with the same panels open.
import type { ChoiceExplanation, CitationData } from '../../../engine/index.ts'
import { explainActor, jointKey, netLedgerGroups, objectiveChanges, rankedChanges, seatsOf, stateShifts } from '../../../engine/index.ts'
import type { ResolvedTurn } from '../../session/session.ts'
import { explanationView, objectiveRows, rankedChangeText, shiftText } from '../../session/report-view.ts'
import { actorName, describeChoice, rejectionReason, scoreText, turnDate } from '../../session/view-models.ts'
import type { App, Screen } from '../app.ts'
import { guideEvent, guidePanel } from '../guide.ts'
import { withGlossary } from '../glossary.ts'
import { announce, button, h, replaceChildren } from '../dom.ts'
import { saveAs } from '../saving.ts'
import { endScreen } from './end.ts'
import { causeWhy, disclosure, ledgerSection } from './report-ledger.ts'
import { gameScreen } from './game.ts'
import { readerScreen } from './reader.ts'
import { titleScreen } from './title.ts'

/** How many of the turn's changes the report leads with (state shifts first). */
const TOP_CHANGES = 5

export interface ReportOptions {
  /** Charts, Save and Main menu on the report (not in a class, where the class's own screens lead on). */
  gameTools?: boolean
  /** The turn's autosave, written while the report shows: the report says when it is done (or failed). */
  autosave?: Promise<boolean>
}

export function reportScreen(resolved: ResolvedTurn, options: ReportOptions = {}): Screen {
  let page: HTMLElement | null = null
  let scrollY = 0
  let returnTo: HTMLElement | null = null
  const screen: Screen = {
    name: 'report',
    title: `Turn ${resolved.result.turn} report`,
    render(app: App) {
      if (page) {
        // Back from the reader or the charts: the same page as it was left.
        const slot = page.querySelector('.guide-slot')
        const guide = app.session ? guidePanel(app.session, page, 'report') : null
        if (slot) replaceChildren(slot, guide)
        const [y, target] = [scrollY, returnTo]
        requestAnimationFrame(() => {
          target?.focus({ preventScroll: true })
          window.scrollTo(0, y)
        })
        return page
      }
      page = build(
        app,
        resolved,
        options.gameTools ?? true,
        options.autosave,
        (next: Screen) => {
          scrollY = window.scrollY
          returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null
          app.show(next)
        },
        () => app.show(screen),
      )
      return page
    },
  }
  return screen
}

function build(
  app: App,
  resolved: ResolvedTurn,
  gameTools: boolean,
  autosave: Promise<boolean> | undefined,
  leave: (next: Screen) => void,
  back: () => void,
): HTMLElement {
  const session = app.session!
  const scn = session.scenario
  const { plan, result, decisions } = resolved
  const state = result.state
  // The state the turn started from (the class's mirror holds copies of the turns, so found by number).
  const turnNumber = result.turn
  const before = turnNumber === 1 ? session.start : (session.history[turnNumber - 2]?.result.state ?? null)
  const humans = session.humans
  const isHuman = (actor: string) => humans.includes(actor)
  const onRead = (citation: CitationData) => {
    const guide = guideEvent(session, 'source-opened')
    leave(readerScreen(scn, citation, back))
    if (guide) announce(guide)
  }
  const onWhy = () => {
    const guide = guideEvent(session, 'why-opened')
    if (guide) announce(guide)
  }
  const next = () => {
    const guide = guideEvent(session, 'report-closed')
    app.show(session.over ? endScreen() : gameScreen())
    if (guide) announce(guide)
  }
  const groups = netLedgerGroups(result.ledger)
  const groupOf = (step: string, cause: string) => groups.find((group) => group.step === step && group.cause === cause)

  // What the player did, and what it changed for them.
  const own = result.orders.filter((order) => isHuman(order.actor))
  const joined = result.orders.filter((order) => !isHuman(order.actor) && order.partners?.some(isHuman))
  const ownRejected = plan.rejected.filter((r) => isHuman(r.choice.actor))
  const yours = h(
    'section',
    { 'aria-labelledby': 'you-title', className: 'report-you' },
    h(
      'h2',
      { id: 'you-title' },
      humans.length > 1
        ? 'What you did, and what it changed for you'
        : `What you did as ${actorName(scn, humans[0])}, and what it changed for you`,
    ),
    h(
      'ul',
      {},
      own.length ? own.map((order) => h('li', {}, describeChoice(scn, order))) : h('li', {}, 'You passed: nothing planned.'),
      joined.map((order) => h('li', {}, `You took part in: ${describeChoice(scn, order)}`)),
      ownRejected.map((r) =>
        h('li', { className: 'rejected' }, `Not carried out: ${describeChoice(scn, r.choice)}: ${rejectionReason(scn, r)}.`),
      ),
    ),
    humans.map((actor) => {
      const roleId = scn.roleByActor[actor]?.id ?? ''
      const rows = before ? objectiveRows(objectiveChanges(scn, before, state, roleId)) : []
      const turnBefore = before?.turnScores[roleId]
      const turnAfter = state.turnScores[roleId]
      return h(
        'div',
        { className: 'score-by-objective' },
        h('p', {}, `Score of ${actorName(scn, actor)}: ${scoreText(scn, state, roleId, 'this turn')}`),
        rows.length
          ? h(
              'table',
              {},
              h(
                'caption',
                {},
                turnBefore !== undefined && turnAfter !== undefined
                  ? `${actorName(scn, actor)}’s score of the state, ${turnBefore.toFixed(1)} → ${turnAfter.toFixed(1)}, by objective (points of 100)`
                  : `${actorName(scn, actor)}’s score by objective (points of 100)`,
              ),
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  h('th', { scope: 'col' }, 'Objective'),
                  h('th', { scope: 'col' }, 'Before'),
                  h('th', { scope: 'col' }, 'After'),
                  h('th', { scope: 'col' }, 'Change'),
                ),
              ),
              h(
                'tbody',
                {},
                rows.map((row) =>
                  h(
                    'tr',
                    {},
                    h('th', { scope: 'row' }, row.description, h('span', { className: 'note' }, ` (${row.goal})`)),
                    h('td', {}, row.before),
                    h('td', {}, row.after),
                    h('td', {}, row.change),
                  ),
                ),
              ),
            )
          : null,
      )
    }),
  )

  // Incidents by severity: a severe one is an alert at the top, others a notice.
  const severe = result.incidents.filter((incident) => incident.severity === 2)
  const minor = result.incidents.filter((incident) => incident.severity !== 2)
  const incidentText = (incident: (typeof result.incidents)[number]) =>
    `between ${incident.actors.map((id) => actorName(scn, id)).join(' and ')}${incident.theatre ? ` in the ${incident.theatre}` : ''} (chance was ${Math.round(incident.probability * 100)}%). Nobody chose it.`
  const alerts = h(
    'div',
    { className: 'report-alerts' },
    state.clash && !before?.clash
      ? h(
          'div',
          { className: 'alert-box severe', role: 'alert' },
          h('h2', {}, 'Armed clash'),
          h('p', {}, shiftText(scn, { kind: 'armed-clash', actors: state.clash.actors, theatre: state.clash.theatre })),
        )
      : null,
    severe.map((incident) =>
      h(
        'div',
        { className: 'alert-box severe' },
        h('h2', {}, 'Severe incident'),
        h('p', {}, `A severe incident ${incidentText(incident)}`),
      ),
    ),
    minor.map((incident) => h('div', { className: 'alert-box' }, h('p', {}, h('strong', {}, 'Incident '), incidentText(incident)))),
  )

  // The turn's most consequential changes: what started or ended, then the biggest net changes.
  const shifts = before ? stateShifts(scn, before, state).filter((shift) => shift.kind !== 'armed-clash') : []
  const ranked = rankedChanges(scn, result.ledger, humans, Math.max(3, TOP_CHANGES - shifts.length))
  const top = h(
    'section',
    { 'aria-labelledby': 'top-title', className: 'report-top' },
    h('h2', { id: 'top-title' }, 'What mattered most this turn'),
    h(
      'ol',
      { className: 'top-changes' },
      shifts.map((shift) => h('li', { className: 'shift' }, h('strong', {}, shiftText(scn, shift)))),
      ranked.map((change) => {
        const cause = change.causes[0]
        const group = cause ? groupOf(cause.step, cause.cause) : undefined
        const why = group ? causeWhy(scn, group, onRead, onWhy) : null
        return h('li', {}, rankedChangeText(scn, change), why ? [' ', why.button, why.panel] : null)
      }),
      shifts.length + ranked.length === 0 ? h('li', {}, 'Nothing changed enough to show.') : null,
    ),
  )

  // What the others did, each computer choice with why.
  // Worked out on first opening, one computer player at a time (the hard player's search is not free).
  const explained = new Map<string, ChoiceExplanation[]>()
  const explanationOf = (choice: (typeof result.orders)[number]): ChoiceExplanation | undefined => {
    if (!before) return undefined
    const setup = session.match.setup
    const seats = seatsOf(scn, decisions.difficulty ? { ...setup, difficulty: decisions.difficulty } : setup)
    let mine = explained.get(choice.actor)
    if (!mine) {
      const computers = [...plan.orders, ...plan.rejected.map((r) => r.choice)].filter((c) => seats.computer.has(c.actor))
      mine = explainActor(scn, before, seats, [...decisions.choices, ...computers], choice.actor)
      explained.set(choice.actor, mine)
    }
    return mine.find((e) => jointKey(e.choice) === jointKey(choice))
  }
  const computerLine = (choice: (typeof result.orders)[number], rejectedWhy?: string) => {
    const name = actorName(scn, choice.actor)
    const why = disclosure(`Why did ${name} do that?`, `Why did ${name} do that? ${describeChoice(scn, choice)}`, () => {
      const explanation = explanationOf(choice)
      if (!explanation) return [h('p', {}, 'The computer’s reasons for this choice cannot be shown.')]
      const view = explanationView(scn, explanation)
      return [
        h('p', {}, 'What made it the best choice for it, in score points:'),
        h(
          'ul',
          {},
          view.reasons.map((reason) => h('li', {}, reason)),
        ),
        h('p', {}, view.verdict),
      ]
    })
    return h('li', {}, describeChoice(scn, choice), rejectedWhy ? ` — not carried out: ${rejectedWhy}.` : null, ' ', why.button, why.panel)
  }
  const othersOrders = result.orders.filter((order) => !isHuman(order.actor))
  const othersRejected = plan.rejected.filter((r) => !isHuman(r.choice.actor))
  const others = h(
    'section',
    { 'aria-labelledby': 'others-title' },
    h('h2', { id: 'others-title' }, 'What the others did'),
    h(
      'ul',
      { className: 'others' },
      othersOrders.map((order) => computerLine(order)),
      othersRejected.map((r) => computerLine(r.choice, rejectionReason(scn, r))),
      othersOrders.length + othersRejected.length === 0 ? h('li', {}, 'Nobody else acted.') : null,
    ),
  )

  const rung = scn.file.ladder[state.rung]
  const names = (ids: readonly string[]) => ids.map((id) => actorName(scn, id)).join(', ')
  const world = h(
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
          `Blocs: ${names(state.blocs[0])} versus ${names(state.blocs[1]) || 'nobody'}; rigidity ${Math.round(state.rigidity)} of 100${state.rigidBlocs ? ' (rigid blocs)' : ''}`,
        ),
      ),
    ),
  )

  const ledger = ledgerSection(scn, groups, onRead, onWhy)

  const main = h(
    'main',
    { className: 'report' },
    h('h1', {}, `Turn ${result.turn} report — ${turnDate(scn, result.turn)}`),
    h('div', { className: 'guide-slot' }),
    alerts,
    yours,
    top,
    others,
    world,
    ledger,
    // Always in sight: on to the next turn, and the game's Charts, Save and Main menu.
    h(
      'div',
      { className: 'actions sticky report-actions' },
      button(session.over ? 'See the outcome' : 'Next turn', next, { className: 'primary' }),
      autosave && autosaveStatus(autosave),
      gameTools &&
        h(
          'nav',
          { className: 'toolbar', 'aria-label': 'Report' },
          button('Charts', () => void import('./charts.ts').then((m) => leave(m.chartsScreen(back)))),
          button('Save', () => void saveAs(app)),
          button('Main menu', () => app.show(titleScreen())),
        ),
    ),
  )
  const guide = guidePanel(session, main, 'report')
  if (guide) main.querySelector('.guide-slot')?.append(guide)
  return main
}

/** "Autosaving…", then whether it was written (`data-autosave`: pending, saved or failed). */
function autosaveStatus(autosave: Promise<boolean>): HTMLElement {
  const status = h('p', { className: 'note autosave-status', 'data-autosave': 'pending' }, 'Autosaving…')
  void autosave.then((saved) => {
    status.dataset.autosave = saved ? 'saved' : 'failed'
    status.textContent = saved ? 'Autosaved.' : 'Autosave failed: use Save to keep this turn.'
  })
  return status
}
