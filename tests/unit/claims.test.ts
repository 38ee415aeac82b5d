// Claims as data: the schema and semantic checks of policies and claims, the statistics, the verdicts
// on a fixture (a true claim holds, a false one does not), determinism, the sensitivity design, and
// extensions that inherit, add, change and remove claims.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  assumedNumbers,
  claimHolds,
  compileScenario,
  finish,
  intervalOf,
  perturbations,
  scaledFile,
  tQuantile975,
  testClaims,
} from '../../src/engine/index.ts'
import type { ClaimData, CompiledScenario } from '../../src/engine/index.ts'
import { formatDiagnostic, loadScenario } from '../../src/engine/scenario/index.ts'
import type { LoadResult } from '../../src/engine/scenario/index.ts'
import { folderFiles } from '../support/extension-fixtures.ts'
import { ROOT } from '../support/scenarios.ts'

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'scenarios', 'claims')
const FILES = folderFiles(FIXTURE)
const JSON_TEXT = readFileSync(join(FIXTURE, 'scenario.json'), 'utf8')

function loaded(result: LoadResult): Extract<LoadResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected the scenario to load:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`)
  return result
}

function compiled(): CompiledScenario {
  const result = loaded(loadScenario(FILES))
  return compileScenario(result.scenario, result.sources, result.hash)
}

/** The fixture with its JSON changed by `edit`, loaded. */
function loadEdited(edit: (json: Record<string, any>) => void): LoadResult {
  const json = JSON.parse(JSON_TEXT)
  edit(json)
  return loadScenario({ ...FILES, 'scenario.json': JSON.stringify(json, null, 2) })
}

const errors = (result: LoadResult) => result.diagnostics.filter((d) => d.severity === 'error')

describe('the claims schema', () => {
  it('loads the fixture with its policies and claims', () => {
    const result = loaded(loadScenario(FILES))
    expect(result.scenario.policies?.map((policy) => policy.id)).toEqual(['patrols', 'everyone-passes'])
    expect(result.scenario.claims).toHaveLength(3)
  })

  it('requires citations and a known measure kind', () => {
    const result = loadEdited((json) => {
      delete json.claims[0].citations
      json.claims[1].measure = { kind: 'alignmnet', pair: ['ALD', 'CAS'] }
    })
    const lines = errors(result).map(formatDiagnostic)
    expect(lines.some((line) => line.includes('citations') && line.includes('[/claims/0/citations]'))).toBe(true)
    expect(lines.some((line) => line.includes('[/claims/1/measure/kind]'))).toBe(true)
  })
})

describe('semantic checks of policies and claims', () => {
  it('reports every problem at once, each at its pointer', () => {
    const result = loadEdited((json) => {
      json.policies.push({ id: 'patrols', name: 'Again', description: 'A duplicate.', choices: { XYZ: [{ action: 'joint-patroll' }] } })
      json.claims[0].policy = 'patrol'
      json.claims[1].baseline = undefined
      json.claims[2].measure = { kind: 'score', role: 'aldoria' }
      json.claims[2].citations[0].quote = 'an accident that everyone wants'
    })
    const byPointer = new Map(errors(result).map((d) => [d.pointer, d]))
    expect(byPointer.get('/policies/2/id')?.code).toBe('duplicate-id')
    expect(byPointer.get('/policies/2/choices/XYZ')?.code).toBe('unknown-actor')
    expect(byPointer.get('/policies/2/choices/XYZ/0/action')?.code).toBe('unknown-action')
    expect(byPointer.get('/claims/0/policy')?.message).toBe('unknown policy "patrol"')
    expect(byPointer.get('/claims/0/policy')?.hint).toBe('did you mean "patrols"?')
    expect(byPointer.get('/claims/1/minEffect')?.code).toBe('claim-form')
    expect(byPointer.get('/claims/1')?.code).toBe('claim-form')
    expect(byPointer.get('/claims/2/measure/role')?.code).toBe('unknown-role')
    expect(byPointer.get('/claims/2/citations/0/quote')?.code).toBe('quote-not-found')
  })

  it('checks each policy choice with the rules of the game, and plans a turn of it', () => {
    const result = loadEdited((json) => {
      json.policies[0].choices.ALD = [{ action: 'joint-patrol', partners: ['BOR'], targets: ['ALD'] }]
      json.policies[1].choices.ALD = [
        { action: 'joint-patrol', partners: ['BOR'], targets: ['CAS'] },
        { action: 'hotline-call', targets: ['CAS'] },
        { action: 'hotline-call', targets: ['BOR'] },
      ]
      json.policies[1].choices.CAS = [
        { action: 'hotline-call', targets: ['ALD'] },
        { action: 'hotline-call', targets: ['ALD'] },
      ]
    })
    const found = errors(result).filter((d) => d.code === 'illegal-policy-choice')
    expect(found.map((d) => d.pointer)).toEqual(['/policies/0/choices/ALD/0', '/policies/1/choices/ALD', '/policies/1/choices/CAS'])
    expect(found[0].message).toMatch(/^policy "patrols": "joint-patrol" /)
    expect(found[1].message).toBe('policy "everyone-passes": ALD has 0 of 3 capital left; "hotline-call" costs 1')
    expect(found[2].message).toMatch(/already planned/)
  })

  it('refuses "quiet" as a policy id and a claim longer than turns.max', () => {
    const result = loadEdited((json) => {
      json.policies[1].id = 'quiet'
      json.claims[2].policy = 'quiet'
      json.claims[0].turns = 30
    })
    const pointers = errors(result).map((d) => `${d.code} ${d.pointer}`)
    expect(pointers).toContain('claim-form /policies/1/id')
    expect(pointers).toContain('claim-form /claims/0/turns')
  })
})

describe('statistics', () => {
  it('gives the t interval of a known sample', () => {
    const interval = intervalOf([1, 2, 3, 4, 5])
    expect(interval.mean).toBe(3)
    expect(interval.sd).toBeCloseTo(Math.sqrt(2.5), 12)
    expect(interval.se).toBeCloseTo(Math.sqrt(0.5), 12)
    expect(interval.low).toBeCloseTo(3 - 2.776 * Math.sqrt(0.5), 10)
    expect(interval.high).toBeCloseTo(3 + 2.776 * Math.sqrt(0.5), 10)
  })

  it('has the t quantiles of the tables', () => {
    expect(tQuantile975(1)).toBe(12.706)
    expect(tQuantile975(30)).toBe(2.042)
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3)
    expect(tQuantile975(120)).toBeCloseTo(1.9799, 3)
    expect(tQuantile975(1e9)).toBeCloseTo(1.96, 3)
  })

  it('judges comparative and absolute claims', () => {
    const claim = { baseline: 'quiet', direction: 'higher', minEffect: 0.1 } as ClaimData
    expect(claimHolds(claim, { n: 10, mean: 0.2, sd: 0, se: 0, low: 0.15, high: 0.25 })).toBe(true)
    expect(claimHolds(claim, { n: 10, mean: 0.05, sd: 0, se: 0, low: 0.01, high: 0.09 })).toBe(false)
    expect(claimHolds(claim, { n: 10, mean: 0.2, sd: 0, se: 0, low: -0.01, high: 0.41 })).toBe(false)
    const lower = { baseline: 'quiet', direction: 'lower', minEffect: 0 } as ClaimData
    expect(claimHolds(lower, { n: 10, mean: -0.2, sd: 0, se: 0, low: -0.3, high: -0.1 })).toBe(true)
    const absolute = { direction: 'lower', limit: 0.05 } as ClaimData
    expect(claimHolds(absolute, { n: 10, mean: 0.01, sd: 0, se: 0, low: -0.01, high: 0.04 })).toBe(true)
    expect(claimHolds(absolute, { n: 10, mean: 0.01, sd: 0, se: 0, low: -0.01, high: 0.06 })).toBe(false)
  })
})

describe('testing claims', () => {
  const scn = compiled()

  it('holds a true claim and rejects a false one', () => {
    const report = finish(testClaims(scn, { runs: 12, seed: 1 }))
    const verdicts = Object.fromEntries(report.claims.map((claim) => [claim.claim, claim.holds]))
    expect(verdicts).toEqual({ 'patrols-raise-tension': true, 'patrols-calm-things': false, 'quiet-no-clash': true })
    const raise = report.claims[0]
    expect(raise.effect.mean).toBeGreaterThan(0.01)
    expect(raise.effect.mean).toBeCloseTo(raise.policyMean - raise.baselineMean!, 12)
    expect(report.claims[2].baselineMean).toBeNull()
  })

  it('gives the same report twice, and yields once per game', () => {
    const progress: number[] = []
    const work = testClaims(scn, { runs: 5, seed: 7, sensitivity: true, joint: 2 })
    let step = work.next()
    while (!step.done) {
      progress.push(step.value.done)
      step = work.next()
    }
    expect(progress).toEqual(Array.from({ length: progress.length }, (_, k) => k + 1))
    // Per variant: two comparative claims of 2 × 5 games and an absolute claim of 5; each number ×0.8 and ×1.2, 2 joint points, and the unperturbed run.
    expect(progress.length).toBe(25 * (1 + 2 * assumedNumbers(scn.file).length + 2))
    expect(finish(testClaims(scn, { runs: 5, seed: 7, sensitivity: true, joint: 2 }))).toEqual(step.value)
  })

  it('moves every assumed number: every parameter a rule of the scenario reads, and the effects of items that state an assumption', () => {
    const numbers = assumedNumbers(scn.file)
    const kinds = new Set(scn.file.rules.map((rule) => rule.kind))
    const params = numbers.filter((n) => n.label.startsWith('parameter ')).map((n) => n.label.slice('parameter '.length))
    // Parameters of rules this scenario does not have (the hard cap, the soft ceiling, standing) test nothing and are left out.
    const unread = Object.keys(scn.file.parameters).filter((name) => !params.includes(name))
    expect(unread.length).toBeGreaterThan(0)
    for (const name of unread) expect(['autonomyCap', 'autonomyMargin', 'standingFading']).toContain(name)
    if (!kinds.has('autonomy-ceiling')) expect(unread).toContain('autonomyMargin')
    // Counts move to the next whole number both ways.
    const turns = numbers.findIndex((n) => n.pointer === '/parameters/rigidTurns/value')
    if (turns >= 0) {
      const value = numbers[turns].value
      expect(scaledFile(scn.file, numbers, new Map([[turns, 0.8]])).parameters.rigidTurns.value).toBe(Math.floor(value * 0.8))
      expect(scaledFile(scn.file, numbers, new Map([[turns, 1.2]])).parameters.rigidTurns.value).toBe(Math.ceil(value * 1.2))
    }
    const others = numbers.filter((n) => !n.label.startsWith('parameter ')).map((n) => n.pointer)
    // The effects of the assumed hotline call and double squeeze (and, from format 2, the computer's weights that state an assumption).
    expect(others).toEqual(expect.arrayContaining(['/actions/1/effects/0/delta', '/rules/1/effects/0/delta']))
    for (const pointer of others) expect(pointer).toMatch(/^\/(computer\/\w+\/value|actions\/1\/effects|rules\/1\/effects)/)
    const list = perturbations(numbers, 64, 1)
    expect(list.filter((p) => p.kind === 'one')).toHaveLength(2 * numbers.length)
    const joint = list.filter((p) => p.kind === 'joint')
    expect(joint).toHaveLength(64)
    for (const point of joint) {
      expect(point.factors.size).toBe(numbers.length)
      for (const factor of point.factors.values()) expect(factor >= 0.8 && factor < 1.2).toBe(true)
    }
    expect(perturbations(numbers, 64, 1)).toEqual(list)
    const balance = numbers.findIndex((n) => n.pointer === '/parameters/balanceRate/value')
    const scaled = scaledFile(scn.file, numbers, new Map([[balance, 1.2]]))
    expect(scaled.parameters.balanceRate.value).toBeCloseTo(scn.file.parameters.balanceRate.value * 1.2, 12)
    expect(scn.file.parameters.balanceRate.value).toBe(numbers[balance].value)
  })

  it('reports which perturbations break a claim', () => {
    const report = finish(testClaims(scn, { runs: 4, seed: 1, sensitivity: true, joint: 3, only: ['patrols-calm-things'] }))
    const { sensitivity } = report.claims[0]
    expect(sensitivity?.oneAtATime.share).toBe(0)
    expect(sensitivity?.oneAtATime.broken).toContain('parameter balanceRate ×0.8')
    expect(sensitivity?.joint).toEqual({ total: 3, holding: 0, share: 0 })
    expect(report.assumed).toEqual({ numbers: assumedNumbers(scn.file).length, joint: 3 })
  })
})

describe('claims in extensions', () => {
  const resolveBase = (id: string) => (id === 'claims-fixture' ? { files: FILES, location: '../claims' } : undefined)
  const extension = (changes: Record<string, unknown>) =>
    loadScenario(
      {
        'scenario.json': JSON.stringify({
          formatVersion: 2,
          id: 'claims-lens',
          title: 'A lens',
          version: '1.0.0',
          description: 'Changes a parameter.',
          extends: { id: 'claims-fixture', version: '^1.0.0' },
          override: { parameters: { balanceRate: { value: 0.2, assumption: 'A lens changes this number.' } } },
          ...changes,
        }),
      },
      { resolveBase },
    )

  it('inherits the base claims', () => {
    const result = loaded(extension({}))
    expect(result.scenario.claims?.map((claim) => claim.id)).toEqual(['patrols-raise-tension', 'patrols-calm-things', 'quiet-no-clash'])
    expect(result.provenance.filter((entry) => entry.collection === 'claims').every((entry) => entry.change === 'inherited')).toBe(true)
  })

  it('removes, overrides and adds claims and policies by id', () => {
    const result = loaded(
      extension({
        remove: { claims: ['patrols-calm-things'] },
        override: {
          parameters: { balanceRate: { value: 0.2, assumption: 'A lens changes this number.' } },
          claims: [{ id: 'quiet-no-clash', limit: 0.25 }],
        },
        add: {
          policies: [
            {
              id: 'hotline',
              name: 'Hotline',
              description: 'Castria calls.',
              choices: { CAS: [{ action: 'hotline-call', targets: ['ALD'] }] },
            },
          ],
        },
      }),
    )
    expect(result.scenario.claims?.map((claim) => claim.id)).toEqual(['patrols-raise-tension', 'quiet-no-clash'])
    expect(result.scenario.claims?.[1].limit).toBe(0.25)
    expect(result.scenario.policies?.map((policy) => policy.id)).toEqual(['patrols', 'everyone-passes', 'hotline'])
  })

  it('leaves the claims out when every one is removed, and checks added ones', () => {
    const none = loaded(extension({ remove: { claims: ['patrols-raise-tension', 'patrols-calm-things', 'quiet-no-clash'] } }))
    expect(none.scenario.claims).toBeUndefined()
    const broken = extension({
      add: {
        claims: [
          {
            id: 'new-claim',
            statement: 'A claim about a policy nobody wrote.',
            citations: [{ source: 'straits-account', paragraph: 3, quote: 'a deliberate provocation' }],
            policy: 'nobody',
            others: 'none',
            turns: 4,
            measure: { kind: 'incidents' },
            direction: 'lower',
            limit: 1,
          },
        ],
      },
    })
    expect(errors(broken).map((d) => d.code)).toEqual(['unknown-policy'])
  })
})
