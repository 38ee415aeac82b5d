// A batch worker: started before the scenario is read (so loading its code overlaps the main thread's checks),
// it waits for its job, compiles the scenario the main thread loaded and checked (its data, not its files: no
// second parse or validation), plays the seeds it is given and reports each game.
import { parentPort } from 'node:worker_threads'
import { compileScenario } from '../engine/compiled.ts'
import type { ScenarioFile } from '../engine/scenario/schema.ts'
import type { BatchSettings } from './batch-game.ts'
import { playBatchGame } from './batch-game.ts'

export interface WorkerJob {
  /** The loaded scenario (CompiledScenario's file, sources and hash), compiled again here as the loader compiled it. */
  file: ScenarioFile
  sources: Record<string, readonly string[]>
  hash: string
  seeds: number[]
  settings: BatchSettings
}

parentPort!.once('message', (job: WorkerJob) => {
  const scn = compileScenario(job.file, job.sources, job.hash)
  for (const seed of job.seeds) parentPort!.postMessage(playBatchGame(scn, seed, job.settings))
  parentPort!.close()
})
