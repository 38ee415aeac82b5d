// scenarios/MODDING.md stays true: its generated parts are current, every diagnostic code the loader can
// emit is documented, the tutorial's JSON is the real tutorial scenario, and its examples load.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { updateGeneratedSections } from '../../src/cli/modding-reference.ts'
import {
  DIAGNOSTIC_CODES,
  PARAMETER_NAMES,
  Scenario,
  extensionSchema,
  formatDiagnostic,
  loadScenario,
} from '../../src/engine/scenario/index.ts'
import { folderFiles, loadExtensionFixture } from '../support/extension-fixtures.ts'
import { ROOT } from '../support/scenarios.ts'

const MODDING = readFileSync(join(ROOT, 'scenarios', 'MODDING.md'), 'utf8')
const TUTORIAL_FOLDER = join(ROOT, 'tests', 'fixtures', 'scenarios', 'modding-tutorial')

function section(start: string, end: string): string {
  const from = MODDING.indexOf(start)
  const to = MODDING.indexOf(end, from)
  expect(from, start).toBeGreaterThanOrEqual(0)
  expect(to, end).toBeGreaterThan(from)
  return MODDING.slice(from, to)
}

function codeBlocks(text: string, language: string): string[] {
  return [...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)\\n```', 'g'))].map((match) => match[1])
}

/** Whether `needle` equals `haystack` or any value inside it (objects compared by content). */
function containsValue(haystack: unknown, needle: unknown): boolean {
  if (JSON.stringify(haystack) === JSON.stringify(needle)) return true
  if (typeof haystack !== 'object' || haystack === null) return false
  return Object.values(haystack).some((child) => containsValue(child, needle))
}

/** Every code the loader's sources can report, found by the shapes of the calls that report them. */
function codesInSources(): Set<string> {
  const folders = ['src/engine/scenario', 'src/engine/ingest']
  const patterns = [
    /\bcode: '([a-z]+(?:-[a-z]+)+)'/g,
    /\b(?:error|warning)\(\s*'([a-z]+(?:-[a-z]+)+)'/g,
    /\badd\(\s*'(?:error|warning)',\s*'([a-z]+(?:-[a-z]+)+)'/g,
    /\b(?:stop|fail|report)\(\s*'([a-z]+(?:-[a-z]+)+)'/g,
    /'((?:unknown|duplicate)-[a-z]+)'/g,
    /\.error\(\s*'(ungrounded)'/g,
  ]
  const codes = new Set<string>()
  for (const folder of folders) {
    for (const file of readdirSync(join(ROOT, folder)).filter((name) => name.endsWith('.ts') && name !== 'diagnostic-codes.ts')) {
      const text = readFileSync(join(ROOT, folder, file), 'utf8')
      for (const pattern of patterns) for (const match of text.matchAll(pattern)) codes.add(match[1])
    }
  }
  return codes
}

describe('scenarios/MODDING.md', () => {
  it('has current generated sections (run `redlines docs --write scenarios/MODDING.md` when this fails)', () => {
    expect(updateGeneratedSections(MODDING)).toBe(MODDING)
  })

  it('documents every diagnostic code the loader can emit, and no other', () => {
    const documented = Object.keys(DIAGNOSTIC_CODES).sort()
    expect([...codesInSources()].sort()).toEqual(documented)
    for (const code of documented) expect(MODDING, code).toContain(`| \`${code}\` |`)
    for (const [code, doc] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(doc.example, code).toMatch(/^\S+:\d+:\d+: (error|warning): .+ \[.*\]/)
      expect(doc.fix.length, code).toBeGreaterThan(5)
    }
  })

  it('knows every code the fixtures produce', () => {
    const produced = new Set<string>()
    const broken = join(ROOT, 'tests/fixtures/scenarios/broken')
    for (const name of readdirSync(broken)) {
      for (const d of loadScenario(folderFiles(join(broken, name))).diagnostics) produced.add(d.code)
    }
    for (const name of readdirSync(join(ROOT, 'tests/fixtures/extensions'))) {
      for (const d of loadExtensionFixture(name).diagnostics) produced.add(d.code)
    }
    expect(produced.size).toBeGreaterThan(20)
    for (const code of produced) expect(Object.keys(DIAGNOSTIC_CODES), code).toContain(code)
  })

  it('has a field reference with a description for every field, covering both kinds of file', () => {
    const reference = section('<!-- BEGIN GENERATED field-reference', '<!-- END GENERATED field-reference')
    const rows = reference.split('\n').filter((line) => line.startsWith('| `'))
    expect(rows.length).toBeGreaterThan(300)
    const undescribed = rows.filter((row) => !row.includes('.…`') && !/\.(kind|variable)` \|/.test(row) && /\| *\|$/.test(row))
    expect(undescribed).toEqual([])
    for (const key of [...Object.keys(Scenario.shape), ...Object.keys(extensionSchema().shape)])
      expect(reference, key).toContain(`| \`${key}\` |`)
    for (const name of PARAMETER_NAMES) expect(reference).toContain(`| \`parameters.${name}\` |`)
    for (const key of ['remove', 'override', 'add', 'extends']) expect(reference).toContain(`| \`${key}.`)
  })
})

describe('the tutorial in scenarios/MODDING.md', () => {
  const tutorial = section('<!-- BEGIN TUTORIAL', '<!-- END TUTORIAL -->')
  const scenario = JSON.parse(readFileSync(join(TUTORIAL_FOLDER, 'scenario.json'), 'utf8'))

  it('builds a scenario that validates with no diagnostic at all', () => {
    const result = loadScenario(folderFiles(TUTORIAL_FOLDER))
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([])
    expect(result.ok).toBe(true)
  })

  it('shows the source text exactly as the tutorial scenario has it', () => {
    const [text] = codeBlocks(tutorial, 'text')
    expect(`${text}\n`).toBe(readFileSync(join(TUTORIAL_FOLDER, 'sources', 'tarn-rock.txt'), 'utf8'))
  })

  it('shows only JSON that is part of the tutorial scenario', () => {
    const blocks = codeBlocks(tutorial, 'json')
    expect(blocks.length).toBeGreaterThanOrEqual(10)
    for (const block of blocks) expect(containsValue(scenario, JSON.parse(block)), block).toBe(true)
  })
})

describe('the examples in scenarios/MODDING.md', () => {
  const pinPricks = { files: folderFiles(join(ROOT, 'scenarios', 'pin-pricks-2021')), location: '../pin-pricks-2021' }

  it('include an extension of Pin Pricks that loads', () => {
    const extensions = section('## Extensions', '## Versions')
    const [example] = codeBlocks(extensions, 'json')
    const result = loadScenario({ 'scenario.json': example }, { resolveBase: (id) => (id === 'pin-pricks-2021' ? pinPricks : undefined) })
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([])
    expect(result.ok && result.scenario.actions.find((action) => action.id === 'sanctions')?.cost).toBe(1)
  })

  it('show an inject of Pin Pricks as the shipped scenario has it', () => {
    const [example] = codeBlocks(section('## Injects', '## Claims'), 'json')
    const shipped = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'pin-pricks-2021', 'scenario.json'), 'utf8'))
    const injects = JSON.parse(`{${example}}`).injects
    expect(injects).toHaveLength(1)
    expect(shipped.injects).toContainEqual(injects[0])
  })

  it('cite and assume with JSON the format accepts', () => {
    const blocks = codeBlocks(section('## How to cite', '## Tutorial'), 'json')
    expect(blocks).toHaveLength(3)
    for (const block of blocks) expect(() => JSON.parse(block)).not.toThrow()
  })
})
