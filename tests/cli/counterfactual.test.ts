// `redlines simulate --from SAVE --turn K`: a saved game played again from turn K with another choice or a
// rule switched off. Nothing changed gives the game itself; both timelines and the first difference are
// printed; wrong flags are usage errors (exit 2) before any file is read; a bad save or the wrong scenario
// is exit 1, naming the file and what is wrong.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { recordOf, stateHash } from '../../src/engine/index.ts'
import { encodeSave } from '../../src/renderer/session/save-codec.ts'
import type { SavePayload } from '../../src/shared/save-format.ts'
import { captureOutput } from '../support/capture.ts'
import { playedMatch, scenario } from '../support/debrief-games.ts'

// Every path the command hands to the file system, in order.
const disk = vi.hoisted(() => ({ touched: [] as string[] }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  const wrapped: Record<string, unknown> = { ...real }
  for (const name of ['readFile', 'readdir', 'stat', 'lstat', 'open', 'opendir', 'realpath', 'access'] as const) {
    const original = real[name] as (...args: unknown[]) => unknown
    wrapped[name] = (...args: unknown[]) => {
      disk.touched.push(String(args[0]))
      return original(...args)
    }
  }
  return { ...wrapped, default: wrapped }
})

const match = playedMatch()
const folder = mkdtempSync(join(tmpdir(), 'redlines-what-if-'))
// The desktop edition's kept rules are looked for under the user data folder: keep this machine's out.
process.env.REDLINES_USER_DATA_DIR = join(folder, 'user-data')

function payload(): SavePayload {
  const game = recordOf(match)
  // Save format 2 records choices and answers; rationales stay in the class's record.
  game.decisions = game.decisions.map(({ choices, agreed }) => ({ choices, agreed }))
  return {
    name: 'Class 7B',
    savedAt: '2026-01-01T00:00:00.000Z',
    appVersion: '0.2.0',
    scenario: { id: scenario.id, version: scenario.version, hash: scenario.hash, origin: 'shipped', folder: 'pin-pricks-2021' },
    game,
    stateHash: stateHash(match.state),
  }
}

function saveFile(name: string, text: string): string {
  const path = join(folder, name)
  writeFileSync(path, text)
  return path
}

const SAVE = saveFile('game.json', encodeSave(payload()))

async function run(...args: string[]) {
  const out = captureOutput()
  const code = await main(args, out)
  return { code, ...out }
}

async function runJson(...args: string[]) {
  const result = await run(...args, '--json')
  expect(result.stderr).toEqual([])
  expect(result.code).toBe(0)
  return JSON.parse(result.stdout[0])
}

beforeEach(() => void (disk.touched.length = 0))

describe('redlines simulate --from', () => {
  it('with nothing changed plays the saved game itself, turn for turn', async () => {
    const doc = await runJson('simulate', '--from', SAVE, '--turn', '3')
    expect(doc.difference).toEqual({ firstDecisionTurn: null, firstStateTurn: null })
    expect(doc.counterfactual.timeline).toEqual(doc.game.timeline)
    expect(doc.counterfactual.scores).toEqual(match.state.scores)
    expect(doc.game.timeline).toHaveLength(10)
    const text = await run('simulate', '--from', SAVE, '--turn', '3')
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('Difference: none — the what-if is the same game, turn for turn.')
  })

  it('replaces a role’s choices of turn K and prints both timelines with the first difference', async () => {
    const doc = await runJson('simulate', '--from', SAVE, '--turn', '4', '--choose', 'united-states=sanctions:CHN,RUS')
    expect(doc.whatIf.description).toBe('From turn 4: United States chooses Sanctions → China, Russia')
    expect(doc.difference.firstDecisionTurn).toBe(4)
    expect(doc.difference.firstStateTurn).toBe(4)
    const turn4 = doc.counterfactual.timeline[3].orders.filter((order: { actor: string }) => order.actor === 'USA')
    expect(turn4.map((order: { text: string }) => order.text)).toEqual(['United States: Sanctions → China, Russia'])
    // Turns before K are the game's own.
    expect(doc.counterfactual.timeline.slice(0, 3)).toEqual(doc.game.timeline.slice(0, 3))

    const text = await run('simulate', '--from', SAVE, '--turn', '4', '--choose', 'USA=pass')
    expect(text.code).toBe(0)
    expect(text.stdout[1]).toBe('From turn 4: United States passes')
    const turn = text.stdout.indexOf('Turn 4 (2022-09): the world differs')
    expect(turn).toBeGreaterThan(0)
    expect(text.stdout[turn + 1]).toMatch(/^ {2}The game: /)
    expect(text.stdout[turn + 2]).toMatch(/^ {2}What if: {2}/)
    expect(text.stdout.some((line) => /^ {4}only in the game: {4}.*United States: Statement of grave concern → China/.test(line))).toBe(
      true,
    )
    expect(text.stdout).toContain('Difference: decisions from turn 4; the world from turn 4.')
    expect(text.stdout.some((line) => line.startsWith('Ending, what if:'))).toBe(true)
  })

  it('switches a rule off from turn K only', async () => {
    const doc = await runJson('simulate', '--from', SAVE, '--turn', '5', '--rule-off', 'reciprocal-responses', '--rule-off', 'balance')
    expect(doc.whatIf.rulesOff).toEqual(['reciprocal-responses', 'balance'])
    expect(doc.difference.firstDecisionTurn).toBeNull()
    expect(doc.difference.firstStateTurn).toBe(5)
    expect(doc.counterfactual.timeline.slice(0, 4)).toEqual(doc.game.timeline.slice(0, 4))
  })

  it.each([
    [['--turn', '3'], /--turn, --choose and --rule-off need --from/],
    [['--from', 'x.json'], /--from needs --turn K/],
    [['--from', 'x.json', '--turn', 'three'], /--turn must be a whole number/],
    [['--from', 'x.json', '--turn', '0'], /--turn must be between 1 and 100/],
    [['--from', 'x.json', '--turn', '2', '--seed', '4'], /--seed cannot be used with --from: the save fixes the seed/],
    [['--from', 'x.json', '--turn', '2', '--lens', 'values'], /--lens cannot be used with --from/],
    [['--from', 'x.json', '--turn', '2', '--choose', 'USA'], /--choose "USA": expected ROLE=action\[:targets\]\[\+partners\]/],
    [['--from', 'x.json', '--turn', '2', '--choose', 'USA=sanctions:'], /no targets after the separator/],
    [['--from', 'x.json', '--turn', '2', '--choose', 'USA=sanctions:rus'], /"rus" is not an actor id/],
    [['--from', 'x.json', '--turn', '2', '--choose', 'USA=pass', '--choose', 'USA=sanctions:RUS'], /USA is also told to pass/],
    [['--from', 'x.json', '--turn', '2', '--rule-off', '../x'], /--rule-off "..\/x" is not a rule id/],
  ])('refuses %j as wrong usage before reading anything', async (args, message) => {
    const result = await run('simulate', ...args)
    expect(result.code).toBe(2)
    expect(result.stderr[0]).toMatch(message)
    expect(disk.touched).toEqual([])
  })

  it.each([
    [['--turn', '11'], /game\.json: the turn must be between 1 and 10 \(the turns played\), not 11/],
    [['--turn', '2', '--choose', 'RUS=pass'], /RUS is not played by a person in this game \(USA and CHN\)/],
    [['--turn', '2', '--choose', 'ZZ=pass'], /the scenario has no role or actor "ZZ"/],
    [['--turn', '2', '--choose', 'USA=warp-drive'], /the scenario has no action "warp-drive"/],
    [['--turn', '2', '--choose', 'USA=sanctions:USA'], /United States: Sanctions → United States cannot be taken in turn 2/],
    [['--turn', '2', '--rule-off', 'no-such-rule'], /the scenario has no rule "no-such-rule" \(its rules: reciprocal-responses/],
  ])('refuses %j, which does not fit the save, as wrong usage', async (args, message) => {
    const result = await run('simulate', '--from', SAVE, ...args)
    expect(result.code).toBe(2)
    expect(result.stderr[0]).toMatch(message)
  })

  it.each([
    ['missing.json', null, /missing\.json: cannot read the save \(no such file\)/],
    ['not-json.json', '{"format": ', /not-json\.json:1:\d+: not valid JSON/],
    ['other.json', '{"hello": 1}', /other\.json: not a Red Lines save/],
    [
      'damaged.json',
      encodeSave(payload()).replace('"Class 7B"', '"Class 7C"'),
      /damaged\.json: its checksum does not match: the file is damaged/,
    ],
    [
      'newer.json',
      encodeSave(payload()).replace('"formatVersion": 2', '"formatVersion": 9'),
      /newer\.json: written by a newer version of Red Lines \(save format 9\)/,
    ],
  ])('refuses the save %s, saying what is wrong with it (exit 1)', async (name, text, message) => {
    const path = text === null ? join(folder, name) : saveFile(name, text)
    const result = await run('simulate', '--from', path, '--turn', '2')
    expect(result.code).toBe(1)
    expect(result.stderr.at(-1)).toMatch(message)
  })

  it('refuses a save whose recorded state its replay does not give (exit 1)', async () => {
    const tampered = payload()
    tampered.stateHash = '0'.repeat(64)
    const result = await run('simulate', '--from', saveFile('tampered.json', encodeSave(tampered)), '--turn', '2')
    expect(result.code).toBe(1)
    expect(result.stderr.at(-1)).toMatch(/tampered\.json: replaying the save does not give the state it recorded/)
  })

  it('refuses other rules than the game was played on, naming both (exit 1)', async () => {
    const result = await run('simulate', '--from', SAVE, '--turn', '2', '--scenario', 'scenarios/pin-pricks-values')
    expect(result.code).toBe(1)
    expect(result.stderr.at(-1)).toMatch(
      /game\.json: the game was played on pin-pricks-2021 [\d.]+, but scenarios\/pin-pricks-values holds pin-pricks-values [\d.]+, whose rules differ/,
    )
  })
})
