// What `simulate` prints: the --json document and the readable turn summaries.
import type { CompiledScenario, GameState, PlayedTurn } from '../engine/index.ts'
import { dateOfTurn } from '../engine/index.ts'
import { pairIndex } from '../engine/index.ts'
import type { NetChange } from '../engine/net-ledger.ts'
import { limitedChanges, netSentence } from '../engine/net-ledger.ts'

type Matrix = Record<string, Record<string, number>>

function pairMatrix(scn: CompiledScenario, values: readonly number[]): Matrix {
  const matrix: Matrix = {}
  for (const a of scn.actorIds) {
    matrix[a] = {}
    for (const b of scn.actorIds) if (a !== b) matrix[a][b] = values[pairIndex(scn, a, b)]
  }
  return matrix
}

function grievanceMatrix(scn: CompiledScenario, values: readonly number[]): Matrix {
  const matrix: Matrix = {}
  scn.actorIds.forEach((a, i) => {
    const row: Record<string, number> = {}
    scn.actorIds.forEach((b, j) => {
      if (values[i * scn.n + j] > 0) row[b] = values[i * scn.n + j]
    })
    if (Object.keys(row).length > 0) matrix[a] = row
  })
  return matrix
}

export function stateView(scn: CompiledScenario, state: GameState) {
  const rung = scn.file.ladder[state.rung]
  return {
    alignment: pairMatrix(scn, state.alignment),
    tension: pairMatrix(scn, state.tension),
    commitment: pairMatrix(scn, state.commitment),
    interdependence: pairMatrix(scn, state.interdependence),
    readiness: Object.fromEntries(scn.actorIds.map((id, i) => [id, state.readiness[i]])),
    grievance: grievanceMatrix(scn, state.grievance),
    ladder: { rung: state.rung, id: rung.id, name: rung.name },
    blocs: state.blocs,
    rigidity: state.rigidity,
    rigidBlocs: state.rigidBlocs,
    impasse: state.impasse,
    quasiAlliance: state.quasiAlliance,
    scores: state.scores,
  }
}

export function turnView(scn: CompiledScenario, played: PlayedTurn) {
  const { plan, result } = played
  return {
    turn: result.turn,
    date: dateOfTurn(scn, result.turn),
    choices: result.orders,
    rejected: plan.rejected.map((r) => ({ ...r.choice, code: r.code, reason: r.reason })),
    incidents: result.incidents,
    ledger: result.ledger,
    /** Added with the net ledger: per variable where a limit acted, what was pushed and what took effect. */
    limitedChanges: limitedChanges(result.ledger),
    state: stateView(scn, result.state),
  }
}

export function gameDocument(scn: CompiledScenario, seed: number, start: GameState, turns: PlayedTurn[], final: GameState) {
  return {
    scenario: { id: scn.id, version: scn.version, hash: scn.hash },
    seed,
    turnLimit: start.turnLimit,
    start: { turn: 0, date: dateOfTurn(scn, 1), state: stateView(scn, start) },
    turns: turns.map((played) => turnView(scn, played)),
    outcome: final.outcome,
  }
}

const signed = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(Math.round(value * 100))}`

function describeChoice(choice: { actor: string; action: string; targets?: string[]; partners?: string[] }): string {
  const partners = choice.partners?.length ? ` with ${choice.partners.join(', ')}` : ''
  const targets = choice.targets?.length ? ` → ${choice.targets.join(', ')}` : ''
  return `${choice.actor}${partners}: ${choice.action}${targets}`
}

/** A raw value as the ledger holds it, to two decimals unless that would round a change away: "+0.28". */
function rawSize(amount: number): string {
  const size = Math.abs(amount)
  return size === 0 || size >= 0.005 ? size.toFixed(2) : size.toPrecision(1)
}
const rawDelta = (delta: number) => (delta > 0 ? '+' : delta < 0 ? '−' : '±') + rawSize(delta)

function ownersText(change: NetChange): string {
  return change.variable === 'grievance' ? `${change.actors[0]} toward ${change.actors[1]}` : change.actors.join('–')
}

/**
 * Where a scenario rule (cap, ceiling, floor) acted, one line each: "CHN–RUS alignment: +0.28 pushed by reactions
 * and drift, +0.02 took effect (strategic-autonomy held back 0.26)". Range clamps alone are counted on one line;
 * --json lists every change a limit acted on.
 */
export function limitLines(played: PlayedTurn): string[] {
  const changes = limitedChanges(played.result.ledger)
  const byRule = changes.filter((change) => change.limits.some((share) => share.cause !== 'clamp'))
  const lines = byRule.map(
    (change) => `  Limited:   ${ownersText(change)} ${change.variable}: ${netSentence(change, rawDelta, rawSize, (share) => share.cause)}`,
  )
  const clamped = changes.filter((change) => !byRule.includes(change))
  if (clamped.length > 0) {
    const perVariable = new Map<string, number>()
    for (const change of clamped) perVariable.set(change.variable, (perVariable.get(change.variable) ?? 0) + 1)
    const counts = [...perVariable].map(([variable, count]) => `${variable} ${count}`).join(', ')
    lines.push(`  Clamped:   ${clamped.length} values held within their range (${counts}); --json tells each`)
  }
  return lines
}

/** A few readable lines per turn. */
export function turnSummary(scn: CompiledScenario, played: PlayedTurn, quasiPair: [string, string] | null): string[] {
  const { result, plan } = played
  const s = result.state
  const lines = [`Turn ${result.turn} (${dateOfTurn(scn, result.turn)})`]
  lines.push(result.orders.length > 0 ? `  Choices:   ${result.orders.map(describeChoice).join('; ')}` : '  Choices:   none')
  for (const rejection of plan.rejected) lines.push(`  Rejected:  ${describeChoice(rejection.choice)}: ${rejection.reason}`)
  for (const incident of result.incidents) {
    const where = incident.theatre ? ` in the ${incident.theatre}` : ''
    lines.push(
      `  Incident:  ${incident.actors.join('–')}${where} (${incident.severity === 2 ? 'severe' : 'minor'}, chance was ${Math.round(incident.probability * 100)}%)`,
    )
  }
  lines.push(...limitLines(played))
  const rung = scn.file.ladder[s.rung]
  const pair = quasiPair ? `${quasiPair.join('–')} ${signed(s.alignment[pairIndex(scn, quasiPair[0], quasiPair[1])])}   ` : ''
  lines.push(
    `  World:     ${pair}ladder: ${rung.name}   rigidity ${Math.round(s.rigidity)}${s.rigidBlocs ? ' (rigid blocs)' : ''}${s.impasse ? '   IMPASSE' : ''}${s.quasiAlliance ? '   quasi-alliance' : ''}`,
  )
  lines.push(`  Blocs:     {${s.blocs[0].join(', ')}} vs {${s.blocs[1].join(', ')}}`)
  lines.push(
    `  Scores:    ${Object.entries(s.scores)
      .map(([role, score]) => `${role} ${Math.round(score)}`)
      .join('  ')}`,
  )
  return lines
}
