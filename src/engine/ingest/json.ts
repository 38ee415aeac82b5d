// A strict RFC 8259 parser for untrusted files. It is iterative (an explicit stack, so no input can
// overflow the call stack), bounded (depth, value count, string length), records where every value and
// key is, and refuses keys that could reach an object prototype.
import { LineIndex } from './line-index.ts'
import type { SourcePosition } from './line-index.ts'
import { readJsonNumber, readJsonString } from './json-tokens.ts'
import type { TokenError } from './json-tokens.ts'

export type { SourcePosition } from './line-index.ts'

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject
export interface JsonObject {
  [key: string]: JsonValue
}

export interface JsonLimits {
  maxDepth: number
  maxNodes: number
  maxStringLength: number
  /** Longer arrays are reported (once each) but parsing goes on. */
  maxArrayLength: number
}

export const DEFAULT_JSON_LIMITS: Readonly<JsonLimits> = {
  maxDepth: 64,
  maxNodes: 200_000,
  maxStringLength: 100_000,
  maxArrayLength: 100_000,
}

/** Where each value, and the key of each object member, is: by JSON pointer (RFC 6901). */
export class JsonPositions {
  /** Pointer → text offset of the value. */
  readonly valueOffsets = new Map<string, number>()
  /** Pointer of a member → text offset of its key. */
  readonly keyOffsets = new Map<string, number>()

  constructor(readonly lines: LineIndex) {}

  value(pointer: string): SourcePosition | undefined {
    const offset = this.valueOffsets.get(pointer)
    return offset === undefined ? undefined : this.lines.at(offset)
  }

  key(pointer: string): SourcePosition | undefined {
    const offset = this.keyOffsets.get(pointer)
    return offset === undefined ? undefined : this.lines.at(offset)
  }

  /** The position of the value at `pointer`, or else of its nearest ancestor that exists (1:1 at worst). */
  nearestValue(pointer: string): SourcePosition {
    for (let current = pointer; ; current = current.slice(0, current.lastIndexOf('/'))) {
      const offset = this.valueOffsets.get(current)
      if (offset !== undefined) return this.lines.at(offset)
      if (current === '') return { line: 1, column: 1, offset: 0 }
    }
  }
}

export interface JsonError {
  code: string
  message: string
  hint?: string
  pointer: string
  position: SourcePosition
}

export type JsonParseResult =
  { ok: true; value: JsonValue; positions: JsonPositions } | { ok: false; errors: JsonError[]; positions: JsonPositions }

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}

/** The JSON pointer of a path such as ['actions', 3, 'id'] → "/actions/3/id". */
export function pointerOf(path: readonly PropertyKey[]): string {
  let pointer = ''
  for (const segment of path) pointer += '/' + escapePointerToken(String(segment))
  return pointer
}

type Frame =
  | { kind: 'array'; pointer: string; value: JsonValue[] }
  | { kind: 'object'; pointer: string; value: JsonObject; key: string; keep: boolean }

const WHITESPACE = /[ \t\n\r]*/y
const WORD = /[A-Za-z_$][\w$]*/y
const LITERALS: ReadonlyMap<string, JsonValue> = new Map<string, JsonValue>([
  ['true', true],
  ['false', false],
  ['null', null],
])

/** A string as it may appear inside a one-line message: JSON-quoted (so escaped) and cut short. */
export function quoteForMessage(text: string, maxLength = 60): string {
  return JSON.stringify(text.length > maxLength ? text.slice(0, maxLength) + '…' : text)
}

export function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || code === 0xfeff) {
    return 'U+' + code.toString(16).toUpperCase().padStart(4, '0')
  }
  return char === "'" ? `"'"` : `'${char}'`
}

/** Parses one JSON json. Syntax and limit errors stop the parse; duplicate and forbidden keys are all collected. */
export function parseJson(text: string, limits: Partial<JsonLimits> = {}): JsonParseResult {
  const { maxDepth, maxNodes, maxStringLength, maxArrayLength } = { ...DEFAULT_JSON_LIMITS, ...limits }
  const lines = new LineIndex(text)
  const positions = new JsonPositions(lines)
  const errors: JsonError[] = []
  const stack: Frame[] = []
  let i = 0
  let nodes = 0
  let root: JsonValue = null
  let state: 'value' | 'key' | 'after' = 'value'
  let pointer = ''
  let afterComma = false

  const skipWhitespace = (): void => {
    WHITESPACE.lastIndex = i
    WHITESPACE.exec(text)
    i = WHITESPACE.lastIndex
  }
  const stop = (code: string, message: string, at: number, where: string, hint?: string): JsonParseResult => {
    errors.push({ code, message, pointer: where, position: lines.at(at), ...(hint ? { hint } : {}) })
    return { ok: false, errors, positions }
  }
  const unexpected = (expected: string, hint?: string): JsonParseResult => {
    const char = String.fromCodePoint(text.codePointAt(i) ?? 0)
    const where = state === 'value' ? pointer : (stack[stack.length - 1]?.pointer ?? '')
    return stop('json-syntax', `unexpected character ${describeCharacter(char)} (expected ${expected})`, i, where, hint ?? hintFor(char))
  }
  const endOfFile = (expected: string): JsonParseResult =>
    stop(
      'json-syntax',
      `unexpected end of file (expected ${expected})`,
      i,
      state === 'value' ? pointer : (stack[stack.length - 1]?.pointer ?? ''),
    )
  const tokenError = (error: TokenError): JsonParseResult => stop(error.code, error.message, error.at, pointer, error.hint)

  const complete = (value: JsonValue): void => {
    const frame = stack[stack.length - 1]
    state = 'after'
    if (!frame) root = value
    else if (frame.kind === 'object') {
      // defineProperty never invokes a setter, so no key can reach a prototype (forbidden keys are not kept anyway).
      if (frame.keep) Object.defineProperty(frame.value, frame.key, { value, enumerable: true, writable: true, configurable: true })
    } else if (frame.value.push(value) === maxArrayLength + 1) {
      const position = lines.at(positions.valueOffsets.get(frame.pointer) ?? 0)
      errors.push({
        code: 'json-list-too-long',
        message: `the list has more than ${maxArrayLength} items`,
        pointer: frame.pointer,
        position,
      })
    }
  }

  skipWhitespace()
  if (i >= text.length) {
    return stop('json-empty', text.length === 0 ? 'the file is empty' : 'the file holds only white space', 0, '')
  }

  for (;;) {
    skipWhitespace()
    const char = text[i]
    if (state === 'value') {
      if (char === undefined) return endOfFile('a value')
      const top = stack[stack.length - 1]
      if (char === ']' && top?.kind === 'array' && afterComma) {
        return unexpected('a value', 'trailing commas are not allowed in JSON')
      }
      afterComma = false
      if (!positions.valueOffsets.has(pointer)) positions.valueOffsets.set(pointer, i)
      if (++nodes > maxNodes) return stop('json-too-many-values', `the file has more than ${maxNodes} values`, i, pointer)
      if (char === '{' || char === '[') {
        if (stack.length >= maxDepth) return stop('json-too-deep', `nesting is deeper than ${maxDepth} levels`, i, pointer)
        i++
        skipWhitespace()
        const closer = char === '{' ? '}' : ']'
        if (text[i] === closer) {
          i++
          complete(char === '{' ? {} : [])
        } else if (char === '{') {
          stack.push({ kind: 'object', pointer, value: {}, key: '', keep: true })
          state = 'key'
        } else {
          stack.push({ kind: 'array', pointer, value: [] })
          pointer = pointer + '/0'
        }
      } else if (char === '"') {
        const token = readJsonString(text, i, maxStringLength)
        if (!token.ok) return tokenError(token.error)
        i = token.end
        complete(token.value)
      } else if (char === '-' || char === '.' || char === '+' || (char >= '0' && char <= '9')) {
        const token = readJsonNumber(text, i)
        if (!token.ok) return tokenError(token.error)
        i = token.end
        complete(token.value)
      } else {
        WORD.lastIndex = i
        const name = WORD.exec(text)?.[0] ?? ''
        const literal = LITERALS.get(name)
        if (literal !== undefined) {
          i += name.length
          complete(literal)
          continue
        }
        const intended = [...LITERALS.keys()].find((l) => l === name.toLowerCase() || (name.length >= 2 && l.startsWith(name)))
        if (intended) return stop('json-syntax', `invalid literal "${name.slice(0, 20)}" (expected ${intended})`, i, pointer)
        if (name === 'NaN' || name === 'Infinity' || name === 'undefined') {
          return unexpected('a value', 'JSON has no NaN, Infinity or undefined')
        }
        return unexpected('a value')
      }
    } else if (state === 'key') {
      const frame = stack[stack.length - 1] as Extract<Frame, { kind: 'object' }>
      if (char === undefined) return endOfFile('a key in double quotes')
      if (char !== '"')
        return unexpected('a key in double quotes', afterComma && char === '}' ? 'trailing commas are not allowed in JSON' : undefined)
      afterComma = false
      const keyOffset = i
      const token = readJsonString(text, i, maxStringLength)
      if (!token.ok) return tokenError(token.error)
      i = token.end
      const key = token.value
      pointer = frame.pointer + '/' + escapePointerToken(key)
      frame.key = key
      frame.keep = false
      const first = positions.keyOffsets.get(pointer)
      if (FORBIDDEN_KEYS.has(key)) {
        errors.push({
          code: 'json-forbidden-key',
          message: `key ${quoteForMessage(key)} is not allowed`,
          pointer,
          position: lines.at(keyOffset),
        })
      } else if (first !== undefined) {
        const { line, column } = lines.at(first)
        const message = `duplicate key ${quoteForMessage(key)} (first at line ${line}, column ${column})`
        errors.push({ code: 'json-duplicate-key', message, pointer, position: lines.at(keyOffset) })
      } else {
        positions.keyOffsets.set(pointer, keyOffset)
        frame.keep = true
      }
      skipWhitespace()
      if (text[i] === undefined) return endOfFile("':'")
      if (text[i] !== ':') return unexpected("':' after the key")
      i++
      state = 'value'
    } else {
      const frame = stack[stack.length - 1]
      if (!frame) {
        if (char === undefined) break
        const extra = describeCharacter(String.fromCodePoint(text.codePointAt(i) ?? 0))
        return stop(
          'json-syntax',
          `unexpected character ${extra} after the end of the JSON value`,
          i,
          '',
          'a file holds exactly one JSON value',
        )
      }
      const closer = frame.kind === 'array' ? ']' : '}'
      if (char === undefined) return endOfFile(`',' or '${closer}'`)
      if (char === ',') {
        i++
        afterComma = true
        if (frame.kind === 'array') {
          pointer = `${frame.pointer}/${frame.value.length}`
          state = 'value'
        } else {
          state = 'key'
        }
      } else if (char === closer) {
        i++
        stack.pop()
        pointer = frame.pointer
        complete(frame.value)
      } else {
        return unexpected(`',' or '${closer}'`)
      }
    }
  }
  return errors.length > 0 ? { ok: false, errors, positions } : { ok: true, value: root, positions }
}

function hintFor(char: string): string | undefined {
  if (char === "'") return 'JSON strings and keys use double quotes'
  if (char === '/' || char === '#') return 'JSON does not allow comments'
  if (/[A-Za-z_$]/.test(char)) return 'JSON strings and keys must be in double quotes'
  return undefined
}
