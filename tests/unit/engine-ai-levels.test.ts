// The computer's levels (issue 11, part 1): per-seat levels, determinism at every level, and the hard
// player's plans always legal and affordable, whatever the seat's limits.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Choice, Difficulty, GameState, Seats } from '../../src/engine/index.ts'
import {
  chooseActions,
  choiceProblem,
  computerChoices,
  costOf,
  levelOf,
  partnerCostOf,
  planTurn,
  playGame,
  prepareTurn,
  jointKey,
} from '../../src/engine/index.ts'
import { rootPlans, searchPlan, turnWithPlan, worldOf } from '../../src/engine/ai/search.ts'
import { defaultScenario } from '../support/scenarios.ts'

const scn = defaultScenario()
const everyone = (difficulty: Difficulty, levels?: Record<string, Difficulty>): Seats => ({
  computer: new Set(scn.actorIds),
  difficulty,
  levels,
})

/** A state some turns into a normal game. */
function stateAt(seed: number, turns: number): GameState {
  const record = playGame(scn, { seed, turns: turns + 1, ledger: false, seats: everyone('normal') })
  return turns === 0 ? record.start : record.turns[turns - 1].result.state
}

describe('per-seat levels', () => {
  it('an actor plays at its own level, the others at the seats’ one; a level equal to it changes nothing', () => {
    const state = stateAt(3, 4)
    expect(levelOf(everyone('normal', { KOR: 'easy' }), 'KOR')).toBe('easy')
    expect(levelOf(everyone('normal', { KOR: 'easy' }), 'JPN')).toBe('normal')
    expect(computerChoices(scn, state, everyone('normal', { USA: 'normal' }))).toEqual(computerChoices(scn, state, everyone('normal')))
    const games = [1, 2, 3].map((seed) => playGame(scn, { seed, turns: 12, ledger: false, seats: everyone('normal', { KOR: 'easy' }) }))
    const proposals = (actor: string) => games.flatMap((g) => g.turns.map((t) => t.plan.orders.filter((o) => o.actor === actor).length))
    // Easy takes at most one action a turn; normal fills its budget.
    expect(Math.max(...proposals('KOR'))).toBeLessThanOrEqual(1)
    expect(Math.max(...proposals('JPN'))).toBeGreaterThan(1)
  })

  it('a partner at its own level answers joint proposals at that level (easy: only friends)', () => {
    let asked = 0
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const record = playGame(scn, { seed, turns: 12, ledger: false, seats: everyone('normal', { RUS: 'easy' }) })
      let state = record.start
      for (const { plan, result } of record.turns) {
        const friendly = (choice: Choice) => state.alignment[scn.pairOf[scn.actorIndex.RUS * scn.n + scn.actorIndex[choice.actor]]] > 0.2
        for (const order of plan.orders.filter((o) => o.partners?.includes('RUS'))) {
          asked++
          expect(friendly(order)).toBe(true)
        }
        for (const rejected of plan.rejected.filter((r) => r.code === 'declined' && r.reason.startsWith('RUS '))) {
          asked++
          expect(friendly(rejected.choice)).toBe(false)
        }
        state = result.state
      }
    }
    expect(asked).toBeGreaterThan(0)
  })
})

describe('determinism at every level', () => {
  for (const level of ['easy', 'normal', 'hard'] as const) {
    it(`${level}: the same seed gives the same choices`, () => {
      const turns = level === 'hard' ? 2 : 12
      const seats = everyone(level === 'hard' ? 'normal' : level, level === 'hard' ? { USA: 'hard', CHN: 'hard' } : undefined)
      const play = () => playGame(scn, { seed: 17, turns, ledger: false, seats }).turns.map((t) => t.plan.orders)
      expect(play()).toEqual(play())
    })
  }

  it('hard leaves the state alone and plays differently from normal somewhere', () => {
    const states = [stateAt(5, 2), stateAt(6, 5), stateAt(7, 8)]
    const copies = states.map((s) => structuredClone(s))
    const differs = states.some((state) =>
      scn.actorIds.some(
        (actor) => JSON.stringify(chooseActions(scn, state, actor, 'hard')) !== JSON.stringify(chooseActions(scn, state, actor, 'normal')),
      ),
    )
    expect(states).toEqual(copies)
    expect(differs).toBe(true)
  })
})

describe('the search', () => {
  it("plays a world's turn as prepareTurn would, for every plan it tries (the others' values worked out once)", () => {
    let plans = 0
    for (const state of [stateAt(1, 0), stateAt(2, 3), stateAt(3, 7)]) {
      for (const actor of scn.actorIds) {
        const world = worldOf(state, 987)
        for (const plan of rootPlans(scn, state, actor, new Set(), scn.budget[scn.actorIndex[actor]], () => Infinity)) {
          plans++
          const seats = { computer: new Set(scn.actorIds.filter((id) => id !== actor)), difficulty: 'normal' as const }
          const expected = prepareTurn(scn, world.start, seats, plan)
          const got = turnWithPlan(scn, world, actor, plan)
          expect([got.choices, got.questions]).toEqual([expected.choices, expected.questions])
        }
      }
    }
    expect(plans).toBeGreaterThan(100)
  })

  it('answers the same question on the same state from memory, and searches a state changed in place again', () => {
    const state = stateAt(4, 3)
    const first = searchPlan(scn, state, 'JPN', new Set(), 0, () => 3)
    expect(searchPlan(scn, state, 'JPN', new Set(), 0, () => 3)).toBe(first)
    state.tension = state.tension.map(() => 0.95)
    state.grievance = state.grievance.map(() => 0.5)
    const again = searchPlan(scn, state, 'JPN', new Set(), 0, () => 3)
    expect(again).not.toBe(first)
    expect(again).toEqual(searchPlan(scn, structuredClone(state), 'JPN', new Set(), 0, () => 3))
  })
})

describe('the hard player never proposes an illegal or unaffordable choice', () => {
  it('over seeds, turns, actors and seat limits (capital reserved, partners short of capital, actions already planned)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 10 }),
        fc.constantFrom(...scn.actorIds),
        fc.integer({ min: 0, max: 3 }),
        fc.dictionary(fc.constantFrom(...scn.actorIds), fc.integer({ min: 0, max: 3 })),
        (seed, turn, actor, reserved, rooms) => {
          const state = stateAt(seed, turn)
          const room = (partner: string) => rooms[partner] ?? scn.budget[scn.actorIndex[partner]]
          // What the others plan already (a joint action with the actor among them must not be proposed again).
          const planned = new Set(
            computerChoices(scn, state, everyone('normal'))
              .filter((c) => c.actor !== actor)
              .map(jointKey),
          )
          const choices = chooseActions(scn, state, actor, 'hard', planned, reserved, room)
          let spent = 0
          const shares = new Map<string, number>()
          for (const choice of choices) {
            expect(choice.actor).toBe(actor)
            expect(choiceProblem(scn, state, choice)).toBeNull()
            expect(planned.has(jointKey(choice))).toBe(false)
            spent += costOf(scn, state, choice)
            for (const partner of choice.partners ?? []) shares.set(partner, (shares.get(partner) ?? 0) + partnerCostOf(scn, choice))
          }
          expect(spent).toBeLessThanOrEqual(scn.budget[scn.actorIndex[actor]] - reserved)
          for (const [partner, share] of shares) expect(share).toBeLessThanOrEqual(room(partner))
          expect(new Set(choices.map((c) => c.action)).size).toBe(choices.length)
          const plan = planTurn(scn, state, choices, () => true)
          expect(plan.rejected.filter((r) => r.code !== 'declined')).toEqual([])
        },
      ),
      { numRuns: 25, seed: 11 },
    )
  })

  it('proposes nothing when the game is over or it has no capital left', () => {
    const state = stateAt(2, 3)
    const over = playGame(scn, { seed: 2, turns: 2, ledger: false, seats: everyone('normal') }).final
    expect(over.outcome).not.toBeNull()
    expect(chooseActions(scn, over, 'USA', 'hard')).toEqual([])
    expect(chooseActions(scn, state, 'USA', 'hard', new Set(), scn.budget[scn.actorIndex.USA])).toEqual([])
  })
})
