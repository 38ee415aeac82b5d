import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseJson, pointerOf } from '../../src/engine/ingest/json.ts'
import type { JsonError, JsonLimits } from '../../src/engine/ingest/json.ts'

function errorsOf(text: string, limits?: Partial<JsonLimits>): JsonError[] {
  const result = parseJson(text, limits)
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`)
  return result.errors
}

/** `line:column message [pointer]` of each error, for compact assertions. */
function described(text: string, limits?: Partial<JsonLimits>): string[] {
  return errorsOf(text, limits).map(
    (e) => `${e.position.line}:${e.position.column} ${e.message} [${e.pointer}]${e.hint ? ` hint: ${e.hint}` : ''}`,
  )
}

describe('parseJson: values and positions', () => {
  it('parses every kind of value', () => {
    const result = parseJson('{"a": [1, -2.5e3, true, false, null], "b": {"c": "x\\n\\u00e9\\ud83d\\ude00\\/"}, "": 0}')
    expect(result.ok && result.value).toEqual({ a: [1, -2500, true, false, null], b: { c: 'x\né😀/' }, '': 0 })
  })

  it('records the position of each value and key by JSON pointer', () => {
    const text = '{\n  "actions": [\n    { "id": "a" },\n    { "a/b": 1, "m~n": 2 }\n  ]\n}'
    const result = parseJson(text)
    if (!result.ok) throw new Error('expected success')
    const { positions } = result
    expect(positions.value('')).toEqual({ line: 1, column: 1, offset: 0 })
    expect(positions.value('/actions')).toMatchObject({ line: 2, column: 14 })
    expect(positions.value('/actions/0/id')).toMatchObject({ line: 3, column: 13 })
    expect(positions.key('/actions/0/id')).toMatchObject({ line: 3, column: 7 })
    expect(positions.value('/actions/1/a~1b')).toMatchObject({ line: 4, column: 14 })
    expect(positions.value('/actions/1/m~0n')).toMatchObject({ line: 4, column: 24 })
    expect(positions.value('/actions/7')).toBeUndefined()
    expect(positions.nearestValue('/actions/1/missing/deeper')).toMatchObject({ line: 4, column: 5 })
  })

  it('counts columns in characters, not UTF-16 units', () => {
    const result = parseJson('{"😀😀": 1, "b": 2}')
    expect(result.ok && result.positions.value('/b')).toMatchObject({ line: 1, column: 16, offset: 17 })
  })

  it('treats \\r\\n and a lone \\r as line breaks', () => {
    const result = parseJson('[\r\n1,\r2]')
    expect(result.ok && result.positions.value('/1')).toMatchObject({ line: 3, column: 1 })
  })

  it('builds pointers with RFC 6901 escapes', () => {
    expect(pointerOf(['actions', 3, 'id'])).toBe('/actions/3/id')
    expect(pointerOf(['a/b', 'c~d'])).toBe('/a~1b/c~0d')
    expect(pointerOf([])).toBe('')
  })

  it('agrees with JSON.parse on generated JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const result = parseJson(text)
        if (!result.ok) {
          // Only the refusals JSON.parse does not make: forbidden keys (fast-check generates "__proto__").
          expect(result.errors.every((e) => e.code === 'json-forbidden-key')).toBe(true)
          return
        }
        expect(result.value).toEqual(JSON.parse(text))
      }),
      { numRuns: 500 },
    )
  })

  it('never throws on arbitrary text, and accepts nothing JSON.parse rejects', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.json().map((t) => t.slice(0, -1)),
        ),
        (text) => {
          const result = parseJson(text)
          if (result.ok) expect(() => JSON.parse(text)).not.toThrow()
          else for (const error of result.errors) expect(error.position.line).toBeGreaterThanOrEqual(1)
        },
      ),
      { numRuns: 1000 },
    )
  })
})

describe('parseJson: malformed input', () => {
  it.each([
    ['', '1:1 the file is empty []'],
    [' \n\t ', '1:1 the file holds only white space []'],
    ['{"a": 1,}', "1:9 unexpected character '}' (expected a key in double quotes) [] hint: trailing commas are not allowed in JSON"],
    ['[1, 2,\n]', "2:1 unexpected character ']' (expected a value) [/2] hint: trailing commas are not allowed in JSON"],
    ['{"a" 1}', "1:6 unexpected character '1' (expected ':' after the key) []"],
    ['{"a": 1 "b": 2}', `1:9 unexpected character '"' (expected ',' or '}') []`],
    ['{"a": tru}', '1:7 invalid literal "tru" (expected true) [/a]'],
    ['{"a": True}', '1:7 invalid literal "True" (expected true) [/a]'],
    ["{'a': 1}", `1:2 unexpected character "'" (expected a key in double quotes) [] hint: JSON strings and keys use double quotes`],
    ['{a: 1}', "1:2 unexpected character 'a' (expected a key in double quotes) [] hint: JSON strings and keys must be in double quotes"],
    ['// note\n{}', "1:1 unexpected character '/' (expected a value) [] hint: JSON does not allow comments"],
    ['[NaN]', "1:2 unexpected character 'N' (expected a value) [/0] hint: JSON has no NaN, Infinity or undefined"],
    ['{"a": 01}', '1:7 invalid number "01" [/a] hint: leading zeros are not allowed'],
    ['[.5]', '1:2 invalid number ".5" [/0] hint: a decimal point needs digits on both sides'],
    ['[+1]', `1:2 invalid number "+1" [/0] hint: a number cannot start with '+'`],
    ['[1e999]', '1:2 number 1e999 is out of range [/0]'],
    ['{"a":\n  "abc', '2:3 unterminated string [/a] hint: the closing double quote is missing'],
    ['["abc\ndef"]', '1:2 unterminated string [/0] hint: a string cannot span lines: close it, or write \\n for a line break'],
    ['["a\tb"]', '1:4 control character U+0009 must be escaped in a string [/0]'],
    [
      '["\\q"]',
      '1:3 invalid escape "\\q" [/0] hint: valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hexadecimal digits',
    ],
    ['["\\u12G4"]', '1:3 invalid unicode escape "\\u12G4" [/0] hint: write \\u followed by four hexadecimal digits'],
    ['["\\ud800"]', '1:3 invalid unicode escape "\\ud800": unpaired surrogate [/0]'],
    ['["\\udc00\\ud800"]', '1:3 invalid unicode escape "\\udc00": unpaired surrogate [/0]'],
    ['{"a": [1, 2', "1:12 unexpected end of file (expected ',' or ']') [/a]"],
    ['{"a": ', '1:7 unexpected end of file (expected a value) [/a]'],
    ['[1] [2]', "1:5 unexpected character '[' after the end of the JSON value [] hint: a file holds exactly one JSON value"],
    ['{}\n x', "2:2 unexpected character 'x' after the end of the JSON value [] hint: a file holds exactly one JSON value"],
    ['\uFEFF{}', '1:1 unexpected character U+FEFF (expected a value) []'],
    ['[\u0000]', '1:2 unexpected character U+0000 (expected a value) [/0]'],
  ])('%j', (text, expected) => {
    expect(described(text)).toEqual([expected])
  })
})

describe('parseJson: keys that are refused', () => {
  it('reports every duplicate and forbidden key, with positions', () => {
    expect(described('{"a": 1,\n "__proto__": {"x": 1},\n "a": 2, "constructor": 3, "b": {"prototype": 4, "c": 5, "c": 6}}')).toEqual([
      '2:2 key "__proto__" is not allowed [/__proto__]',
      '3:2 duplicate key "a" (first at line 1, column 2) [/a]',
      '3:10 key "constructor" is not allowed [/constructor]',
      '3:34 key "prototype" is not allowed [/b/prototype]',
      '3:58 duplicate key "c" (first at line 3, column 50) [/b/c]',
    ])
  })

  it('never pollutes a prototype, even when the caller ignores the errors', () => {
    const result = parseJson('{"__proto__": {"polluted": true}, "a": {"__proto__": {"polluted": true}}}')
    expect(result.ok).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('builds ordinary objects whose keys are own properties', () => {
    const result = parseJson('{"toString": 1, "hasOwnProperty": 2, "valueOf": {"x": 1}}')
    if (!result.ok) throw new Error('expected success')
    const value = result.value as Record<string, unknown>
    expect(Object.keys(value)).toEqual(['toString', 'hasOwnProperty', 'valueOf'])
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(value.toString).toBe(1)
  })
})

describe('parseJson: limits', () => {
  it('stops a million levels of nesting at the depth limit, quickly and without recursion', () => {
    const started = performance.now()
    expect(described('['.repeat(1_000_000))).toEqual([`1:65 nesting is deeper than 64 levels [${'/0'.repeat(64)}]`])
    expect(described('{"a":'.repeat(1_000_000))).toEqual([`1:321 nesting is deeper than 64 levels [${'/a'.repeat(64)}]`])
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('parses deep nesting iteratively when the limit allows it', () => {
    const depth = 100_000
    const result = parseJson('['.repeat(depth) + ']'.repeat(depth), { maxDepth: depth })
    expect(result.ok).toBe(true)
  })

  it('limits the number of values, the length of strings and of lists', () => {
    expect(described('[1, 2, 3, 4]', { maxNodes: 4 })).toEqual(['1:11 the file has more than 4 values [/3]'])
    expect(described('["abcdef"]', { maxStringLength: 5 })).toEqual(['1:2 string is longer than 5 characters [/0]'])
    expect(parseJson('["abcde"]', { maxStringLength: 5 }).ok).toBe(true)
    expect(described('{"a": [1, 2, 3], "b": [[1, 2, 3, 4]]}', { maxArrayLength: 2 })).toEqual([
      '1:7 the list has more than 2 items [/a]',
      '1:24 the list has more than 2 items [/b/0]',
    ])
  })

  it('parses a large document in well under a second', () => {
    const text = JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ id: `item-${i}`, value: i / 7, tags: ['a', 'b'] })))
    const started = performance.now()
    const result = parseJson(text)
    expect(result.ok).toBe(true)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
