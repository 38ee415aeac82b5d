// The command reads what a scenario file names (its sources, bases and lens) through JSON.parse when the file
// is plain, and through the engine's parser otherwise: the answer must be the engine's fileReferences either
// way, for every file, including those the two parsers read differently.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scenarioReferences } from '../../src/cli/scenario-references.ts'
import { fileReferences } from '../../src/engine/scenario/index.ts'

const encode = (text: string) => new TextEncoder().encode(text)

/** Fresh bytes each time: scenarioReferences remembers its answer per byte array. */
function expectSameAsEngine(bytes: Uint8Array): void {
  expect({ ...scenarioReferences(new Uint8Array(bytes)) }).toEqual(fileReferences(bytes))
}

const NAMING = '{"extends": {"id": "base"}, "lens": {"name": "L"}, "sources": [{"file": "sources/a.txt"}]'

describe('what a scenario file names', () => {
  it('is the same as the engine finds for every shipped scenario', () => {
    for (const folder of readdirSync('scenarios', { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      const bytes = new Uint8Array(readFileSync(join('scenarios', folder.name, 'scenario.json')))
      expectSameAsEngine(bytes)
    }
    const lens = scenarioReferences(new Uint8Array(readFileSync('scenarios/pin-pricks-values/scenario.json')))
    expect(lens.lensOf).toBe('pin-pricks-2021')
  })

  it.each([
    ['a plain file', `${NAMING}}`],
    ['a byte-order mark', `\uFEFF${NAMING}}`],
    ['a duplicate key (the engine keeps none of the file)', `${NAMING}, "sources": [{"file": "sources/other.txt"}]}`],
    ['a duplicate key deep inside', `${NAMING}, "actors": [{"id": "A", "id": "B"}]}`],
    ['a key the engine refuses', `${NAMING}, "actors": [{"__proto__": {"x": 1}}]}`],
    ['a constructor key', `${NAMING}, "x": {"constructor": 1}}`],
    ['a lone surrogate escape', `${NAMING}, "title": "\\udfff"}`],
    ['a number out of range', `${NAMING}, "formatVersion": 1e999}`],
    ['a string with escaped quotes and colons', `${NAMING}, "title": "a \\"key\\": no", "k\\\\": ":"}`],
    ['nesting near the limit', `${NAMING}, "deep": ${'['.repeat(63)}${']'.repeat(63)}}`],
    ['nesting over the limit', `${NAMING}, "deep": ${'['.repeat(70)}${']'.repeat(70)}}`],
    ['a long list', `${NAMING}, "list": [${Array.from({ length: 120_000 }, () => '0').join(',')}]}`],
    ['a long string', `${NAMING}, "title": "${'x'.repeat(120_000)}"}`],
    ['not JSON', `${NAMING},}`],
    ['white space only', ' \n'],
    ['a list, not an object', '[{"extends": {"id": "base"}}]'],
  ])('and with %s', (_name, text) => {
    expectSameAsEngine(encode(text))
  })

  it('and for bytes that are not UTF-8', () => {
    expectSameAsEngine(new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]))
  })

  it('and for any JSON value, text or bytes', () => {
    const naming = fc.record({
      extends: fc.oneof(fc.record({ id: fc.string() }), fc.array(fc.record({ id: fc.string() }), { maxLength: 3 })),
      lens: fc.option(fc.record({ name: fc.string() })),
      sources: fc.array(fc.record({ file: fc.string() }), { maxLength: 3 }),
    })
    fc.assert(
      fc.property(naming, fc.jsonValue(), (named, anything) => {
        expectSameAsEngine(encode(JSON.stringify({ ...named, anything })))
      }),
      { numRuns: 300 },
    )
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => expectSameAsEngine(encode(text))),
      { numRuns: 300 },
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => expectSameAsEngine(bytes)),
      { numRuns: 300 },
    )
  })
})
