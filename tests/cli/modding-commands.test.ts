// scenarios/MODDING.md's commands run as written from the project (with the tutorial's folder where the
// reader would have made it), its JSON fragments each say where in the file they go, and it opens with an
// outline of a whole scenario file naming every top-level field the format has.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { Scenario } from '../../src/engine/index.ts'
import { captureOutput } from '../support/capture.ts'

const MODDING = readFileSync('scenarios/MODDING.md', 'utf8')
const HAND_WRITTEN = MODDING.slice(0, MODDING.indexOf('<!-- BEGIN GENERATED diagnostics'))

/** Commands the guide shows in code blocks or inline code, without placeholders. */
function runnableCommands(): string[] {
  const found = [
    ...[...HAND_WRITTEN.matchAll(/```[a-z]*\n([\s\S]*?)\n```/g)].flatMap((match) => match[1].split('\n')),
    // Inline commands on a folder (a bare `npx redlines claims` names the command, it is not one to run).
    ...[...HAND_WRITTEN.matchAll(/`(npx redlines [^`]*(?:tarn-rock|scenarios\/)[^`]*)`/g)].map((match) => match[1]),
  ]
    .map((line) => line.trim())
    .filter((line) => line.startsWith('npx redlines '))
  return [...new Set(found)].filter((command) => !/[<[…]|my-scenario|--watch|--write|redlines schema/.test(command))
}

describe('the commands of scenarios/MODDING.md', () => {
  it('all start with npx redlines and run as written', async () => {
    const commands = runnableCommands()
    expect(commands.length).toBeGreaterThanOrEqual(4)
    const work = mkdtempSync(join(tmpdir(), 'redlines-modding-'))
    cpSync('tests/fixtures/scenarios/modding-tutorial', join(work, 'tarn-rock'), { recursive: true })
    for (const command of commands) {
      const args = command
        .replace(/^npx redlines /, '')
        .split(/\s+/)
        .map((arg) => (arg === 'tarn-rock' ? join(work, 'tarn-rock') : arg))
      const out = captureOutput()
      const code = await main(args, out)
      expect(code, `${command}\n${out.stderr.join('\n')}`).toBe(0)
    }
    expect(HAND_WRITTEN).not.toMatch(/^redlines /m)
  }, 120_000)
})

describe('the JSON fragments of scenarios/MODDING.md', () => {
  it('each say where in the file they go', () => {
    const lines = HAND_WRITTEN.split('\n')
    const unplaced: string[] = []
    lines.forEach((line, k) => {
      if (!line.startsWith('```json')) return
      const before = lines.slice(Math.max(0, k - 4), k).join(' ')
      if (!/Where it goes|goes in|in `"|top level|inside|whole `scenario.json`/.test(before)) unplaced.push(`line ${k + 1}`)
    })
    expect(unplaced).toEqual([])
  })

  it('the guide opens with an outline naming every top-level field of a scenario', () => {
    const outline = HAND_WRITTEN.slice(
      HAND_WRITTEN.indexOf('## A scenario file at a glance'),
      HAND_WRITTEN.indexOf('## Where scenarios live'),
    )
    expect(HAND_WRITTEN.indexOf('## A scenario file at a glance')).toBeLessThan(HAND_WRITTEN.indexOf('## The commands'))
    const fields = Object.keys(Scenario.shape)
    expect(fields.filter((field) => !outline.includes(`"${field}"`))).toEqual([])
  })
})
