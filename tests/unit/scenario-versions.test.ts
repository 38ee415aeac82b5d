// Versions: the semver ranges extensions name their base with, and forward migrations of the file format
// (exercised with a made-up format 0 whose sources had a `path` and whose turns had a `length`).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { JsonObject, JsonValue } from '../../src/engine/ingest/json.ts'
import { DiagnosticSink } from '../../src/engine/scenario/diagnostics.ts'
import {
  FORMAT_MIGRATIONS,
  FORMAT_VERSION,
  describeRange,
  formatDiagnostic,
  loadScenario,
  migrateFormat,
  parseRange,
  versionSatisfies,
} from '../../src/engine/scenario/index.ts'
import type { FormatMigration } from '../../src/engine/scenario/index.ts'
import { folderFiles } from '../support/extension-fixtures.ts'
import { ROOT } from '../support/scenarios.ts'
import type { ScenarioFile } from '../../src/engine/index.ts'
import { compileScenario, playGame } from '../../src/engine/index.ts'

describe('version ranges', () => {
  it.each([
    ['1.2.3', '1.2.3', true],
    ['1.2.4', '1.2.3', false],
    ['1.2.9', '1.2.x', true],
    ['1.3.0', '1.2.x', false],
    ['1.2.0', '1.2', true],
    ['1.9.9', '1.x', true],
    ['1.9.9', '1', true],
    ['2.0.0', '1.x', false],
    ['0.0.1', '*', true],
    ['99.0.0', 'x', true],
    ['1.2.3', '^1.2.3', true],
    ['1.9.0', '^1.2.3', true],
    ['1.2.2', '^1.2.3', false],
    ['2.0.0', '^1.2.3', false],
    ['0.2.5', '^0.2.3', true],
    ['0.3.0', '^0.2.3', false],
    ['0.0.3', '^0.0.3', true],
    ['0.0.4', '^0.0.3', false],
    ['0.9.0', '^0.x', true],
    ['1.0.0', '^0.x', false],
    ['1.5.0', '^1', true],
    ['1.2.9', '~1.2.3', true],
    ['1.3.0', '~1.2.3', false],
    ['1.2.0', '~1.2', true],
    ['1.9.0', '~1', true],
    ['2.0.0', '~1', false],
  ])('%s in %s: %s', (version, range, expected) => {
    expect(versionSatisfies(version, range)).toBe(expected)
  })

  it('refuses what it cannot read, and says what a range means', () => {
    for (const bad of ['1.x.3', '>=1.0.0', '1.2.3.4', '^', 'v1', '1 || 2', '']) expect(parseRange(bad)).toBeUndefined()
    expect(versionSatisfies('1.0', '*')).toBe(false)
    expect(describeRange(parseRange('^1.2.3')!)).toBe('>=1.2.3 <2.0.0')
    expect(describeRange(parseRange('~0.2')!)).toBe('>=0.2.0 <0.3.0')
    expect(describeRange(parseRange('*')!)).toBe('any version')
  })
})

/** A format that never existed: sources had a `path`, turns a `length`. */
const FORMAT_0: FormatMigration = {
  from: 0,
  summary: 'sources[].path is now sources[].file; turns.length is now turns.default',
  migrate(json) {
    const changes: { pointer: string; message: string }[] = []
    const sources = Array.isArray(json.sources) ? json.sources : []
    sources.forEach((source, index) => {
      if (typeof source === 'object' && source !== null && !Array.isArray(source) && 'path' in source) {
        const { path, ...rest } = source
        sources[index] = { ...rest, file: path }
        changes.push({ pointer: `/sources/${index}/path`, message: '"path" is now "file"' })
      }
    })
    const turns = json.turns as JsonObject | undefined
    if (turns && 'length' in turns) {
      const { length, ...rest } = turns
      json.turns = { ...rest, default: length }
      changes.push({ pointer: '/turns/length', message: '"length" is now "default"' })
    }
    return { json, changes }
  },
}

const FORMAT_0_FILES = folderFiles(join(ROOT, 'tests/fixtures/scenarios/format-0'))
const FORMAT_1_FILES = folderFiles(join(ROOT, 'tests/fixtures/scenarios/format-1'))
const MINIMAL_FILES = folderFiles(join(ROOT, 'tests/fixtures/scenarios/minimal'))

describe('format migrations', () => {
  it('ships one migration, from format 1 to format 2', () => {
    expect(FORMAT_VERSION).toBe(2)
    expect(FORMAT_MIGRATIONS.map((migration) => migration.from)).toEqual([1])
  })

  it('migrates a format-1 file on load, with a notice per change, to a scenario that plays exactly as format 1 did', () => {
    const result = loadScenario(FORMAT_1_FILES)
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'scenario.json:1:1: warning: format 1 → 2: "computer" added with the weights format 1 built in []',
      'scenario.json:2:20: warning: migrated from format 1 to format 2 on load; the file on disk is unchanged [/formatVersion] hint: apply the changes listed and set "formatVersion": 2 to silence these notices',
      ...[16, 23, 30].map(
        (line, k) =>
          `scenario.json:${line}:5: warning: format 1 → 2: the actor's numbers (capability, budget) get an assumption [/actors/${k}]`,
      ),
      'scenario.json:62:12: warning: format 1 → 2: "standing" added: every actor starts with none [/start]',
      'scenario.json:123:17: warning: format 1 → 2: "standingFading" added (it acts only where a rule fades standing) [/parameters]',
      'scenario.json:123:17: warning: format 1 → 2: "autonomyMargin" added (it acts only in an autonomy-ceiling rule) [/parameters]',
      'scenario.json:393:12: warning: format 1 → 2: "scoring": "final" added: a game is scored on its last turn, as in format 1 [/turns]',
    ])
    const rewritten = loadScenario(MINIMAL_FILES)
    if (!result.ok || !rewritten.ok) throw new Error('expected both to load')
    // The same game on the migrated file and on its format-2 rewrite (which adds the same neutral numbers).
    const play = (file: ScenarioFile) => {
      const scn = compileScenario(file, result.sources, 'same')
      const record = playGame(scn, { seed: 7, turns: 12, seats: { computer: new Set(scn.actorIds), difficulty: 'normal' } })
      return JSON.stringify(record.turns.map((turn) => [turn.result.orders, turn.result.state]))
    }
    expect(play(result.scenario)).toBe(play(rewritten.scenario))
    // The hash is of the files as they are, so an old file and its rewrite are told apart.
    expect(result.hash).not.toBe(rewritten.hash)
  })

  it('migrates through several formats in turn: format 0 to 1 (a test migration), then 1 to 2', () => {
    const result = loadScenario(FORMAT_0_FILES, { migrations: [FORMAT_0, ...FORMAT_MIGRATIONS] })
    const messages = result.diagnostics.map(formatDiagnostic)
    expect(messages).toContain(
      'scenario.json:2:20: warning: migrated from format 0 to format 2 on load; the file on disk is unchanged [/formatVersion] hint: apply the changes listed and set "formatVersion": 2 to silence these notices',
    )
    expect(messages).toContain('scenario.json:12:15: warning: format 0 → 1: "path" is now "file" [/sources/0/path]')
    expect(messages).toContain('scenario.json:393:64: warning: format 0 → 1: "length" is now "default" [/turns/length]')
    expect(messages.filter((m) => m.includes('format 1 → 2'))).toHaveLength(8)
    const format1 = loadScenario(FORMAT_1_FILES)
    if (!result.ok || !format1.ok) throw new Error('expected both to load')
    expect(result.scenario).toEqual(format1.scenario)
  })

  it('refuses a format no migration starts from', () => {
    const result = loadScenario(FORMAT_0_FILES)
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'scenario.json:2:20: error: format 0 is older than any this version of Red Lines can migrate (it migrates from format 1) [/formatVersion] hint: rewrite the file for format 2; scenarios/MODDING.md lists what changed',
    ])
  })

  it('refuses a newer format untouched, whatever else the file holds', () => {
    const text = new TextDecoder()
      .decode(MINIMAL_FILES['scenario.json'])
      .replace('"formatVersion": 2,', '"formatVersion": 7, "colour": "red",')
    const result = loadScenario({ ...MINIMAL_FILES, 'scenario.json': text }, { migrations: [FORMAT_0] })
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'scenario.json:2:20: error: this file is written for format 7, but this version of Red Lines reads format 2 and older [/formatVersion] hint: update Red Lines, or use a version of the scenario written for format 2',
    ])
  })

  it('applies several steps in order, each on its own copy', () => {
    const seen: number[] = []
    const step = (from: number): FormatMigration => ({
      from,
      summary: `step ${from}`,
      migrate(json) {
        seen.push(from)
        json.steps = [...((json.steps as number[] | undefined) ?? []), from]
        return { json, changes: [{ pointer: '', message: `step ${from}` }] }
      },
    })
    const original = { formatVersion: 0 }
    const sink = new DiagnosticSink('x.json', () => ({ line: 1, column: 1 }))
    const migrated = migrateFormat(original, sink, [step(1), step(0), step(2)], 3)
    expect(migrated).toEqual({ formatVersion: 3, steps: [0, 1, 2] })
    expect(original).toEqual({ formatVersion: 0 })
    expect(seen).toEqual([0, 1, 2])
    expect(sink.diagnostics.map((d) => d.message)).toEqual([
      'format 0 → 1: step 0',
      'format 1 → 2: step 1',
      'format 2 → 3: step 2',
      'migrated from format 0 to format 3 on load; the file on disk is unchanged',
    ])
    expect(migrateFormat({ formatVersion: 1 }, sink, [step(0), step(2)], 3)).toBeUndefined()
    expect(sink.diagnostics.at(-1)?.code).toBe('format-too-old')
  })

  it('leaves a missing or malformed formatVersion to the schema', () => {
    const sink = new DiagnosticSink('x.json', () => ({ line: 1, column: 1 }))
    const values: JsonValue[] = [{}, { formatVersion: 'one' }, { formatVersion: 1.5 }, [], 'text']
    for (const value of values) expect(migrateFormat(value, sink)).toEqual(value)
    expect(sink.diagnostics).toEqual([])
    const text = readFileSync(join(ROOT, 'tests/fixtures/scenarios/minimal/scenario.json'), 'utf8').replace(
      '"formatVersion": 2,',
      '"formatVersion": "2",',
    )
    const result = loadScenario({ ...MINIMAL_FILES, 'scenario.json': text })
    expect(result.diagnostics.map(formatDiagnostic)).toEqual(['scenario.json:2:20: error: expected 2, got "2" [/formatVersion]'])
  })
})
