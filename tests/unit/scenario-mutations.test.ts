// Mutations of the shipped scenarios never crash the loader and always yield a diagnostic at (or
// containing) the place that was broken: a deleted key, a changed type, a broken reference, an altered
// quote, a truncated file.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadScenario } from '../../src/engine/scenario/index.ts'
import type { Diagnostic, LoadResult } from '../../src/engine/scenario/index.ts'
import { folderFiles } from '../support/extension-fixtures.ts'
import {
  alteredQuote,
  atPlace,
  deletableSites,
  leafSites,
  otherType,
  quoteSites,
  referenceSites,
  setAt,
  sitesOf,
} from '../support/mutations.ts'
import type { Site } from '../support/mutations.ts'
import { ROOT } from '../support/scenarios.ts'

const SHIPPED = readdirSync(join(ROOT, 'scenarios'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

const filesOf = (id: string) => folderFiles(join(ROOT, 'scenarios', id))
const resolveBase = (id: string) => (SHIPPED.includes(id) ? { files: filesOf(id), location: `../${id}` } : undefined)

function load(id: string, text: string): LoadResult {
  const files = { ...filesOf(id), 'scenario.json': text }
  let result: LoadResult | undefined
  expect(() => (result = loadScenario(files, { resolveBase }))).not.toThrow()
  for (const d of result!.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1)
    expect(d.column).toBeGreaterThanOrEqual(1)
  }
  return result!
}

const inMainFile = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.file === 'scenario.json')

function original(id: string): unknown {
  return JSON.parse(new TextDecoder().decode(filesOf(id)['scenario.json']))
}

interface Mutation {
  site: Site
  apply(): void
}

/** Mutates a fresh copy at the `index`-th candidate, loads it and checks that a diagnostic is at that place. */
function checkMutation(id: string, mutations: (document: never) => Mutation[], index: number): void {
  const document = original(id)
  const candidates = mutations(document as never)
  const { site, apply } = candidates[index % candidates.length]
  apply()
  const result = load(id, JSON.stringify(document, null, 2))
  expect(result.ok, `${id} ${site.pointer}`).toBe(false)
  const places = inMainFile(result.diagnostics).map((d) => d.pointer)
  expect(
    places.some((place) => atPlace(place, site.pointer)),
    `${id}: nothing at ${site.pointer}, only ${places.join(', ')}`,
  ).toBe(true)
}

const each = (sites: Site[], change: (site: Site) => unknown): Mutation[] =>
  sites.map((site) => ({ site, apply: () => setAt(site, change(site) as never) }))

const RUNS = { numRuns: Number(process.env.MUTATION_RUNS ?? 25) }

describe.each(SHIPPED)('mutations of %s', (id) => {
  it('loads unmutated with no diagnostic at all', () => {
    const result = load(id, new TextDecoder().decode(filesOf(id)['scenario.json']))
    expect(result.diagnostics).toEqual([])
    expect(sitesOf(original(id) as never).length).toBeGreaterThan(20)
  })

  it('a deleted required key', () => {
    fc.assert(
      fc.property(fc.nat(), (index) => checkMutation(id, (document) => each(deletableSites(document), () => undefined), index)),
      RUNS,
    )
  })

  it('a value of another type', () => {
    fc.assert(
      fc.property(fc.nat(), (index) => checkMutation(id, (document) => each(leafSites(document), (site) => otherType(site.value)), index)),
      RUNS,
    )
  })

  it('a broken reference', () => {
    const references = (document: never) =>
      referenceSites(document).map(({ site, replacement }) => ({ site, apply: () => setAt(site, replacement) }))
    fc.assert(
      fc.property(fc.nat(), (index) => checkMutation(id, references, index)),
      RUNS,
    )
  })

  it('an altered quote', () => {
    fc.assert(
      fc.property(fc.nat(), (index) =>
        checkMutation(id, (document) => each(quoteSites(document), (site) => alteredQuote(String(site.value))), index),
      ),
      RUNS,
    )
  })

  it('a truncated file', () => {
    const text = new TextDecoder().decode(filesOf(id)['scenario.json'])
    const end = text.lastIndexOf('}')
    fc.assert(
      fc.property(fc.nat(end - 1), (cut) => {
        const truncated = text.slice(0, cut)
        const result = load(id, truncated)
        expect(result.ok).toBe(false)
        const lastLine = truncated.split('\n').length
        expect(
          inMainFile(result.diagnostics).some((d) => d.line === lastLine),
          `cut at ${cut}`,
        ).toBe(true)
      }),
      { numRuns: 40 },
    )
  })
})
