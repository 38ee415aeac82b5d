// The engine's thread for the game screen: the computer powers' choices for a turn, and the sampled games of
// "What could happen?", so that neither stalls the page. Only the engine computes here; the page shows.
import type { CompiledScenario } from '../../engine/index.ts'
import { prepareMatchTurn, sampleEndings } from '../../engine/index.ts'
import type { EngineReply, EngineRequest } from './engine-threads.ts'

// Compiled scenarios this worker was sent, by hash (a turn's request carries one only the first time).
const scenarios = new Map<string, CompiledScenario>()
const reply = (message: EngineReply) => self.postMessage(message)

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data
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
