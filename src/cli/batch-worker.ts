// A batch worker process: started before the scenario is read (so loading its code overlaps the main process's
// checks), it waits for its job, compiles the scenario the main process loaded and checked (its data, not its
// files: no second parse or validation), plays the seeds it is given and reports each game.
// Processes, not worker threads: two threads in one process played games hardly faster than one (1.1 to 1.2
// times, measured on two cores; they share the process's V8 platform and memory map), two processes 1.5 to 1.8
// times faster.
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

process.once('message', (job: WorkerJob) => {
  const scn = compileScenario(job.file, job.sources, job.hash)
  // The main process closes the channel once it has every game; then nothing is left to do and this exits.
  for (const seed of job.seeds) process.send!(playBatchGame(scn, seed, job.settings))
})
