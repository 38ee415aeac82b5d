// The context a scenario gives its players: the "model, not history" note with what it leaves out, the
// errata of a source's copy (checked against the very paragraph they mark) and the glossary. All optional.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LoadResult, ScenarioFiles } from '../../src/engine/scenario/index.ts'
import { formatDiagnostic, loadScenario } from '../../src/engine/scenario/index.ts'
import { folderFiles } from '../support/extension-fixtures.ts'
import { ROOT, loadFolder, scenarioFiles } from '../support/scenarios.ts'

const PIN_PRICKS = join(ROOT, 'scenarios', 'pin-pricks-2021')
const TUTORIAL = join(ROOT, 'scenarios', 'tutorial')

type Json = Record<string, unknown>

/** Pin Pricks with its JSON edited by `edit`. */
function edited(edit: (json: Json & { sources: Json[] }) => void): LoadResult {
  const files = scenarioFiles(PIN_PRICKS)
  const json = JSON.parse(new TextDecoder().decode(files['scenario.json'])) as Json & { sources: Json[] }
  edit(json)
  return loadScenario({ ...files, 'scenario.json': new TextEncoder().encode(JSON.stringify(json, null, 2)) })
}

const withErrata = (errata: unknown[]) =>
  edited((json) => {
    json.sources[0].errata = errata
  })

const lines = (result: LoadResult) => result.diagnostics.map(formatDiagnostic)

describe('the shipped Pin Pricks', () => {
  const scenario = loadFolder(PIN_PRICKS)

  it('says it is a model, and that turn 2 comes weeks after an invasion it does not contain', () => {
    expect(scenario.file.version).toBe('1.2.1')
    expect(scenario.file.context?.note).toMatch(/^A model, not a history/)
    const invasion = scenario.file.context?.leavesOut?.find((event) => /invasion of Ukraine/.test(event.event))
    expect(invasion?.date).toBe('2022-02-24')
    expect(invasion?.note).toMatch(/Turn 2 is March 2022/)
  })

  it('marks the scraping errors of its article, each found once in the paragraph it names', () => {
    const source = scenario.file.sources[0]
    const paragraphs = scenario.sources[source.id]
    const errata = source.errata ?? []
    expect(errata.map((erratum) => erratum.text)).toEqual(
      expect.arrayContaining(['date 2021-11-25', '$ 55 billion gas project. of dollars', 'Ningxia. Chinese in August']),
    )
    for (const erratum of errata) expect(paragraphs[erratum.paragraph - 1].split(erratum.text).length - 1).toBe(1)
    // The text quotes are checked against is the file as it is: the errors are still in it.
    expect(paragraphs[0].startsWith('date 2021-11-25 Weeks after')).toBe(true)
  })
})

describe('errata', () => {
  it('are optional: the tutorial has none and loads', () => {
    expect(loadFolder(TUTORIAL).file.sources.every((source) => source.errata === undefined)).toBe(true)
  })

  it('report words that are not in the paragraph named, and where they are', () => {
    const result = withErrata([{ paragraph: 4, text: '$ 55 billion gas project. of dollars', note: 'Garbled.' }])
    expect(result.ok).toBe(false)
    expect(lines(result)).toEqual([
      expect.stringMatching(
        /error: erratum text "\$ 55 billion gas project\. of dollars" is not in paragraph 4 of source "blocs-2021" \[\/sources\/0\/errata\/0\/text\] hint: it is in paragraph 11$/,
      ),
    ])
    expect(result.diagnostics[0].code).toBe('erratum-not-found')
  })

  it('are matched exactly: typographic quotes written plain get a hint saying so', () => {
    const result = withErrata([{ paragraph: 6, text: 'exceptional. ".', note: 'A stray full stop.' }])
    expect(result.ok).toBe(false)
    expect(lines(result)[0]).toMatch(/not in paragraph 6 .* hint: the words are there with other quotes or spacing/)
  })

  it('report a paragraph the source does not have', () => {
    const result = withErrata([{ paragraph: 99, text: 'date', note: 'Out of range.' }])
    expect(result.ok).toBe(false)
    expect(lines(result)[0]).toMatch(
      /paragraph 99 does not exist: source "blocs-2021" has 36 paragraphs \[\/sources\/0\/errata\/0\/paragraph\]/,
    )
  })

  it('warn when the words occur more than once, and mark the first', () => {
    const result = withErrata([{ paragraph: 4, text: 'Chinese', note: 'Too short to be found once.' }])
    expect(result.ok).toBe(true)
    expect(lines(result)).toEqual([
      expect.stringMatching(/warning: erratum text "Chinese" occurs 3 times in paragraph 4 .*the first is marked/),
    ])
  })

  it('need a note; the schema says where one is missing', () => {
    const result = withErrata([{ paragraph: 1, text: 'date 2021-11-25' }])
    expect(result.ok).toBe(false)
    expect(lines(result).some((line) => line.includes('[/sources/0/errata/0') && line.includes('note'))).toBe(true)
  })
})

describe('context and glossary', () => {
  it('refuse a date that is not a month or a day, where it is', () => {
    const result = edited((json) => {
      json.context = { note: 'A model, not history.', leavesOut: [{ event: 'Something', date: 'March 2022' }] }
    })
    expect(result.ok).toBe(false)
    expect(lines(result).some((line) => line.includes('[/context/leavesOut/0/date]') && line.includes('YYYY-MM'))).toBe(true)
  })

  it('refuse a term the game does not explain, naming it', () => {
    const result = edited((json) => {
      json.glossary = { rigidty: 'How tight and separate the two camps are.' }
    })
    expect(result.ok).toBe(false)
    expect(lines(result).some((line) => line.includes('rigidty'))).toBe(true)
  })

  it('are inherited by an extension, which may replace them whole', () => {
    const base = { files: folderFiles(PIN_PRICKS), location: '../pin-pricks-2021' }
    const resolveBase = (id: string) => (id === 'pin-pricks-2021' ? base : undefined)
    const extension = (changes: Json): ScenarioFiles => ({
      'scenario.json': JSON.stringify({
        formatVersion: 2,
        id: 'my-variant',
        title: 'My variant',
        version: '1.0.0',
        description: 'A variant.',
        extends: { id: 'pin-pricks-2021', version: '^1.2.0' },
        ...changes,
      }),
    })
    const inherited = loadScenario(extension({}), { resolveBase })
    if (!inherited.ok) throw new Error(lines(inherited).join('\n'))
    expect(inherited.scenario.context?.leavesOut?.length).toBe(2)
    expect(inherited.scenario.glossary?.['pin-prick']).toMatch(/red lines/)
    expect(inherited.scenario.sources[0].errata?.length).toBeGreaterThanOrEqual(3)

    const replaced = loadScenario(extension({ context: { note: 'My own reading, not a history.' } }), { resolveBase })
    if (!replaced.ok) throw new Error(lines(replaced).join('\n'))
    expect(replaced.scenario.context).toEqual({ note: 'My own reading, not a history.' })
  })
})
