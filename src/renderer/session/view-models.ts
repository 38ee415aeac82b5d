// What the screens show, derived from the session. Scenes and panels read these; they never rule.
import type { Choice, CitationData, CompiledScenario, GameState, LedgerEntry, Rejection, TurnResult } from '../../engine/index.ts'
import { dateOfTurn, incidentProbability } from '../../engine/index.ts'
import type { MapEvent, MapLink, MapView } from '../map/map-view.ts'
import { BLOC_NAMES } from '../map/map-view.ts'
import type { GameSession, ResolvedTurn } from './session.ts'
import { pairIndex } from '../../engine/index.ts'
import type { NetChange } from '../../engine/net-ledger.ts'
import { limitedChanges, netChangeKey, netSentence } from '../../engine/net-ledger.ts'

export function pairValue(scn: CompiledScenario, values: readonly number[], a: string, b: string): number {
  return values[pairIndex(scn, a, b)]
}

export function actorName(scn: CompiledScenario, id: string): string {
  return scn.file.actors.find((actor) => actor.id === id)?.name ?? id
}

export function mapView(session: GameSession, last: ResolvedTurn | undefined): MapView {
  const turns = session.history
  // Last turn's change is measured from the state before the last resolved turn.
  const before = turns.length === 0 ? null : turns.length === 1 ? session.start : turns[turns.length - 2].result.state
  return {
    ...mapPicture(session.scenario, session.state, before, session.humans),
    events: last ? mapEvents(session.scenario, last.result) : [],
    turn: session.state.turn,
  }
}

/**
 * The powers and pairs as the map draws and describes them. `before` is the state a turn earlier (null
 * before the first turn): each fact names its change since then.
 */
export function mapPicture(
  scn: CompiledScenario,
  state: GameState,
  before: GameState | null,
  humans: readonly string[],
): Pick<MapView, 'actors' | 'links'> {
  const blocOf = (id: string): 0 | 1 => (state.blocs[1].includes(id) ? 1 : 0)
  const links: MapView['links'] = scn.pairActors.map(([i, j], p) => {
    const a = scn.actorIds[i]
    const b = scn.actorIds[j]
    return {
      a,
      b,
      alignment: state.alignment[p],
      tension: state.tension[p],
      details: [
        `${actorName(scn, a)} and ${actorName(scn, b)}`,
        `Alignment ${formatValue('alignment', state.alignment[p])} (${alignmentWord(state.alignment[p])})${trendText('alignment', state.alignment[p], before?.alignment[p])}`,
        `Tension ${formatValue('tension', state.tension[p])}${trendText('tension', state.tension[p], before?.tension[p])}`,
      ],
    }
  })
  const actors: MapView['actors'] = scn.file.actors.map((actor, i) => {
    const bloc = blocOf(actor.id)
    const mine = links.map((link, p) => ({ link, p })).filter(({ link }) => link.a === actor.id || link.b === actor.id)
    const other = (link: MapLink) => actorName(scn, link.a === actor.id ? link.b : link.a)
    const closest = extreme(mine, ({ link }) => link.alignment)
    const opposed = extreme(mine, ({ link }) => -link.alignment)
    const tensest = extreme(mine, ({ link }) => link.tension)
    const details = [
      `${actor.name}${humans.includes(actor.id) ? ' (you)' : ''}: ${BLOC_NAMES[bloc]}`,
      `Readiness ${formatValue('readiness', state.readiness[i])} of ${scn.params.readinessMax}${trendText('readiness', state.readiness[i], before?.readiness[i])}`,
    ]
    if (closest) {
      const { link, p } = closest
      details.push(
        `Closest to ${other(link)}: alignment ${formatValue('alignment', link.alignment)}${trendText('alignment', link.alignment, before?.alignment[p])}`,
      )
    }
    if (opposed && opposed.link.alignment < 0) {
      const { link, p } = opposed
      details.push(
        `Most opposed to ${other(link)}: alignment ${formatValue('alignment', link.alignment)}${trendText('alignment', link.alignment, before?.alignment[p])}`,
      )
    }
    if (tensest) {
      const { link, p } = tensest
      details.push(
        `Highest tension with ${other(link)}: ${formatValue('tension', link.tension)}${trendText('tension', link.tension, before?.tension[p])}`,
      )
    }
    return {
      id: actor.id,
      name: actor.name,
      lon: actor.capital.lon,
      lat: actor.capital.lat,
      bloc,
      readiness: state.readiness[i] / scn.params.readinessMax,
      human: humans.includes(actor.id),
      details,
    }
  })
  return { actors, links }
}

function extreme<T>(items: readonly T[], key: (item: T) => number): T | undefined {
  let best: T | undefined
  for (const item of items) if (best === undefined || key(item) > key(best)) best = item
  return best
}

function alignmentWord(alignment: number): string {
  if (alignment >= 0.5) return 'close partners'
  if (alignment >= 0.15) return 'friendly'
  if (alignment > -0.15) return 'neutral'
  if (alignment > -0.5) return 'rivals'
  return 'bitter rivals'
}

/** ", +3.0 last turn" / ", no change last turn"; nothing before the first turn. */
function trendText(variable: string, now: number, then: number | undefined): string {
  if (then === undefined) return ''
  const delta = now - then
  if (formatSize(variable, delta) === formatSize(variable, 0)) return ', no change last turn'
  return `, ${formatDelta(variable, delta)} last turn`
}

function mapEvents(scn: CompiledScenario, result: TurnResult): MapEvent[] {
  const events: MapEvent[] = []
  for (const order of result.orders) {
    if (!scn.actionById[order.action].data.pinPrick) continue
    for (const target of order.targets ?? []) {
      const p = pairIndex(scn, order.actor, target)
      const theatre = scn.theatre[p]
      const place = theatre ?? scn.file.actors.find((actor) => actor.id === target)!.capital
      events.push({
        kind: 'pin-prick',
        severity: 1,
        lon: place.lon,
        lat: place.lat,
        label: `${actionName(scn, order.action)}: ${order.actor} near ${target}`,
      })
    }
  }
  for (const incident of result.incidents) {
    if (incident.lon === null || incident.lat === null) continue
    events.push({
      kind: 'incident',
      severity: incident.severity,
      lon: incident.lon,
      lat: incident.lat,
      label: `${incident.severity === 2 ? 'Severe incident' : 'Incident'}: ${incident.actors.join('–')}${incident.theatre ? `, ${incident.theatre}` : ''}`,
    })
  }
  return events
}

export function actionName(scn: CompiledScenario, id: string): string {
  return scn.actionById[id]?.data.name ?? id
}

export function describeChoice(scn: CompiledScenario, choice: Choice): string {
  const partners = choice.partners?.length ? ` with ${choice.partners.map((id) => actorName(scn, id)).join(', ')}` : ''
  const targets = choice.targets?.length ? ` → ${choice.targets.map((id) => actorName(scn, id)).join(', ')}` : ''
  return `${actorName(scn, choice.actor)}: ${actionName(scn, choice.action)}${partners}${targets}`
}

/** "United States, Australia and United Kingdom": names joined for a sentence. */
function namesList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/**
 * Why a choice is refused, in the players' words: names instead of ids for the once-a-game and
 * needs-first refusals (with the act that builds on a pact already taken); the engine's reason otherwise.
 */
export function rejectionReason(scn: CompiledScenario, rejection: Rejection): string {
  const { choice } = rejection
  const who = namesList([choice.actor, ...(choice.partners ?? [])].map((id) => actorName(scn, id)))
  const action = scn.actionById[choice.action]?.data
  if (!action) return rejection.reason
  if (rejection.code === 'once-per-game') {
    const next = scn.file.actions.find((other) => other.requires === action.id && other.actors.includes(choice.actor))
    return `${action.name} is taken once a game, and ${who} already took it${next ? `; ${next.name} builds on it` : ''}`
  }
  if (rejection.code === 'duplicate') return `${action.name} with the same participants and targets is already planned`
  if (rejection.code === 'declined') {
    const refusing = /^(.*) declined to take part in "/.exec(rejection.reason)?.[1]
    // Not the engine's words (ids): the session's, already in the players' words ("China will decline…").
    if (!refusing) return rejection.reason
    return `${namesList(refusing.split(', ').map((id) => actorName(scn, id)))} declined to take part in ${action.name}`
  }
  const broke = /^(\S+) has (\S+) capital left, and taking part in "[^"]*" costs each partner (\S+)$/.exec(rejection.reason)
  if (rejection.code === 'over-budget' && broke) {
    return `${actorName(scn, broke[1])} has ${broke[2]} capital left, and taking part in ${action.name} costs each partner ${broke[3]}`
  }
  const short = /^(\S+) has (\S+) of (\S+) capital left; "[^"]*" costs (\S+)$/.exec(rejection.reason)
  if (rejection.code === 'over-budget' && short) {
    return `${actorName(scn, short[1])} has ${short[2]} of ${short[3]} capital left; ${action.name} costs ${short[4]}`
  }
  if (rejection.code === 'not-yet' && action.requires) {
    return `${action.name} needs ${actionName(scn, action.requires)} taken first by ${who}`
  }
  return rejection.reason
}

export interface LadderRungView {
  id: string
  name: string
  description: string
  current: boolean
}

export function ladderView(scn: CompiledScenario, state: GameState): LadderRungView[] {
  return scn.file.ladder
    .map((rung, index) => ({ id: rung.id, name: rung.name, description: rung.description, current: index === state.rung }))
    .reverse()
}

/** The incident chance of each participant–target pair before and after this choice's pin pricks. */
export function incidentRisks(scn: CompiledScenario, state: GameState, choice: Choice): { pair: string; before: number; after: number }[] {
  if (!scn.actionById[choice.action]?.data.pinPrick) return []
  const risks: { pair: string; before: number; after: number }[] = []
  for (const participant of [choice.actor, ...(choice.partners ?? [])]) {
    for (const target of choice.targets ?? []) {
      const p = pairIndex(scn, participant, target)
      if (!scn.contact[p]) continue
      risks.push({
        pair: `${participant}–${target}`,
        before: incidentProbability({ scn }, state.tension[p], 0),
        after: incidentProbability({ scn }, state.tension[p], 1),
      })
    }
  }
  return risks
}

const VARIABLE_NAMES: Record<string, string> = {
  alignment: 'Alignment',
  tension: 'Tension',
  commitment: 'Commitment',
  interdependence: 'Interdependence',
  readiness: 'Readiness',
  standing: 'Standing',
  grievance: 'Grievance',
  rung: 'Escalation rung',
  rigidity: 'Bloc rigidity',
  score: 'Score',
}

export function variableName(variable: string): string {
  return VARIABLE_NAMES[variable] ?? variable
}

export interface ChangeGroup {
  /** Cause id, e.g. an action or a rule. */
  cause: string
  causeName: string
  step: string
  citations: readonly CitationData[]
  assumption?: string
  entries: LedgerEntry[]
}

/** The ledger of a turn grouped by cause, in the order the causes first acted. */
export function changeGroups(ledger: readonly LedgerEntry[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>()
  for (const entry of ledger) {
    const key = `${entry.step}|${entry.cause}`
    let group = groups.get(key)
    if (!group) {
      group = { cause: entry.cause, causeName: entry.causeName, step: entry.step, citations: entry.citations, entries: [] }
      if (entry.assumption !== undefined) group.assumption = entry.assumption
      groups.set(key, group)
    }
    group.entries.push(entry)
  }
  return [...groups.values()]
}

export function formatValue(variable: string, value: number): string {
  if (variable === 'alignment') return `${value >= 0 ? '+' : '−'}${Math.abs(Math.round(value * 100))}`
  if (variable === 'readiness' || variable === 'rigidity' || variable === 'score') return value.toFixed(1)
  if (variable === 'rung') return String(value)
  const percent = Math.round(value * 100)
  return `${percent < 0 ? '−' : ''}${Math.abs(percent)}%`
}

/** Variables shown as they are (one decimal), not as hundredths or percentage points. */
function shownAsIs(variable: string): boolean {
  return variable === 'readiness' || variable === 'rigidity' || variable === 'score' || variable === 'rung'
}

/** The size of a change without its sign, in the units formatDelta uses: "26.0", "12.5 pts". */
export function formatSize(variable: string, amount: number): string {
  const size = Math.abs(amount)
  if (shownAsIs(variable)) return size.toFixed(1)
  return variable === 'alignment' ? (size * 100).toFixed(1) : `${(size * 100).toFixed(1)} pts`
}

export function formatDelta(variable: string, delta: number): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±'
  return `${sign}${formatSize(variable, delta)}`
}

/** "China–Russia", or "China toward Russia" for a grievance: whom a variable belongs to, by name. */
export function ownersName(scn: CompiledScenario, variable: string, actors: readonly string[]): string {
  const names = actors.map((id) => actorName(scn, id))
  return variable === 'grievance' && names.length === 2 ? `${names[0]} toward ${names[1]}` : names.join('–')
}

/** A size that rounds to nothing in the shown units is still not nothing: "under 0.1". */
function limitSize(variable: string, amount: number): string {
  const shown = formatSize(variable, amount)
  if (amount === 0 || /[1-9]/.test(shown)) return shown
  return `under ${formatSize(variable, shownAsIs(variable) ? 0.1 : 0.001)}`
}

export interface LimitedChangeView {
  /** netChangeKey: ledger entries of the same variable and owners have it. */
  key: string
  change: NetChange
  /** Whether a scenario rule (a cap, ceiling or floor) acted, not only the range clamp. */
  byRule: boolean
  /** "Alignment China–Russia: +28.0 pushed by reactions and drift, +2.0 took effect (Strategic autonomy held back 26.0)". */
  text: string
}

/**
 * The net truth of a turn where limits acted: per variable, what the causes pushed and what took effect.
 * Changes a scenario rule limited come first, then the range clamps, each in ledger order; empty without limits.
 */
export function limitedChangeViews(scn: CompiledScenario, ledger: readonly LedgerEntry[]): LimitedChangeView[] {
  const views = limitedChanges(ledger).map((change) => {
    const who = ownersName(scn, change.variable, change.actors)
    const sentence = netSentence(
      change,
      (delta) => formatDelta(change.variable, delta),
      (amount) => limitSize(change.variable, amount),
    )
    return {
      key: netChangeKey(change),
      change,
      byRule: change.limits.some((share) => share.cause !== 'clamp'),
      text: `${variableName(change.variable)}${who ? ` ${who}` : ''}: ${sentence}`,
    }
  })
  return [...views.filter((view) => view.byRule), ...views.filter((view) => !view.byRule)]
}

export function turnDate(scn: CompiledScenario, turn: number): string {
  const [year, month] = dateOfTurn(scn, turn).split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
}

/** Which actions and rules cite each paragraph of a source: paragraph number → names. */
export function citationsByParagraph(scn: CompiledScenario, sourceId: string): Map<number, string[]> {
  const byParagraph = new Map<number, string[]>()
  const add = (citations: readonly CitationData[] | undefined, label: string) => {
    for (const citation of citations ?? []) {
      if (citation.source !== sourceId) continue
      const list = byParagraph.get(citation.paragraph) ?? []
      if (!list.includes(label)) list.push(label)
      byParagraph.set(citation.paragraph, list)
    }
  }
  for (const action of scn.file.actions) add(action.citations, `Action: ${action.name}`)
  for (const rule of scn.file.rules) add(rule.citations, `Rule: ${rule.name}`)
  for (const rung of scn.file.ladder) add(rung.citations, `Ladder: ${rung.name}`)
  for (const [name, parameter] of Object.entries(scn.file.parameters)) add(parameter.citations, `Parameter: ${name}`)
  return byParagraph
}

/** "China and Russia": the names of the pair the quasi-alliance rule watches, or null without one. */
export function quasiAlliancePairNames(scn: CompiledScenario): string | null {
  const rule = scn.file.rules.find((r) => r.kind === 'quasi-alliance')
  return rule && rule.kind === 'quasi-alliance' ? rule.pair.map((id) => actorName(scn, id)).join(' and ') : null
}

/**
 * A role's score as a player reads it. Where a game is scored on the mean of its turns (`turns.scoring`
 * "mean"), `state.scores` is the mean so far and `state.turnScores` the last turn's: both are named.
 * `turnWord` names the last turn from where the text is read ("last turn" while planning the next,
 * "this turn" in its report). "final" scoring has one score, given alone.
 */
export function scoreText(scn: CompiledScenario, state: GameState, roleId: string, turnWord = 'last turn'): string {
  const score = Math.round(state.scores[roleId] ?? 0)
  if (scn.file.turns.scoring !== 'mean') return `${score}`
  if (state.turn === 0) return `${score} (at the start; the game counts the mean of its turns)`
  return `${score} (game so far; ${turnWord} ${Math.round(state.turnScores[roleId] ?? 0)})`
}
