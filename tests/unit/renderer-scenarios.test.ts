// The scenarios screen's pure parts: the files an import is made of, the folder it is kept under,
// and the state and origin shown in words.
import { describe, expect, it } from 'vitest'
import { MAX_IMPORTED_FILE_BYTES, scenarioFilesOf, userFolderOf } from '../../src/renderer/host/user-scenarios.ts'
import { skipLine } from '../../src/renderer/ui/skip-reasons.ts'
import { originLabel, scenarioState } from '../../src/renderer/ui/screens/scenario-labels.ts'

describe('importing a scenario', () => {
  const bytes = (text: string) => new TextEncoder().encode(text)

  it('keeps scenario.json at the top and every .txt under sources/, leaving out the rest with a reason', () => {
    const read = scenarioFilesOf([
      { name: 'scenario.json', bytes: bytes('{}') },
      { name: 'text.txt', bytes: bytes('a') },
      { name: 'other.TXT', bytes: bytes('b') },
      { name: 'notes.md', bytes: bytes('c') },
    ])
    expect(read.files).toEqual({ 'scenario.json': '{}', 'sources/text.txt': 'a', 'sources/other.TXT': 'b' })
    expect(read.skipped).toEqual([{ file: 'notes.md', reason: 'not-a-scenario-file' }])
  })

  it('leaves out a file that is not UTF-8, too large, or chosen twice, and keeps the text exactly', () => {
    const read = scenarioFilesOf([
      { name: 'scenario.json', bytes: bytes('{"id":"x"}') },
      { name: 'latin1.txt', bytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9]) },
      { name: 'huge.txt', bytes: new Uint8Array(MAX_IMPORTED_FILE_BYTES + 1).fill(0x61) },
      { name: 'a.txt', bytes: bytes('\uFEFFfirst “quoted”') },
      { name: 'C:\\docs\\a.txt', bytes: bytes('second') },
      { name: 'scenario.json', bytes: bytes('{"id":"y"}') },
    ])
    expect(read.files).toEqual({ 'scenario.json': '{"id":"x"}', 'sources/a.txt': '\uFEFFfirst “quoted”' })
    expect(read.skipped).toEqual([
      { file: 'latin1.txt', reason: 'not-utf8' },
      { file: 'huge.txt', reason: 'too-large' },
      { file: 'a.txt', reason: 'duplicate' },
      { file: 'scenario.json', reason: 'duplicate' },
    ])
  })

  it('says why a file was left out in words a modder can act on, in the diagnostics form', () => {
    expect(skipLine('mine', { file: 'sources/a.txt', reason: 'symlink' })).toBe(
      'mine/sources/a.txt: warning: skipped: it is a link; only plain files inside the scenario folder are read',
    )
  })

  it('names the folder from the scenario id, so a re-import replaces it', () => {
    expect(userFolderOf({ 'scenario.json': '{"id":"minimal"}' })).toBe('minimal')
    expect(userFolderOf({ 'scenario.json': '{"id":"My Scenario/2"}' })).toBe('my-scenario-2')
    expect(userFolderOf({ 'scenario.json': '{"id":"../.."}' })).toBe('untitled')
    expect(userFolderOf({ 'scenario.json': 'not json' })).toBe('untitled')
    expect(userFolderOf({ 'scenario.json': '{"title":"no id"}' })).toBe('untitled')
    expect(userFolderOf({ 'sources/text.txt': 'a' })).toBeNull()
  })
})

describe('the state and origin of a scenario, in words', () => {
  const scenario = {} as never
  it('is Ready, Ready with warnings or Broken', () => {
    expect(scenarioState({ scenario, warnings: [] })).toBe('Ready')
    expect(scenarioState({ scenario, warnings: ['a.json:1:1: warning: x'] })).toBe('Ready with warnings')
    expect(scenarioState({ scenario: null, warnings: ['a.json:1:1: error: x'] })).toBe('Broken')
  })
  it('says shipped, yours (desktop) or imported (browser)', () => {
    expect(originLabel({ origin: 'shipped' }, 'browser')).toBe('shipped')
    expect(originLabel({ origin: 'user' }, 'desktop')).toBe('yours')
    expect(originLabel({ origin: 'user' }, 'browser')).toBe('imported')
  })
})
