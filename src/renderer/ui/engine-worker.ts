// The engine's thread: scenario loads (parsing, both validation passes and every quote check, so that a large
// or hostile scenario never stalls the page), the computer powers' choices for a turn, and the sampled games of
// "What could happen?". One worker script for all three, so the engine is downloaded once for them. Only the
// engine computes here; the page shows.
import '../zod-setup.ts'
import type { CompiledScenario } from '../../engine/index.ts'
import { prepareMatchTurn, sampleEndings } from '../../engine/index.ts'
import { loadScenario } from '../../engine/scenario/index.ts'
import type { EngineReply, EngineRequest } from './engine-threads.ts'
import type { LoadReply, LoadRequest } from './scenario-loading.ts'

// Compiled scenarios this worker was sent, by hash (a turn's request carries one only the first time).
const scenarios = new Map<string, CompiledScenario>()
const reply = (message: EngineReply | LoadReply) => self.postMessage(message)

function load({ id, files, bases, knownBaseIds }: LoadRequest): LoadReply {
  const used: string[] = []
  const result = loadScenario(files, {
    resolveBase: (baseId) => {
      const base = Object.hasOwn(bases, baseId) ? bases[baseId] : undefined
      if (base) used.push(baseId)
      return base
    },
    knownBaseIds,
  })
  return { id, result, used }
}

function play(request: EngineRequest): void {
  if (request.scenario) scenarios.set(request.scenario.hash, request.scenario)
  const scn = scenarios.get(request.hash)
  if (!scn) return reply({ kind: 'failed', id: request.id, message: 'the worker was not sent the scenario' })
  try {
    if (request.kind === 'prepare') {
      const prepared = prepareMatchTurn(scn, request.position, request.choices, undefined, (decided, of) =>
        reply({ kind: 'progress', id: request.id, done: decided, of }),
      )
      reply({ kind: 'prepared', id: request.id, prepared: { choices: prepared.choices, questions: prepared.questions } })
    } else {
      sampleEndings(scn, request.position, request.plan, request.samples, (ending) => reply({ kind: 'ending', id: request.id, ending }))
      reply({ kind: 'sampled', id: request.id })
    }
  } catch (error) {
    reply({ kind: 'failed', id: request.id, message: (error as Error).message })
  }
}

self.onmessage = (event: MessageEvent<EngineRequest | LoadRequest>) => {
  const request = event.data
  if ('files' in request) reply(load(request))
  else play(request)
}
