// The computer players' fast path (issue 11, part 4) changes how fast normal and easy choose, never what:
// every value equals the old slow evaluation's exactly, and the choices and answers of whole games are the
// same as the old code's (tests/support/reference-ai.ts keeps it).
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Choice, GameState, Seats } from '../../src/engine/index.ts'
import { computerChoices, computerConsents, evaluateChoice, playGame, roleScore, startGame } from '../../src/engine/index.ts'
import { scratchFor, scratchRoleScore } from '../../src/engine/ai/fast-value.ts'
import { Jitter, candidateJitter } from '../../src/engine/ai/policy.ts'
import { keyedCandidates } from '../../src/engine/ai/candidates.ts'
import { referenceComputerChoices, referenceConsents, referenceEvaluateChoice } from '../support/reference-ai.ts'
import { defaultScenario } from '../support/scenarios.ts'

const scn = defaultScenario()
const TURNS = 12

function statesOf(seeds: number, difficulty: 'easy' | 'normal'): GameState[] {
  const seats: Seats = { computer: new Set(scn.actorIds), difficulty }
  const states: GameState[] = []
  for (let seed = 1; seed <= seeds; seed++) {
    const record = playGame(scn, { seed, turns: TURNS, ledger: false, seats })
    states.push(record.start, ...record.turns.map((turn) => turn.result.state).filter((state) => !state.outcome))
  }
  return states
}

/** Every actor's score, every candidate of every actor, and every partner's view of the joint ones. */
function expectSameValues(state: GameState): void {
  for (const actor of scn.actorIds) {
    expect(scratchRoleScore(scratchFor(scn, state), scn.actorIndex[actor])).toBe(roleScore(scn, state, scn.roleByActor[actor]))
    for (const { choice } of keyedCandidates(scn, state, actor)) {
      for (const viewer of [actor, ...(choice.partners ?? [])]) {
        const fast = evaluateChoice(scn, state, viewer, choice)
        const slow = referenceEvaluateChoice(scn, state, viewer, choice)
        if (!Object.is(fast, slow)) expect({ actor, viewer, choice, fast }).toEqual({ actor, viewer, choice, fast: slow })
      }
    }
  }
}

/** A state with every variable drawn anew in its range (the blocs, rung and turn kept), to reach clamps and the top rung. */
function scrambled(base: GameState, draw: (k: number) => number): GameState {
  let k = 0
  const next = () => draw(k++)
  return {
    ...base,
    alignment: base.alignment.map(() => next() * 2 - 1),
    tension: base.tension.map(() => next()),
    commitment: base.commitment.map(() => next()),
    interdependence: base.interdependence.map(() => next()),
    readiness: base.readiness.map(() => next() * scn.params.readinessMax),
    standing: base.standing.map(() => next()),
    grievance: base.grievance.map(() => (next() < 0.5 ? 0 : next())),
    rung: Math.floor(next() * scn.file.ladder.length),
  }
}

describe('the fast path values choices exactly as the old evaluation did', () => {
  const states = statesOf(6, 'normal')

  it('for every candidate and every partner asked, in the states of played games', () => {
    for (const state of states) expectSameValues(state)
  })

  it('in states with every variable anywhere in its range (clamps, the top rung, grievances)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: states.length - 1 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 400, maxLength: 400 }),
        (at, draws) => {
          expectSameValues(scrambled(states[at], (k) => draws[k % draws.length]))
        },
      ),
      { numRuns: 40, seed: 11 },
    )
  })
})

it("the candidates' jitter, worked out from a shared prefix, is the game's rng", () => {
  fc.assert(
    fc.property(fc.nat(), fc.nat(40), fc.nat(7), fc.nat(60), (seed, turn, actor, k) => {
      expect(new Jitter(seed >>> 0, turn + 1, actor).of(k)).toBe(candidateJitter({ ...startGame(scn, seed), turn }, actor, k))
    }),
    { numRuns: 300, seed: 7 },
  )
})

describe('normal and easy choose exactly as before the fast path', () => {
  for (const difficulty of ['normal', 'easy'] as const) {
    it(`${difficulty}: the same choices and the same answers to joint proposals, every turn of 40 games`, () => {
      const seats = { computer: new Set(scn.actorIds), difficulty }
      for (const state of statesOf(40, difficulty)) {
        const choices = computerChoices(scn, state, seats)
        expect(choices).toEqual(referenceComputerChoices(scn, state, seats))
        const asked = choices.flatMap((choice: Choice) => (choice.partners ?? []).map((partner) => [partner, choice] as const))
        for (const [partner, choice] of asked) {
          expect(computerConsents(scn, state, partner, choice, difficulty)).toBe(referenceConsents(scn, state, partner, choice, difficulty))
        }
      }
    })
  }

  it('the orders of 200 normal games hash to the digest recorded before the fast path (for the scenario it was recorded on)', () => {
    // Recorded at 41226f6 with the old code: scenario hash 6dde9c1c…, 200 seeds x 12 turns, every power at normal.
    const RECORDED_SCENARIO = '6dde9c1c6ecae8e5630627d0480a58c5faa2497db9e480f51fb8e5739524d150'
    const RECORDED_DIGEST = '1fb00777c1fcb1e3c47f2f1af589ee64be4132249aef3f6919f557d95a626434'
    const hash = createHash('sha256')
    for (let seed = 1; seed <= 200; seed++) {
      const record = playGame(scn, { seed, turns: TURNS, ledger: false, seats: { computer: new Set(scn.actorIds), difficulty: 'normal' } })
      for (const turn of record.turns) hash.update(JSON.stringify([turn.plan.orders, turn.plan.rejected.map((r) => [r.code, r.choice])]))
    }
    // The scenario is still being tuned: on another version only the comparisons with the old code above apply.
    if (scn.hash === RECORDED_SCENARIO) expect(hash.digest('hex')).toBe(RECORDED_DIGEST)
  })
})
