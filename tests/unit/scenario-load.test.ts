// The scenario ingest pipeline, end to end: every stage reports exact `file:line:column: error: message
// [pointer]` lines, and no input can crash it or make it work without bound (how long the hostile inputs take is
// a figure of `npm run bench`: tests/bench/hostile-loads.ts).
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldForQuote, formatDiagnostic, loadScenario, nearest, paragraphsOf, quoteOccursIn } from '../../src/engine/scenario/index.ts'
import type { Diagnostic, LoadResult, ScenarioFiles } from '../../src/engine/scenario/index.ts'

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/scenarios')
const MINIMAL_JSON = readFileSync(join(FIXTURES, 'minimal/scenario.json'), 'utf8')
const MINIMAL_SOURCE = new Uint8Array(readFileSync(join(FIXTURES, 'minimal/sources/text.txt')))

function load(scenario: string | Uint8Array, extra: ScenarioFiles = {}): LoadResult {
  return loadScenario({ 'scenario.json': scenario, 'sources/text.txt': MINIMAL_SOURCE, ...extra })
}

function lines(result: LoadResult): string[] {
  return result.diagnostics.map(formatDiagnostic)
}

/** The minimal scenario with each `[old, new]` replacement made; each `old` must occur exactly once. */
function edited(...replacements: [string, string][]): string {
  let text = MINIMAL_JSON
  for (const [old, replacement] of replacements) {
    expect(text.split(old).length - 1, `occurrences of ${old}`).toBe(1)
    text = text.replace(old, () => replacement)
  }
  return text
}

describe('the minimal scenario', () => {
  it('loads with no diagnostics at all', () => {
    const result = load(MINIMAL_JSON)
    expect(lines(result)).toEqual([])
    if (!result.ok) throw new Error('expected the minimal scenario to load')
    expect(result.scenario.id).toBe('minimal')
    expect(result.scenario.rules).toHaveLength(15)
    expect(Object.keys(result.sources)).toEqual(['straits-account'])
    expect(result.sources['straits-account']).toHaveLength(6)
    expect(result.sources['straits-account'][0]).toBe('The Straits Standoff: a short account')
  })

  it('hashes the scenario file and its sources as path\\0content\\0 in sorted path order', () => {
    const main = new TextEncoder().encode(MINIMAL_JSON)
    const expected = createHash('sha256')
      .update('scenario.json\0')
      .update(main)
      .update('\0sources/text.txt\0')
      .update(MINIMAL_SOURCE)
      .update('\0')
      .digest('hex')
    const fromBytes = load(main)
    const fromText = load(MINIMAL_JSON, { 'sources/text.txt': new TextDecoder().decode(MINIMAL_SOURCE) })
    expect(fromBytes.ok && fromBytes.hash).toBe(expected)
    expect(fromText.ok && fromText.hash).toBe(expected)
    const changed = load(MINIMAL_JSON, { 'sources/text.txt': new Uint8Array([...MINIMAL_SOURCE, 0x0a]) })
    expect(changed.ok && changed.hash).not.toBe(expected)
  })

  it('relies on quote folding: the text has typographic quotes, the citations plain ones', () => {
    const text = new TextDecoder().decode(MINIMAL_SOURCE)
    expect(text).toContain('a “strategic partnership without limits”')
    expect(text).toContain('Castria’s defence minister')
    expect(MINIMAL_JSON).toContain('"quote": "a \\"strategic partnership without limits\\""')
    expect(MINIMAL_JSON).toContain(`"quote": "Castria's defence minister called the patrols"`)
  })

  it('accepts typographic quotes in a citation against plain ones in the text, and odd white space', () => {
    const source = new TextDecoder()
      .decode(MINIMAL_SOURCE)
      .replace('“strategic partnership without limits”', '"strategic  partnership\u00a0without limits"')
    const scenario = edited([
      '"quote": "a \\"strategic partnership without limits\\""',
      '"quote": "a „strategic partnership without limits‟"',
    ])
    expect(lines(load(scenario, { 'sources/text.txt': source }))).toEqual([])
  })

  it('accepts a byte order mark, CRLF line ends and a scenario file in a sub-folder', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(MINIMAL_JSON.replace(/\n/g, '\r\n'))])
    expect(lines(load(withBom))).toEqual([])
    const nested = loadScenario(
      { 'game/scenario.json': MINIMAL_JSON, './game//sources/text.txt': MINIMAL_SOURCE },
      { main: 'game/scenario.json' },
    )
    const flat = load(MINIMAL_JSON)
    expect(nested.ok && nested.hash).toBe(flat.ok && flat.hash)
  })
})

const BROKEN: Record<string, string[]> = {
  'malformed-json': [`scenario.json:6:3: error: unexpected character '"' (expected ',' or '}') []`],
  empty: ['scenario.json:1:1: error: the file is empty [] hint: a scenario file is a JSON object'],
  'invalid-utf8': [
    'scenario.json:6:27: error: invalid UTF-8 at byte 718: truncated sequence (byte 0xE2 is not followed by enough continuation bytes) [] hint: save the file as UTF-8',
  ],
  'proto-key': ['scenario.json:3:3: error: key "__proto__" is not allowed [/__proto__]'],
  'duplicate-key': ['scenario.json:26:7: error: duplicate key "name" (first at line 25, column 7) [/actors/1/name]'],
  'wrong-type': ['scenario.json:26:21: error: expected a number, got a string [/actors/1/capability]'],
  'out-of-range': ['scenario.json:85:44: error: tension must be between 0 and 1, got 1.5 [/start/tension/pairs/0/value]'],
  'unknown-key': [
    'scenario.json:23:5: error: missing required key "playable" [/actors/1/playable]',
    'scenario.json:28:7: error: unknown key "playble" [/actors/1/playble] hint: did you mean "playable"?',
  ],
  'unknown-rule-kind': [
    'scenario.json:294:15: error: unknown rule kind "tension-cooler" [/rules/8/kind] hint: did you mean "tension-cooling"?',
  ],
  'unknown-effect-variable': [
    'scenario.json:198:23: error: "comitment" is not one of: alignment, tension, commitment, interdependence, readiness, grievance, standing [/actions/0/effects/0/variable] hint: did you mean "commitment"?',
  ],
  'duplicate-id': ['scenario.json:207:13: error: duplicate action id "joint-patrol" (first at /actions/0/id) [/actions/1/id]'],
  'unknown-actor': ['scenario.json:191:25: error: unknown actor "BOX" [/actions/0/actors/1] hint: did you mean "BOR"?'],
  'unknown-source': [
    'scenario.json:114:25: error: unknown source "straits-acount" [/start/interdependence/pairs/0/citations/0/source] hint: did you mean "straits-account"?',
  ],
  'paragraph-out-of-range': [
    'scenario.json:115:28: error: paragraph 40 does not exist: source "straits-account" has 6 paragraphs [/start/interdependence/pairs/0/citations/0/paragraph]',
  ],
  'quote-not-in-paragraph': [
    'scenario.json:70:69: error: quote not found in paragraph 2 of source "straits-account" [/start/alignment/pairs/0/citations/0/quote] hint: it is in paragraph 5',
    'scenario.json:95:69: error: quote not found in paragraph 3 of source "straits-account" [/start/readiness/actors/0/citations/0/quote]',
  ],
  'missing-grounding': [
    'scenario.json:206:5: error: action "hotline-call" is not grounded [/actions/1] hint: add "citations" or an "assumption"',
  ],
  'ungrounded-numbers': [
    'scenario.json:24:5: error: actor "BOR" is not grounded [/actors/1] hint: add "citations" or an "assumption"',
    'scenario.json:66:18: error: the default of start.standing is not grounded [/start/standing/default] hint: add "citations" or an "assumption"',
    'scenario.json:146:24: error: computer weight retaliationCost is not grounded [/computer/retaliationCost] hint: add "citations" or an "assumption"',
    'scenario.json:420:12: error: the turn settings are not grounded [/turns] hint: add "citations" or an "assumption"',
  ],
  'several-errors': [
    'scenario.json:5:14: error: "1.0" must be a version MAJOR.MINOR.PATCH [/version]',
    'scenario.json:33:21: error: capability must be at most 1, got 2 [/actors/2/capability]',
    'scenario.json:35:19: error: expected true or false, got a string [/actors/2/playable]',
    'scenario.json:37:7: error: unknown key "colour" [/actors/2/colour]',
    'scenario.json:388:19: error: "higher" is not one of: high, low [/roles/1/objectives/0/goal] hint: did you mean "high"?',
    'scenario.json:394:12: error: missing required key "monthsPerTurn" [/turns/monthsPerTurn]',
  ],
}

describe('broken fixtures on disk', () => {
  it('has an expectation for every fixture', () => {
    expect(readdirSync(join(FIXTURES, 'broken')).sort()).toEqual(Object.keys(BROKEN).sort())
  })

  it.each(Object.entries(BROKEN))('%s', (name, expected) => {
    const result = load(new Uint8Array(readFileSync(join(FIXTURES, 'broken', name, 'scenario.json'))))
    expect(result.ok).toBe(false)
    expect(lines(result)).toEqual(expected)
  })
})

describe('hostile and degenerate input', () => {
  it('refuses a million nested brackets at the first level too deep', () => {
    const result = load('['.repeat(1_000_000))
    expect(lines(result)).toEqual([`scenario.json:1:65: error: nesting is deeper than 64 levels [${'/0'.repeat(64)}]`])
  })

  it('refuses a file over the size cap before reading it, as text or as bytes', () => {
    const big = load('x'.repeat(10 * 1024 * 1024))
    expect(lines(big)).toEqual(['scenario.json:1:1: error: the file has 10485760 bytes, more than the limit of 5242880 []'])
    const bytes = load(new Uint8Array(6 * 1024 * 1024).fill(0x20))
    expect(lines(bytes)).toEqual(['scenario.json:1:1: error: the file has 6291456 bytes, more than the limit of 5242880 []'])
    const source = loadScenario({ 'scenario.json': MINIMAL_JSON, 'sources/text.txt': 'x'.repeat(30_000) }, { maxBytes: 20_000 })
    expect(lines(source)).toEqual(['sources/text.txt:1:1: error: the file has 30000 bytes, more than the limit of 20000 [/sources/0/file]'])
  })

  it('refuses white space only, lone surrogates, 1e999 and duplicate keys with exact positions', () => {
    expect(lines(load(' \n \t'))).toEqual([
      'scenario.json:1:1: error: the file holds only white space [] hint: a scenario file is a JSON object',
    ])
    expect(lines(load('{"title": "bad \uD800 text"}'))).toEqual([
      'scenario.json:1:16: error: invalid text: unpaired surrogate U+D800 has no UTF-8 form []',
    ])
    expect(lines(load('{\n  "title": "bad \\udfff"\n}'))).toEqual([
      'scenario.json:2:17: error: invalid unicode escape "\\udfff": unpaired surrogate [/title]',
    ])
    expect(lines(load('{\n  "formatVersion": 1e999\n}'))).toEqual([
      'scenario.json:2:20: error: number 1e999 is out of range [/formatVersion]',
    ])
  })

  it('refuses __proto__, constructor and prototype keys anywhere without polluting anything', () => {
    const result = load(edited(['"id": "ALD",', '"id": "ALD", "constructor": { "prototype": { "polluted": 1 } },']))
    expect(lines(result)).toEqual([
      'scenario.json:17:20: error: key "constructor" is not allowed [/actors/0/constructor]',
      'scenario.json:17:37: error: key "prototype" is not allowed [/actors/0/constructor/prototype]',
    ])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('keeps every formatted diagnostic on one line, whatever the keys hold', () => {
    const result = load(edited(['"id": "ALD",', '"id": "ALD", "bad\\nkey\\u2028": 1,']))
    expect(lines(result)).toEqual(['scenario.json:17:20: error: unknown key "bad\\nkey\\u2028" [/actors/0/bad\\u000akey\\u2028]'])
  })

  it('reports a missing scenario file, and source files that are missing or not UTF-8 at their own path', () => {
    expect(lines(loadScenario({}))).toEqual(['scenario.json:1:1: error: the scenario file was not found []'])
    expect(lines(loadScenario({ 'scenario.json': MINIMAL_JSON }))).toEqual([
      'scenario.json:12:15: error: source file "sources/text.txt" was not found [/sources/0/file]',
    ])
    const badSource = new Uint8Array([...new TextEncoder().encode('Title\n\nSecond line '), 0xc3, 0x28])
    expect(lines(load(MINIMAL_JSON, { 'sources/text.txt': badSource }))).toEqual([
      'sources/text.txt:3:13: error: invalid UTF-8 at byte 19: truncated sequence (byte 0xC3 is not followed by enough continuation bytes) [/sources/0/file] hint: save the file as UTF-8',
    ])
  })

  it('refuses lists longer than any the schema allows before the schema runs', () => {
    const long = JSON.stringify({ actions: [{ actors: Array.from({ length: 5000 }, () => 'ALD') }] })
    expect(lines(load(long))).toEqual(['scenario.json:1:23: error: the list has more than 200 items [/actions/0/actors]'])
  })

  it('reports a bounded number of diagnostics for files with thousands of schema errors', () => {
    const rule = {
      kind: 'reaction',
      when: { actions: Array.from({ length: 150 }, () => 'Bad Id'), actors: Array.from({ length: 150 }, () => 'x') },
    }
    const text = JSON.stringify({ rules: Array.from({ length: 100 }, () => rule) })
    const result = load(text)
    expect(result.ok).toBe(false)
    expect(result.diagnostics.length).toBe(501)
    expect(result.diagnostics[500].message).toMatch(/^\d+ more problems are not shown$/)
  })

  it('never throws on arbitrary text or bytes, and always points at a real position', () => {
    const property = (input: string | Uint8Array) => {
      const result = load(input)
      expect(result.ok).toBe(false)
      expect(result.diagnostics.length).toBeGreaterThanOrEqual(1)
      for (const d of result.diagnostics) {
        expect(d.line).toBeGreaterThanOrEqual(1)
        expect(d.column).toBeGreaterThanOrEqual(1)
      }
    }
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()), property), { numRuns: 500 })
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), property), { numRuns: 500 })
  })

  it('never throws on small corruptions of a valid scenario', () => {
    fc.assert(
      fc.property(fc.nat(MINIMAL_JSON.length - 1), fc.nat(3), fc.string({ maxLength: 3 }), (at, removed, inserted) => {
        const text = MINIMAL_JSON.slice(0, at) + inserted + MINIMAL_JSON.slice(at + removed)
        const result = load(text)
        const lineCount = text.split('\n').length
        for (const d of result.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1)
          expect(d.line).toBeLessThanOrEqual(lineCount)
          expect(d.column).toBeGreaterThanOrEqual(1)
        }
      }),
      { numRuns: 150 },
    )
  })
})

const ASSUMPTION = '"assumption": "Chosen for the minimal test scenario."'

describe('semantic checks', () => {
  it('checks the order of the ladder', () => {
    const text = edited(['"up": 0,', '"up": 0.1,'], ['"up": 0.5,', '"up": 0.05,'], ['"down": 0.4,', '"down": 0.9,'])
    expect(lines(load(text))).toEqual([
      'scenario.json:171:13: error: the first rung must start at 0, got up = 0.1 [/ladder/0/up]',
      'scenario.json:179:13: error: rung "crisis" must start above the rung before it: up 0.05 is not greater than 0.1 [/ladder/1/up]',
      'scenario.json:180:15: error: rung "crisis": down 0.9 must not be greater than up 0.05 [/ladder/1/down]',
    ])
  })

  it('checks pairs: two different actors, each pair listed once (in either order)', () => {
    const text = edited(
      ['{ "pair": ["CAS", "BOR"], "value": 0.3,', '{ "pair": ["CAS", "CAS"], "value": 0.3,'],
      [
        `"commitment": {\n      "default": { "value": 0, ${ASSUMPTION} },\n      "pairs": [`,
        `"commitment": {\n      "default": { "value": 0, ${ASSUMPTION} },\n      "pairs": [\n        { "pair": ["BOR", "ALD"], "value": 0.2, ${ASSUMPTION} },`,
      ],
    )
    expect(lines(load(text))).toEqual([
      'scenario.json:85:19: error: a pair needs two different actors, but "CAS" is named twice [/start/tension/pairs/0/pair]',
      'scenario.json:104:19: error: pair ALD-BOR is listed twice (first at /start/commitment/pairs/0) [/start/commitment/pairs/1/pair]',
    ])
  })

  it('checks rule kinds and the references of triggers', () => {
    const text = edited(
      ['"kind": "arms"', '"kind": "balance"'],
      [
        '"when": { "tags": ["hostile"] },\n      "effects": [\n        { "variable": "tension"',
        '"when": { "actions": ["joint-patrl"], "actors": ["CSA"] },\n      "effects": [\n        { "variable": "tension"',
      ],
    )
    expect(lines(load(text))).toEqual([
      'scenario.json:227:29: error: unknown action "joint-patrl" [/rules/0/when/actions/0] hint: did you mean "joint-patrol"?',
      'scenario.json:227:56: error: unknown actor "CSA" [/rules/0/when/actors/0]',
      'scenario.json:256:15: error: rule kind "balance" may appear only once (first at /rules/2) [/rules/3/kind]',
    ])
  })

  it('checks value ranges, parameters, partner counts and turns', () => {
    const text = edited(
      ['"readinessMax": { "value": 100,', '"readinessMax": { "value": 30,'],
      ['"balanceRate": { "value": 0.1,', '"balanceRate": { "value": 1.1,'],
      ['"rigidTurns": { "value": 3,', '"rigidTurns": { "value": 2.5,'],
      ['"armsBase": { "value": 1,', '"armsBase": { "value": -1,'],
      ['"partners": { "from": ["ALD", "BOR"], "min": 1, "max": 1 }', '"partners": { "from": ["ALD", "BOR"], "min": 2, "max": 1 }'],
      ['"default": 12, "max": 24', '"default": 30, "max": 24'],
    )
    expect(lines(load(text))).toEqual([
      'scenario.json:93:20: error: readiness must be between 0 and readinessMax (30), got 40 [/start/readiness/actors/0/value]',
      'scenario.json:124:31: error: parameter balanceRate must be between 0 and 1, got 1.1 [/parameters/balanceRate/value]',
      'scenario.json:130:28: error: parameter armsBase must be at least 0, got -1 [/parameters/armsBase/value]',
      'scenario.json:160:30: error: parameter rigidTurns must be a whole number of at least 1, got 2.5 [/parameters/rigidTurns/value]',
      'scenario.json:187:5: warning: no actor can take action "joint-patrol": none of its actors has enough possible partners and targets [/actions/0]',
      'scenario.json:192:52: error: partners.min 2 is greater than partners.max 1 [/actions/0/partners/min]',
      'scenario.json:393:65: error: turns.default 30 is greater than turns.max 24 [/turns/default]',
    ])
  })

  it('needs a playable actor, some capability and a positive total weight per role', () => {
    const text = edited(
      [
        '"capability": 0.5,\n      "capital": { "lon": 10, "lat": 50 },\n      "playable": true,',
        '"capability": 0,\n      "capital": { "lon": 10, "lat": 50 },\n      "playable": false,',
      ],
      [
        '"capability": 0.3,\n      "capital": { "lon": 30, "lat": 55 },\n      "playable": true,',
        '"capability": 0,\n      "capital": { "lon": 30, "lat": 55 },\n      "playable": false,',
      ],
      ['"capability": 0.2,', '"capability": 0,'],
      [
        '"playable": true, "assumption": "Format 1 left this number without grounding; written down when the file moved to format 2.",\n      "budget": 4',
        '"playable": false, "assumption": "Format 1 left this number without grounding; written down when the file moved to format 2.",\n      "budget": 4',
      ],
      ['"weight": 1,\n          "measure": { "kind": "commitment"', '"weight": 0,\n          "measure": { "kind": "commitment"'],
    )
    expect(lines(load(text))).toEqual([
      'scenario.json:15:13: error: no actor is playable [/actors] hint: set "playable": true on at least one actor',
      'scenario.json:15:13: error: the capabilities of the actors sum to 0 [/actors] hint: give at least one actor a positive capability',
      'scenario.json:381:21: error: the objectives of role "borovia" have a total weight of 0 [/roles/1/objectives] hint: give at least one objective a positive weight',
    ])
  })

  it('loads with warnings for an uncited source, a second role for one actor and an ungrounded objective', () => {
    const text = edited(
      [
        '"actor": "BOR",\n      "name": "Borovia",\n      "description": "Bind',
        '"actor": "CAS",\n      "name": "Borovia",\n      "description": "Bind',
      ],
      [`"goal": "high",\n          ${ASSUMPTION}`, '"goal": "high"'],
      [
        '"file": "sources/text.txt"\n    }',
        '"file": "sources/text.txt"\n    },\n    { "id": "unused", "title": "Never cited", "date": "2024-01-01", "file": "sources/text.txt" }',
      ],
    )
    const result = load(text)
    expect(result.ok).toBe(true)
    expect(lines(result)).toEqual([
      'scenario.json:14:5: warning: source "unused" is never cited [/sources/1]',
      'scenario.json:379:16: warning: actor "CAS" already has a role (/roles/0) [/roles/1/actor]',
      'scenario.json:383:9: warning: objective "bind-aldoria" of role "borovia" is not grounded [/roles/1/objectives/0] hint: add "citations" or an "assumption"',
    ])
  })

  it('explains schema problems inside unions and discriminated unions', () => {
    const cases: [string, string, string][] = [
      [
        '"kind": "tension", "pair": ["BOR", "CAS"]',
        '"kind": "tensio", "pair": ["BOR", "CAS"]',
        'scenario.json:360:32: error: unknown measure kind "tensio" [/roles/0/objectives/0/measure/kind] hint: did you mean "tension"?',
      ],
      [
        '"kind": "tension", "pair": ["BOR", "CAS"]',
        '"pair": ["BOR", "CAS"]',
        'scenario.json:360:22: error: missing required key "kind" [/roles/0/objectives/0/measure/kind]',
      ],
      [
        '"of": "participants"',
        '"of": "participant"',
        'scenario.json:199:42: error: "participant" is not one of: actor, partners, participants, targets, nor an upper-case actor id such as "CHN" [/actions/0/effects/1/of] hint: did you mean "participants"?',
      ],
      [
        '"of": "participants"',
        '"of": 3',
        'scenario.json:199:42: error: expected one of: actor, partners, participants, targets or a string, got a number [/actions/0/effects/1/of]',
      ],
      ['"budget": 4', '"budget": 4.5', 'scenario.json:36:17: error: expected a whole number, got 4.5 [/actors/2/budget]'],
      [
        '"between": ["actor", "partners"]',
        '"between": ["actor"]',
        'scenario.json:198:48: error: between must have at least 2 items, got 1 [/actions/0/effects/0/between]',
      ],
    ]
    for (const [old, replacement, expected] of cases) expect(lines(load(edited([old, replacement])))).toEqual([expected])
  })
})

describe('paragraphs and quotes', () => {
  it('numbers the non-empty trimmed lines, whatever the line ends', () => {
    expect(paragraphsOf('  Title \r\n\r\n\tFirst\n \n\u00a0\nSecond\rThird\n')).toEqual(['Title', 'First', 'Second', 'Third'])
    expect(paragraphsOf('')).toEqual([])
  })

  it('folds typographic quotes, non-breaking spaces and runs of white space', () => {
    expect(foldForQuote(' “a” „b‟ ″c″ «d» ‘e’ ‚f‛ ′g′ ')).toBe(`"a" "b" "c" "d" 'e' 'f' 'g'`)
    expect(foldForQuote('a\u00a0b\u202fc\u2007d \t\n e')).toBe('a b c d e')
  })

  it('finds a quote in a paragraph up to quote style and white space, but not up to words or case', () => {
    const paragraph = 'Castria’s defence minister called the patrols “a deliberate  provocation”.'
    expect(quoteOccursIn(`Castria's defence minister`, paragraph)).toBe(true)
    expect(quoteOccursIn('patrols "a deliberate provocation"', paragraph)).toBe(true)
    expect(quoteOccursIn('castria’s defence', paragraph)).toBe(false)
    expect(quoteOccursIn('a deliberate provocations', paragraph)).toBe(false)
    expect(quoteOccursIn('   ', paragraph)).toBe(false)
  })
})

describe('diagnostics', () => {
  const base: Diagnostic = {
    severity: 'error',
    code: 'x',
    file: 'a/scenario.json',
    line: 3,
    column: 7,
    pointer: '/actors/0/id',
    message: 'bad id',
  }

  it('formats as file:line:column: severity: message [pointer], with an optional hint', () => {
    expect(formatDiagnostic(base)).toBe('a/scenario.json:3:7: error: bad id [/actors/0/id]')
    expect(formatDiagnostic({ ...base, severity: 'warning', hint: 'try "y"' })).toBe(
      'a/scenario.json:3:7: warning: bad id [/actors/0/id] hint: try "y"',
    )
  })

  it('suggests only close names, ignoring case', () => {
    expect(nearest('playble', ['name', 'playable', 'budget'])).toBe('playable')
    expect(nearest('chn', ['CHN', 'RUS'])).toBe('CHN')
    expect(nearest('BOX', ['ALD', 'BOR', 'CAS'])).toBe('BOR')
    expect(nearest('USA', ['RUS', 'CHN'])).toBeUndefined()
    expect(nearest('interdependanceFloors', ['interdependenceFloor', 'autonomyCap'])).toBe('interdependenceFloor')
    expect(nearest('completely-different', ['joint-patrol'])).toBeUndefined()
    expect(nearest('x', [])).toBeUndefined()
  })
})

describe('checking quotes is bounded', () => {
  it('a huge one-line source cited many times with near misses is refused quickly, every unchecked quote named', () => {
    const file = JSON.parse(readFileSync('scenarios/tutorial/scenario.json', 'utf8'))
    const text = `Title\n\n${'a'.repeat(4_800_000)}\n`
    file.sources[0].file = 'sources/big.txt'
    let cited = 0
    for (const item of [...file.actions, ...file.rules, ...file.ladder]) {
      item.citations = Array.from({ length: 20 }, (_, k) => ({
        source: file.sources[0].id,
        paragraph: 2,
        quote: `${'a'.repeat(1990)}b${cited + k}`,
      }))
      cited += 20
      if (cited >= 200) break
    }
    const files = { 'scenario.json': new TextEncoder().encode(JSON.stringify(file)), 'sources/big.txt': new TextEncoder().encode(text) }
    const result = loadScenario(files)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const codes = result.diagnostics.map((d) => d.code)
    expect(codes.filter((code) => code === 'quote-not-found').length + codes.filter((code) => code === 'quote-not-checked').length).toBe(
      cited,
    )
    expect(codes).toContain('quote-not-checked')
    expect(result.diagnostics.find((d) => d.code === 'quote-not-checked')?.message).toMatch(/not checked: .*40 million characters/)
  })

  it('the same quote cited in many places is searched once, and still reported at each place', () => {
    const file = JSON.parse(readFileSync('scenarios/tutorial/scenario.json', 'utf8'))
    const wrong = { source: file.sources[0].id, paragraph: 3, quote: 'words that are nowhere in the primer' }
    for (const action of file.actions) action.citations = [wrong]
    const primer = readFileSync(join('scenarios/tutorial', file.sources[0].file))
    const files = { 'scenario.json': new TextEncoder().encode(JSON.stringify(file)), [file.sources[0].file]: new Uint8Array(primer) }
    const result = loadScenario(files)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.diagnostics.filter((d) => d.code === 'quote-not-found')).toHaveLength(file.actions.length)
  })
})
