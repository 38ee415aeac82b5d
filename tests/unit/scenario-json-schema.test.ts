// The published JSON Schema (what editors check) and the loader's zod shape check accept the same
// documents: the shipped scenarios, random edits of them, and the mutations that break them. ajv is not
// a dependency, so a small checker of the keywords the schema uses stands in for it.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Scenario, extensionSchema } from '../../src/engine/scenario/index.ts'
import { JsonSchemaChecker } from '../support/json-schema-check.ts'
import { deletableSites, leafSites, otherType, setAt } from '../support/mutations.ts'
import { ROOT } from '../support/scenarios.ts'

const checker = new JsonSchemaChecker(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'scenario.schema.json'), 'utf8')))

function zodAccepts(document: unknown): boolean {
  const extension = typeof document === 'object' && document !== null && !Array.isArray(document) && 'extends' in document
  return (extension ? extensionSchema() : Scenario).safeParse(document).success
}

const DOCUMENTS = [
  ...readdirSync(join(ROOT, 'scenarios'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join('scenarios', entry.name, 'scenario.json')),
  'tests/fixtures/scenarios/minimal/scenario.json',
  'tests/fixtures/scenarios/modding-tutorial/scenario.json',
  ...readdirSync(join(ROOT, 'tests/fixtures/extensions')).map((name) => join('tests/fixtures/extensions', name, 'scenario.json')),
]
const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'))

type Edit = (document: never, index: number, replacement: unknown) => void

const EDITS: Record<string, Edit> = {
  'delete a required key': (document, index) => {
    const sites = deletableSites(document)
    setAt(sites[index % sites.length], undefined)
  },
  'change a type': (document, index) => {
    const sites = leafSites(document)
    const site = sites[index % sites.length]
    setAt(site, otherType(site.value))
  },
  'replace a value with a random one': (document, index, replacement) => {
    const sites = leafSites(document)
    setAt(sites[index % sites.length], replacement as never)
  },
  'add an unknown key': (document, index) => {
    const objects = [{ value: document }, ...leafSites(document).map((site) => ({ value: site.parent }))].filter(
      (entry) => entry.value !== null && typeof entry.value === 'object' && !Array.isArray(entry.value),
    )
    ;(objects[index % objects.length].value as Record<string, unknown>).colour = 'red'
  },
}

const RANDOM_VALUE = fc.oneof(
  fc.integer({ min: -3, max: 120 }),
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('CHN', 'ZZZ', 'x', 'joint-patrol', '1.0.0', '2021-12', 'hostile', 'high', true, false, null),
)

describe('the published JSON Schema and the loader agree', () => {
  it.each(DOCUMENTS)('on %s as it is', (path) => {
    const document = read(path)
    expect(checker.valid(document)).toBe(zodAccepts(document))
  })

  it('accepts every shipped scenario', () => {
    for (const path of DOCUMENTS.filter((candidate) => candidate.startsWith('scenarios')))
      expect(checker.valid(read(path)), path).toBe(true)
  })

  it.each(Object.entries(EDITS))('after edits that %s', (_name, edit) => {
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENTS), fc.nat(), RANDOM_VALUE, (path, index, replacement) => {
        const document = read(path)
        edit(document as never, index, replacement)
        const expected = zodAccepts(document)
        expect(checker.valid(document), `${path}: zod says ${expected}`).toBe(expected)
      }),
      { numRuns: Number(process.env.SCHEMA_RUNS ?? 150) },
    )
  })
})
