// The files and bases a scenario file names, read once per file's bytes: one command asks about the same file
// several times (reading its sources, gathering its bases, naming its lens). The engine's fileReferences parses
// the whole file with positions, a large share of `redlines validate`'s time for the shipped scenario, which
// the loader then parses again; so a plain well-formed file is read here with JSON.parse instead, and anything
// on which the two parsers could disagree goes to the engine's parser.
import type { JsonValue } from '../engine/ingest/json.ts'
import type { FileReferences } from '../engine/scenario/index.ts'
import { fileReferences, referencesIn } from '../engine/scenario/index.ts'

export interface ScenarioReferences {
  readonly sourceFiles: readonly string[]
  readonly baseIds: readonly string[]
  readonly lensOf?: string
}

const known = new WeakMap<Uint8Array, ScenarioReferences>()

/** fileReferences(bytes), remembered for these bytes (frozen: copy a list to change it). */
export function scenarioReferences(bytes: Uint8Array): ScenarioReferences {
  let references = known.get(bytes)
  if (!references) {
    const found = plainReferences(bytes) ?? fileReferences(bytes)
    references = Object.freeze({ ...found, sourceFiles: Object.freeze(found.sourceFiles), baseIds: Object.freeze(found.baseIds) })
    known.set(bytes, references)
  }
  return references
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Well inside the engine parser's limits (DEFAULT_JSON_LIMITS: depth 64, 200,000 values, strings and lists of
 * 100,000): a file nearer them is left to that parser, which knows them exactly.
 */
const PLAIN = { depth: 48, values: 100_000, stringLength: 50_000, listLength: 50_000 }

/** The keys that the engine's parser refuses (FORBIDDEN_KEYS). */
const REFUSED_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** A UTF-16 surrogate without its pair: an escape such as "\udfff", which the engine's parser refuses. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Every string token of a JSON text, and whether a colon follows it (a key). */
const STRING_TOKEN = /"[^"\\]*(?:\\.[^"\\]*)*"([ \t\n\r]*:)?/g

/**
 * fileReferences(bytes) through JSON.parse, for a file the engine's parser would read to the same value: valid
 * UTF-8, valid JSON, no duplicate or refused key, no lone surrogate, no number out of range, well inside the
 * limits. Undefined for any other file (the engine's parser then reads it, and reports what it finds).
 */
function plainReferences(bytes: Uint8Array): FileReferences | undefined {
  try {
    // Like decodeUtf8, the decoder drops one leading byte-order mark.
    const text = strictUtf8.decode(bytes)
    const value = JSON.parse(text) as JsonValue
    const keysKept = plainKeyCount(value)
    if (keysKept === undefined) return undefined
    // JSON.parse keeps the last of duplicate keys where the engine's parser refuses them: the text must hold no
    // more keys than the value does.
    let keysWritten = 0
    for (const match of text.matchAll(STRING_TOKEN)) if (match[1] !== undefined) keysWritten++
    return keysWritten === keysKept ? referencesIn(value) : undefined
  } catch {
    // Not UTF-8, not JSON, or beyond what JSON.parse or the regular expression can take.
    return undefined
  }
}

/** The number of keys in `root`'s objects, or undefined when anything in it is not plain (see PLAIN). */
function plainKeyCount(root: JsonValue): number | undefined {
  const plainString = (text: string) => text.length <= PLAIN.stringLength && !LONE_SURROGATE.test(text)
  let keys = 0
  let values = 0
  const stack: [JsonValue, number][] = [[root, 0]]
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [value, depth] = next
    if (++values > PLAIN.values) return undefined
    if (typeof value === 'number' && !Number.isFinite(value)) return undefined
    if (typeof value === 'string' && !plainString(value)) return undefined
    if (value === null || typeof value !== 'object') continue
    if (depth >= PLAIN.depth) return undefined
    if (Array.isArray(value)) {
      if (value.length > PLAIN.listLength) return undefined
      for (const item of value) stack.push([item, depth + 1])
    } else {
      for (const [key, item] of Object.entries(value)) {
        if (REFUSED_KEYS.has(key) || !plainString(key)) return undefined
        keys++
        stack.push([item, depth + 1])
      }
    }
  }
  return keys
}
