// The engine off the page's thread (engine-worker.ts): the computer powers' choices for a turn, with progress,
// and "What could happen?" sampled on several workers, with progress and Cancel. Where no worker starts (or one
// fails) the same engine functions run on the page, so the results are always exactly the engine's.
import type {
  Choice,
  CompiledScenario,
  ConsentQuestion,
  OutcomeComparison,
  OutcomePlan,
  OutcomeSide,
  Position,
  PreparedTurn,
  SampledEnding,
} from '../../engine/index.ts'
import { compareOutcomes, outcomeSamples, playOutcomeGame, prepareMatchTurn } from '../../engine/index.ts'

interface RequestBase {
  id: number
  hash: string
  /** Sent with a worker's first request for this scenario only. */
  scenario?: CompiledScenario
  position: Position
}
export type EngineRequest =
  | (RequestBase & { kind: 'prepare'; choices: readonly Choice[] })
  | (RequestBase & { kind: 'sample'; plan: OutcomePlan; samples: { side: OutcomeSide; index: number }[] })

export type EngineReply =
  | { kind: 'progress'; id: number; done: number; of: number }
  | { kind: 'prepared'; id: number; prepared: { choices: readonly Choice[]; questions: readonly ConsentQuestion[] } }
  | { kind: 'ending'; id: number; ending: SampledEnding }
  | { kind: 'sampled'; id: number }
  | { kind: 'failed'; id: number; message: string }

let nextId = 1

/** A new engine worker, or null where none starts. */
function startWorker(name: string): Worker | null {
  if (typeof Worker === 'undefined') return null
  try {
    return new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module', name })
  } catch {
    return null
  }
}

const positionOf = (position: Position): Position => ({ setup: position.setup, state: position.state })

// The turn's worker lives as long as the page, so it compiles nothing twice; it knows the scenarios it was sent.
let turnWorker: Worker | null | undefined
const turnWorkerKnows = new Set<string>()

/**
 * The turn as prepareMatchTurn gives it (the humans' choices, then the computer's, and the questions), computed
 * in a worker; `onProgress` hears after each computer power. The result's state is the position's own.
 */
export async function prepareOffPage(
  scn: CompiledScenario,
  position: Position,
  choices: readonly Choice[],
  onProgress: (done: number, of: number) => void,
): Promise<PreparedTurn> {
  if (turnWorker === undefined) turnWorker = startWorker('computer-players')
  const here = () => prepareMatchTurn(scn, position, choices, undefined, onProgress)
  if (!turnWorker) return here()
  const worker: Worker = turnWorker
  const id = nextId++
  const request: EngineRequest = { kind: 'prepare', id, hash: scn.hash, position: positionOf(position), choices }
  if (!turnWorkerKnows.has(scn.hash)) request.scenario = scn
  return new Promise<PreparedTurn>((resolve) => {
    const stopListening = () => {
      worker.removeEventListener('message', listen)
      worker.removeEventListener('error', fallBack)
    }
    function fallBack() {
      stopListening()
      worker.terminate()
      turnWorker = null
      resolve(here())
    }
    function listen(event: MessageEvent<EngineReply>) {
      const message = event.data
      if (message.id !== id) return
      if (message.kind === 'progress') onProgress(message.done, message.of)
      else if (message.kind === 'prepared') {
        stopListening()
        resolve({ state: position.state, choices: message.prepared.choices, questions: message.prepared.questions })
      } else if (message.kind === 'failed') fallBack()
    }
    worker.addEventListener('message', listen)
    worker.addEventListener('error', fallBack)
    worker.postMessage(request)
    turnWorkerKnows.add(scn.hash)
  })
}

/** How many workers sample at once: all cores but the page's, at least one. */
export function samplingWorkers(samples: number): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2
  return Math.max(1, Math.min(samples, cores - 1))
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled')
  }
}

/**
 * "What could happen?": `games` games with the plan and `games` passing from the position, shared among workers
 * (on the page, a game at a time between frames, where none starts); `onProgress` hears after each game. The
 * signal cancels (the promise then rejects with Cancelled and the workers are stopped).
 */
export function outcomesOffPage(
  scn: CompiledScenario,
  position: Position,
  plan: OutcomePlan,
  games: number,
  onProgress: (done: number, of: number) => void,
  signal: AbortSignal,
): Promise<OutcomeComparison> {
  const samples = outcomeSamples(games)
  const endings: SampledEnding[] = []
  const workers: Worker[] = []
  return new Promise<OutcomeComparison>((resolve, reject) => {
    let finished = false
    const finish = (outcome: { result: OutcomeComparison } | { error: Error }) => {
      if (finished) return
      finished = true
      for (const worker of workers) worker.terminate()
      if ('result' in outcome) resolve(outcome.result)
      else reject(outcome.error)
    }
    const add = (ending: SampledEnding) => {
      endings.push(ending)
      onProgress(endings.length, samples.length)
      if (endings.length === samples.length) finish({ result: compareOutcomes(scn, position, plan, endings) })
    }
    signal.addEventListener('abort', () => finish({ error: new Cancelled() }), { once: true })
    // On the page: whatever is not yet sampled, one game per task so that the page keeps answering.
    const sampleHere = () => {
      for (const worker of workers) worker.terminate()
      workers.length = 0
      const done = new Set(endings.map((ending) => `${ending.side}:${ending.index}`))
      const left = samples.filter((sample) => !done.has(`${sample.side}:${sample.index}`))
      const step = () => {
        if (finished) return
        const sample = left.shift()
        if (!sample) return
        add(playOutcomeGame(scn, position, plan, sample.side, sample.index))
        setTimeout(step, 0)
      }
      setTimeout(step, 0)
    }
    const count = samplingWorkers(samples.length)
    for (let w = 0; w < count; w++) {
      const worker = startWorker(`what-could-happen-${w + 1}`)
      if (!worker) break
      workers.push(worker)
    }
    if (workers.length === 0) return sampleHere()
    const id = nextId++
    workers.forEach((worker, w) => {
      worker.onmessage = (event: MessageEvent<EngineReply>) => {
        const message = event.data
        if (finished || message.id !== id) return
        if (message.kind === 'ending') add(message.ending)
        else if (message.kind === 'failed') sampleHere()
      }
      worker.onerror = () => !finished && sampleHere()
      const request: EngineRequest = {
        kind: 'sample',
        id,
        hash: scn.hash,
        scenario: scn,
        position: positionOf(position),
        plan: { actor: plan.actor, choices: [...plan.choices] },
        samples: samples.filter((_, k) => k % workers.length === w),
      }
      worker.postMessage(request)
    })
  })
}
