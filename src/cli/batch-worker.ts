// A batch worker: compiles the scenario once, plays the seeds it is given, reports each game.
import { parentPort, workerData } from 'node:worker_threads'
import { compileScenario } from '../engine/index.ts'
import { loadScenario } from '../engine/scenario/index.ts'
import type { BaseFiles } from '../engine/scenario/index.ts'
import type { BatchSettings } from './batch-game.ts'
import { playBatchGame } from './batch-game.ts'
import { nativeSha256 } from './native-hash.ts'

interface WorkerJob {
  files: Record<string, Uint8Array>
  bases: Record<string, BaseFiles>
  seeds: number[]
  settings: BatchSettings
}

const job = (workerData as { job: WorkerJob }).job
const loaded = loadScenario(job.files, {
  resolveBase: (id) => (Object.hasOwn(job.bases, id) ? job.bases[id] : undefined),
  sha256: nativeSha256,
})
if (!loaded.ok) throw new Error('the scenario was valid in the main thread but not in a worker')
const scn = compileScenario(loaded.scenario, loaded.sources, loaded.hash)
for (const seed of job.seeds) parentPort!.postMessage(playBatchGame(scn, seed, job.settings))
