// `npm run bench`: figures, not pass/fail. `npm run bench -- --json` prints them as one JSON object.
// Targets on a 2-core machine: a turn <= 1 ms, seven computer choices <= 20 ms, 1,000 games <= 10 s.
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Choice, CompiledScenario, GameState } from '../../src/engine/index.ts'
import { chooseActions, compileScenario, planTurn, resolveTurn, startGame } from '../../src/engine/index.ts'
import { loadScenario } from '../../src/engine/scenario/index.ts'

const SCENARIO = 'scenarios/pin-pricks-2021'
const json = process.argv.includes('--json')

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

/** Wall time of the real command: 1,000 games of 12 turns, computer players, all cores. */
function batch1000S(): number {
  const start = performance.now()
  execFileSync(process.execPath, ['src/cli/redlines.mjs', 'batch', '--scenario', SCENARIO, '--runs', '1000', '--turns', '12', '--json'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  return (performance.now() - start) / 1000
}

const scn = load(SCENARIO)
const figures = {
  turnMs: Number(turnMs(scn).toFixed(4)),
  aiTurnMs: Number(aiTurnMs(scn).toFixed(3)),
  batch1000S: Number(batch1000S().toFixed(2)),
}
if (json) {
  console.log(JSON.stringify(figures))
} else {
  console.log(`turn resolution (median, ledger on)        ${figures.turnMs} ms   target <= 1 ms`)
  console.log(`computer choices for seven powers (median) ${figures.aiTurnMs} ms   target <= 20 ms`)
  console.log(`1,000-game 12-turn batch (wall)            ${figures.batch1000S} s    target <= 10 s`)
}
