// One game of a batch, reduced to what the batch reports. Shared by the workers and the benchmark.
// Imports the engine's modules themselves, not its index: a worker process loads only what plays games
// (not the scenario schema and loader, whose zod schemas take a tenth of a second to build).
import type { CompiledScenario } from '../engine/compiled.ts'
import { pairIndex, quasiAlliancePair } from '../engine/compiled.ts'
import type { Difficulty } from '../engine/ai/policy.ts'
import type { GameEnding } from '../engine/outcomes.ts'
import { playGame } from '../engine/game.ts'
import { scriptedTurnOf } from '../engine/policies.ts'
import type { ScriptTurn } from './script.ts'

export interface GameSummary extends GameEnding {
  pairAlignment: number | null
  incidents: number
  rigidity: number
  /** Every pair's final alignment, keyed "A-B" in the scenario's pair order. */
  alignments: Record<string, number>
}

export interface BatchSettings {
  turns: number
  difficulty: Difficulty
  /** Scripted turns as [turn, ScriptTurn] entries (structured-clone friendly). */
  script: [number, ScriptTurn][]
  /** Whether actors the script does not name are played by the computer (true) or pass. */
  computerOthers: boolean
  /** The computer's level for some powers, when not `difficulty` (--level). */
  levels?: Record<string, Difficulty>
}

export function playBatchGame(scn: CompiledScenario, seed: number, settings: BatchSettings): GameSummary {
  const script = new Map(settings.script)
  let incidents = 0
  const record = playGame(scn, {
    seed,
    turns: settings.turns,
    ledger: false,
    seats: { computer: new Set(settings.computerOthers ? scn.actorIds : []), difficulty: settings.difficulty, levels: settings.levels },
    script: (turn) => {
      const scripted = script.get(turn)
      return scripted && scriptedTurnOf(scripted.choices, scripted.actors)
    },
  })
  for (const played of record.turns) incidents += played.result.incidents.length
  const outcome = record.final.outcome!
  const pair = quasiAlliancePair(scn)
  return {
    seed,
    turns: record.final.turn,
    armedClash: outcome.armedClash,
    rigidBlocs: outcome.rigidBlocs,
    impasse: outcome.impasse,
    quasiAlliance: outcome.quasiAlliance,
    scores: outcome.scores,
    pairAlignment: pair ? record.final.alignment[pairIndex(scn, pair[0], pair[1])] : null,
    incidents,
    rigidity: record.final.rigidity,
    alignments: Object.fromEntries(scn.pairActors.map(([i, j], p) => [`${scn.actorIds[i]}-${scn.actorIds[j]}`, record.final.alignment[p]])),
  }
}
