// The engine's figures for `npm run bench` (issue 11, part 4), measured by the engine as it ships: bench.ts
// bundles this file with esbuild, as the command is built, and runs it (see engineInProcessFigures there).
//   node out/bench/engine-figures.mjs SCENARIO_FOLDER   → one line of JSON
// - a turn with the ledger, median, over many states;
// - the model-only turn against the bare typed-array kernel of the same arithmetic (engine-speed.ts);
// - the computer's choices for seven powers at normal, median;
// - the CPU time of one 12-turn batch game at normal, as a batch worker plays it.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Choice, CompiledScenario, GameState } from '../../src/engine/index.ts'
import { chooseActions, compileScenario, planTurn, resolveTurn, startGame } from '../../src/engine/index.ts'
import { loadScenario } from '../../src/engine/scenario/index.ts'
import type { TurnFigures } from './engine-speed.ts'
import { batchGameCpuMs, turnAgainstKernel } from './engine-speed.ts'

export interface EngineFigures extends TurnFigures {
  turnMs: number
  aiTurnMs: number
  batchGameCpuMs: number
}

function load(folder: string): CompiledScenario {
  const files: Record<string, Uint8Array> = { 'scenario.json': readFileSync(join(folder, 'scenario.json')) }
  for (const name of readdirSync(join(folder, 'sources'))) files[`sources/${name}`] = readFileSync(join(folder, 'sources', name))
  const result = loadScenario(files)
  if (!result.ok) throw new Error(`${folder} does not load`)
  return compileScenario(result.scenario, result.sources, result.hash)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

const SCRIPTED: Choice[] = [
  { actor: 'CHN', action: 'joint-air-patrol', partners: ['RUS'], targets: ['JPN'] },
  { actor: 'USA', action: 'sanctions', targets: ['CHN', 'RUS'] },
  { actor: 'JPN', action: 'scramble-intercept', targets: ['CHN'] },
  { actor: 'AUS', action: 'quad-exercise', partners: ['USA'], targets: ['CHN'] },
]

/** Median time to resolve one turn (ledger on) with scripted choices, over many different states. */
function turnMs(scn: CompiledScenario): number {
  const times: number[] = []
  for (let seed = 1; seed <= 400; seed++) {
    let state: GameState = startGame(scn, seed, 12)
    while (!state.outcome) {
      const orders = planTurn(scn, state, SCRIPTED, () => true).orders
      const start = performance.now()
      state = resolveTurn(scn, state, orders).state
      times.push(performance.now() - start)
    }
  }
  return median(times.slice(times.length / 4))
}

/** Median time for the computer to choose for seven powers (everyone but the USA) at normal difficulty. */
function aiTurnMs(scn: CompiledScenario): number {
  const times: number[] = []
  const computer = scn.actorIds.filter((id) => id !== 'USA')
  for (let seed = 1; seed <= 60; seed++) {
    let state: GameState = startGame(scn, seed, 12)
    while (!state.outcome) {
      const start = performance.now()
      const choices = computer.flatMap((actor) => chooseActions(scn, state, actor, 'normal'))
      times.push(performance.now() - start)
      state = resolveTurn(scn, state, planTurn(scn, state, choices, () => true).orders, { ledger: false }).state
    }
  }
  return median(times.slice(times.length / 4))
}

const scn = load(process.argv[2] ?? 'scenarios/pin-pricks-2021')
const figures: EngineFigures = {
  turnMs: Number(turnMs(scn).toFixed(4)),
  ...turnAgainstKernel(scn, SCRIPTED),
  aiTurnMs: Number(aiTurnMs(scn).toFixed(3)),
  batchGameCpuMs: Number(batchGameCpuMs(scn).toFixed(3)),
}
console.log(JSON.stringify(figures))
