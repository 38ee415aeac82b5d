// "What could happen?" (issue 11, part 3) and per-seat levels in the game itself (part 1): the engine's
// sampled endings are a pure function of the match, the plan, the number of games and the sample indices;
// a power at its own level chooses and answers at that level in every kind of game, and saves keep it.
import { describe, expect, it } from 'vitest'
import type { GameSetup, Match, OutcomePlan, SampledEnding } from '../../src/engine/index.ts'
import {
  advanceMatch,
  compareOutcomes,
  newMatch,
  outcomeProblem,
  outcomeSampleSeed,
  outcomeSamples,
  playGame,
  playOutcomeGame,
  prepareMatchTurn,
  recordOf,
  replayRecord,
  sampleEndings,
  setupProblem,
  whatCouldHappen,
} from '../../src/engine/index.ts'
import { defaultScenario } from '../support/scenarios.ts'

const scn = defaultScenario()
const setup: GameSetup = { seed: 23, turnLimit: 5, humans: ['USA'], difficulty: 'normal' }
const sanctions: OutcomePlan = { actor: 'USA', choices: [{ actor: 'USA', action: 'sanctions', targets: ['RUS'] }] }
const GAMES = 6

describe('what could happen', () => {
  const match = newMatch(scn, setup)

  it('gives the same distribution for the same position, plan and number of games', () => {
    expect(whatCouldHappen(scn, match, sanctions, GAMES)).toEqual(whatCouldHappen(scn, match, sanctions, GAMES))
  })

  it('gives the same distribution however the samples are shared out among workers and in whatever order they come back', () => {
    const samples = outcomeSamples(GAMES)
    const first = sampleEndings(
      scn,
      match,
      sanctions,
      samples.filter((_, k) => k % 3 === 0),
    )
    const second = sampleEndings(
      scn,
      match,
      sanctions,
      samples.filter((_, k) => k % 3 === 1),
    )
    const third = sampleEndings(
      scn,
      match,
      sanctions,
      samples.filter((_, k) => k % 3 === 2),
    )
    const shuffled: SampledEnding[] = [...third, ...first.reverse(), ...second]
    expect(compareOutcomes(scn, match, sanctions, shuffled)).toEqual(whatCouldHappen(scn, match, sanctions, GAMES))
  })

  it('samples each game with its own seed, derived from the game seed and the index, the same for plan and passing', () => {
    const seeds = Array.from({ length: 50 }, (_, index) => outcomeSampleSeed(setup.seed, index))
    expect(new Set(seeds).size).toBe(50)
    expect(outcomeSampleSeed(setup.seed + 1, 0)).not.toBe(seeds[0])
    const plan = playOutcomeGame(scn, match, sanctions, 'plan', 3)
    const passing = playOutcomeGame(scn, match, sanctions, 'passing', 3)
    expect(plan.seed).toBe(seeds[3])
    expect(passing.seed).toBe(seeds[3])
  })

  it('plays different games for different indices (the dice differ)', () => {
    const endings = sampleEndings(scn, match, sanctions, outcomeSamples(GAMES)).filter((ending) => ending.side === 'passing')
    const distinct = new Set(endings.map((ending) => JSON.stringify(ending.scores)))
    expect(distinct.size).toBeGreaterThan(1)
  })

  it('shows what the plan changes: the plan and passing differ, and the real game is not advanced', () => {
    const result = whatCouldHappen(scn, match, sanctions, GAMES)
    expect(result.plan).not.toEqual(result.passing)
    expect(result.games).toBe(GAMES)
    expect(result.fromTurn).toBe(1)
    expect(result.plan.games).toBe(GAMES)
    for (const side of [result.plan, result.passing]) {
      for (const share of Object.values(side.endings)) expect(share).toBeGreaterThanOrEqual(0)
      for (const role of scn.roles) {
        const spread = side.scores[role.id]
        expect(spread.histogram.reduce((a, b) => a + b, 0)).toBe(GAMES)
        expect(spread.min).toBeLessThanOrEqual(spread.mean)
        expect(spread.mean).toBeLessThanOrEqual(spread.max)
      }
    }
    expect(match.turns).toHaveLength(0)
    expect(match.state.turn).toBe(0)
  })

  it('each sampled game is a whole game to the end, from a position later in the game too', () => {
    let later: Match = match
    for (let k = 0; k < 2; k++) later = advanceMatch(scn, later, { choices: [], agreed: [] })
    const ending = playOutcomeGame(scn, later, { actor: 'USA', choices: [] }, 'passing', 0)
    expect(ending.turns).toBeGreaterThan(2)
    expect(ending.turns).toBeLessThanOrEqual(setup.turnLimit)
    expect(whatCouldHappen(scn, later, sanctions, 2).fromTurn).toBe(3)
  })

  it('says clearly what it cannot sample', () => {
    expect(outcomeProblem(scn, match, sanctions, 0)).toMatch(/whole number from 1/)
    expect(outcomeProblem(scn, match, sanctions, 1.5)).toMatch(/whole number/)
    expect(outcomeProblem(scn, match, { actor: 'XXX', choices: [] }, 2)).toMatch(/no power XXX/)
    expect(outcomeProblem(scn, match, { actor: 'CHN', choices: sanctions.choices }, 2)).toMatch(/holds a choice of USA/)
    let over: Match = newMatch(scn, { ...setup, turnLimit: 1 })
    over = advanceMatch(scn, over, { choices: [], agreed: [] })
    expect(() => whatCouldHappen(scn, over, sanctions, 2)).toThrow(/game is over/)
  })
})

describe('per-seat levels in the game itself', () => {
  const levelled: GameSetup = { ...setup, levels: { RUS: 'easy', CHN: 'easy' } }

  it('a match with per-seat levels plays as playGame with the same seats (choices and answers at each seat’s level)', () => {
    let match = newMatch(scn, levelled)
    for (let k = 0; k < 3; k++) {
      // The player agrees to every proposal, as a script's powers do.
      const agreed = prepareMatchTurn(scn, match, []).questions.map((question) => question.key)
      match = advanceMatch(scn, match, { choices: [], agreed }, { ledger: false })
    }
    const game = playGame(scn, {
      seed: setup.seed,
      turns: setup.turnLimit,
      ledger: false,
      seats: { computer: new Set(scn.actorIds.filter((id) => id !== 'USA')), difficulty: 'normal', levels: levelled.levels },
      script: () => ({ choices: [], actors: ['USA'] }),
    })
    expect(match.turns.map((turn) => turn.result.orders)).toEqual(game.turns.slice(0, 3).map((turn) => turn.result.orders))
  })

  it('a seat at another level chooses otherwise than at the game’s level', () => {
    const plain = prepareMatchTurn(scn, newMatch(scn, setup), []).choices
    const own = prepareMatchTurn(scn, newMatch(scn, levelled), []).choices
    expect(own).not.toEqual(plain)
  })

  it('keeps the levels in the record and replays the record to the same game', () => {
    let match = newMatch(scn, levelled)
    for (let k = 0; k < 2; k++) match = advanceMatch(scn, match, { choices: [], agreed: [] })
    const record = recordOf(match)
    expect(record.levels).toEqual({ RUS: 'easy', CHN: 'easy' })
    const replayed = replayRecord(scn, record)
    expect(typeof replayed).not.toBe('string')
    expect((replayed as Match).state).toEqual(match.state)
    expect(recordOf(newMatch(scn, setup))).not.toHaveProperty('levels')
  })

  it('refuses levels for a power a player plays, or one the scenario does not have', () => {
    expect(setupProblem(scn, { ...setup, levels: { USA: 'hard' } })).toMatch(/USA, whom a player plays/)
    expect(setupProblem(scn, { ...setup, levels: { XXX: 'hard' } })).toMatch(/XXX, which the scenario does not have/)
  })
})
