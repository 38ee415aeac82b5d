// Injects: events a teacher plays at the start of a turn. Each shipped inject, alone on a world whose rules
// are switched off, records exactly its declared effects under its own cause and citations, before the
// actions; its pin pricks raise the incident hazard; a turn with injects is deterministic; and a turn
// without them is exactly the turn of before.
import { describe, expect, it } from 'vitest'
import type { Choice, GameState, TurnResult } from '../../src/engine/index.ts'
import { injectProblem, resolveTurn, startGame } from '../../src/engine/index.ts'
import { sha256Hex } from '../../src/engine/hash.ts'
import { quantize } from '../../src/engine/quantize.ts'
import { declaredChanges, keyOf, ledgerProblems } from '../support/ledger.ts'
import { defaultFile, defaultScenario, variant } from '../support/scenarios.ts'

const scn = defaultScenario()
const bare = variant((file) => {
  for (const rule of file.rules) rule.enabled = false
})
const shipped = Object.values(scn.injectById)
// Refs of injects are actor ids only, so the act they are resolved against names no one.
const noAct: Choice = { actor: '', action: '' }

/** A few fixed orders, legal at the start of the default scenario: a patrol, sanctions, an intercept, a build-up. */
const ORDERS: readonly Choice[] = [
  { actor: 'CHN', action: 'joint-air-patrol', partners: ['RUS'], targets: ['JPN'] },
  { actor: 'USA', action: 'sanctions', targets: ['RUS'] },
  { actor: 'JPN', action: 'scramble-intercept', targets: ['CHN'] },
  { actor: 'IND', action: 'arms-buildup' },
]

const stateDigest = (state: GameState) => sha256Hex(JSON.stringify(state))

describe('the shipped injects', () => {
  it('are four, each with effects and citations', () => {
    expect(shipped.map((inject) => inject.data.id)).toEqual([
      'warships-around-japan',
      'western-sanctions-package',
      'xi-putin-summit',
      'nato-one-threat',
    ])
    for (const inject of shipped) {
      expect(inject.data.effects.length).toBeGreaterThan(0)
      expect(inject.cause).toMatchObject({ id: inject.data.id, kind: 'inject', name: inject.data.name })
      expect(inject.cause.citations.length).toBeGreaterThan(0)
    }
  })

  it.each(shipped.map((inject) => [inject.data.id] as const))('%s records exactly its declared effects, before the actions', (id) => {
    const inject = bare.injectById[id]
    const start = startGame(bare, 7)
    const result = resolveTurn(bare, start, [ORDERS[3]], { injects: [id] })
    expect(result.injects).toEqual([id])
    const own = result.ledger.filter((entry) => entry.cause === id)
    const expected = declaredChanges(bare, inject.data.effects, noAct)
    expect(own.map((entry) => keyOf(entry.variable, entry.actors)).sort()).toEqual(
      expected.map((change) => keyOf(change.variable, change.actors)).sort(),
    )
    for (const entry of own) {
      const change = expected.find((c) => keyOf(c.variable, c.actors) === keyOf(entry.variable, entry.actors))!
      expect(entry).toMatchObject({ step: 'injects', causeKind: 'inject', causeName: inject.data.name, turn: 1 })
      expect(entry.citations).toEqual(inject.data.citations)
      expect(entry.assumption).toBe(inject.data.assumption)
      expect(entry.by).toBeUndefined()
      expect(entry.after).toBe(quantize(entry.before + change.delta))
    }
    // The injects' entries come first; the action's follow.
    const firstAction = result.ledger.findIndex((entry) => entry.step === 'actions')
    expect(firstAction).toBeGreaterThan(own.length - 1)
    expect(result.ledger.slice(0, own.length).every((entry) => entry.cause === id)).toBe(true)
    expect(ledgerProblems(bare, start, result.state, result.ledger)).toEqual([])
  })

  it('are applied in the order given, and the books balance with every rule on', () => {
    const start = startGame(scn, 3)
    const ids = ['nato-one-threat', 'warships-around-japan', 'xi-putin-summit']
    const result = resolveTurn(scn, start, ORDERS, { injects: ids })
    expect(result.injects).toEqual(ids)
    const causes = result.ledger.filter((entry) => entry.causeKind === 'inject').map((entry) => entry.cause)
    expect(
      result.ledger.filter((entry) => entry.step === 'injects').every((e) => e.causeKind === 'inject' || e.causeKind === 'clamp'),
    ).toBe(true)
    expect(causes.filter((cause, k) => causes.indexOf(cause) === k)).toEqual(ids)
    expect(ledgerProblems(scn, start, result.state, result.ledger)).toEqual([])
  })
})

describe('a clamp in the injects step', () => {
  it('is booked as its own entry of that step', () => {
    const pushy = variant((file) => {
      for (const rule of file.rules) rule.enabled = false
      file.injects = [
        {
          id: 'overheat',
          name: 'Overheat',
          description: 'Pushes a tension past its range.',
          effects: [
            { variable: 'tension', between: ['CHN', 'JPN'], delta: 1 },
            { variable: 'tension', between: ['CHN', 'JPN'], delta: 1 },
          ],
          assumption: 'A test inject that pushes tension out of range.',
        },
      ]
    })
    const start = startGame(pushy, 1)
    const result = resolveTurn(pushy, start, [], { injects: ['overheat'] })
    const entries = result.ledger.filter((entry) => entry.step === 'injects')
    expect(entries.map((entry) => entry.causeKind)).toEqual(['inject', 'inject', 'clamp'])
    expect(entries[2].after).toBe(1)
    expect(ledgerProblems(pushy, start, result.state, result.ledger)).toEqual([])
  })
})

describe('pin pricks of an inject', () => {
  // Incidents happen only where a pin prick makes them near certain.
  const certain = variant((file) => {
    file.parameters.incidentBase.value = 1e-12
    file.parameters.incidentPinPrick.value = 1e15
  })

  it('raise the incident hazard of their pairs this turn, as a patrol does', () => {
    const start = startGame(certain, 5)
    expect(resolveTurn(certain, start, []).incidents).toEqual([])
    const incidents = resolveTurn(certain, start, [], { injects: ['warships-around-japan'] }).incidents
    expect(incidents.map((incident) => [...incident.actors].sort().join('-')).sort()).toEqual(['CHN-JPN', 'JPN-RUS'])
    // An inject without pin pricks leaves the hazard alone.
    expect(resolveTurn(certain, start, [], { injects: ['xi-putin-summit'] }).incidents).toEqual([])
  })
})

describe('injectProblem', () => {
  it('accepts every inject of the scenario and refuses unknown and repeated ids', () => {
    for (const inject of shipped) expect(injectProblem(scn, inject.data.id)).toBeNull()
    expect(injectProblem(scn, 'alien-landing')).toBe('scenario "pin-pricks-2021" has no inject "alien-landing"')
    expect(injectProblem(scn, 'sanctions')).toMatch(/has no inject "sanctions"/)
    expect(injectProblem(scn, 'constructor')).toMatch(/has no inject/)
    expect(injectProblem(scn, 'xi-putin-summit', ['xi-putin-summit'])).toBe('inject "xi-putin-summit" is already injected this turn')
  })

  it('is what resolveTurn throws on: a caller must check first', () => {
    const start = startGame(scn, 1)
    expect(() => resolveTurn(scn, start, [], { injects: ['alien-landing'] })).toThrow(/no inject "alien-landing"/)
    expect(() => resolveTurn(scn, start, [], { injects: ['xi-putin-summit', 'xi-putin-summit'] })).toThrow(/already injected/)
  })
})

/** Plays `turns` turns of the fixed orders, with the injects `injectsOf` gives for each turn. */
function play(
  seed: number,
  turns: number,
  options: (turn: number) => Parameters<typeof resolveTurn>[3],
  scenario = scn,
): { states: GameState[]; results: TurnResult[] } {
  let state = startGame(scenario, seed, turns)
  const states = [state]
  const results: TurnResult[] = []
  for (let turn = 1; !state.outcome; turn++) {
    const result = resolveTurn(scenario, state, ORDERS, options(turn))
    results.push(result)
    state = result.state
    states.push(state)
  }
  return { states, results }
}

describe('determinism', () => {
  const schedule = (turn: number) => ({ injects: turn === 2 ? ['western-sanctions-package', 'warships-around-japan'] : [] })

  it('the same scenario, seed, orders and injects give the same history, byte for byte', () => {
    const first = play(11, 6, schedule)
    const second = play(11, 6, schedule)
    expect(JSON.stringify(second.results)).toBe(JSON.stringify(first.results))
    expect(first.results[1].injects).toEqual(['western-sanctions-package', 'warships-around-japan'])
    // Without the ledger (batch runs) the arithmetic is the same.
    const quiet = play(11, 6, (turn) => ({ ...schedule(turn), ledger: false }))
    expect(quiet.states.map(stateDigest)).toEqual(first.states.map(stateDigest))
  })

  it('an inject changes the game from its turn on, and not before', () => {
    const plain = play(11, 6, () => ({}))
    const injected = play(11, 6, schedule)
    expect(stateDigest(injected.states[1])).toBe(stateDigest(plain.states[1]))
    expect(stateDigest(injected.states[2])).not.toBe(stateDigest(plain.states[2]))
  })
})

describe('a turn without injects', () => {
  it('is the turn of before: no option, an empty list and no ledger give the same states', () => {
    for (const seed of [1, 7, 42]) {
      const none = play(seed, 8, () => undefined)
      const empty = play(seed, 8, () => ({ injects: [] }))
      const quiet = play(seed, 8, () => ({ ledger: false }))
      expect(empty.states.map(stateDigest)).toEqual(none.states.map(stateDigest))
      expect(quiet.states.map(stateDigest)).toEqual(none.states.map(stateDigest))
      expect(JSON.stringify(empty.results)).toBe(JSON.stringify(none.results))
      for (const result of none.results) {
        expect(result.injects).toEqual([])
        expect(result.ledger.some((entry) => entry.step === 'injects' || entry.causeKind === 'inject')).toBe(false)
      }
    }
  })

  it('plays the same whether the scenario offers injects or not (only its identity differs)', () => {
    const withoutInjects = variant((file) => delete file.injects)
    const withInjects = variant(() => {})
    expect(defaultFile().injects?.length).toBe(4)
    const strip = (state: GameState) => stateDigest({ ...state, scenario: { id: '', version: '', hash: '' } })
    for (const seed of [2, 9]) {
      const a = play(seed, 8, () => undefined, withoutInjects)
      const b = play(seed, 8, () => undefined, withInjects)
      expect(b.states.map(strip)).toEqual(a.states.map(strip))
      expect(JSON.stringify(b.results.map((r) => r.ledger))).toBe(JSON.stringify(a.results.map((r) => r.ledger)))
    }
  })
})
