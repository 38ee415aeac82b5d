// `redlines claims`: verdicts, exit codes, JSON and usage errors, on the claims fixture.
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { captureOutput } from '../support/capture.ts'

const FIXTURE = 'tests/fixtures/scenarios/claims'

async function run(...args: string[]) {
  const out = captureOutput()
  const code = await main(args, out)
  return { code, ...out }
}

describe('redlines claims', () => {
  it('reports each claim with its effect and interval, and exits 1 when one fails', async () => {
    const result = await run('claims', '--scenario', FIXTURE, '--runs', '8')
    expect(result.code).toBe(1)
    const text = result.stdout.join('\n')
    expect(result.stdout[0]).toMatch(/^Claims: the Straits Standoff: claims tested with 8 paired seeds from seed 1, [\d.]+ s$/)
    expect(text).toMatch(/^HOLDS {2}patrols-raise-tension: /m)
    expect(text).toMatch(/^FAILS {2}patrols-calm-things: /m)
    expect(text).toMatch(/mean-tension ALD–CAS: effect [\d.]+ \[95% [\d.]+, [\d.]+\]/)
    expect(result.stdout.at(-1)).toBe('2 of 3 claims hold')
    expect(result.stderr.at(-1)).toBe('progress 40/40')
  })

  it('exits 0 when every claim chosen holds and is robust', async () => {
    const result = await run(
      'claims',
      '--scenario',
      FIXTURE,
      '--runs',
      '4',
      '--claim',
      'patrols-raise-tension',
      '--sensitivity',
      '--joint',
      '2',
    )
    expect(result.code).toBe(0)
    expect(result.stdout.join('\n')).toMatch(/±20% one at a time: holds in (\d+)\/\1 \(100%\); joint sample: 2\/2 \(100%\)/)
    expect(result.stdout.at(-1)).toBe('1 of 1 claims hold and are robust')
  })

  it('prints one JSON document with --json', async () => {
    const result = await run('claims', '--scenario', FIXTURE, '--runs', '4', '--json')
    const report = JSON.parse(result.stdout.join('\n'))
    expect(report.runs).toBe(4)
    expect(report.claims.map((claim: { claim: string; holds: boolean }) => [claim.claim, claim.holds])).toEqual([
      ['patrols-raise-tension', true],
      ['patrols-calm-things', false],
      ['quiet-no-clash', true],
    ])
    expect(Object.keys(report.claims[0].effect).sort()).toEqual(['high', 'low', 'mean', 'n', 'sd', 'se'])
  })

  it('refuses wrong usage with exit 2 and a scenario without claims with exit 1', async () => {
    const bad = await run('claims', '--scenario', FIXTURE, '--runs', 'many')
    expect(bad.code).toBe(2)
    expect(bad.stderr[0]).toBe('redlines: --runs must be a whole number, got "many"')
    expect((await run('claims')).code).toBe(2)
    const unknown = await run('claims', '--scenario', FIXTURE, '--claim', 'nope')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr.at(-1)).toMatch(/no claim "nope" \(claims: patrols-raise-tension, patrols-calm-things, quiet-no-clash\)/)
    const none = await run('claims', '--scenario', 'tests/fixtures/scenarios/minimal')
    expect(none.code).toBe(1)
    expect(none.stderr.at(-1)).toMatch(/declares no claims/)
  })
})
