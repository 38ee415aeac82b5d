// One game of a batch, reduced to what the batch reports. Shared by the workers and the benchmark.
import type { CompiledScenario, Difficulty } from '../engine/index.ts'
import { playGame } from '../engine/index.ts'
import type { ScriptTurn } from './script.ts'
import { scriptedTurn } from './script.ts'
import { quasiAlliancePair } from './options.ts'
import { pairIndex } from '../engine/index.ts'

export interface GameSummary {
  seed: number
  turns: number
  armedClash: boolean
  rigidBlocs: boolean
  impasse: boolean
  quasiAlliance: boolean
  scores: Record<string, number>
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
    script: (turn) => scriptedTurn(script.get(turn)),
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
