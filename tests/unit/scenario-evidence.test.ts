// The evidence behind a scenario: what cites each paragraph, and how much is grounded in the text.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { evidenceLines } from '../../src/cli/evidence.ts'
import { GROUNDED_CATEGORIES, HEADLINE_CATEGORIES, computeEvidence, groundedItems, loadScenario } from '../../src/engine/scenario/index.ts'
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
    expect(counts(evidence, 'parameter')).toEqual([28, 2, 0, 26, 0])
    // Format 1 → 2 gives the actors, the turn settings, start.standing and the computer weights an assumption.
    expect(counts(evidence, 'computer-weight')).toEqual([4, 0, 0, 4, 0])
    expect(counts(evidence, 'actor')).toEqual([3, 0, 0, 3, 0])
    expect(counts(evidence, 'turn-settings')).toEqual([1, 0, 0, 1, 0])
    expect(counts(evidence, 'starting-value')).toEqual([12, 4, 0, 8, 0])
    expect(counts(evidence, 'overall')).toEqual([65, 10, 0, 55, 0])
    expect(evidence.overall.textShare).toBeCloseTo(10 / 65, 12)
    expect(evidence.overall.assumptionShare).toBeCloseTo(55 / 65, 12)
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

describe('evidence of every number in the open (the grounded-numbers fixture)', () => {
  const evidence = evidenceOf('tests/fixtures/scenarios/grounded-numbers')

  it('counts actors, turn settings, computer weights and start.standing three ways: grounded in the text, mechanism cited, assumed', () => {
    expect(evidence.shares.map((share) => share.category)).toEqual([...GROUNDED_CATEGORIES])
    expect(counts(evidence, 'actor')).toEqual([3, 1, 1, 1, 0])
    expect(counts(evidence, 'turn-settings')).toEqual([1, 0, 1, 0, 0])
    expect(counts(evidence, 'computer-weight')).toEqual([4, 1, 1, 2, 0])
    expect(counts(evidence, 'starting-value')).toEqual([13, 4, 1, 8, 0])
    expect(counts(evidence, 'parameter')).toEqual([28, 2, 0, 26, 0])
    expect(evidence.overallCategories).toEqual([
      'action',
      'rule',
      'parameter',
      'computer-weight',
      'actor',
      'turn-settings',
      'starting-value',
    ])
    expect(counts(evidence, 'overall')).toEqual([66, 12, 4, 50, 0])
    const { overall } = evidence
    expect(overall.numberGroundedShare).toBeCloseTo(12 / 66, 12)
    expect(overall.mechanismCitedShare).toBeCloseTo(4 / 66, 12)
    expect(overall.assumptionShare).toBeCloseTo(50 / 66, 12)
    expect(overall.textShare).toBeCloseTo(16 / 66, 12)
  })

  it('lists the new items under the paragraphs they cite', () => {
    const citers = (paragraph: number) =>
      evidence.sources[0].paragraphs[paragraph - 1].citedBy
        .filter((entry) => ['actor', 'turn-settings', 'computer-weight'].includes(entry.category) || entry.label.includes('standing'))
        .map(({ category, label, pointer }) => [category, label, pointer])
    expect(citers(2)).toEqual([
      ['actor', 'actor "ALD"', '/actors/0'],
      ['turn-settings', 'the turn settings', '/turns'],
    ])
    expect(citers(3)).toEqual([['computer-weight', 'computer weight reciprocity', '/computer/reciprocity']])
    expect(citers(4)).toEqual([['actor', 'actor "BOR"', '/actors/1']])
    expect(citers(5)).toEqual([['computer-weight', 'computer weight incidentCost', '/computer/incidentCost']])
    expect(citers(6)).toEqual([['starting-value', 'the start.standing of ALD', '/start/standing/actors/0']])
  })

  it('prints the three-way split per kind and overall, and says what overall counts', () => {
    const lines = evidenceLines(evidence)
    const table = lines.slice(lines.indexOf('  also:') - 10, lines.indexOf('  also:') + 4)
    expect(table).toEqual([
      '  kind            items   number grounded in the text   mechanism cited, number assumed      assumed',
      '  actions             2                      1 ( 50%)                          0 (  0%)     1 ( 50%)',
      '  rules              15                      3 ( 20%)                          0 (  0%)    12 ( 80%)',
      '  parameters         28                      2 (  7%)                          0 (  0%)    26 ( 93%)',
      '  computer weights    4                      1 ( 25%)                          1 ( 25%)     2 ( 50%)',
      '  actors              3                      1 ( 33%)                          1 ( 33%)     1 ( 33%)',
      '  turn settings       1                      0 (  0%)                          1 (100%)     0 (  0%)',
      '  starting values    13                      4 ( 31%)                          1 (  8%)     8 ( 62%)',
      '  overall            66                     12 ( 18%)                          4 (  6%)    50 ( 76%)',
      '  (overall counts actions, rules, parameters, computer weights, actors, turn settings and starting values)',
      '  also:',
      '  static values       3                      2 ( 67%)                          0 (  0%)     1 ( 33%)',
      '  ladder rungs        2                      1 ( 50%)                          0 (  0%)     1 ( 50%)',
      '  objectives          3                      1 ( 33%)                          0 (  0%)     2 ( 67%)',
    ])
  })

  it('adds a "not grounded" column only where an item is not grounded (an objective may be)', () => {
    const { scenario, sources } = load('tests/fixtures/scenarios/grounded-numbers')
    const objective = scenario.roles[0].objectives[0]
    const ungrounded = { ...objective, citations: undefined, assumption: undefined }
    const changed = {
      ...scenario,
      roles: [{ ...scenario.roles[0], objectives: [ungrounded, ...scenario.roles[0].objectives.slice(1)] }, ...scenario.roles.slice(1)],
    }
    const lines = evidenceLines(computeEvidence(changed, sources))
    expect(lines.find((line) => line.startsWith('  kind'))).toMatch(/ {3}assumed {3}not grounded$/)
    expect(lines.find((line) => line.startsWith('  objectives'))).toMatch(/ {14}1$/)
    expect(lines.find((line) => line.startsWith('  overall'))).toMatch(/ {14}0$/)
    expect(evidenceLines(evidence).find((line) => line.startsWith('  kind'))).not.toContain('not grounded')
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
