// The in-game guide a tutorial scenario carries: checked like any field, with the place of a mistake.
import { describe, expect, it } from 'vitest'
import { formatDiagnostic, loadScenario } from '../../src/engine/scenario/index.ts'
import { loadFolder, ROOT, scenarioFiles } from '../support/scenarios.ts'
import { join } from 'node:path'

const TUTORIAL = join(ROOT, 'scenarios', 'tutorial')

function withGuide(guide: unknown): Record<string, Uint8Array> {
  const files = scenarioFiles(TUTORIAL)
  const json = JSON.parse(new TextDecoder().decode(files['scenario.json'])) as Record<string, unknown>
  json.guide = guide
  return { ...files, 'scenario.json': new TextEncoder().encode(JSON.stringify(json, null, 2)) }
}

describe('a scenario guide', () => {
  it('is part of the shipped tutorial, each step waiting for something the game reports', () => {
    const guide = loadFolder(TUTORIAL).file.guide ?? []
    expect(guide.length).toBeGreaterThanOrEqual(5)
    expect(new Set(guide.map((step) => step.until))).toEqual(new Set(['next', 'choice-added', 'turn-ended', 'why-opened', 'report-closed']))
  })

  it('reports a step waiting for an unknown event or pointing at an unknown place, where it is', () => {
    const result = loadScenario(withGuide([{ text: 'Add an action.', until: 'choice-add', point: 'deck' }]))
    expect(result.ok).toBe(false)
    const lines = result.diagnostics.map(formatDiagnostic)
    expect(lines.some((line) => line.includes('[/guide/0/until]') && line.includes('choice-added'))).toBe(true)
    expect(lines.some((line) => line.includes('[/guide/0/point]'))).toBe(true)
  })

  it('refuses an empty step text and an empty guide', () => {
    expect(loadScenario(withGuide([{ text: '', until: 'next' }])).ok).toBe(false)
    expect(loadScenario(withGuide([])).ok).toBe(false)
  })
})
