// Loading scenarios off the page's thread: each scenario (with the bases it may build on) goes to one worker (engine-worker.ts),
// which answers with the engine's load result and the bases it used. Where a worker cannot start (or fails),
// the same load runs on the page, so the scenarios are always there.
import type { LoadResult } from '../../engine/scenario/index.ts'
import { loadScenario } from '../../engine/scenario/index.ts'
import type { ScenarioFilesText } from '../../shared/host.ts'

export interface LoadRequest {
  id: number
  files: ScenarioFilesText
  /** Every scenario this one could build on, by id, with where its folder is relative to this one. */
  bases: Record<string, { files: ScenarioFilesText; location: string }>
  knownBaseIds: string[]
}

export interface LoadReply {
  id: number
  result: LoadResult
  /** The ids of the bases the load used. */
  used: string[]
}

type Pending = { resolve: (reply: LoadReply) => void; request: LoadRequest }

let worker: Worker | null | undefined
let nextId = 1
const pending = new Map<number, Pending>()

/** Loads on the page (where there is no worker, or it failed). */
export function loadHere(request: LoadRequest): LoadReply {
  const used: string[] = []
  const result = loadScenario(request.files, {
    resolveBase: (baseId) => {
      const base = Object.hasOwn(request.bases, baseId) ? request.bases[baseId] : undefined
      if (base) used.push(baseId)
      return base
    },
    knownBaseIds: request.knownBaseIds,
  })
  return { id: request.id, result, used }
}

/** The worker, started on first use; null where workers are unavailable or one failed. */
function loaderWorker(): Worker | null {
  if (worker !== undefined) return worker
  if (typeof Worker === 'undefined') return (worker = null)
  try {
    worker = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module', name: 'scenario-loader' })
  } catch {
    return (worker = null)
  }
  worker.onmessage = (event: MessageEvent<LoadReply>) => {
    const waiting = pending.get(event.data.id)
    pending.delete(event.data.id)
    waiting?.resolve(event.data)
  }
  worker.onerror = () => {
    // Whatever was asked is loaded here instead, and so is everything after.
    worker?.terminate()
    worker = null
    for (const [id, waiting] of pending) {
      pending.delete(id)
      waiting.resolve(loadHere(waiting.request))
    }
  }
  return worker
}

export function loadOffThread(files: ScenarioFilesText, bases: LoadRequest['bases'], knownBaseIds: string[]): Promise<LoadReply> {
  const request: LoadRequest = { id: nextId++, files, bases, knownBaseIds }
  const thread = loaderWorker()
  if (!thread) return Promise.resolve(loadHere(request))
  return new Promise((resolve) => {
    pending.set(request.id, { resolve, request })
    thread.postMessage(request)
  })
}
