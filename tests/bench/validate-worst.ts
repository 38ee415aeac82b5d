// The slowest scenario to validate within the size limits that we know of: a 4.8 MB one-line source cited by
// hundreds of near-miss quotes (an adversarial text: every quote almost matches everywhere). Target <= 1 s.
import { readFileSync } from 'node:fs'
import { loadScenario } from '../../src/engine/scenario/index.ts'

export function worstValidateMs(citations = 800): number {
  const file = JSON.parse(readFileSync('scenarios/tutorial/scenario.json', 'utf8'))
  file.sources[0].file = 'sources/big.txt'
  const items = [...file.actions, ...file.rules, ...file.ladder] as { citations?: unknown[] }[]
  items.forEach((item, index) => {
    const share = Math.ceil(citations / items.length)
    item.citations = Array.from({ length: share }, (_, k) => ({
      source: file.sources[0].id,
      paragraph: 2,
      quote: `${'a'.repeat(1990)}b${index}-${k}`,
    }))
  })
  const files = {
    'scenario.json': new TextEncoder().encode(JSON.stringify(file)),
    'sources/big.txt': new TextEncoder().encode(`Title\n\n${'a'.repeat(4_800_000)}\n`),
  }
  const start = performance.now()
  loadScenario(files)
  return performance.now() - start
}
