// The rules a game was played with, kept under their hash, and the catalogue that gathers them: plain
// scenarios and extensions with their bases load back to the same hash; anything altered is refused.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadScenario } from '../../src/engine/scenario/index.ts'
import { decodeRules, encodeRules, rulesBundle } from '../../src/renderer/session/kept-rules.ts'
import { findByHash, invalidateCatalog, loadCatalog, problemsOf } from '../../src/renderer/ui/catalog.ts'
import { provenanceSummary, shownFile } from '../../src/renderer/ui/screens/provenance.ts'
import type { Host, ScenarioListing, ScenarioRead } from '../../src/shared/host.ts'
import { ROOT } from '../support/scenarios.ts'

/** A scenario folder's files as text, as a host hands them over. */
function textFiles(folder: string): Record<string, string> {
  const dir = join(ROOT, 'scenarios', folder)
  const files: Record<string, string> = { 'scenario.json': readFileSync(join(dir, 'scenario.json'), 'utf8') }
  const sources = join(dir, 'sources')
  for (const name of existsSync(sources) ? readdirSync(sources) : [])
    files[`sources/${name}`] = readFileSync(join(dir, 'sources', name), 'utf8')
  return files
}

const tutorial = textFiles('tutorial')
const pinPricks = textFiles('pin-pricks-2021')
const oneThreat = textFiles('pin-pricks-one-threat')

function hashOf(files: Record<string, string>, bases: Record<string, Record<string, string>> = {}): string {
  const result = loadScenario(files, { resolveBase: (id) => (bases[id] ? { files: bases[id], location: `../${id}` } : undefined) })
  if (!result.ok) throw new Error('does not load')
  return result.hash
}

describe('kept rules', () => {
  it('load back to the same scenario, for a plain scenario and for an extension with its base', () => {
    const plainHash = hashOf(tutorial)
    const plain = decodeRules(encodeRules(rulesBundle(plainHash, tutorial, new Map())), plainHash)
    expect(typeof plain === 'string' ? plain : plain.hash).toBe(plainHash)

    const extensionHash = hashOf(oneThreat, { 'pin-pricks-2021': pinPricks })
    const bases = new Map([['pin-pricks-2021', { files: pinPricks, location: '../pin-pricks-2021' }]])
    const extension = decodeRules(encodeRules(rulesBundle(extensionHash, oneThreat, bases)), extensionHash)
    if (typeof extension === 'string') throw new Error(extension)
    expect(extension.hash).toBe(extensionHash)
    expect(extension.id).toBe('pin-pricks-one-threat')
  })

  it('are refused when altered, kept under another hash, incomplete or not rules at all', () => {
    const hash = hashOf(tutorial)
    const altered = { ...tutorial, 'sources/grey-strait-primer.txt': `${tutorial['sources/grey-strait-primer.txt']}\nOne more line.` }
    expect(decodeRules(encodeRules(rulesBundle(hash, altered, new Map())), hash)).toBe('the kept rules do not match the save')
    expect(decodeRules(encodeRules(rulesBundle(hash, tutorial, new Map())), 'f'.repeat(64))).toBe('the kept rules are damaged')
    const extensionHash = hashOf(oneThreat, { 'pin-pricks-2021': pinPricks })
    expect(decodeRules(encodeRules(rulesBundle(extensionHash, oneThreat, new Map())), extensionHash)).toBe(
      'the kept rules no longer load in this version of Red Lines',
    )
    expect(decodeRules('{"format":"red-lines-rules"', hash)).toBe('the kept rules are damaged')
    expect(decodeRules(JSON.stringify({ format: 'something-else' }), hash)).toBe('the kept rules are damaged')
  })
})

/** A host with the given scenarios; only what the catalogue uses. */
function fakeHost(scenarios: { listing: ScenarioListing; read: ScenarioRead }[]): Host {
  return {
    edition: 'desktop',
    listScenarios: async () => ({ ok: true, value: scenarios.map((s) => s.listing) }),
    readScenario: async (origin, folder) => {
      const found = scenarios.find((s) => s.listing.origin === origin && s.listing.folder === folder)
      return found ? { ok: true, value: found.read } : { ok: false, code: 'not-found', message: 'no such scenario' }
    },
  } as Partial<Host> as Host
}

const listing = (origin: 'shipped' | 'user', folder: string): ScenarioListing => ({ origin, folder, location: `/x/${folder}` })

describe('the catalogue', () => {
  afterEach(() => invalidateCatalog())

  it('lists skipped files as warnings, keeps each scenario’s rules with its bases, and knows its provenance', async () => {
    const host = fakeHost([
      { listing: listing('shipped', 'pin-pricks-2021'), read: { files: pinPricks, skipped: [] } },
      { listing: listing('user', 'mine'), read: { files: oneThreat, skipped: [{ file: 'sources/notes.txt', reason: 'symlink' }] } },
      { listing: listing('user', 'gone'), read: { files: {}, skipped: [] } },
    ])
    const catalog = await loadCatalog(host)
    if (typeof catalog === 'string') throw new Error(catalog)
    const [base, mine, gone] = catalog
    expect(base.warnings).toEqual([])
    expect(base.rules?.bases).toEqual([])
    expect(base.provenance?.bases).toEqual([])

    expect(mine.scenario?.id).toBe('pin-pricks-one-threat')
    expect(mine.warnings).toEqual([
      'mine/sources/notes.txt: warning: skipped: it is a link; only plain files inside the scenario folder are read',
    ])
    expect(mine.rules?.bases.map((b) => [b.id, b.location])).toEqual([['pin-pricks-2021', '../pin-pricks-2021']])
    expect(decodeRules(encodeRules(mine.rules!), mine.scenario!.hash)).toMatchObject({ hash: mine.scenario!.hash })
    expect(mine.provenance?.bases.map((b) => b.id)).toEqual(['pin-pricks-2021'])
    expect(mine.provenance?.entries.some((entry) => entry.change === 'overridden' || entry.change === 'added')).toBe(true)
    expect(provenanceSummary('mine', mine.provenance!)).toMatch(
      /^Extends pin-pricks-2021 \d+\.\d+\.\d+ \(pin-pricks-2021\/scenario\.json\): \d+ items overridden, \d+ added, \d+ removed, \d+ in replaced sections, \d+ inherited unchanged\.$/,
    )

    expect(gone.scenario).toBeNull()
    expect(gone.errors.join('\n')).toMatch(/scenario\.json/)
    expect(await findByHash(host, mine.scenario!.hash)).toBe(mine)
    expect(await findByHash(host, '0'.repeat(64))).toBeUndefined()
  })

  it('says a scenario whose files cannot be read is broken, with the host’s reason', async () => {
    const host = fakeHost([])
    const catalog = await loadCatalog({ ...host, listScenarios: async () => ({ ok: true, value: [listing('user', 'lost')] }) })
    if (typeof catalog === 'string') throw new Error(catalog)
    expect(catalog[0].errors).toEqual(['lost: error: no such scenario'])
  })
})

describe('the catalogue, for folders that cannot be scenarios and ids used twice', () => {
  afterEach(() => invalidateCatalog())

  it('lists a folder the host could not read as a scenario as broken with the host’s reason, without reading it', async () => {
    const reads: string[] = []
    const host = fakeHost([{ listing: listing('shipped', 'tutorial'), read: { files: tutorial, skipped: [] } }])
    const catalog = await loadCatalog({
      ...host,
      listScenarios: async () => ({
        ok: true,
        value: [listing('shipped', 'tutorial'), { ...listing('user', 'linked'), problem: 'This is a link.' }],
      }),
      readScenario: async (origin, folder) => (reads.push(folder), host.readScenario(origin, folder)),
    })
    if (typeof catalog === 'string') throw new Error(catalog)
    expect(reads).toEqual(['tutorial'])
    expect(catalog[1]).toMatchObject({ scenario: null, errors: ['linked: error: This is a link.'], warnings: [] })
  })

  it('warns that a copy with the same id is not the one extensions build on, and keeps errors apart from warnings', async () => {
    const brokenCopy = { ...tutorial, 'scenario.json': tutorial['scenario.json'].replace('"turns": {', '"turns": { "bogus": 1,') }
    const host = fakeHost([
      { listing: listing('shipped', 'tutorial'), read: { files: tutorial, skipped: [] } },
      { listing: listing('user', 'old-tutorial'), read: { files: tutorial, skipped: [] } },
      { listing: listing('user', 'broken-tutorial'), read: { files: brokenCopy, skipped: [{ file: 'sources/x.txt', reason: 'symlink' }] } },
    ])
    const catalog = await loadCatalog(host)
    if (typeof catalog === 'string') throw new Error(catalog)
    const [shipped, copy, broken] = catalog
    expect(shipped.warnings).toEqual([])
    expect(copy.scenario).not.toBeNull()
    expect(copy.warnings).toEqual([
      'old-tutorial/scenario.json: warning: the scenario in "tutorial" (shipped) has the same id "tutorial"; extensions that name "tutorial" build on that one',
    ])
    expect(broken.scenario).toBeNull()
    expect(broken.errors.length).toBeGreaterThan(0)
    expect(broken.errors.every((line) => line.includes(': error: '))).toBe(true)
    expect(broken.warnings[0]).toBe(
      'broken-tutorial/sources/x.txt: warning: skipped: it is a link; only plain files inside the scenario folder are read',
    )
    expect(problemsOf(broken)[0]).toBe(broken.errors[0])
  })
})

describe('file names in provenance', () => {
  it('are shown from the scenarios folder, with a base’s ../ resolved', () => {
    expect(shownFile('mine', 'scenario.json')).toBe('mine/scenario.json')
    expect(shownFile('mine', '../pin-pricks-2021/scenario.json')).toBe('pin-pricks-2021/scenario.json')
    expect(shownFile('mine', './sources/a.txt')).toBe('mine/sources/a.txt')
  })
  it('say so when every item is the scenario’s own', () => {
    expect(provenanceSummary('tutorial', { entries: [], removed: [], bases: [] })).toBe("Every item is written in tutorial's own files.")
  })
})
