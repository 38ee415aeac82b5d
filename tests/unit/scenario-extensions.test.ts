// Extensions: a fixture for every class of broken extension with its exact diagnostics, the merge rules
// (remove → override → add, grounding together, rungs by `up`), provenance, chains and combinations.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileReferences, formatDiagnostic, loadScenario } from '../../src/engine/scenario/index.ts'
import type { LoadResult, ScenarioFile } from '../../src/engine/scenario/index.ts'
import { EXTENSION_FIXTURES, fixtureResolver, folderFiles, loadExtensionFixture } from '../support/extension-fixtures.ts'
import { ROOT } from '../support/scenarios.ts'
import { PARAMETER_NAMES } from '../../src/engine/index.ts'

const lines = (result: LoadResult) => result.diagnostics.map(formatDiagnostic)

function loaded(result: LoadResult): Extract<LoadResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected the scenario to load:\n${lines(result).join('\n')}`)
  return result
}

/** An extension written in the test, loaded against the fixtures. */
function loadExtension(extension: Record<string, unknown>): LoadResult {
  const document = {
    formatVersion: 2,
    id: 'in-test',
    title: 'In test',
    version: '1.0.0',
    description: 'Written by the test.',
    ...extension,
  }
  return loadScenario({ 'scenario.json': JSON.stringify(document, null, 2) }, fixtureResolver)
}

const MINIMAL = loaded(loadScenario(folderFiles(join(ROOT, 'tests/fixtures/scenarios/minimal'))))

const SEE = 'hint: use "override" to change it, or also "remove" it here to replace it whole'
const BROKEN: Record<string, string[]> = {
  'add-existing': [
    `scenario.json:15:15: error: cannot add action "hotline-call": the base "minimal" already has it [/add/actions/0/id] (see ../minimal/scenario.json:207:13 [/actions/1/id]) ${SEE}`,
    `scenario.json:31:19: error: cannot add start.tension entry "BOR-CAS": the base "minimal" already has it [/add/start/tension/0/pair] (see ../minimal/scenario.json:85:19 [/start/tension/pairs/0/pair]) ${SEE}`,
  ],
  'changed-twice': [
    'scenario.json:24:15: error: action "joint-patrol" is changed twice in this file [/override/actions/1/id] (see scenario.json:20:15 [/override/actions/0/id]) hint: keep one change per item',
    'scenario.json:28:15: error: action "hotline-call" is both removed and overridden in this file [/override/actions/2/id] (see scenario.json:14:7 [/remove/actions/0]) hint: keep one change per item',
  ],
  'cycle-a': [
    '../cycle-b/scenario.json:9:11: error: extensions form a cycle: cycle-a → cycle-b → cycle-a [/extends/id] (see scenario.json:9:11 [/extends/id]) hint: a scenario cannot build on itself',
    'scenario.json:9:11: error: base "cycle-b" has errors, listed at its own files [/extends/id] (see ../cycle-b/scenario.json:1:1 [])',
  ],
  'cycle-b': [
    '../cycle-a/scenario.json:9:11: error: extensions form a cycle: cycle-b → cycle-a → cycle-b [/extends/id] (see scenario.json:9:11 [/extends/id]) hint: a scenario cannot build on itself',
    'scenario.json:9:11: error: base "cycle-a" has errors, listed at its own files [/extends/id] (see ../cycle-a/scenario.json:1:1 [])',
  ],
  'dove-and-hawk': [
    '../hawk/scenario.json:14:7: error: "dove" and "hawk" change action "joint-patrol" (field "cost") in different ways, so they cannot be combined [/override/actions/0] (see ../dove/scenario.json:14:7 [/override/actions/0]) hint: make the two changes agree, or override the item in the combining file',
  ],
  'merged-schema-error': [
    '../minimal/scenario.json:292:5: error: missing required key "when" [/rules/8]',
    '../minimal/scenario.json:292:5: error: missing required key "effects" [/rules/8]',
  ],
  'merged-semantic-errors': [
    '../minimal/scenario.json:54:25: error: unknown actor "CAS" [/static/contact/0/pair/1]',
    '../minimal/scenario.json:74:27: error: unknown actor "CAS" [/start/alignment/pairs/1/pair/1]',
    '../minimal/scenario.json:85:20: error: unknown actor "CAS" [/start/tension/pairs/0/pair/0]',
    '../minimal/scenario.json:92:20: error: unknown actor "CAS" [/start/readiness/actors/0/actor]',
    '../minimal/scenario.json:193:29: error: unknown actor "CAS" [/actions/0/targets/from/0]',
    '../minimal/scenario.json:210:32: error: unknown actor "CAS" [/actions/1/actors/2]',
    '../minimal/scenario.json:352:16: error: unknown actor "CAS" [/roles/0/actor]',
    '../minimal/scenario.json:360:59: error: unknown actor "CAS" [/roles/0/objectives/0/measure/pair/1]',
    'scenario.json:17:17: error: rung "crisis": down 0.95 must not be greater than up 0.9 [/override/ladder/0/down]',
    'scenario.json:28:18: error: partners.min 2 is greater than partners.max 1 [/override/actions/0/partners/min]',
  ],
  'missing-base': ['scenario.json:9:11: error: base scenario "minmal" was not found [/extends/id] hint: did you mean "minimal"?'],
  'mixed-bases': [
    'scenario.json:14:13: error: "tarn-variant" is not built on the same scenario as "dove", so they cannot be combined [/extends/1/id] (see ../tarn-rock/scenario.json:4:9 [/id]) (see ../minimal/scenario.json:3:9 [/id]) hint: combine only extensions of one common base',
  ],
  'on-broken-base': [
    `../malformed/scenario.json:6:3: error: unexpected character '"' (expected ',' or '}') []`,
    'scenario.json:9:11: error: base "malformed" has errors, listed at its own files [/extends/id]',
  ],
  'too-new': [
    'scenario.json:3:20: error: this file is written for format 3, but this version of Red Lines reads format 2 and older [/formatVersion] hint: update Red Lines, or use a version of the scenario written for format 2',
  ],
  'unknown-targets': [
    'scenario.json:14:7: error: cannot remove rule "patrols-provok": the base "minimal" has no such rule [/remove/rules/0] (see ../minimal/scenario.json:221:12 [/rules]) hint: did you mean "patrols-provoke"?',
    'scenario.json:20:15: error: cannot override action "joint-patro": the base "minimal" has no such action [/override/actions/0/id] (see ../minimal/scenario.json:186:14 [/actions]) hint: did you mean "joint-patrol"?',
    'scenario.json:28:21: error: cannot override start.tension entry "ALD-CAS": the base "minimal" has no such start.tension entry [/override/start/tension/pairs/0/pair] (see ../minimal/scenario.json:82:16 [/start/tension])',
  ],
  'version-mismatch': [
    'scenario.json:10:16: error: base "minimal" is version 1.0.0, outside the range "^2.0.0" (>=2.0.0 <3.0.0) [/extends/version] (see ../minimal/scenario.json:5:14 [/version]) hint: widen the range (e.g. "^1.0.0") after checking that the changes still fit, or use a version of the base in the range',
  ],
  'wrong-base-id': [
    `scenario.json:9:11: error: the scenario found for base "renamed" has the id "minimal" [/extends/id] (see ../renamed/scenario.json:3:9 [/id]) hint: a scenario's folder name and its id should agree`,
  ],
}
const VALID = ['valid-extension', 'dove', 'hawk', 'tarn-variant']

describe('broken extension fixtures', () => {
  it('has an expectation for every fixture', () => {
    expect(readdirSync(EXTENSION_FIXTURES).sort()).toEqual([...Object.keys(BROKEN), ...VALID].sort())
  })

  it.each(Object.entries(BROKEN))('%s', (name, expected) => {
    const result = loadExtensionFixture(name)
    expect(result.ok).toBe(false)
    expect(lines(result)).toEqual(expected)
  })

  it.each(VALID)('%s loads without a diagnostic', (name) => {
    expect(lines(loadExtensionFixture(name))).toEqual([])
  })

  it('reports the base missing when no resolver is given', () => {
    const result = loadScenario(folderFiles(join(EXTENSION_FIXTURES, 'dove')))
    expect(lines(result)).toEqual([
      `scenario.json:9:11: error: base scenario "minimal" was not found [/extends/id] hint: put the base scenario's folder next to this one (or in your own scenarios folder)`,
    ])
  })
})

describe('merging an extension', () => {
  const result = loaded(loadExtensionFixture('valid-extension'))
  const scenario: ScenarioFile = result.scenario
  const base = MINIMAL.scenario

  it('removes, overrides and adds by id, keeping everything else of the base', () => {
    expect(scenario.actions.map((action) => [action.id, action.cost])).toEqual([
      ['joint-patrol', 3],
      ['naval-drill', 1],
    ])
    expect(scenario.actions[0]).toEqual({ ...base.actions[0], cost: 3 })
    expect(scenario.rules).toEqual(base.rules)
    expect(scenario.roles).toEqual(base.roles)
    expect(scenario.sources).toEqual(base.sources)
    expect(scenario.turns).toEqual({ ...base.turns, default: 8 })
    expect(scenario.start.commitment.pairs).toEqual([])
    expect(scenario.start.alignment.pairs.map((entry) => entry.pair)).toEqual([
      ['ALD', 'BOR'],
      ['BOR', 'CAS'],
      ['ALD', 'CAS'],
    ])
    expect(result.sources).toEqual(MINIMAL.sources)
  })

  it('places a new rung by its `up` and keeps the base grounding unless the override gives its own', () => {
    expect(scenario.ladder.map((rung) => rung.id)).toEqual(['calm', 'friction', 'crisis'])
    // Only `value` overridden: the base's assumption stays.
    expect(scenario.start.tension.default).toEqual({ ...base.start.tension.default, value: 0.15 })
    // `assumption` given: it replaces the base's grounding as a whole.
    expect(scenario.parameters.clashChance).toEqual({ value: 0.2, assumption: 'An assumption made for the extension tests.' })
    expect(base.parameters.incidentBase.citations).toBeDefined()
    const cas = scenario.start.tension.pairs.find((entry) => entry.pair.includes('CAS'))!
    expect(cas).toEqual({ pair: ['CAS', 'BOR'], value: 0.4, assumption: 'An assumption made for the extension tests.' })
  })

  it('records where every item comes from', () => {
    const changed = result.provenance.filter((entry) => entry.change !== 'inherited')
    expect(changed.map((entry) => [entry.collection, entry.key, entry.change, entry.at.file])).toEqual([
      ['start.alignment', 'ALD-CAS', 'added', 'scenario.json'],
      ['start.tension', 'default', 'overridden', '../minimal/scenario.json'],
      ['start.tension', 'BOR-CAS', 'overridden', '../minimal/scenario.json'],
      ['parameters', 'clashChance', 'overridden', '../minimal/scenario.json'],
      ['ladder', 'friction', 'added', 'scenario.json'],
      ['actions', 'joint-patrol', 'overridden', '../minimal/scenario.json'],
      ['actions', 'naval-drill', 'added', 'scenario.json'],
      ['turns', '', 'overridden', '../minimal/scenario.json'],
    ])
    const patrol = changed.find((entry) => entry.key === 'joint-patrol')!
    expect(patrol.at).toEqual({ file: '../minimal/scenario.json', line: 187, column: 5, pointer: '/actions/0' })
    expect(patrol.overrides).toEqual([
      { fields: ['cost'], at: { file: 'scenario.json', line: 27, column: 7, pointer: '/override/actions/0' } },
    ])
    expect(result.removed.map((entry) => [entry.collection, entry.key, entry.by.pointer])).toEqual([
      ['start.commitment', 'ALD-BOR', '/remove/start/commitment/0'],
      ['actions', 'hotline-call', '/remove/actions/0'],
    ])
    expect(result.provenance.every((entry) => entry.change === 'inherited' || changed.includes(entry))).toBe(true)
    expect(
      result.provenance.filter((entry) => entry.change === 'inherited').every((entry) => entry.at.file === '../minimal/scenario.json'),
    ).toBe(true)
    expect(result.bases).toEqual([{ id: 'minimal', version: '1.0.0', file: '../minimal/scenario.json' }])
  })

  it('gives every item of a complete scenario its own file as provenance', () => {
    expect(MINIMAL.bases).toEqual([])
    expect(MINIMAL.removed).toEqual([])
    expect(new Set(MINIMAL.provenance.map((entry) => `${entry.change} ${entry.at.file}`))).toEqual(new Set(['own scenario.json']))
    expect(MINIMAL.provenance.filter((entry) => entry.collection === 'parameters')).toHaveLength(PARAMETER_NAMES.length)
  })

  it('hashes the extension together with its base, so a change to the base changes the hash', () => {
    const again = loaded(loadExtensionFixture('valid-extension'))
    expect(again.hash).toBe(result.hash)
    expect(result.hash).not.toBe(MINIMAL.hash)
    const changedBase = loadScenario(folderFiles(join(EXTENSION_FIXTURES, 'valid-extension')), {
      resolveBase: (id) => {
        const found = fixtureResolver.resolveBase(id)!
        const text = new TextDecoder().decode(found.files['sources/text.txt'] as Uint8Array)
        return { ...found, files: { ...found.files, 'sources/text.txt': `${text}\n` } }
      },
    })
    expect(loaded(changedBase).hash).not.toBe(result.hash)
  })

  it('changes nothing when it changes nothing', () => {
    const empty = loaded(loadExtension({ extends: { id: 'minimal', version: '1.0.0' } }))
    const { id, title, version, description, author, ...rest } = empty.scenario
    const { id: _a, title: _b, version: _c, description: _d, author: _e, ...baseRest } = MINIMAL.scenario
    expect([id, title, version, description, author]).toEqual(['in-test', 'In test', '1.0.0', 'Written by the test.', undefined])
    expect(rest).toEqual(baseRest)
  })

  it('replaces a whole section, then applies the changes to it', () => {
    const result = loaded(
      loadExtension({
        extends: { id: 'minimal', version: '*' },
        turns: {
          start: '2025-01',
          monthsPerTurn: 2,
          default: 5,
          max: 10,
          budget: 2,
          scoring: 'mean',
          assumption: 'Chosen for the test: a shorter game.',
        },
        override: { turns: { budget: 4 } },
      }),
    )
    expect(result.scenario.turns).toEqual({
      start: '2025-01',
      monthsPerTurn: 2,
      default: 5,
      max: 10,
      budget: 4,
      scoring: 'mean',
      assumption: 'Chosen for the test: a shorter game.',
    })
    const turns = result.provenance.find((entry) => entry.collection === 'turns')!
    expect(turns.change).toBe('overridden')
    expect(turns.at.file).toBe('scenario.json')
  })

  it('replaces an item whole when it is removed and added in one file', () => {
    const patrol = {
      ...MINIMAL.scenario.actions[0],
      cost: 5,
      partners: undefined,
      actors: ['ALD'],
      targets: { from: ['CAS'], min: 1, max: 1 },
    }
    delete patrol.partners
    const result = loaded(
      loadExtension({ extends: { id: 'minimal', version: '^1' }, remove: { actions: ['joint-patrol'] }, add: { actions: [patrol] } }),
    )
    expect(result.scenario.actions.map((action) => action.id)).toEqual(['hotline-call', 'joint-patrol'])
    expect(result.scenario.actions[1].partners).toBeUndefined()
  })

  it('builds chains: an extension of an extension', () => {
    const result = loaded(
      loadExtension({ extends: { id: 'valid-extension', version: '^1.0.0' }, override: { actions: [{ id: 'naval-drill', cost: 2 }] } }),
    )
    expect(result.scenario.actions.map((action) => [action.id, action.cost])).toEqual([
      ['joint-patrol', 3],
      ['naval-drill', 2],
    ])
    expect(result.bases.map((base) => base.id)).toEqual(['minimal', 'valid-extension'])
    const drill = result.provenance.find((entry) => entry.key === 'naval-drill')!
    expect(drill.at.file).toBe('../valid-extension/scenario.json')
    expect(drill.overrides?.[0].at.file).toBe('scenario.json')
  })
})

describe('combining extensions of one base', () => {
  const hawkFile = JSON.parse(readFileSync(join(EXTENSION_FIXTURES, 'hawk', 'scenario.json'), 'utf8'))

  /** Loads a file that combines the "dove" fixture with the given version of "hawk". */
  function combineWith(hawk: unknown, extra: Record<string, unknown> = {}): LoadResult {
    return loadScenario(
      {
        'scenario.json': JSON.stringify({
          formatVersion: 2,
          id: 'both',
          title: 'Both',
          version: '1.0.0',
          description: '',
          extends: [
            { id: 'dove', version: '^1' },
            { id: 'hawk', version: '^1' },
          ],
          ...extra,
        }),
      },
      {
        resolveBase: (id) =>
          id === 'hawk'
            ? { files: { 'scenario.json': JSON.stringify(hawk, null, 2) }, location: '../hawk' }
            : fixtureResolver.resolveBase(id),
      },
    )
  }

  const combine = (hawkOverride: unknown[], extra: Record<string, unknown> = {}): LoadResult =>
    combineWith({ ...hawkFile, override: { actions: hawkOverride } }, extra)

  it('takes each change, field by field, when the changes agree or touch different fields', () => {
    const result = loaded(
      combine([
        { id: 'joint-patrol', cost: 3, description: 'A bolder patrol.' },
        { id: 'hotline-call', cost: 0 },
      ]),
    )
    const patrol = result.scenario.actions.find((action) => action.id === 'joint-patrol')!
    expect([patrol.cost, patrol.description]).toEqual([3, 'A bolder patrol.'])
    const entry = result.provenance.find((candidate) => candidate.key === 'joint-patrol')!
    expect(entry.overrides?.map((override) => [override.fields, override.at.file])).toEqual([
      [['description'], '../hawk/scenario.json'],
      [['cost'], '../dove/scenario.json'],
    ])
    expect(result.bases.map((base) => base.id).sort()).toEqual(['dove', 'hawk', 'minimal'])
  })

  it('reports a removal against an override, naming both', () => {
    const result = combineWith({ ...hawkFile, override: undefined, remove: { actions: ['hotline-call'] } })
    expect(lines(result)).toEqual([
      '../hawk/scenario.json:14:7: error: "dove" and "hawk" change action "hotline-call" in different ways, so they cannot be combined [/remove/actions/0] (see ../dove/scenario.json:18:7 [/override/actions/1]) hint: make the two changes agree, or override the item in the combining file',
    ])
  })

  it('lets the combining file settle what both extensions touch', () => {
    const result = loaded(combine([{ id: 'hotline-call', cost: 0 }], { override: { actions: [{ id: 'joint-patrol', cost: 5 }] } }))
    expect(result.scenario.actions.map((action) => [action.id, action.cost])).toEqual([
      ['joint-patrol', 5],
      ['hotline-call', 0],
    ])
  })
})

describe('what a scenario file names outside itself', () => {
  it('lists source files (listed, added, overridden) and base ids, leniently', () => {
    const text = JSON.stringify({
      sources: [{ file: 'sources/a.txt' }, { file: 3 }],
      extends: [{ id: 'one' }, { id: 'two' }, 'three'],
      add: { sources: [{ file: 'sources/b.txt' }] },
      override: { sources: [{ id: 'x', file: 'sources/a.txt' }] },
    })
    expect(fileReferences(text)).toEqual({ sourceFiles: ['sources/a.txt', 'sources/b.txt'], baseIds: ['one', 'two'] })
    expect(fileReferences(new TextEncoder().encode('{"extends": {"id": "base"}}'))).toEqual({ sourceFiles: [], baseIds: ['base'] })
    for (const broken of ['', '{', '[]', new Uint8Array([0xff])]) expect(fileReferences(broken)).toEqual({ sourceFiles: [], baseIds: [] })
  })
})
