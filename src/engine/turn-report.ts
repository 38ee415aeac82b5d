// What a turn report leads with, as data: each objective of a role before and after the turn, the ledger
// netted per cause (limits folded into the lines they acted on, changes too small to show left out), the
// states that started or ended, and the turn's most consequential changes ranked. The screens put it in words.
import type { CompiledScenario } from './compiled.ts'
import { pairIndex } from './compiled.ts'
import type { LedgerEntry } from './ledger.ts'
import type { NetChange } from './net-ledger.ts'
import { netChangeKey, netChanges } from './net-ledger.ts'
import { measureValue } from './scoring.ts'
import type { GameState, StateVariable } from './state.ts'

/** Points per unit of a variable as the game shows it: shares (0..1) as points of 100; readiness, rigidity, scores and rungs as they are. */
export function shownScale(variable: string): number {
  return variable === 'readiness' || variable === 'rigidity' || variable === 'score' || variable === 'rung' ? 1 : 100
}

/** Whether a change rounds to nothing at the one decimal the report shows. */
export function roundsToZero(variable: string, delta: number): boolean {
  return Math.abs(delta * shownScale(variable)) < 0.05
}

export interface ObjectiveChange {
  id: string
  description: string
  goal: 'high' | 'low'
  weight: number
  /** The measure, 0..1, before and after the turn. */
  before: number
  after: number
  /** The objective's share of the role's score (0..100 over all objectives), before and after. */
  pointsBefore: number
  pointsAfter: number
  /** pointsAfter − pointsBefore: what this objective added to the turn's score. */
  delta: number
}

/**
 * Each objective of a role between two states: its measure and its part of the score. The parts add up to the
 * role's score of each state (roleScore); an armed clash makes every part 0.
 */
export function objectiveChanges(scn: CompiledScenario, before: GameState, after: GameState, roleId: string): ObjectiveChange[] {
  const role = scn.roles.find((r) => r.id === roleId)
  if (!role) return []
  const weights = role.objectives.reduce((sum, objective) => sum + objective.weight, 0)
  const points = (state: GameState, value: number, objective: (typeof role.objectives)[number]) =>
    state.clash || weights <= 0 ? 0 : (100 * objective.weight * (objective.goal === 'high' ? value : 1 - value)) / weights
  return role.objectives.map((objective) => {
    const clamp = (value: number) => Math.min(1, Math.max(0, value))
    const valueBefore = clamp(measureValue(scn, before, objective.measure))
    const valueAfter = clamp(measureValue(scn, after, objective.measure))
    const pointsBefore = points(before, valueBefore, objective)
    const pointsAfter = points(after, valueAfter, objective)
    return {
      id: objective.id,
      description: objective.description,
      goal: objective.goal,
      weight: objective.weight,
      before: valueBefore,
      after: valueAfter,
      pointsBefore,
      pointsAfter,
      delta: pointsAfter - pointsBefore,
    }
  })
}

/** One cause's part in one variable's change, with the variable's whole change this turn. */
export interface NetLine {
  variable: StateVariable
  actors: readonly string[]
  /** What this cause pushed, summed over its entries. */
  pushed: number
  /** Who acted, for a cause that is an action or a reaction to one. */
  by: readonly string[]
  /** The variable's change over the whole turn: every cause, then the limits. */
  change: NetChange
  /** Whether other causes also pushed this variable this turn. */
  shared: boolean
}

export interface NetGroup {
  step: LedgerEntry['step']
  cause: string
  causeName: string
  causeKind: LedgerEntry['causeKind']
  citations: LedgerEntry['citations']
  assumption?: string
  /** Set on a group of a limit: only changes no cause pushed but a limit moved land here. */
  limit?: true
  lines: NetLine[]
}

/**
 * The ledger netted per cause: one line per cause and variable (entries summed), limit entries folded into the
 * lines whose variable they acted on (NetLine.change has their shares). No-ops are left out: a line whose push
 * rounds to nothing, every line of a variable whose change over the turn rounds to nothing (pushes that cancel
 * out, or a push a limit took back whole), and a group left with no line. A limit gets a group only for a change it made alone. In ledger order.
 */
export function netLedgerGroups(ledger: readonly LedgerEntry[]): NetGroup[] {
  const changes = new Map(netChanges(ledger).map((change) => [netChangeKey(change), change]))
  const pushers = new Map<string, Set<string>>()
  const groups = new Map<string, NetGroup>()
  const linesOf = new Map<NetGroup, Map<string, NetLine>>()
  for (const entry of ledger) {
    const key = netChangeKey(entry)
    const change = changes.get(key)!
    if (entry.limit && !(roundsToZero(change.variable, change.pushed) && !roundsToZero(change.variable, change.net))) continue
    const groupKey = `${entry.step}|${entry.cause}`
    let group = groups.get(groupKey)
    if (!group) {
      group = {
        step: entry.step,
        cause: entry.cause,
        causeName: entry.causeName,
        causeKind: entry.causeKind,
        citations: entry.citations,
        ...(entry.assumption !== undefined ? { assumption: entry.assumption } : {}),
        ...(entry.limit ? { limit: true as const } : {}),
        lines: [],
      }
      groups.set(groupKey, group)
      linesOf.set(group, new Map())
    }
    const byLine = linesOf.get(group)!
    let line = byLine.get(key)
    if (!line) {
      line = { variable: entry.variable, actors: entry.actors, pushed: 0, by: [], change, shared: false }
      byLine.set(key, line)
      group.lines.push(line)
    }
    line.pushed += entry.delta
    for (const actor of entry.by ?? []) if (!line.by.includes(actor)) line.by = [...line.by, actor]
    if (!entry.limit) {
      const causes = pushers.get(key) ?? new Set<string>()
      causes.add(groupKey)
      pushers.set(key, causes)
    }
  }
  const result: NetGroup[] = []
  for (const group of groups.values()) {
    group.lines = group.lines.filter((line) => !roundsToZero(line.variable, line.pushed) && !roundsToZero(line.variable, line.change.net))
    for (const line of group.lines) line.shared = (pushers.get(netChangeKey(line))?.size ?? 0) > 1
    if (group.lines.length > 0) result.push(group)
  }
  return result
}

/** A state that started or ended this turn. */
export type StateShift =
  | { kind: 'quasi-alliance'; started: boolean; pair: readonly [string, string] }
  | { kind: 'rigid-blocs'; started: boolean }
  | { kind: 'impasse'; started: boolean }
  | { kind: 'rung'; from: number; to: number }
  | { kind: 'armed-clash'; actors: readonly [string, string]; theatre: string | null }

/** What started or ended between two states: the quasi-alliance, rigid blocs, the impasse, the rung, an armed clash. */
export function stateShifts(scn: CompiledScenario, before: GameState, after: GameState): StateShift[] {
  const shifts: StateShift[] = []
  if (after.clash && !before.clash) shifts.push({ kind: 'armed-clash', actors: after.clash.actors, theatre: after.clash.theatre })
  if (after.rung !== before.rung) shifts.push({ kind: 'rung', from: before.rung, to: after.rung })
  if (after.quasiAlliance !== before.quasiAlliance) {
    const rule = scn.file.rules.find((r) => r.kind === 'quasi-alliance')
    if (rule && rule.kind === 'quasi-alliance') shifts.push({ kind: 'quasi-alliance', started: after.quasiAlliance, pair: rule.pair })
  }
  if (after.rigidBlocs !== before.rigidBlocs) shifts.push({ kind: 'rigid-blocs', started: after.rigidBlocs })
  if (after.impasse !== before.impasse) shifts.push({ kind: 'impasse', started: after.impasse })
  return shifts
}

/** A change among the turn's most consequential, with the causes that pushed it most. */
export interface RankedChange {
  change: NetChange
  /** How much it matters: its size on the shown scale, weighted up where it touches the players' powers and objectives. */
  weight: number
  /** The causes that pushed it, biggest push first (limits left out). */
  causes: { cause: string; causeName: string; step: LedgerEntry['step']; pushed: number }[]
}

/** Variables a ranking leaves to other parts of the report: the rung (a state shift) and the scores (the player's lead). */
const NOT_RANKED = new Set<string>(['rung', 'score'])

function inObjectives(scn: CompiledScenario, actor: string, change: NetChange): boolean {
  const role = scn.roleByActor[actor]
  if (!role) return false
  const owners = change.actors
  return role.objectives.some(({ measure }) => {
    if (measure.kind !== change.variable) return false
    if ('pair' in measure)
      return owners.length === 2 && pairIndex(scn, measure.pair[0], measure.pair[1]) === pairIndex(scn, owners[0], owners[1])
    if ('actor' in measure) return owners.includes(measure.actor)
    return true
  })
}

/**
 * The turn's changes ranked by how much they matter to `players` (the humans): the size of each net change on
 * the shown scale (readiness against its maximum), doubled where it moves one of their objectives' measures and
 * half as much again where it belongs to one of their powers. Changes that round to nothing are left out.
 */
export function rankedChanges(
  scn: CompiledScenario,
  ledger: readonly LedgerEntry[],
  players: readonly string[],
  count = 5,
): RankedChange[] {
  const causesByKey = new Map<string, Map<string, RankedChange['causes'][number]>>()
  for (const entry of ledger) {
    if (entry.limit) continue
    const key = netChangeKey(entry)
    const causes = causesByKey.get(key) ?? new Map<string, RankedChange['causes'][number]>()
    const cause = causes.get(`${entry.step}|${entry.cause}`) ?? {
      cause: entry.cause,
      causeName: entry.causeName,
      step: entry.step,
      pushed: 0,
    }
    cause.pushed += entry.delta
    causes.set(`${entry.step}|${entry.cause}`, cause)
    causesByKey.set(key, causes)
  }
  const ranked: RankedChange[] = []
  for (const change of netChanges(ledger)) {
    if (NOT_RANKED.has(change.variable) || roundsToZero(change.variable, change.net)) continue
    const scale =
      change.variable === 'readiness' ? 100 / scn.params.readinessMax : change.variable === 'rigidity' ? 1 : shownScale(change.variable)
    let weight = Math.abs(change.net) * scale
    if (players.some((actor) => inObjectives(scn, actor, change))) weight *= 2
    if (change.actors.some((actor) => players.includes(actor))) weight *= 1.5
    const causes = [...(causesByKey.get(netChangeKey(change))?.values() ?? [])]
      .filter((cause) => !roundsToZero(change.variable, cause.pushed))
      .sort((a, b) => Math.abs(b.pushed) - Math.abs(a.pushed))
    ranked.push({ change, weight, causes })
  }
  // Ties keep ledger order (the sort is stable).
  return ranked.sort((a, b) => b.weight - a.weight).slice(0, count)
}
