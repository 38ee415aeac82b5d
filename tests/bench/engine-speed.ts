// The engine's and the batch's speed figures (issue 11, part 4), each beside a baseline measured in the same run:
//   - the model-only turn (resolveTurn without a ledger, as batch games play it) against the bare typed-array
//     kernel of the same arithmetic (turn-kernel.ts), on the same turns, after checking the two agree exactly;
//   - the 1,000 × 12-turn batch at normal (the real command, all cores, and one worker for the scaling),
//     against the target (2 s) and against the floor the bare kernel alone would give (1,000 × 12 kernel turns
//     shared by the workers: the model's arithmetic without the computer players, who choose in every turn);
//   - the CPU time of one such game in this process (playBatchGame, what a worker runs), less sensitive to a
//     busy machine than wall time.
import { execFileSync } from 'node:child_process'
import { availableParallelism } from 'node:os'
import type { Choice, CompiledScenario, GameState } from '../../src/engine/index.ts'
import { planTurn, resolveTurn, startGame } from '../../src/engine/index.ts'
import { playBatchGame } from '../../src/cli/batch-game.ts'
import type { CompiledOrders, KernelState } from './turn-kernel.ts'
import { TurnKernel, kernelDifference } from './turn-kernel.ts'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

interface PlayedTurn {
  state: GameState
  orders: Choice[]
  next: GameState
}

/** Turns of many games with the same scripted choices (the bench's usual script). */
function collectTurns(scn: CompiledScenario, script: readonly Choice[], seeds: number): PlayedTurn[] {
  const turns: PlayedTurn[] = []
  for (let seed = 1; seed <= seeds; seed++) {
    let state: GameState = startGame(scn, seed, 12)
    while (!state.outcome) {
      const orders = planTurn(scn, state, script, () => true).orders
      const next = resolveTurn(scn, state, orders, { ledger: false }).state
      turns.push({ state, orders, next })
      state = next
    }
  }
  return turns
}

export interface TurnFigures {
  /** resolveTurn without a ledger, mean per turn (median of rounds). */
  turnModelMs: number
  /** The bare kernel, the same. */
  turnKernelMs: number
  turnModelToKernel: number
  /** Turns on which the kernel's state differs from resolveTurn's (0: it does the same arithmetic). */
  turnKernelMismatches: number
  turnKernelTurns: number
}

/** The model-only turn against the bare kernel, interleaved rounds over the same turns. */
export function turnAgainstKernel(scn: CompiledScenario, script: readonly Choice[]): TurnFigures {
  const turns = collectTurns(scn, script, 200)
  const kernel = new TurnKernel(scn)
  const compiled = new Map<string, CompiledOrders>()
  const inputs: KernelState[] = []
  const programs: CompiledOrders[] = []
  for (const { state, orders } of turns) {
    const key = JSON.stringify(orders)
    let program = compiled.get(key)
    if (!program) compiled.set(key, (program = kernel.compile(orders)))
    programs.push(program)
    inputs.push(kernel.load(state))
  }
  const out = kernel.blank(inputs[0])
  let mismatches = 0
  turns.forEach((turn, k) => {
    kernel.turn(inputs[k], programs[k], out)
    const problems = kernelDifference(kernel, scn, out, turn.next)
    if (problems.length > 0 && mismatches++ === 0) console.error(`turn kernel differs from resolveTurn (turn ${k}): ${problems.join(', ')}`)
  })
  const model: number[] = []
  const bare: number[] = []
  for (let round = 0; round < 9; round++) {
    let start = performance.now()
    for (const { state, orders } of turns) resolveTurn(scn, state, orders, { ledger: false })
    model.push((performance.now() - start) / turns.length)
    start = performance.now()
    for (let k = 0; k < inputs.length; k++) kernel.turn(inputs[k], programs[k], out)
    bare.push((performance.now() - start) / inputs.length)
  }
  const turnModelMs = median(model)
  const turnKernelMs = median(bare)
  return {
    turnModelMs: Number(turnModelMs.toFixed(4)),
    turnKernelMs: Number(turnKernelMs.toFixed(4)),
    turnModelToKernel: Number((turnModelMs / turnKernelMs).toFixed(2)),
    turnKernelMismatches: mismatches,
    turnKernelTurns: turns.length,
  }
}

/** CPU time of one 12-turn game at normal, as a batch worker plays it (median of chunks of 50, after warming up). */
export function batchGameCpuMs(scn: CompiledScenario): number {
  const settings = { turns: 12, difficulty: 'normal' as const, script: [], computerOthers: true }
  for (let seed = 5001; seed <= 5100; seed++) playBatchGame(scn, seed, settings)
  const chunks: number[] = []
  for (let chunk = 0; chunk < 10; chunk++) {
    const start = process.cpuUsage()
    for (let seed = 1 + chunk * 50; seed <= (chunk + 1) * 50; seed++) playBatchGame(scn, seed, settings)
    const used = process.cpuUsage(start)
    chunks.push((used.user + used.system) / 1000 / 50)
  }
  return median(chunks)
}

/** Wall time of one run of the real command: `games` games of 12 turns at normal, on `workers` workers or all cores. */
function batchSeconds(scenario: string, games: number, workers?: number): number {
  const start = performance.now()
  execFileSync(
    process.execPath,
    [
      'src/cli/redlines.mjs',
      'batch',
      '--scenario',
      scenario,
      '--runs',
      String(games),
      '--turns',
      '12',
      '--json',
      ...(workers ? ['--workers', String(workers)] : []),
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  )
  return (performance.now() - start) / 1000
}

/**
 * The batch figures: 1,000 games on all cores and on one worker (median of 3, the two interleaved so that a
 * machine whose speed drifts slows both alike), and the baselines beside them. The speedup of 1,000 games is
 * bounded by what every worker pays once (starting, reading the scenario, warming up the compiler); the
 * marginal speedup, of 3,000 games more (4,000 less 1,000, each way), is the scaling of the games themselves.
 */
export function batchFigures(scenario: string, kernelTurnMs: number, gameCpuMs: number): Record<string, number> {
  const cores = availableParallelism()
  const times = { all: [] as number[], one: [] as number[], all4000: [] as number[], one4000: [] as number[] }
  for (let round = 0; round < 3; round++) {
    times.all.push(batchSeconds(scenario, 1000))
    times.one.push(batchSeconds(scenario, 1000, 1))
    times.all4000.push(batchSeconds(scenario, 4000))
    times.one4000.push(batchSeconds(scenario, 4000, 1))
  }
  const all = median(times.all)
  const one = median(times.one)
  const marginal = (median(times.one4000) - one) / (median(times.all4000) - all)
  const floor = (kernelTurnMs * 12 * 1000) / cores / 1000
  return {
    batch1000S: Number(all.toFixed(2)),
    batch1000Workers: cores,
    batch1000OneWorkerS: Number(one.toFixed(2)),
    batchWorkerSpeedup: Number((one / all).toFixed(2)),
    batch4000S: Number(median(times.all4000).toFixed(2)),
    batch4000OneWorkerS: Number(median(times.one4000).toFixed(2)),
    batchMarginalSpeedup: Number(marginal.toFixed(2)),
    batchToTarget: Number((all / 2).toFixed(2)),
    batchKernelFloorS: Number(floor.toFixed(3)),
    batchToKernelFloor: Number((all / floor).toFixed(1)),
    batchGameCpuMs: Number(gameCpuMs.toFixed(3)),
    batchCpuS: Number(((gameCpuMs * 1000) / 1000).toFixed(2)),
  }
}
