// The engine's results, fingerprinted: whole games of every shipped scenario at every level, each turn's state
// (as stateHash reads it), ledger, incidents and orders. Speed work must leave them byte for byte as they were;
// a change to the rules or the scenarios changes them on purpose, and then the fingerprints are written anew:
//   REDLINES_UPDATE_GOLDEN=1 npx vitest run --config tests/vitest.config.ts tests/unit/engine-golden.test.ts
// (say in the commit why the results changed).
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CompiledScenario, Difficulty } from '../../src/engine/index.ts'
import { playGame, stateHash } from '../../src/engine/index.ts'
import { loadScenarioFromDisk } from '../../src/cli/load-from-disk.ts'
import { ROOT } from '../support/scenarios.ts'

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'golden-games.json')
const UPDATE = process.env.REDLINES_UPDATE_GOLDEN === '1'
const GAMES: { difficulty: Difficulty; seeds: number[]; turns?: number }[] = [
  { difficulty: 'easy', seeds: [1, 2] },
  { difficulty: 'normal', seeds: [1, 2, 3, 4] },
  { difficulty: 'hard', seeds: [1], turns: 4 },
]

const folders = readdirSync(join(ROOT, 'scenarios'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, 'scenarios', entry.name, 'scenario.json')))
  .map((entry) => entry.name)
  .sort()

/** One fingerprint per level: the games played with the ledger, and a check that the same games without it reach the same states. */
function fingerprints(scn: CompiledScenario): Record<string, string> {
  const result: Record<string, string> = {}
  for (const { difficulty, seeds, turns } of GAMES) {
    const digest = createHash('sha256')
    for (const seed of seeds) {
      const seats = { computer: new Set(scn.actorIds), difficulty }
      const withLedger = playGame(scn, { seed, turns, ledger: true, seats })
      const without = playGame(scn, { seed, turns, ledger: false, seats })
      expect(without.turns.map((t) => stateHash(t.result.state))).toEqual(withLedger.turns.map((t) => stateHash(t.result.state)))
      for (const { result: turn } of withLedger.turns) {
        digest.update(stateHash(turn.state))
        digest.update(JSON.stringify([turn.orders, turn.incidents, turn.ledger]))
      }
    }
    result[difficulty] = digest.digest('hex')
  }
  return result
}

describe('the engine gives the results it gave (golden games)', () => {
  const recorded = existsSync(FIXTURE) ? (JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, Record<string, string>>) : {}
  const fresh: Record<string, Record<string, string>> = {}

  it.each(folders)(
    '%s: every turn of its games at every level, byte for byte',
    async (folder) => {
      const { scenario } = await loadScenarioFromDisk(join(ROOT, 'scenarios', folder))
      fresh[folder] = fingerprints(scenario)
      if (UPDATE) {
        const all = existsSync(FIXTURE) ? (JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, Record<string, string>>) : {}
        all[folder] = fresh[folder]
        writeFileSync(FIXTURE, `${JSON.stringify(all, null, 2)}\n`)
        return
      }
      expect(recorded[folder], `no fingerprints recorded for ${folder}: see this file's first lines`).toBeDefined()
      expect(fresh[folder], `${folder}'s games changed; if the change is meant, record it (see this file's first lines)`).toEqual(
        recorded[folder],
      )
    },
    120_000,
  )
})
