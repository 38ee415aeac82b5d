// Saves made by earlier versions keep working: a real save written by Red Lines 0.1.0 (tests/fixtures/saves/
// v0.1.0, made with the code of that version on Pin Pricks 1.0.0, format 1) opens on its own kept rules,
// replays to the state it recorded (as 0.1.0 knew the state), and plays on; tampering is still refused,
// and a save of this version is still checked on the whole state.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CompiledScenario } from '../../src/engine/index.ts'
import { loadScenario } from '../../src/engine/scenario/index.ts'
import { sha256Hex } from '../../src/engine/hash.ts'
import { decodeRules, encodeRules, rulesBundle } from '../../src/renderer/session/kept-rules.ts'
import { decodeSave, encodeSave, stateHash, stateHashAsSavedBy } from '../../src/renderer/session/save-codec.ts'
import { APP_VERSION, GameSession } from '../../src/renderer/session/session.ts'
import type { ScenarioListing } from '../../src/shared/host.ts'
import type { SavePayload } from '../../src/shared/save-format.ts'
import { STATE_FIELDS_ADDED, isOlderVersion, stateFieldsUnknownTo } from '../../src/shared/save-format.ts'
import { ROOT, defaultScenario } from '../support/scenarios.ts'

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'saves', 'v0.1.0')
const SAVE_TEXT = readFileSync(join(FIXTURE, 'pin-pricks-2021-v0.1.0.save.json'), 'utf8')
const listing: ScenarioListing = { origin: 'shipped', folder: 'pin-pricks-2021', location: 'test' }
const agree = async (_partner: string, proposals: unknown[]) => proposals.map(() => true)

/** The kept copy of Pin Pricks 1.0.0 as the game keeps it (its files as text), loaded back as the game does. */
function keptRules(): CompiledScenario {
  const dir = join(FIXTURE, 'pin-pricks-2021-1.0.0')
  const files: Record<string, string> = { 'scenario.json': readFileSync(join(dir, 'scenario.json'), 'utf8') }
  for (const name of readdirSync(join(dir, 'sources'))) files[`sources/${name}`] = readFileSync(join(dir, 'sources', name), 'utf8')
  const loaded = loadScenario(files)
  if (!loaded.ok) throw new Error('the kept 1.0.0 rules do not load')
  const scenario = decodeRules(encodeRules(rulesBundle(loaded.hash, files, new Map())), loaded.hash)
  if (typeof scenario === 'string') throw new Error(scenario)
  return scenario
}

function oldPayload(): SavePayload {
  const decoded = decodeSave(SAVE_TEXT)
  if (!decoded.ok) throw new Error(decoded.reason)
  return decoded.payload
}

const rules = keptRules()

function open(payload: SavePayload, scenario: CompiledScenario = rules): GameSession {
  const session = GameSession.fromSave(payload, scenario, listing)
  if (typeof session === 'string') throw new Error(session)
  return session
}

describe('a save made by Red Lines 0.1.0', () => {
  it('is the old kind: app 0.1.0, Pin Pricks 1.0.0 on format 1, five of eight turns, a joint action with a computer partner', () => {
    const payload = oldPayload()
    expect(payload.appVersion).toBe('0.1.0')
    expect(payload.scenario).toMatchObject({ id: 'pin-pricks-2021', version: '1.0.0', hash: rules.hash })
    expect(JSON.parse(readFileSync(join(FIXTURE, 'pin-pricks-2021-1.0.0', 'scenario.json'), 'utf8')).formatVersion).toBe(1)
    expect(payload.game).toMatchObject({ humans: ['USA'], difficulty: 'normal', turnLimit: 8 })
    expect(payload.game.orders).toHaveLength(5)
    expect(payload.game.orders[0]).toContainEqual({ actor: 'USA', action: 'quad-exercise', targets: ['CHN'], partners: ['AUS', 'JPN'] })
    // The shipped scenario has moved on, so the save can only open on the kept rules.
    expect(defaultScenario().hash).not.toBe(payload.scenario.hash)
  })

  it('opens on its kept rules with the same turns, orders and decisions', () => {
    const payload = oldPayload()
    const session = open(payload)
    expect(session.scenario.version).toBe('1.0.0')
    expect(session.turn).toBe(6)
    expect(session.over).toBe(false)
    expect(session.history).toHaveLength(5)
    expect(session.ordersPerTurn()).toEqual(payload.game.orders)
    expect(session.decisions).toEqual(payload.game.decisions)
    expect(stateHashAsSavedBy(session.state, payload.appVersion)).toBe(payload.stateHash)
    // Only the fields 0.1.0 did not have are left out: with them, the hash is another.
    expect(stateHash(session.state)).not.toBe(payload.stateHash)
  })

  it('plays on for a turn and saves again as a save of this version that reloads on the whole state', async () => {
    const session = open(oldPayload())
    expect(session.addChoice({ actor: 'USA', action: 'de-escalation-talks', targets: ['CHN'] })).toBeNull()
    const { result } = await session.endTurn(agree)
    expect(result.turn).toBe(6)
    expect(result.orders).toContainEqual({ actor: 'USA', action: 'de-escalation-talks', targets: ['CHN'] })

    const payload = session.toSavePayload('played on', '2026-12-02T00:00:00.000Z')
    expect(payload.appVersion).toBe(APP_VERSION)
    expect(payload.stateHash).toBe(stateHash(session.state))
    const decoded = decodeSave(encodeSave(payload))
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    const again = open(decoded.payload)
    expect(again.turn).toBe(7)
    expect(again.ordersPerTurn()).toEqual(session.ordersPerTurn())
    expect(stateHash(again.state)).toBe(stateHash(session.state))
  })

  it('is refused when one order is changed or its recorded hash is altered', () => {
    const changedOrder = oldPayload()
    const turn4 = changedOrder.game.orders[3]
    const engagement = turn4.findIndex((order) => order.actor === 'USA' && order.action === 'differentiated-engagement')
    expect(engagement).toBeGreaterThanOrEqual(0)
    turn4[engagement] = { ...turn4[engagement], targets: ['CHN'] }
    // Re-encoded, so that the checksum is right and only the replay can tell.
    const reencoded = decodeSave(encodeSave(changedOrder))
    expect(reencoded.ok).toBe(true)
    if (reencoded.ok) {
      expect(GameSession.fromSave(reencoded.payload, rules, listing)).toBe('replaying the save does not give the state it recorded')
    }

    const changedHash = oldPayload()
    changedHash.stateHash = sha256Hex('not the state')
    expect(GameSession.fromSave(changedHash, rules, listing)).toBe('replaying the save does not give the state it recorded')
  })

  it('is refused when it claims to be of this version: its hash is not that of the whole state', () => {
    const relabelled = { ...oldPayload(), appVersion: APP_VERSION }
    expect(GameSession.fromSave(relabelled, rules, listing)).toBe('replaying the save does not give the state it recorded')
  })
})

describe('a save of this version', () => {
  async function currentSave(): Promise<{ session: GameSession; payload: SavePayload }> {
    const session = new GameSession({ listing, scenario: defaultScenario(), humans: ['USA'], difficulty: 'normal', turnLimit: 4, seed: 5 })
    for (let k = 0; k < 2; k++) {
      session.addChoice({ actor: 'USA', action: 'de-escalation-talks', targets: ['CHN'] })
      await session.endTurn(agree)
    }
    return { session, payload: session.toSavePayload('now', '2026-12-02T00:00:00.000Z') }
  }

  it('is checked on the whole state: a hash without the newer fields is refused', async () => {
    const { session, payload } = await currentSave()
    expect(open(payload, defaultScenario()).turn).toBe(3)
    const partial = { ...payload, stateHash: stateHashAsSavedBy(session.state, '0.1.0') }
    expect(partial.stateHash).not.toBe(payload.stateHash)
    expect(GameSession.fromSave(partial, defaultScenario(), listing)).toBe('replaying the save does not give the state it recorded')
  })

  it('is refused when relabelled as a save of 0.1.0 (its hash covers fields 0.1.0 did not have)', async () => {
    const { payload } = await currentSave()
    expect(GameSession.fromSave({ ...payload, appVersion: '0.1.0' }, defaultScenario(), listing)).toBe(
      'replaying the save does not give the state it recorded',
    )
  })
})

describe('the state fields added by version', () => {
  // The top-level fields of the state as Red Lines 0.1.0 wrote them, in order (its initialState).
  const FIELDS_OF_0_1_0 = [
    'scenario',
    'seed',
    'turn',
    'turnLimit',
    'rng',
    'alignment',
    'tension',
    'commitment',
    'interdependence',
    'readiness',
    'grievance',
    'rung',
    'blocs',
    'frustration',
    'balancedShare',
    'rigidity',
    'rigidStreak',
    'rigidBlocs',
    'impasseStreak',
    'impasse',
    'quasiAlliance',
    'movement',
    'scores',
    'lastOrders',
    'clash',
    'outcome',
  ]

  it('names every field the state has gained since 0.1.0, so that no old save is refused for a new field', () => {
    const state = open(oldPayload()).state
    const added = STATE_FIELDS_ADDED.flatMap((row) => [...row.fields])
    expect(Object.keys(state).filter((key) => !added.includes(key as never))).toEqual(FIELDS_OF_0_1_0)
    expect(new Set(Object.keys(state))).toEqual(new Set([...FIELDS_OF_0_1_0, ...added]))
  })

  it('leaves nothing out for this version, a newer one or one that cannot be read', () => {
    expect(stateFieldsUnknownTo(APP_VERSION)).toEqual([])
    expect(stateFieldsUnknownTo('9.0.0')).toEqual([])
    expect(stateFieldsUnknownTo('not a version')).toEqual([])
    expect(stateFieldsUnknownTo('0.1.0')).toEqual(['standing', 'founded', 'turnScores', 'scoreTotals'])
    for (const row of STATE_FIELDS_ADDED) expect(isOlderVersion(APP_VERSION, row.appVersion)).toBe(false)
  })

  it('compares versions by number', () => {
    expect(isOlderVersion('0.1.0', '0.2.0')).toBe(true)
    expect(isOlderVersion('0.9.9', '0.10.0')).toBe(true)
    expect(isOlderVersion('0.2.0', '0.2.0')).toBe(false)
    expect(isOlderVersion('1.0.0', '0.2.0')).toBe(false)
    expect(isOlderVersion('0.1.0-beta', '0.2.0')).toBe(true)
  })

  it('APP_VERSION is the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(APP_VERSION).toBe(pkg.version)
  })
})
