// What `simulate` prints: the --json document and the readable turn summaries.
import type { CompiledScenario, GameState, PlayedTurn } from '../engine/index.ts'
import { dateOfTurn } from '../engine/index.ts'
import { pairIndex } from '../engine/index.ts'

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

const signed = (value: number) => (value >= 0 ? '+' : '−') + Math.abs(Math.round(value * 100))

function describeChoice(choice: { actor: string; action: string; targets?: string[]; partners?: string[] }): string {
  const partners = choice.partners?.length ? ` with ${choice.partners.join(', ')}` : ''
  const targets = choice.targets?.length ? ` → ${choice.targets.join(', ')}` : ''
  return `${choice.actor}${partners}: ${choice.action}${targets}`
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
