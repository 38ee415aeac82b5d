// The scenarios screen's pure parts: the files an import is made of, the folder it is kept under,
// and the state and origin shown in words.
import { describe, expect, it } from 'vitest'
import { scenarioFilesOf, userFolderOf } from '../../src/renderer/host/user-scenarios.ts'
import { originLabel, scenarioState } from '../../src/renderer/ui/screens/scenarios.ts'

describe('importing a scenario', () => {
  it('keeps scenario.json at the top and every .txt under sources/, ignoring the rest', () => {
    const { files, ignored } = scenarioFilesOf([
      { name: 'scenario.json', text: '{}' },
      { name: 'text.txt', text: 'a' },
      { name: 'other.TXT', text: 'b' },
      { name: 'notes.md', text: 'c' },
    ])
    expect(files).toEqual({ 'scenario.json': '{}', 'sources/text.txt': 'a', 'sources/other.TXT': 'b' })
    expect(ignored).toEqual(['notes.md'])
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
    expect(scenarioState({ scenario, problems: [] })).toBe('Ready')
    expect(scenarioState({ scenario, problems: ['a.json:1:1: warning: x'] })).toBe('Ready with warnings')
    expect(scenarioState({ scenario: null, problems: ['a.json:1:1: error: x'] })).toBe('Broken')
  })
  it('says shipped, yours (desktop) or imported (browser)', () => {
    expect(originLabel({ origin: 'shipped' }, 'browser')).toBe('shipped')
    expect(originLabel({ origin: 'user' }, 'desktop')).toBe('yours')
    expect(originLabel({ origin: 'user' }, 'browser')).toBe('imported')
  })
})
