// The `injects` section of the scenario format: the schema accepts and refuses its shape, the semantic
// checks report every problem of the injects at once (where and what), their quotes are verified like any
// citation, extensions add, override and remove them by id, and the evidence lists them.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileScenario, resolveTurn, startGame } from '../../src/engine/index.ts'
import type { LoadResult, ScenarioFiles } from '../../src/engine/scenario/index.ts'
import { computeEvidence, foldForQuote, formatDiagnostic, loadScenario, paragraphsOf } from '../../src/engine/scenario/index.ts'
import { folderFiles } from '../support/extension-fixtures.ts'
import { ROOT } from '../support/scenarios.ts'

const MINIMAL = join(ROOT, 'tests', 'fixtures', 'scenarios', 'minimal')
const MINIMAL_JSON = readFileSync(join(MINIMAL, 'scenario.json'), 'utf8')
const MINIMAL_SOURCE = new Uint8Array(readFileSync(join(MINIMAL, 'sources', 'text.txt')))
const PIN_PRICKS = join(ROOT, 'scenarios', 'pin-pricks-2021')

const ENCOUNTER = {
  id: 'close-encounter',
  name: 'Close encounter',
  description: 'Castrian and Borovian ships nearly collide in the Narrow Sea.',
  effects: [
    { variable: 'tension', between: ['BOR', 'CAS'], delta: 0.1 },
    { variable: 'grievance', of: 'CAS', toward: 'BOR', delta: 0.2 },
  ],
  pinPricks: [['BOR', 'CAS']],
  citations: [{ source: 'straits-account', paragraph: 5, quote: 'Each close encounter between Castrian and Borovian ships' }],
}

/** The minimal scenario with `injects` (any JSON value) placed before its roles. */
function withInjects(injects: unknown): string {
  const marker = '  "roles": ['
  expect(MINIMAL_JSON.split(marker)).toHaveLength(2)
  return MINIMAL_JSON.replace(marker, () => `  "injects": ${JSON.stringify(injects, null, 2).replace(/\n/g, '\n  ')},\n${marker}`)
}

function load(scenario: string): LoadResult {
  return loadScenario({ 'scenario.json': scenario, 'sources/text.txt': MINIMAL_SOURCE })
}

const found = (result: LoadResult) => result.diagnostics.map((d) => [d.severity, d.code, d.pointer])

describe('the injects section', () => {
  it('is optional: the minimal scenario has none and loads', () => {
    const result = load(MINIMAL_JSON)
    expect(result.ok && result.scenario.injects).toBeUndefined()
  })

  it('loads a grounded inject with no diagnostic, and the engine plays it', () => {
    const result = load(withInjects([ENCOUNTER]))
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([])
    if (!result.ok) throw new Error('expected the scenario to load')
    expect(result.scenario.injects).toEqual([ENCOUNTER])
    const scn = compileScenario(result.scenario, result.sources, result.hash)
    const turn = resolveTurn(scn, startGame(scn, 1), [], { injects: ['close-encounter'] })
    expect(turn.ledger.filter((entry) => entry.cause === 'close-encounter').map((entry) => [entry.variable, entry.actors])).toEqual([
      ['tension', ['BOR', 'CAS']],
      ['grievance', ['CAS', 'BOR']],
    ])
  })

  it.each([
    ['an empty list', [], 'schema-range', '/injects'],
    ['more than 30 injects', Array.from({ length: 31 }, (_, k) => ({ ...ENCOUNTER, id: `event-${k}` })), 'schema-range', '/injects'],
    ['an inject without effects', [{ ...ENCOUNTER, effects: undefined }], 'schema-missing-key', '/injects/0/effects'],
    ['an empty list of effects', [{ ...ENCOUNTER, effects: [] }], 'schema-range', '/injects/0/effects'],
    ['an id that is not kebab-case', [{ ...ENCOUNTER, id: 'Close_Encounter' }], 'schema-format', '/injects/0/id'],
    ['an unknown key', [{ ...ENCOUNTER, actor: 'CAS' }], 'schema-unknown-key', '/injects/0/actor'],
    ['a pin prick that is not a pair', [{ ...ENCOUNTER, pinPricks: [['BOR']] }], 'schema-range', '/injects/0/pinPricks/0'],
  ])('refuses %s in the schema', (_name, injects, code, pointer) => {
    const result = load(withInjects(injects))
    expect(result.ok).toBe(false)
    expect(found(result)).toContainEqual(['error', code, pointer])
  })
})

describe('the semantic checks of injects', () => {
  const broken = [
    {
      ...ENCOUNTER,
      effects: [
        { variable: 'tension', between: ['BOR', 'targets'], delta: 0.1 },
        { variable: 'alignment', between: ['BOR', 'CAS'], delta: -0.1, per: 'target' },
        { variable: 'readiness', of: 'CSA', delta: 2 },
        { variable: 'grievance', of: 'actor', toward: 'BOR', delta: 0.1 },
      ],
      pinPricks: [
        ['BOR', 'CAS'],
        ['CAS', 'BOR'],
        ['ALD', 'ALD'],
        ['ALD', 'BOR'],
      ],
    },
    { ...ENCOUNTER, id: 'close-encounter', citations: undefined },
    { ...ENCOUNTER, id: 'joint-patrol', citations: [{ ...ENCOUNTER.citations[0], paragraph: 3 }] },
  ]

  it('reports every problem at once, each where it is, with the loader codes', () => {
    const result = load(withInjects(broken))
    expect(result.ok).toBe(false)
    expect(found(result)).toEqual([
      ['error', 'inject-relative-ref', '/injects/0/effects/0/between/1'],
      ['error', 'inject-relative-ref', '/injects/0/effects/1/per'],
      ['error', 'unknown-actor', '/injects/0/effects/2/of'],
      ['error', 'inject-relative-ref', '/injects/0/effects/3/of'],
      ['error', 'duplicate-pair', '/injects/0/pinPricks/1'],
      ['error', 'same-actor-pair', '/injects/0/pinPricks/2'],
      ['warning', 'pin-prick-without-contact', '/injects/0/pinPricks/3'],
      ['error', 'ungrounded', '/injects/1'],
      ['error', 'duplicate-id', '/injects/1/id'],
      ['error', 'duplicate-id', '/injects/2/id'],
      ['error', 'quote-not-found', '/injects/2/citations/0/quote'],
    ])
  })

  it('says what is wrong, and how to fix it', () => {
    const lines = load(withInjects(broken)).diagnostics.map(formatDiagnostic)
    const line = (pointer: string) => lines.find((text) => text.includes(`[${pointer}]`))
    expect(line('/injects/0/effects/0/between/1')).toMatch(
      /^scenario\.json:\d+:\d+: error: an inject has no act, so "targets" names no one: name the actors by id \[.*\] hint: write an actor id such as "CHN"/,
    )
    expect(line('/injects/0/effects/1/per')).toContain('"per": "target" has nothing to count')
    expect(line('/injects/0/effects/2/of')).toContain('error: unknown actor "CSA" [/injects/0/effects/2/of]')
    expect(line('/injects/0/pinPricks/3')).toContain('pair ALD-BOR is not in contact, so it can have no incident')
    expect(line('/injects/1/id')).toContain('duplicate inject id "close-encounter" (first at /injects/0/id)')
    expect(line('/injects/1')).toContain('inject "close-encounter" is not grounded')
    expect(line('/injects/2/id')).toContain(
      'inject id "joint-patrol" is also the id of action "joint-patrol" (/actions/0/id): the ledger could not tell the two causes apart',
    )
    expect(line('/injects/2/citations/0/quote')).toContain('quote not found in paragraph 3 of source "straits-account"')
    expect(line('/injects/2/citations/0/quote')).toContain('hint: it is in paragraph 5')
  })

  it('points at the line of the problem in the file', () => {
    const text = withInjects(broken)
    const diagnostic = load(text).diagnostics.find((d) => d.pointer === '/injects/0/effects/2/of')!
    expect(text.split('\n')[diagnostic.line - 1]).toContain('"of": "CSA"')
  })

  it('refuses an inject id that is a rule id too', () => {
    const result = load(withInjects([{ ...ENCOUNTER, id: 'arms' }]))
    expect(found(result)).toEqual([['error', 'duplicate-id', '/injects/0/id']])
    expect(result.diagnostics[0].message).toContain('also the id of rule "arms" (/rules/2/id)')
  })
})

describe('the injects of the shipped scenario', () => {
  const files = folderFiles(PIN_PRICKS)
  const result = loadScenario(files)
  if (!result.ok) throw new Error('the shipped scenario should load')
  const injects = result.scenario.injects ?? []

  it('load with the scenario, which has no error and no warning', () => {
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([])
    expect(injects.map((inject) => inject.id)).toEqual([
      'warships-around-japan',
      'western-sanctions-package',
      'xi-putin-summit',
      'nato-one-threat',
    ])
    expect(result.scenario.version).toBe('1.2.1')
  })

  it('quote their paragraphs verbatim (after folding quotes and white space)', () => {
    const paragraphs = paragraphsOf(readFileSync(join(PIN_PRICKS, 'sources', 'china-russia-blocs-2021-11-25.txt'), 'utf8'))
    for (const inject of injects) {
      expect(inject.citations?.length, inject.id).toBeGreaterThan(0)
      expect(inject.assumption, inject.id).toBeDefined()
      for (const citation of inject.citations ?? []) {
        expect(foldForQuote(paragraphs[citation.paragraph - 1]), `${inject.id}: ${citation.quote}`).toContain(foldForQuote(citation.quote))
      }
    }
  })

  it('are checked on load: a quote from another paragraph is refused where it is', () => {
    const text = new TextDecoder().decode(files['scenario.json'])
    // The summit action cites the same words: change the inject's citation, the last of them.
    const cited = '"paragraph": 10,\n          "quote": "having met'
    const at = text.lastIndexOf(cited)
    expect(at).toBeGreaterThan(text.indexOf('"injects"'))
    const changed = `${text.slice(0, at)}"paragraph": 11${text.slice(at + '"paragraph": 10'.length)}`
    const broken = loadScenario({ ...files, 'scenario.json': changed })
    expect(broken.ok).toBe(false)
    expect(found(broken)).toEqual([['error', 'quote-not-found', '/injects/2/citations/0/quote']])
  })

  it('are listed by the evidence with their grounding, and left out of the shares', () => {
    const evidence = computeEvidence(result.scenario, result.sources)
    expect(evidence.injects.map((inject) => [inject.id, inject.cited.map((at) => at.paragraph)])).toEqual([
      ['warships-around-japan', [1, 2, 36]],
      ['western-sanctions-package', [6, 21, 33]],
      ['xi-putin-summit', [10]],
      ['nato-one-threat', [16, 17, 25]],
    ])
    const paragraph10 = evidence.sources[0].paragraphs[9]
    expect(paragraph10.citedBy).toContainEqual({
      category: 'inject',
      label: 'inject "xi-putin-summit"',
      pointer: '/injects/2',
      quotes: injects[2].citations!.map((citation) => citation.quote),
    })
    expect(evidence.shares.some((share) => (share.category as string) === 'inject')).toBe(false)
  })
})

describe('injects in extensions', () => {
  const base = { files: folderFiles(PIN_PRICKS), location: '../pin-pricks-2021' }
  const resolveBase = (id: string) => (id === 'pin-pricks-2021' ? base : undefined)
  const extension = (changes: Record<string, unknown>): ScenarioFiles => ({
    'scenario.json': JSON.stringify({
      formatVersion: 2,
      id: 'my-variant',
      title: 'My variant',
      version: '1.0.0',
      description: 'Changes the injects.',
      extends: { id: 'pin-pricks-2021', version: '^1.2.0' },
      ...changes,
    }),
  })
  const summit = {
    id: 'modi-summit',
    name: 'Modi meets Putin',
    description: 'India and Russia hold a summit.',
    effects: [{ variable: 'alignment', between: ['IND', 'RUS'], delta: 0.03 }],
    assumption: 'The article does not mention India and Russia: a test of an added inject.',
  }

  it('are inherited, and can be added, overridden and removed by id', () => {
    const result = loadScenario(
      extension({
        remove: { injects: ['xi-putin-summit'] },
        override: { injects: [{ id: 'nato-one-threat', name: 'NATO speaks' }] },
        add: { injects: [summit] },
      }),
      { resolveBase },
    )
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([])
    if (!result.ok) throw new Error('expected the extension to load')
    const injects = result.scenario.injects ?? []
    expect(injects.map((inject) => [inject.id, inject.name])).toEqual([
      ['warships-around-japan', 'Warships around Japan'],
      ['western-sanctions-package', 'New Western sanctions on Russia'],
      ['nato-one-threat', 'NATO speaks'],
      ['modi-summit', 'Modi meets Putin'],
    ])
    expect(injects[2].citations?.length).toBe(3)
    const provenance = result.provenance.filter((entry) => entry.collection === 'injects')
    expect(provenance.map((entry) => [entry.key, entry.change])).toEqual([
      ['warships-around-japan', 'inherited'],
      ['western-sanctions-package', 'inherited'],
      ['nato-one-threat', 'overridden'],
      ['modi-summit', 'added'],
    ])
  })

  it('are refused with the extension codes: adding an existing one, overriding a missing one', () => {
    const result = loadScenario(
      extension({ add: { injects: [{ ...summit, id: 'xi-putin-summit' }] }, override: { injects: [{ id: 'xi-putin-sumit', name: 'x' }] } }),
      { resolveBase },
    )
    expect(found(result)).toEqual([
      ['error', 'add-exists', '/add/injects/0/id'],
      ['error', 'unknown-change-target', '/override/injects/0/id'],
    ])
    expect(result.diagnostics[1].hint).toBe('did you mean "xi-putin-summit"?')
  })

  it('can be replaced whole, or removed to the last one', () => {
    const replaced = loadScenario(extension({ injects: [summit] }), { resolveBase })
    expect(replaced.ok && replaced.scenario.injects?.map((inject) => inject.id)).toEqual(['modi-summit'])
    const ids = ['warships-around-japan', 'western-sanctions-package', 'xi-putin-summit', 'nato-one-threat']
    const none = loadScenario(extension({ remove: { injects: ids } }), { resolveBase })
    expect(none.diagnostics.map(formatDiagnostic)).toEqual([])
    expect(none.ok && none.scenario.injects).toBeUndefined()
  })

  it.each(['pin-pricks-values', 'pin-pricks-interests', 'pin-pricks-one-threat'])('the lens %s loads and inherits the injects', (lens) => {
    const result = loadScenario(folderFiles(join(ROOT, 'scenarios', lens)), { resolveBase })
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([])
    expect(result.ok && result.scenario.injects?.length).toBe(4)
  })
})
