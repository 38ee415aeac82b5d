// The scenario loader's thread: parsing, both validation passes and every quote check run here, so that a
// large or hostile scenario never stalls the page.
import '../zod-setup.ts'
import { loadScenario } from '../../engine/scenario/index.ts'
import type { LoadRequest, LoadReply } from './scenario-loading.ts'

self.onmessage = (event: MessageEvent<LoadRequest>) => {
  const { id, files, bases, knownBaseIds } = event.data
  const used: string[] = []
  const result = loadScenario(files, {
    resolveBase: (baseId) => {
      const base = Object.hasOwn(bases, baseId) ? bases[baseId] : undefined
      if (base) used.push(baseId)
      return base
    },
    knownBaseIds,
  })
  const reply: LoadReply = { id, result, used }
  self.postMessage(reply)
}
