// The evidence behind a scenario: what cites each paragraph, and how much is grounded in the text.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HEADLINE_CATEGORIES, computeEvidence, groundedItems, loadScenario } from '../../src/engine/scenario/index.ts'
import type { Evidence, LoadResult } from '../../src/engine/scenario/index.ts'
import { fixtureResolver, folderFiles } from '../support/extension-fixtures.ts'
import { ROOT } from '../support/scenarios.ts'

function load(folder: string): Extract<LoadResult, { ok: true }> {
  const shipped = (id: string) => ({ files: folderFiles(join(ROOT, 'scenarios', id)), location: `../${id}` })
  const result = loadScenario(folderFiles(join(ROOT, folder)), { resolveBase: (id) => fixtureResolver.resolveBase(id) ?? shipped(id) })
  if (!result.ok) throw new Error(`${folder} does not load`)
  return result
}

function evidenceOf(folder: string): Evidence {
  const { scenario, sources } = load(folder)
  return computeEvidence(scenario, sources)
}

const counts = (evidence: Evidence, category: string) => {
  const share = [...evidence.shares, evidence.overall].find((entry) => entry.category === category)!
  return [share.total, share.citedOnly, share.citedWithAssumption, share.assumptionOnly, share.ungrounded]
}

describe('evidence of the minimal scenario', () => {
  const evidence = evidenceOf('tests/fixtures/scenarios/minimal')

  it('counts what is grounded in the text and what is assumed, by category', () => {
    expect(counts(evidence, 'action')).toEqual([2, 1, 0, 1, 0])
    expect(counts(evidence, 'rule')).toEqual([15, 3, 0, 12, 0])
    expect(counts(evidence, 'parameter')).toEqual([26, 2, 0, 24, 0])
    expect(counts(evidence, 'starting-value')).toEqual([11, 4, 0, 7, 0])
    expect(counts(evidence, 'overall')).toEqual([54, 10, 0, 44, 0])
    expect(evidence.overall.textShare).toBeCloseTo(10 / 54, 12)
    expect(evidence.overall.assumptionShare).toBeCloseTo(44 / 54, 12)
    expect(counts(evidence, 'objective')).toEqual([3, 1, 0, 2, 0])
  })

  it('lists, for each paragraph, the items that cite it with their quotes', () => {
    const [source] = evidence.sources
    expect(source.id).toBe('straits-account')
    expect(source.paragraphs.map((paragraph) => paragraph.citedBy.length)).toEqual([0, 3, 4, 1, 3, 3])
    expect(source.paragraphs[1].citedBy).toEqual([
      {
        category: 'static-value',
        label: 'the static.baseline of ALD-BOR',
        pointer: '/static/baseline/pairs/0',
        quotes: ['a "strategic partnership without limits"'],
      },
      {
        category: 'starting-value',
        label: 'the start.alignment of ALD-BOR',
        pointer: '/start/alignment/pairs/0',
        quotes: ['pledging joint patrols over the Narrow Sea'],
      },
      { category: 'action', label: 'action "joint-patrol"', pointer: '/actions/0', quotes: ['pledging joint patrols'] },
    ])
    expect(source.paragraphs[2].citedBy.map((entry) => entry.label)).toEqual([
      'the start.alignment of BOR-CAS',
      'the start.readiness of CAS',
      'rung "crisis"',
      'rule "patrols-provoke"',
    ])
    expect(source.paragraphs[0]).toEqual({ number: 1, text: 'The Straits Standoff: a short account', citedBy: [] })
  })
})

describe('evidence of the shipped scenarios', () => {
  const folders = ['scenarios/pin-pricks-2021', 'scenarios/tutorial', 'scenarios/pin-pricks-one-threat']

  it.each(folders)('%s: every citation is listed once under its paragraph, and the shares add up', (folder) => {
    const { scenario, sources } = load(folder)
    const evidence = computeEvidence(scenario, sources)
    const citations = groundedItems(scenario).flatMap((item) => item.item.citations ?? [])
    const listed = evidence.sources.flatMap((source) =>
      source.paragraphs.flatMap((paragraph) => paragraph.citedBy.flatMap((entry) => entry.quotes)),
    )
    expect(listed).toHaveLength(citations.length)
    for (const share of [...evidence.shares, evidence.overall]) {
      expect(share.citedOnly + share.citedWithAssumption + share.assumptionOnly + share.ungrounded).toBe(share.total)
      if (share.category !== 'objective') expect(share.ungrounded).toBe(0)
    }
    const headline = evidence.shares.filter((share) => HEADLINE_CATEGORIES.includes(share.category as never))
    expect(evidence.overall.total).toBe(headline.reduce((sum, share) => sum + share.total, 0))
    expect(computeEvidence(scenario, sources)).toEqual(evidence)
  })

  it('shows the extension citing the one-threat paragraphs more and the differentiated ones less than its base', () => {
    const base = evidenceOf('scenarios/pin-pricks-2021')
    const lens = evidenceOf('scenarios/pin-pricks-one-threat')
    const citers = (evidence: Evidence, paragraph: number) => evidence.sources[0].paragraphs[paragraph - 1].citedBy.length
    for (const paragraph of [16, 17, 25]) expect(citers(lens, paragraph)).toBeGreaterThan(citers(base, paragraph))
    expect(citers(lens, 18)).toBeLessThan(citers(base, 18))
    expect(counts(lens, 'action')[0]).toBe(counts(base, 'action')[0] - 1)
    expect(counts(lens, 'rule')[0]).toBe(counts(base, 'rule')[0] + 1)
    const doubleContainment = lens.sources[0].paragraphs[24].citedBy.find((entry) => entry.label === 'rule "double-containment"')
    expect(doubleContainment?.quotes).toEqual([
      'the double containment leads to deepening Sino-cooperation',
      'the West risks creating a self-fulfilling prophecy',
    ])
  })
})
