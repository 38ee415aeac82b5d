// The timeline of a game, turn by turn: the pin pricks (actions marked as one, and injected events that
// count as one), the incidents nobody chose and an armed clash, with the ladder, rigidity and scores.
import type { CompiledScenario } from '../compiled.ts'
import { pairIndex } from '../compiled.ts'
import type { PlayedTurn } from '../game.ts'
import type { Match } from '../match.ts'
import { dateOfTurn } from '../state.ts'
import type { GameState } from '../state.ts'
import { incidentProbability } from '../steps/incidents.ts'
import type { TurnResult } from '../turn.ts'
import type { TimelineEvent, TimelineTurn } from './types.ts'
import { actionName, actorName, describeChoice, listed, pairText, percentText, rungRef, stateAfter } from './words.ts'

/** Pin pricks on one pair in one turn, and who made them. */
export interface PairPricks {
  count: number
  by: string[]
}

/** The pin pricks of a turn by pair index, counted as the engine counts them (actions, then injects). */
export function pinPricksOf(scn: CompiledScenario, result: Pick<TurnResult, 'orders' | 'injects'>): Map<number, PairPricks> {
  const pricks = new Map<number, PairPricks>()
  const add = (pair: number, by: readonly string[]) => {
    let entry = pricks.get(pair)
    if (!entry) pricks.set(pair, (entry = { count: 0, by: [] }))
    entry.count += 1
    for (const id of by) if (!entry.by.includes(id)) entry.by.push(id)
  }
  for (const order of result.orders) {
    if (!scn.actionById[order.action]?.data.pinPrick) continue
    for (const participant of [order.actor, ...(order.partners ?? [])]) {
      for (const target of order.targets ?? []) add(pairIndex(scn, participant, target), [participant])
    }
  }
  for (const id of result.injects ?? []) {
    for (const pair of scn.injectById[id]?.pinPrickPairs ?? []) add(pair, [])
  }
  return pricks
}

/**
 * The pair's tension when the incidents step began (every earlier step's changes applied), read from the
 * turn's ledger; null when the turn was played without one.
 */
export function tensionBeforeIncidents(scn: CompiledScenario, previous: GameState, result: TurnResult, pair: number): number | null {
  if (result.ledger.length === 0) return null
  const [i, j] = scn.pairActors[pair]
  const a = scn.actorIds[i]
  const b = scn.actorIds[j]
  let tension = previous.tension[pair]
  for (const entry of result.ledger) {
    if (entry.step === 'incidents' || entry.step === 'indices') break
    if (entry.variable === 'tension' && entry.actors[0] === a && entry.actors[1] === b) tension = entry.after
  }
  return tension
}

/** The chance of an incident between the pair this turn, as the incidents step computed it (0 without contact). */
export function incidentChance(
  scn: CompiledScenario,
  previous: GameState,
  result: TurnResult,
  pair: number,
  pinPricks: number,
): number | null {
  if (!scn.contact[pair] || !scn.structural.incidents) return 0
  const tension = tensionBeforeIncidents(scn, previous, result, pair)
  return tension === null ? null : incidentProbability({ scn }, tension, pinPricks)
}

function turnEvents(scn: CompiledScenario, played: PlayedTurn): TimelineEvent[] {
  const { result } = played
  const turn = result.turn
  const events: TimelineEvent[] = []
  for (const id of result.injects ?? []) {
    const inject = scn.injectById[id]
    const name = inject?.data.name ?? id
    events.push({
      turn,
      kind: 'inject',
      actors: [],
      targets: [],
      cause: { id, kind: 'inject', name },
      theatre: null,
      text: `Injected: ${name}${inject?.pinPrickPairs.length ? ` (a pin prick for ${listed(inject.data.pinPricks!.map((pair) => pairText(scn, pair)))})` : ''}`,
    })
  }
  for (const order of result.orders) {
    const action = scn.actionById[order.action]
    if (!action?.data.pinPrick) continue
    const participants = [order.actor, ...(order.partners ?? [])]
    const targets = order.targets ?? []
    const theatre = targets.length > 0 ? (scn.theatre[pairIndex(scn, order.actor, targets[0])]?.name ?? null) : null
    events.push({
      turn,
      kind: 'pin-prick',
      actors: participants,
      targets: [...targets],
      cause: { id: order.action, kind: 'action', name: actionName(scn, order.action) },
      theatre,
      text: `Pin prick: ${describeChoice(scn, order)}${theatre ? ` (${theatre})` : ''}`,
    })
  }
  for (const incident of result.incidents) {
    events.push({
      turn,
      kind: 'incident',
      actors: [...incident.actors],
      targets: [],
      cause: scn.structural.incidents
        ? { id: scn.structural.incidents.cause.id, kind: 'rule', name: scn.structural.incidents.cause.name }
        : null,
      theatre: incident.theatre,
      severity: incident.severity,
      chance: incident.probability,
      text: `${incident.severity === 2 ? 'Severe incident' : 'Incident'} between ${listed(incident.actors.map((id) => actorName(scn, id)))}${incident.theatre ? ` in the ${incident.theatre}` : ''} (the chance was ${percentText(incident.probability)}; nobody chose it)`,
    })
  }
  const clash = result.state.clash
  if (clash && clash.turn === turn) {
    events.push({
      turn,
      kind: 'armed-clash',
      actors: [...clash.actors],
      targets: [],
      cause: null,
      theatre: clash.theatre,
      text: `Armed clash between ${listed(clash.actors.map((id) => actorName(scn, id)))}${clash.theatre ? ` in the ${clash.theatre}` : ''}: everyone loses`,
    })
  }
  return events
}

export function timelineOf(scn: CompiledScenario, match: Match): TimelineTurn[] {
  const humans = new Set(match.setup.humans)
  return match.turns.map((played, index) => {
    const { result } = played
    const state = result.state
    const before = stateAfter(match.start, match.turns, index)
    return {
      turn: result.turn,
      date: dateOfTurn(scn, result.turn),
      rung: rungRef(scn, state.rung),
      rungBefore: rungRef(scn, before.rung),
      orders: result.orders.map((order) => ({
        text: describeChoice(scn, order),
        actor: order.actor,
        action: order.action,
        human: humans.has(order.actor) || (order.partners ?? []).some((id) => humans.has(id)),
        pinPrick: scn.actionById[order.action]?.data.pinPrick,
      })),
      events: turnEvents(scn, played),
      rigidity: state.rigidity,
      scores: { ...state.scores },
    }
  })
}
