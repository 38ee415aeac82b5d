// Determinism instead of a golden hash (the model is still being tuned): two runs in this process,
// a run in a separate process, and saves that survive JSON serialisation, all agree byte for byte.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { GameState, Seats } from '../../src/engine/index.ts'
import { playGame, playTurn, replayGame, startGame } from '../../src/engine/index.ts'
import { loadScenario } from '../../src/engine/scenario/index.ts'
import { historyDigest, historyJson } from '../support/history-digest.ts'
import { DEFAULT_SCENARIO_DIR, ROOT, defaultScenario, scenarioFiles } from '../support/scenarios.ts'

const scn = defaultScenario()
const TURNS = 12
const SEEDS = [1, 2, 0xdeadbeef]
const everyone: Seats = { computer: new Set(scn.actorIds), difficulty: 'normal' }

describe('determinism', () => {
  it('two full computer-played runs with the ledger give the identical history', () => {
    for (const seed of SEEDS) expect(historyJson(scn, seed, TURNS)).toBe(historyJson(scn, seed, TURNS))
  })

  it('different seeds give different histories', () => {
    expect(new Set(SEEDS.map((seed) => historyJson(scn, seed, TURNS))).size).toBe(SEEDS.length)
  })

  it('a separate process computes the same scenario hash and the same histories', () => {
    const output = execFileSync(
      process.execPath,
      [join(ROOT, 'src', 'cli', 'run-ts.mjs'), join(ROOT, 'tests', 'support', 'history-digest.ts'), String(TURNS), ...SEEDS.map(String)],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    )
    const other = JSON.parse(output.trim().split('\n').at(-1)!) as { hash: string; digests: Record<string, string> }
    expect(other.hash).toBe(scn.hash)
    for (const seed of SEEDS) expect(other.digests[String(seed)]).toBe(historyDigest(scn, seed, TURNS))
  })

  it('seeds are normalised to unsigned 32-bit integers', () => {
    expect(startGame(scn, 2 ** 32 + 5).seed).toBe(5)
    expect(startGame(scn, -1).seed).toBe(0xffffffff)
    expect(historyJson(scn, 2 ** 32 + 5, 3)).toBe(historyJson(scn, 5, 3))
  })
})

describe('serialisation', () => {
  it('the state is plain JSON data: it survives a JSON round trip unchanged', () => {
    const record = playGame(scn, { seed: 3, turns: TURNS, seats: everyone })
    for (const state of [record.start, ...record.turns.map((t) => t.result.state)]) {
      expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state)
    }
    for (const { result } of record.turns) expect(JSON.parse(JSON.stringify(result.ledger))).toStrictEqual(result.ledger)
  })

  it('a game saved mid-way as JSON and resumed plays on exactly as if never saved', () => {
    const whole = playGame(scn, { seed: 4, turns: TURNS, seats: everyone })
    const saved = JSON.stringify(whole.turns[5].result.state)
    let state = JSON.parse(saved) as GameState
    const rest: string[] = []
    while (!state.outcome) {
      const played = playTurn(scn, state, everyone, { choices: [], agreed: [] })
      rest.push(JSON.stringify(played))
      state = played.result.state
    }
    expect(rest).toEqual(whole.turns.slice(6).map((t) => JSON.stringify(t)))
    expect(JSON.stringify(state)).toBe(JSON.stringify(whole.final))
  })

  it('a save of seed and orders replays to the identical final state', () => {
    const whole = playGame(scn, { seed: 5, turns: TURNS, seats: everyone })
    const save = JSON.parse(JSON.stringify({ hash: scn.hash, seed: 5, turns: TURNS, orders: whole.turns.map((t) => t.result.orders) }))
    expect(save.hash).toBe(whole.final.scenario.hash)
    expect(JSON.stringify(replayGame(scn, save.seed, save.turns, save.orders))).toBe(JSON.stringify(whole.final))
  })

  it("the scenario hash is a stable function of the scenario's bytes", () => {
    const files = scenarioFiles(DEFAULT_SCENARIO_DIR)
    const again = loadScenario(scenarioFiles(DEFAULT_SCENARIO_DIR))
    expect(again.ok && again.hash).toBe(scn.hash)
    const text = new TextDecoder().decode(files['scenario.json'])
    const edited = loadScenario({ ...files, 'scenario.json': new TextEncoder().encode(text.replace('"version": "', '"version": "9')) })
    expect(edited.ok).toBe(true)
    expect(edited.ok && edited.hash).not.toBe(scn.hash)
  })
})
