// When a scenario fails its schema, its quotes are still checked on the raw JSON, so that a modder
// sees every wrong quote at once together with the shape errors.
import type { JsonObject, JsonValue } from '../ingest/json.ts'
import { escapePointerToken } from '../ingest/json.ts'
import type { DiagnosticSink } from './diagnostics.ts'
import { checkCitation } from './validate-grounding.ts'
import type { QuoteFinder } from './quote-finder.ts'

function isObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The sources of a raw scenario that name an id and a file, skipping malformed entries. */
export function rawSources(value: JsonValue): { id: string; file: string; index: number }[] {
  if (!isObject(value) || !Array.isArray(value.sources)) return []
  const found: { id: string; file: string; index: number }[] = []
  value.sources.forEach((source, index) => {
    if (isObject(source) && typeof source.id === 'string' && typeof source.file === 'string')
      found.push({ id: source.id, file: source.file, index })
  })
  return found
}

/** Checks every well-formed citation found anywhere in the raw value (iteratively: depth is bounded by the parser anyway). */
export function checkRawCitations(value: JsonValue, sink: DiagnosticSink, sourceIds: ReadonlySet<string>, finder: QuoteFinder): void {
  const stack: [JsonValue, string, boolean][] = [[value, '', false]]
  while (stack.length > 0) {
    const [node, pointer, inCitations] = stack.pop()!
    if (Array.isArray(node)) {
      for (let k = node.length - 1; k >= 0; k--) stack.push([node[k], `${pointer}/${k}`, false])
      continue
    }
    if (!isObject(node)) continue
    if (inCitations) {
      const { source, paragraph, quote } = node
      if (typeof source === 'string' && typeof quote === 'string' && Number.isInteger(paragraph) && (paragraph as number) >= 1) {
        checkCitation({ source, paragraph: paragraph as number, quote }, pointer, sink, sourceIds, finder)
      }
      continue
    }
    const keys = Object.keys(node).sort().reverse()
    for (const key of keys) {
      const child = node[key]
      const childPointer = `${pointer}/${escapePointerToken(key)}`
      if (key === 'citations' && Array.isArray(child)) {
        for (let k = child.length - 1; k >= 0; k--) stack.push([child[k], `${childPointer}/${k}`, true])
      } else {
        stack.push([child, childPointer, false])
      }
    }
  }
}
