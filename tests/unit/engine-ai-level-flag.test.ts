// `--level ACTOR=LEVEL` on `redlines batch` and `simulate` (issue 11, part 1): one power at another level than
// --difficulty gives the rest. Form mistakes are usage errors before any file is read; an actor the scenario
// does not have is named with the scenario's actors; batch --json keeps every field it had and adds `levels`.
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { captureOutput } from '../support/capture.ts'
import { DEFAULT_SCENARIO_DIR } from '../support/scenarios.ts'

const run = async (...args: string[]) => {
  const out = captureOutput()
  const code = await main(args, out)
  return { code, out }
}

describe('--level', () => {
  for (const command of ['batch', 'simulate']) {
    it(`${command}: a malformed value is a usage error (exit 2) before the scenario is read`, async () => {
      const extra = command === 'batch' ? ['--runs', '2'] : []
      for (const [value, message] of [
        ['USA', /ACTOR=LEVEL/],
        ['USA=extreme', /easy, normal, hard/],
        ['=hard', /ACTOR=LEVEL/],
      ] as const) {
        const { code, out } = await run(command, '--scenario', '/no/such/folder', ...extra, '--level', value)
        expect(code).toBe(2)
        expect(out.stderr.join('\n')).toMatch(message)
        expect(out.stderr.join('\n')).not.toMatch(/no\/such\/folder/)
      }
      const twice = await run(command, '--scenario', '/no/such/folder', ...extra, '--level', 'USA=hard', '--level', 'USA=easy')
      expect(twice.code).toBe(2)
      expect(twice.out.stderr.join('\n')).toMatch(/USA twice/)
    })

    it(`${command}: an actor the scenario does not have is named, with the scenario's actors`, async () => {
      const extra = command === 'batch' ? ['--runs', '1', '--workers', '1'] : []
      const { code, out } = await run(command, '--scenario', DEFAULT_SCENARIO_DIR, '--turns', '1', ...extra, '--level', 'FRA=hard')
      expect(code).toBe(2)
      expect(out.stderr.join('\n')).toMatch(/FRA.*CHN, RUS, USA, JPN, KOR, AUS, GBR, IND/)
    })
  }

  it('simulate: the seat plays at its level (said in the header), and not with --from', async () => {
    const args = ['simulate', '--scenario', DEFAULT_SCENARIO_DIR, '--turns', '2', '--seed', '4']
    const easyKorea = await run(...args, '--level', 'KOR=easy', '--level', 'USA=hard')
    expect(easyKorea.code).toBe(0)
    expect(easyKorea.out.stdout[0]).toMatch(/computer: normal, KOR easy, USA hard/)
    const json = JSON.parse((await run(...args, '--level', 'KOR=easy', '--json')).out.stdout[0])
    const plain = JSON.parse((await run(...args, '--json')).out.stdout[0])
    expect(JSON.stringify(json.turns)).not.toBe(JSON.stringify(plain.turns))
    const from = await run('simulate', '--from', 'save.json', '--turn', '1', '--level', 'USA=hard')
    expect(from.code).toBe(2)
    expect(from.out.stderr.join('\n')).toMatch(/--level does not apply to --from/)
  })

  it('batch --json keeps every field and adds the levels; the level changes the games', async () => {
    const args = ['batch', '--scenario', DEFAULT_SCENARIO_DIR, '--runs', '4', '--turns', '3', '--workers', '1', '--json']
    const plain = JSON.parse((await run(...args)).out.stdout[0])
    const leveled = JSON.parse((await run(...args, '--level', 'CHN=easy', '--level', 'RUS=easy')).out.stdout[0])
    for (const field of [
      'scenario',
      'runs',
      'outcomes',
      'meanScores',
      'pair',
      'meanPairAlignment',
      'meanIncidents',
      'meanRigidity',
      'meanTurns',
      'seed',
      'turns',
      'difficulty',
      'others',
    ])
      expect(Object.keys(leveled)).toContain(field)
    expect(Object.keys(leveled)).toEqual([...Object.keys(plain)])
    expect(plain.levels).toEqual({})
    expect(leveled.levels).toEqual({ CHN: 'easy', RUS: 'easy' })
    expect(leveled.meanScores).not.toEqual(plain.meanScores)
  })
})
