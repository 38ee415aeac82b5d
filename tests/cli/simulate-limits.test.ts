// `redlines simulate` tells the net truth where a limit held a push back: readable lines name what was
// pushed and what took effect, and --json adds `limitedChanges` beside the unchanged ledger.
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { captureOutput } from '../support/capture.ts'

const SCENARIO = 'scenarios/pin-pricks-2021'

async function run(...args: string[]) {
  const out = captureOutput()
  const code = await main(args, out)
  return { code, ...out }
}

interface Change {
  variable: string
  actors: string[]
  before: number
  after: number
  net: number
  pushed: number
  limitDelta: number
  limits: { cause: string; delta: number }[]
  pushes: { step: string; delta: number }[]
}

describe('redlines simulate: what took effect where a limit acted', () => {
  it('prints what a cap let through of a push, and counts range clamps, in the readable summary', async () => {
    const result = await run('simulate', '--scenario', SCENARIO, '--seed', '1', '--turns', '12')
    expect(result.code).toBe(0)
    const limited = result.stdout.filter((line) => line.startsWith('  Limited:'))
    expect(limited.length).toBeGreaterThan(0)
    for (const line of limited)
      expect(line).toMatch(
        /^ {2}Limited: {3}\S+ \w+: (?:[+−]\d\.\d+ pushed by [a-z ,]+|nothing pushed), (?:[+−]\d\.\d+ took effect|nothing took effect) \([^)]*(?:held back|added|took away) \d\.\d+\)$/,
      )
    expect(limited.some((line) => /^ {2}Limited: {3}CHN–RUS alignment: .*strategic-autonomy held back/.test(line))).toBe(true)
    expect(result.stdout.some((line) => /^ {2}Clamped: {3}\d+ values? held within their range \(grievance \d+/.test(line))).toBe(true)
  })

  it('adds limitedChanges to each --json turn, exact against the ledger it keeps', async () => {
    const result = await run('simulate', '--scenario', SCENARIO, '--seed', '1', '--turns', '12', '--json')
    expect(result.code).toBe(0)
    const doc = JSON.parse(result.stdout[0])
    let capped = 0
    for (const turn of doc.turns) {
      expect(Array.isArray(turn.ledger)).toBe(true)
      expect(Array.isArray(turn.limitedChanges)).toBe(true)
      for (const change of turn.limitedChanges as Change[]) {
        expect(change.limitDelta).not.toBe(0)
        expect(change.before + change.net).toBe(change.after)
        expect(change.pushed + change.limitDelta).toBe(change.net)
        const limits = turn.ledger.filter(
          (e: { variable: string; actors: string[]; limit?: boolean }) =>
            e.limit && e.variable === change.variable && e.actors.join() === change.actors.join(),
        )
        expect(limits.reduce((sum: number, e: { delta: number }) => sum + e.delta, 0)).toBe(change.limitDelta)
        if (change.limits.some((share) => share.cause === 'strategic-autonomy')) capped++
      }
    }
    expect(capped).toBeGreaterThan(0)
  })
})
