// `redlines batch`: many games in worker processes, and the distribution of their outcomes.
import { availableParallelism } from 'node:os'
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { CompiledScenario } from '../engine/index.ts'
import type { BatchSettings, GameSummary } from './batch-game.ts'
import type { WorkerJob } from './batch-worker.ts'
import {
  checkTurnsForm,
  difficultyFlag,
  integerFlag,
  levelActorsCheck,
  levelFlags,
  levelsText,
  othersFlag,
  quasiAlliancePair,
  requireScenario,
  turnsFlag,
} from './options.ts'
import type { Output } from './output.ts'
import { loadScenarioFromDisk } from './load-from-disk.ts'
import { lensTarget } from './resolve-base.ts'
import { readScript } from './script.ts'
import { UsageError } from './errors.ts'
import { csvText, gameRows } from './game-rows.ts'
import type { BatchFromFlags } from './batch-from.ts'
import { batchFrom } from './batch-from.ts'

export interface BatchFlags {
  scenario?: string
  lens?: string
  runs?: string
  seed?: string
  turns?: string
  difficulty?: string
  script?: string
  workers?: string
  others?: string
  level?: string[]
  json?: boolean
  jsonl?: boolean
  csv?: boolean
}

// Built (out/cli), the worker is JavaScript beside this code; from the sources, a shim registers tsx in the
// child first.
const FROM_SOURCES = import.meta.url.endsWith('.ts')
const WORKER_FILE = fileURLToPath(
  FROM_SOURCES ? new URL('./ts-process.mjs', import.meta.url) : new URL('./batch-worker.js', import.meta.url),
)
const WORKER_ARGS = FROM_SOURCES ? [new URL('./batch-worker.ts', import.meta.url).href] : []

interface StartedWorker {
  /** Gives the worker its job; resolves when it has played every seed of it. */
  run(job: WorkerJob, onGame: (game: GameSummary) => void): Promise<void>
  stop(): Promise<void>
}

/** A worker process loading its code, to be given its job once the scenario is read (see batch-worker.ts). */
function startWorker(): StartedWorker {
  const child = fork(WORKER_FILE, WORKER_ARGS, {
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    // Garbage collection on the worker's own thread: the workers keep every core busy, and V8's parallel
    // collector's helper threads only took time from them (about a fifth more CPU for the same games).
    execArgv: [...process.execArgv, '--single-threaded-gc'],
  })
  // Until it has a job, a failure to start is kept for run() to report (and must not go unhandled).
  let failure: Error | null = null
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null
  child.on('error', (error) => (failure ??= error))
  child.on('exit', (code, signal) => (exit = { code, signal }))
  const stopped = (how: { code: number | null; signal: NodeJS.Signals | null }) =>
    new Error(`a batch worker stopped ${how.signal ? `on ${how.signal}` : `with code ${how.code}`}`)
  return {
    run: (job, onGame) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure)
        if (exit) return reject(stopped(exit))
        let reported = 0
        child.on('message', (game: GameSummary) => {
          onGame(game)
          // Every game in: the channel is closed from this side, and the worker, with nothing left, exits.
          if (++reported === job.seeds.length) child.disconnect()
        })
        child.on('error', reject)
        child.on('exit', (code, signal) => {
          if (code !== 0) reject(stopped({ code, signal }))
          else if (reported < job.seeds.length)
            reject(new Error(`a batch worker stopped after ${reported} of its ${job.seeds.length} games`))
          else resolve()
        })
        child.send(job)
      }),
    stop: () =>
      new Promise((resolve) => {
        if (exit || child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill()
      }),
  }
}

export function summarise(scn: CompiledScenario, games: GameSummary[]) {
  const sorted = [...games].sort((a, b) => a.seed - b.seed)
  const runs = sorted.length
  const share = (test: (g: GameSummary) => boolean) => (runs > 0 ? sorted.filter(test).length / runs : 0)
  const meanScores: Record<string, number> = {}
  for (const role of scn.roles) meanScores[role.id] = runs > 0 ? sorted.reduce((sum, g) => sum + (g.scores[role.id] ?? 0), 0) / runs : 0
  const pair = quasiAlliancePair(scn)
  return {
    scenario: { id: scn.id, version: scn.version, hash: scn.hash },
    runs,
    outcomes: {
      armedClash: share((g) => g.armedClash),
      rigidBlocs: share((g) => g.rigidBlocs),
      impasse: share((g) => g.impasse),
      quasiAlliance: share((g) => g.quasiAlliance),
    },
    meanScores,
    pair,
    meanPairAlignment: pair && runs > 0 ? sorted.reduce((sum, g) => sum + (g.pairAlignment ?? 0), 0) / runs : null,
    meanIncidents: runs > 0 ? sorted.reduce((sum, g) => sum + g.incidents, 0) / runs : 0,
    meanRigidity: runs > 0 ? sorted.reduce((sum, g) => sum + g.rigidity, 0) / runs : 0,
    meanTurns: runs > 0 ? sorted.reduce((sum, g) => sum + g.turns, 0) / runs : 0,
  }
}

/** The scenario, read and checked, and the settings the workers play it with. */
async function prepareBatch(
  flags: BatchFlags,
  target: string,
  chosen: Pick<BatchSettings, 'difficulty' | 'computerOthers' | 'levels'>,
  out: Output,
): Promise<{ scn: CompiledScenario; settings: BatchSettings }> {
  const { scenario: scn, warnings } = await loadScenarioFromDisk(await lensTarget(target, flags.lens))
  for (const warning of warnings) out.err(warning)
  const turns = turnsFlag(flags.turns, scn)
  levelActorsCheck(chosen.levels ?? {}, scn)
  const script = flags.script ? await readScript(flags.script, scn) : null
  return { scn, settings: { turns, ...chosen, script: script ? [...script.entries()] : [] } }
}

export async function batch(flags: BatchFlags & BatchFromFlags, out: Output): Promise<number> {
  if (flags.from !== undefined) return batchFrom(flags, out)
  if (flags.games !== undefined || flags.choose !== undefined) throw new UsageError('--games and --choose need --from <save file>')
  // Every flag that can be checked without the scenario is checked before anything is read.
  const target = requireScenario(flags.scenario)
  if (flags.runs === undefined) throw new UsageError('--runs <N> is required')
  const runs = integerFlag('runs', flags.runs, 100, 1, 1_000_000)
  const firstSeed = integerFlag('seed', flags.seed, 1, 0, 0xffffffff)
  const workers = Math.min(runs, integerFlag('workers', flags.workers, availableParallelism(), 1, 64))
  const difficulty = difficultyFlag(flags.difficulty)
  const computerOthers = othersFlag(flags.others)
  const levels = levelFlags(flags.level)
  checkTurnsForm(flags.turns)
  if ([flags.json, flags.jsonl, flags.csv].filter(Boolean).length > 1) throw new UsageError('batch takes one of --json, --jsonl and --csv')
  // The workers load their code while the scenario and script are read and checked here.
  const started = Array.from({ length: workers }, startWorker)
  let prepared: { scn: CompiledScenario; settings: BatchSettings }
  try {
    prepared = await prepareBatch(flags, target, { difficulty, computerOthers, levels }, out)
  } catch (error) {
    await Promise.all(started.map((worker) => worker.stop()))
    throw error
  }
  const { scn, settings } = prepared
  const seeds = Array.from({ length: runs }, (_, k) => (firstSeed + k) >>> 0)
  const games: GameSummary[] = []
  const startedAt = performance.now()
  out.progress(0, runs)
  try {
    await Promise.all(
      started.map((worker, w) =>
        worker.run(
          { file: scn.file, sources: scn.sources, hash: scn.hash, seeds: seeds.filter((_, k) => k % workers === w), settings },
          (game) => {
            games.push(game)
            out.progress(games.length, runs)
          },
        ),
      ),
    )
  } catch (error) {
    // One worker failed: the others' games cannot make a whole result, so they are stopped rather than waited for.
    await Promise.all(started.map((worker) => worker.stop()))
    throw error
  }
  const seconds = (performance.now() - startedAt) / 1000
  const summary = summarise(scn, games)
  if (flags.jsonl || flags.csv) {
    const rows = gameRows(scn, games)
    if (flags.jsonl) for (const row of rows) out.line(JSON.stringify(row))
    else out.line(csvText(rows))
  } else if (flags.json) {
    out.line(
      JSON.stringify({
        ...summary,
        seed: firstSeed,
        turns: settings.turns,
        difficulty: settings.difficulty,
        levels,
        others: settings.computerOthers ? 'ai' : 'none',
      }),
    )
  } else {
    const percent = (x: number) => `${(x * 100).toFixed(1)}%`
    out.line(
      `${scn.file.title}: ${runs} games of ${settings.turns} turns from seed ${firstSeed}, computer ${settings.computerOthers ? `${settings.difficulty}${levelsText(levels)}` : 'none'}${flags.script ? `, script ${flags.script}` : ''}, ${workers} worker${workers === 1 ? '' : 's'}, ${seconds.toFixed(1)} s`,
    )
    out.line(`  armed clash      ${percent(summary.outcomes.armedClash)}`)
    out.line(`  rigid blocs      ${percent(summary.outcomes.rigidBlocs)}`)
    out.line(`  impasse          ${percent(summary.outcomes.impasse)}`)
    out.line(`  quasi-alliance   ${percent(summary.outcomes.quasiAlliance)}`)
    if (summary.pair) out.line(`  mean final ${summary.pair.join('–')} alignment ${summary.meanPairAlignment!.toFixed(3)}`)
    out.line(`  mean incidents per game ${summary.meanIncidents.toFixed(2)}`)
    out.line(
      `  mean scores      ${Object.entries(summary.meanScores)
        .map(([role, score]) => `${role} ${score.toFixed(1)}`)
        .join('  ')}`,
    )
  }
  return 0
}
