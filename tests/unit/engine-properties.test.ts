// Property tests (fast-check): random seeds and random legal play, checked for ranges, exact ledger
// bookkeeping, replay, determinism and purity.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Choice, CompiledScenario, GameState, TurnResult } from '../../src/engine/index.ts'
import { DIFFICULTIES, legalCandidates, planTurn, playGame, replayGame, resolveTurn, startGame } from '../../src/engine/index.ts'
import { ledgerProblems } from '../support/ledger.ts'
import { defaultScenario, setAllPairs, variant } from '../support/scenarios.ts'

const scn = defaultScenario()
/** A hot world, so that clamps, severe incidents and armed clashes actually happen. */
const hot = variant((file) => {
  setAllPairs(file.start.tension, 0.7)
  file.start.readiness.default.value = 90
  file.start.readiness.actors = []
})
const SCENARIOS: Record<string, CompiledScenario> = { default: scn, hot }

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** Every number anywhere in a value, with its path. */
function numbersIn(value: unknown, path = '$', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value])
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out)
  return out
}

function rangeProblems(s: CompiledScenario, state: GameState): string[] {
  const problems: string[] = []
  const within = (name: string, values: readonly number[], low: number, high: number) =>
    values.forEach((v, k) => {
      if (!(v >= low && v <= high)) problems.push(`${name}[${k}] = ${v} outside ${low}..${high}`)
    })
  within('alignment', state.alignment, -1, 1)
  within('tension', state.tension, 0, 1)
  within('commitment', state.commitment, 0, 1)
  within('interdependence', state.interdependence, 0, 1)
  within('grievance', state.grievance, 0, 1)
  within('readiness', state.readiness, 0, s.params.readinessMax)
  within('rigidity', [state.rigidity], 0, 100)
  within('rung', [state.rung], 0, s.file.ladder.length - 1)
  within('scores', Object.values(state.scores), 0, 100)
  if (!Number.isInteger(state.rung)) problems.push(`rung ${state.rung} is not an integer`)
  for (const [path, v] of numbersIn(state)) if (!Number.isFinite(v)) problems.push(`${path} = ${v}`)
  return problems
}

/** Turns raw numbers into legal choices of this state: actor by k mod n, candidate by k div n. */
function pickChoices(s: CompiledScenario, state: GameState, picks: readonly number[]): Choice[] {
  const choices: Choice[] = []
  for (const k of picks) {
    const actor = s.actorIds[k % s.n]
    const candidates = legalCandidates(s, state, actor)
    if (candidates.length > 0) choices.push(candidates[Math.floor(k / s.n) % candidates.length])
  }
  return choices
}

interface Played {
  start: GameState
  results: TurnResult[]
  orders: Choice[][]
  problems: string[]
}

function play(s: CompiledScenario, seed: number, turns: number, picks: number[][], consents: boolean[]): Played {
  const start = deepFreeze(startGame(s, seed, turns))
  const problems = rangeProblems(s, start).map((p) => `start: ${p}`)
  const results: TurnResult[] = []
  const orders: Choice[][] = []
  let state = start
  let asked = 0
  while (!state.outcome) {
    const choices = pickChoices(s, state, picks[state.turn % picks.length])
    const plan = planTurn(s, state, choices, () => consents[asked++ % consents.length])
    for (const rejection of plan.rejected) {
      if (!['over-budget', 'duplicate', 'declined'].includes(rejection.code))
        problems.push(`turn ${state.turn + 1}: rejected ${rejection.code}`)
    }
    const before = JSON.stringify(state)
    // The input is deep-frozen: a write into it throws.
    const result = resolveTurn(s, state, plan.orders)
    if (JSON.stringify(state) !== before) problems.push(`turn ${result.turn}: the input state changed`)
    problems.push(...ledgerProblems(s, state, result.state, result.ledger).map((p) => `turn ${result.turn}: ${p}`))
    problems.push(...rangeProblems(s, result.state).map((p) => `turn ${result.turn}: ${p}`))
    if (result.state.turn !== state.turn + 1) problems.push(`turn counter ${result.state.turn} after ${state.turn}`)
    for (const entry of result.ledger)
      if (entry.turn !== result.turn) problems.push(`an entry of turn ${entry.turn} in turn ${result.turn}`)
    results.push(result)
    orders.push(plan.orders)
    state = deepFreeze(result.state)
  }
  return { start, results, orders, problems }
}

const game = fc.record({
  scenario: fc.constantFrom(...Object.keys(SCENARIOS)),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  turns: fc.integer({ min: 1, max: 12 }),
  picks: fc.array(fc.array(fc.nat({ max: 10_000 }), { maxLength: 8 }), { minLength: 1, maxLength: 12 }),
  consents: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
})

describe('random legal play', () => {
  it('keeps every variable in range, the books exact, and the input untouched', () => {
    fc.assert(
      fc.property(game, ({ scenario, seed, turns, picks, consents }) => {
        const s = SCENARIOS[scenario]
        const played = play(s, seed, turns, picks, consents)
        expect(played.problems).toEqual([])
        expect(played.results.length).toBeGreaterThan(0)
        expect(played.results.length).toBeLessThanOrEqual(turns)
        const final = played.results.at(-1)!.state
        expect(final.outcome).not.toBeNull()
        expect(final.outcome!.reason).toBe(final.clash ? 'armed-clash' : 'turn-limit')
        if (!final.clash) expect(final.turn).toBe(turns)
      }),
      { numRuns: 150 },
    )
  })

  it('replays from its recorded orders to the same final state', () => {
    fc.assert(
      fc.property(game, ({ scenario, seed, turns, picks, consents }) => {
        const s = SCENARIOS[scenario]
        const played = play(s, seed, turns, picks, consents)
        expect(replayGame(s, seed, turns, played.orders)).toEqual(played.results.at(-1)!.state)
      }),
      { numRuns: 80 },
    )
  })

  it('gives the identical history, byte for byte, for the same seed and choices', () => {
    fc.assert(
      fc.property(game, ({ scenario, seed, turns, picks, consents }) => {
        const s = SCENARIOS[scenario]
        const one = play(s, seed, turns, picks, consents)
        const two = play(s, seed, turns, picks, consents)
        expect(JSON.stringify([two.start, two.results])).toBe(JSON.stringify([one.start, one.results]))
      }),
      { numRuns: 50 },
    )
  })

  it('the hot world does produce clamps and incidents (so the checks above are exercised)', () => {
    const played = play(hot, 3, 12, [[0, 1, 2, 3, 4, 5, 6, 7]], [true])
    const ledger = played.results.flatMap((r) => r.ledger)
    expect(ledger.some((e) => e.cause === 'clamp')).toBe(true)
    expect(played.results.some((r) => r.incidents.length > 0)).toBe(true)
  })
})

describe('computer play', () => {
  it('keeps the books exact and replays, for any seats and difficulty', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 5 }),
        fc.subarray([...scn.actorIds]),
        fc.constantFrom(...DIFFICULTIES),
        (seed, turns, computer, difficulty) => {
          const record = playGame(scn, { seed, turns, seats: { computer: new Set(computer), difficulty } })
          let state = record.start
          for (const { plan, result } of record.turns) {
            // Computer players never choose an illegal, unaffordable or duplicate move; partners may decline.
            expect(plan.rejected.filter((r) => r.code !== 'declined')).toEqual([])
            expect(ledgerProblems(scn, state, result.state, result.ledger)).toEqual([])
            expect(rangeProblems(scn, result.state)).toEqual([])
            state = result.state
          }
          const orders = record.turns.map((t) => t.result.orders)
          expect(replayGame(scn, seed, turns, orders)).toEqual(record.final)
        },
      ),
      { numRuns: 20 },
    )
  })
})
