// Prints, as JSON, the SHA-256 of the full serialised history of computer-played games of the default
// scenario, one per seed given on the command line. Run in a separate process by tests/scenario/golden.test.ts:
//   node src/cli/run-ts.mjs tests/support/history-digest.ts <turns> <seed>...
import { createHash } from 'node:crypto'
import type { CompiledScenario } from '../../src/engine/index.ts'
import { playGame } from '../../src/engine/index.ts'
import { defaultScenario } from './scenarios.ts'

export function historyJson(scn: CompiledScenario, seed: number, turns: number): string {
  return JSON.stringify(playGame(scn, { seed, turns, seats: { computer: new Set(scn.actorIds), difficulty: 'normal' } }))
}

export function historyDigest(scn: CompiledScenario, seed: number, turns: number): string {
  return createHash('sha256')
    .update(historyJson(scn, seed, turns))
    .digest('hex')
}

const [script, turnsArg, ...seedArgs] = process.argv.slice(1)
if (script?.endsWith('history-digest.ts') && turnsArg) {
  const scn = defaultScenario()
  const digests = Object.fromEntries(seedArgs.map((seed) => [seed, historyDigest(scn, Number(seed), Number(turnsArg))]))
  process.stdout.write(`${JSON.stringify({ hash: scn.hash, digests })}\n`)
}
