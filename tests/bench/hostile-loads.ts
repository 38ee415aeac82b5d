// How long the loader takes to refuse hostile scenario files (the inputs of tests/unit/scenario-load.test.ts's
// "hostile and degenerate input", which check what is reported, not how fast): each the median of 5 loads,
// beside the load of the minimal fixture scenario measured in the same run. Target <= 1 s each.
import { readFileSync } from 'node:fs'
import { loadScenario } from '../../src/engine/scenario/index.ts'
import type { ScenarioFiles } from '../../src/engine/scenario/index.ts'

const RUNS = 5
const FIXTURE = 'tests/fixtures/scenarios/minimal'

function medianLoadMs(files: ScenarioFiles): number {
  const times: number[] = []
  for (let k = 0; k < RUNS; k++) {
    const start = performance.now()
    loadScenario(files)
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]
}

export function hostileLoadFigures(): Record<string, number> {
  const source = new Uint8Array(readFileSync(`${FIXTURE}/sources/text.txt`))
  const withMain = (main: string | Uint8Array): ScenarioFiles => ({ 'scenario.json': main, 'sources/text.txt': source })
  const rule = {
    kind: 'reaction',
    when: { actions: Array.from({ length: 150 }, () => 'Bad Id'), actors: Array.from({ length: 150 }, () => 'x') },
  }
  const minimalMs = medianLoadMs(withMain(readFileSync(`${FIXTURE}/scenario.json`, 'utf8')))
  const figures: Record<string, number> = {
    hostileNestedMs: medianLoadMs(withMain('['.repeat(1_000_000))),
    hostileOversizeTextMs: medianLoadMs(withMain('x'.repeat(10 * 1024 * 1024))),
    hostileOversizeBytesMs: medianLoadMs(withMain(new Uint8Array(6 * 1024 * 1024).fill(0x20))),
    hostileLongListMs: medianLoadMs(withMain(JSON.stringify({ actions: [{ actors: Array.from({ length: 5000 }, () => 'ALD') }] }))),
    hostileSchemaErrorsMs: medianLoadMs(withMain(JSON.stringify({ rules: Array.from({ length: 100 }, () => rule) }))),
  }
  const result: Record<string, number> = { minimalLoadMs: Number(minimalMs.toFixed(2)) }
  for (const [name, ms] of Object.entries(figures)) {
    result[name] = Number(ms.toFixed(2))
    result[`${name.replace(/Ms$/, '')}ToMinimal`] = Number((ms / minimalMs).toFixed(2))
  }
  return result
}
