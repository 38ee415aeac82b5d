// What a choice will likely do, before it is made: the change of the player's own objectives under the
// computer players' projection without dice (the choice's actions and the reactions they trigger, the
// ladder read again on the current blocs), the reactions of the scenario's rules it sets off, the added
// chance of incidents, and whether each partner of a joint action will take part. Data only: the screens
// put it in words. Given the rest of the plan, a choice is valued by what it adds to it (so reactions such
// as double containment, which need two acts, show on the act that completes them).
import type { Difficulty } from './ai/policy.ts'
import { computerConsents } from './ai/policy.ts'
import type { Choice } from './choices.ts'
import { partnerCostOf } from './choices.ts'
import type { CompiledScenario } from './compiled.ts'
import { levelOf } from './game.ts'
import { pairIndex } from './compiled.ts'
import { balancedTriadShare, blocRigidity, blocStats, ladderRung } from './indices.ts'
import type { LedgerEntry } from './ledger.ts'
import { objectivePoints } from './objectives.ts'
import type { RoleData } from './scenario/schema.ts'
import type { GameState, StateVariable } from './state.ts'
import { incidentProbability } from './steps/incidents.ts'
import { shockOf } from './turn.ts'

export interface ObjectiveForecast {
  id: string
  description: string
  /** Change of the objective's score points. */
  delta: number
}

/** A net change one of the scenario's reaction rules makes because of the choice. */
export interface ReactionForecast {
  /** The rule's name, as the scenario writes it. */
  rule: string
  variable: StateVariable
  /** The pair, the actor, or [who feels it, toward whom] for a grievance. */
  actors: string[]
  delta: number
}

export interface RiskForecast {
  actors: [string, string]
  /** Chance of an incident on the pair this turn without the choice, and with it (the plan's pin pricks counted). */
  before: number
  after: number
}

/** "agree"/"decline": a computer partner's answer, known ahead; "asked": a human decides when the turn ends. */
export type ForecastAnswer = 'agree' | 'decline' | 'cannot-pay' | 'asked'

export interface PartnerForecast {
  partner: string
  answer: ForecastAnswer
}

export interface ChoiceForecast {
  /** The actor's objectives, each with its change; the sum is `scoreDelta`. */
  objectives: ObjectiveForecast[]
  scoreDelta: number
  reactions: ReactionForecast[]
  risks: RiskForecast[]
  partners: PartnerForecast[]
}

/** Who plays what, for the partners' answers. */
export interface ForecastSeats {
  humans: readonly string[]
  difficulty: Difficulty
  /** The computer's level for some powers, when not `difficulty` (as in GameSetup): each answers at its own. */
  levels?: Readonly<Record<string, Difficulty>>
}

/** The projection of a plan (see planProjection), shared by every card's forecast while the plan stands. */
export interface PlanProjection {
  state: GameState
  plan: readonly Choice[]
  /** Score points of each objective of each role, by role id, once the plan's shock is in (filled on demand). */
  points: Map<string, number[]>
  shocked: GameState
  pinPricks: number[]
  reactions: Map<string, number>
}

const NOTHING = 1e-9

function reactionKey(entry: LedgerEntry): string {
  return `${entry.causeName}\u0000${entry.variable}\u0000${entry.actors.join('\u0000')}`
}

/** The net change of each (rule, variable, owners) the reactions step made: the limits' own lines left out. */
function reactionNet(ledger: readonly LedgerEntry[]): Map<string, number> {
  const net = new Map<string, number>()
  for (const entry of ledger) {
    if (entry.step !== 'reactions' || entry.limit) continue
    const key = reactionKey(entry)
    net.set(key, (net.get(key) ?? 0) + entry.delta)
  }
  return net
}

/**
 * The objectives' points after a shock, as the computer players read them: the ladder read again from the
 * hottest pair across the current blocs, rigidity measured again on the current blocs.
 */
function pointsAfterShock(scn: CompiledScenario, start: GameState, shocked: GameState, role: RoleData): number[] {
  const side = scn.actorIds.map((id) => (start.blocs[1].includes(id) ? 1 : 0))
  let hottest = 0
  let across = 0
  scn.pairActors.forEach(([i, j], p) => {
    if (side[i] === side[j]) return
    across++
    hottest = Math.max(hottest, shocked.tension[p])
  })
  // With everyone in one bloc, every pair is on the ladder.
  if (across === 0) for (const tension of shocked.tension) hottest = Math.max(hottest, tension)
  const rung = ladderRung(scn.file.ladder, start.rung, hottest, scn.file.ladder.length)
  const rigidity = blocRigidity(
    blocStats(scn, side, shocked.alignment, shocked.tension),
    balancedTriadShare(scn, shocked.alignment),
    start.blocs[1].length > 0,
  )
  return objectivePoints(scn, { ...shocked, rung, rigidity }, role)
}

/** The projection of `plan` on `state`: what each card's forecast is measured against. */
export function planProjection(scn: CompiledScenario, state: GameState, plan: readonly Choice[]): PlanProjection {
  const shock = shockOf(scn, state, plan)
  return { state, plan, points: new Map(), shocked: shock.state, pinPricks: shock.pinPricks, reactions: reactionNet(shock.ledger) }
}

function basePoints(scn: CompiledScenario, base: PlanProjection, role: RoleData): number[] {
  let points = base.points.get(role.id)
  if (!points) {
    // With nothing planned the baseline is the state itself, as the computer players value a choice.
    points = base.plan.length === 0 ? objectivePoints(scn, base.state, role) : pointsAfterShock(scn, base.state, base.shocked, role)
    base.points.set(role.id, points)
  }
  return points
}

/** Each partner's answer: known ahead for a computer partner (as the turn will decide it), asked of a human. */
function partnerAnswers(
  scn: CompiledScenario,
  state: GameState,
  choice: Choice,
  plan: readonly Choice[],
  seats: ForecastSeats,
): PartnerForecast[] {
  const share = partnerCostOf(scn, choice)
  return (choice.partners ?? []).map((partner) => {
    if (seats.humans.includes(partner)) return { partner, answer: 'asked' }
    if (!computerConsents(scn, state, partner, choice, levelOf(seats, partner))) return { partner, answer: 'decline' }
    // A computer partner keeps capital for the proposals it means to join, in the order they are planned.
    const promised = plan
      .filter((other) => (other.partners ?? []).includes(partner) && computerConsents(scn, state, partner, other, levelOf(seats, partner)))
      .reduce((sum, other) => sum + partnerCostOf(scn, other), 0)
    const left = scn.budget[scn.actorIndex[partner]] - promised
    return { partner, answer: share > left ? 'cannot-pay' : 'agree' }
  })
}

/**
 * The forecast of adding `choice` to the rest of its actor's plan (`base`, from planProjection on the same
 * state). The objectives are those of the choice's actor's role (none for an actor without one).
 */
export function forecastChoice(scn: CompiledScenario, base: PlanProjection, choice: Choice, seats: ForecastSeats): ChoiceForecast {
  const { state } = base
  const shock = shockOf(scn, state, [...base.plan, choice])
  const role = scn.roleByActor[choice.actor]
  const objectives: ObjectiveForecast[] = []
  let scoreDelta = 0
  if (role) {
    const before = basePoints(scn, base, role)
    const after = state.clash ? before : pointsAfterShock(scn, state, shock.state, role)
    role.objectives.forEach((objective, k) => {
      const delta = after[k] - before[k]
      scoreDelta += delta
      objectives.push({ id: objective.id, description: objective.description, delta })
    })
  }
  const reactions: ReactionForecast[] = []
  for (const [key, total] of reactionNet(shock.ledger)) {
    const delta = total - (base.reactions.get(key) ?? 0)
    if (Math.abs(delta) < NOTHING) continue
    const [rule, variable, ...actors] = key.split('\u0000')
    reactions.push({ rule, variable: variable as StateVariable, actors, delta })
  }
  const risks: RiskForecast[] = []
  if (scn.actionById[choice.action]?.data.pinPrick) {
    for (const participant of [choice.actor, ...(choice.partners ?? [])]) {
      for (const target of choice.targets ?? []) {
        const p = pairIndex(scn, participant, target)
        if (!scn.contact[p] || risks.some((risk) => pairIndex(scn, ...risk.actors) === p)) continue
        risks.push({
          actors: [participant, target],
          before: incidentProbability({ scn }, state.tension[p], base.pinPricks[p]),
          after: incidentProbability({ scn }, state.tension[p], shock.pinPricks[p]),
        })
      }
    }
  }
  return { objectives, scoreDelta, reactions, risks, partners: partnerAnswers(scn, state, choice, base.plan, seats) }
}

/**
 * The change of each of the role's objectives (score points) that the whole plan is projected to bring,
 * measured as forecastChoice measures one choice: zeros for an empty plan.
 */
export function planObjectiveChanges(scn: CompiledScenario, projection: PlanProjection, role: RoleData): number[] {
  const after = basePoints(scn, projection, role)
  if (projection.plan.length === 0) return after.map(() => 0)
  const before = objectivePoints(scn, projection.state, role)
  return after.map((points, k) => points - before[k])
}
