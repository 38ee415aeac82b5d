// The computer's levels measured against each other in mirrored games (issue 11, part 1): for each role and
// seed, the role played by the higher level with every other power at the lower level, against the same role
// played by the lower level in the same seat and seeds. A level "beats" the other for a role when it scores
// higher in at least 70% of the seeds; the target is six roles of eight, for hard over normal and normal
// over easy. Also the hard player's decision time: every power but one at hard, per turn (target <= 250 ms).
//   node src/cli/run-ts.mjs tests/bench/ai-levels.ts [--seeds N] [--turns K] [--roles A,B] [--workers W] [--json]
// (run by `npm run bench`, which passes --json figures on to its own report)
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import type { CompiledScenario, Difficulty, GameState, Seats } from '../../src/engine/index.ts'
import { computerChoices, playGame, startGame, playTurn } from '../../src/engine/index.ts'
import { defaultScenario } from '../support/scenarios.ts'

const SHARE_TO_BEAT = 0.7
const ROLES_TO_BEAT = 6

interface Job {
  actor: string
  seed: number
  turns: number
}

interface Pairing {
  actor: string
  seed: number
  /** The role's score with the seat at the higher level, then at the lower one (the rest at the lower level). */
  hard: number
  normal: number
  normalAmongEasy: number
  easy: number
}

function roleScore(scn: CompiledScenario, seed: number, turns: number, rest: Difficulty, actor: string, level: Difficulty): number {
  const seats: Seats = { computer: new Set(scn.actorIds), difficulty: rest, levels: { [actor]: level } }
  return playGame(scn, { seed, turns, ledger: false, seats }).final.scores[scn.roleByActor[actor].id]
}

function play(scn: CompiledScenario, job: Job): Pairing {
  const at = (rest: Difficulty, level: Difficulty) => roleScore(scn, job.seed, job.turns, rest, job.actor, level)
  return {
    actor: job.actor,
    seed: job.seed,
    hard: at('normal', 'hard'),
    normal: at('normal', 'normal'),
    normalAmongEasy: at('easy', 'normal'),
    easy: at('easy', 'easy'),
  }
}

if (!isMainThread) {
  const scn = defaultScenario()
  for (const job of workerData.jobs as Job[]) parentPort!.postMessage(play(scn, job))
}

function runJobs(jobs: Job[], workers: number): Promise<Pairing[]> {
  const results: Pairing[] = []
  const shares = Array.from({ length: workers }, (_, w) => jobs.filter((_, k) => k % workers === w))
  return Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('../../src/cli/ts-worker.mjs', import.meta.url), {
            workerData: { entry: import.meta.url, jobs: share },
          })
          worker.on('message', (pairing: Pairing) => results.push(pairing))
          worker.on('error', reject)
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a bench worker stopped with code ${code}`))))
        }),
    ),
  ).then(() => results)
}

/**
 * Milliseconds the computer takes to choose for every power but the first at hard, per turn of a few games: wall
 * time, and the process's CPU time (the machine may be shared; nothing else of this bench runs meanwhile).
 */
function hardDecisionMs(scn: CompiledScenario, games: number, turns: number): DecisionTimes {
  const human = scn.actorIds[0]
  const seats: Seats = { computer: new Set(scn.actorIds.filter((id) => id !== human)), difficulty: 'hard' }
  const wall: number[] = []
  const cpu: number[] = []
  for (let seed = 1; seed <= games; seed++) {
    let state: GameState = startGame(scn, seed, turns)
    while (!state.outcome) {
      const started = performance.now()
      const used = process.cpuUsage()
      const prepared = { state, choices: computerChoices(scn, state, seats), questions: [] }
      const spent = process.cpuUsage(used)
      wall.push(performance.now() - started)
      cpu.push((spent.user + spent.system) / 1000)
      state = playTurn(scn, state, seats, { choices: [], agreed: [] }, { ledger: false, prepared }).result.state
    }
  }
  const at = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * share)]
  return { median: at(wall, 0.5), p95: at(wall, 0.95), cpuMedian: at(cpu, 0.5), cpuP95: at(cpu, 0.95), powers: seats.computer.size }
}

interface DecisionTimes {
  median: number
  p95: number
  cpuMedian: number
  cpuP95: number
  powers: number
}

export interface LevelsReport {
  seeds: number
  turns: number
  roles: {
    role: string
    actor: string
    hardOverNormal: number
    normalOverEasy: number
    /** Shares of seeds with the same score (the stronger level played exactly as the weaker one would). */
    hardTies: number
    normalTies: number
    hardGain: number
    normalGain: number
  }[]
  hardBeatsNormal: number
  normalBeatsEasy: number
  pass: boolean
  hardDecisionMs: DecisionTimes
}

export async function levelsReport(
  options: { seeds?: number; turns?: number; roles?: string[]; workers?: number } = {},
): Promise<LevelsReport> {
  const scn = defaultScenario()
  const seeds = options.seeds ?? 40
  const turns = options.turns ?? 12
  const actors = options.roles ?? scn.roles.map((role) => role.actor)
  const jobs = actors.flatMap((actor) => Array.from({ length: seeds }, (_, k) => ({ actor, seed: k + 1, turns })))
  const pairings = await runJobs(jobs, Math.max(1, Math.min(options.workers ?? availableParallelism(), jobs.length)))
  const roles = actors.map((actor) => {
    const mine = pairings.filter((p) => p.actor === actor)
    const share = (better: (p: Pairing) => boolean) => mine.filter(better).length / mine.length
    const gain = (diff: (p: Pairing) => number) => mine.reduce((total, p) => total + diff(p), 0) / mine.length
    return {
      role: scn.roleByActor[actor].id,
      actor,
      hardOverNormal: share((p) => p.hard > p.normal),
      normalOverEasy: share((p) => p.normalAmongEasy > p.easy),
      hardTies: share((p) => p.hard === p.normal),
      normalTies: share((p) => p.normalAmongEasy === p.easy),
      hardGain: gain((p) => p.hard - p.normal),
      normalGain: gain((p) => p.normalAmongEasy - p.easy),
    }
  })
  const hardBeatsNormal = roles.filter((r) => r.hardOverNormal >= SHARE_TO_BEAT).length
  const normalBeatsEasy = roles.filter((r) => r.normalOverEasy >= SHARE_TO_BEAT).length
  return {
    seeds,
    turns,
    roles,
    hardBeatsNormal,
    normalBeatsEasy,
    pass: hardBeatsNormal >= ROLES_TO_BEAT && normalBeatsEasy >= ROLES_TO_BEAT,
    hardDecisionMs: hardDecisionMs(scn, 3, turns),
  }
}

export function levelsTable(report: LevelsReport): string[] {
  const percent = (x: number) => `${Math.round(x * 100)}%`.padStart(5)
  const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`.padStart(7)
  const lines = [
    `computer levels in mirrored games, ${report.seeds} seeds x ${report.turns} turns (share of seeds the stronger level scores higher; mean gain)`,
    '  role             hard > normal  (ties)      normal > easy  (ties)',
  ]
  for (const r of report.roles) {
    lines.push(
      `  ${`${r.actor} ${r.role}`.padEnd(17)}${percent(r.hardOverNormal)} ${signed(r.hardGain)} ${percent(r.hardTies)}   ${percent(r.normalOverEasy)} ${signed(r.normalGain)} ${percent(r.normalTies)}`,
    )
  }
  lines.push(
    `  hard beats normal (>= 70% of seeds) for ${report.hardBeatsNormal} of ${report.roles.length} roles, normal beats easy for ${report.normalBeatsEasy}; target ${ROLES_TO_BEAT}: ${report.pass ? 'met' : 'NOT met'}`,
    `  hard decision for ${report.hardDecisionMs.powers} powers per turn: median ${report.hardDecisionMs.median.toFixed(0)} ms, p95 ${report.hardDecisionMs.p95.toFixed(0)} ms (CPU ${report.hardDecisionMs.cpuMedian.toFixed(0)} ms, p95 ${report.hardDecisionMs.cpuP95.toFixed(0)})   target <= 250 ms`,
  )
  return lines
}

if (isMainThread && process.argv[1]?.endsWith('ai-levels.ts')) {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string' },
      turns: { type: 'string' },
      roles: { type: 'string' },
      workers: { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  })
  const report = await levelsReport({
    seeds: values.seeds ? Number(values.seeds) : undefined,
    turns: values.turns ? Number(values.turns) : undefined,
    roles: values.roles?.split(','),
    workers: values.workers ? Number(values.workers) : undefined,
  })
  if (values.json) console.log(JSON.stringify(report))
  else for (const line of levelsTable(report)) console.log(line)
}
