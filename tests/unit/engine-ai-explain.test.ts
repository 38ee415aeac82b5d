// "Why did the computer do that?" as data (issue 11, part 2): each computer choice with the value it saw in
// it, split into its role's objectives and the computer's own reasons, and the best choice it left out.
import { describe, expect, it } from 'vitest'
import type { ChoiceExplanation, GameState, Seats } from '../../src/engine/index.ts'
import {
  chooseActions,
  computerChoices,
  evaluateChoice,
  explainActor,
  explainChoices,
  explainTurn,
  playGame,
  prepareTurn,
} from '../../src/engine/index.ts'
import { defaultScenario } from '../support/scenarios.ts'

const scn = defaultScenario()
const everyone: Seats = { computer: new Set(scn.actorIds), difficulty: 'normal' }
const states: GameState[] = [1, 2, 3].flatMap((seed) => {
  const record = playGame(scn, { seed, turns: 8, ledger: false, seats: everyone })
  return [record.start, ...record.turns.map((turn) => turn.result.state).filter((state) => !state.outcome)]
})

const sum = (explanation: ChoiceExplanation) => explanation.terms.reduce((total, term) => total + term.delta, 0)

describe('explainChoices', () => {
  for (const level of ['easy', 'normal'] as const) {
    it(`${level}: explains exactly the choices the computer makes, each value the sum of its terms`, () => {
      let explained = 0
      for (const state of states) {
        for (const actor of scn.actorIds) {
          const explanations = explainChoices(scn, state, actor, level)
          expect(explanations.map((e) => e.choice)).toEqual(chooseActions(scn, state, actor, level))
          for (const e of explanations) {
            explained++
            expect(sum(e)).toBeCloseTo(e.value, 9)
            const chance = e.terms.find((term) => term.kind === 'chance')?.delta ?? 0
            expect(e.value - chance).toBeCloseTo(evaluateChoice(scn, state, actor, e.choice), 9)
            const objectives = scn.roleByActor[actor].objectives.map((objective) => objective.id)
            expect(e.terms.filter((term) => term.kind === 'objective').map((term) => term.id)).toEqual(objectives)
            if (e.runnerUp) {
              expect(e.runnerUp.value).toBeLessThanOrEqual(e.value)
              expect(explanations.map((other) => other.choice)).not.toContainEqual(e.runnerUp.choice)
            }
          }
        }
      }
      expect(explained).toBeGreaterThan(20)
    })
  }

  it('is pure and deterministic: the same state gives the same explanations, and the state is not changed', () => {
    const state = states[4]
    const copy = structuredClone(state)
    const first = scn.actorIds.map((actor) => explainChoices(scn, state, actor, 'normal'))
    expect(scn.actorIds.map((actor) => explainChoices(scn, state, actor, 'normal'))).toEqual(first)
    expect(state).toEqual(copy)
  })

  it('names the objective a choice serves: an energy deal raises China–Russia interdependence for China', () => {
    const state = states[0]
    const explanations = explainChoices(scn, state, 'CHN', 'normal')
    const deal = explanations.find((e) => e.choice.action === 'energy-deal')
    if (!deal) return expect(explanations.map((e) => e.choice.action)).toContain('energy-deal')
    const term = deal.terms.find(
      (t) => t.kind === 'objective' && scn.roleByActor.CHN.objectives.find((o) => o.id === t.id)!.measure.kind === 'interdependence',
    )
    expect(term!.delta).toBeGreaterThan(0)
  })

  it('hard: explains the searched plan, with the plan it beat', () => {
    const state = states[2]
    for (const actor of ['USA', 'CHN']) {
      const explanations = explainChoices(scn, state, actor, 'hard')
      expect(explanations.map((e) => e.choice)).toEqual(chooseActions(scn, state, actor, 'hard'))
      for (const e of explanations) {
        expect(sum(e)).toBeCloseTo(e.value, 9)
        expect(e.plan).toBeDefined()
        if (e.plan!.runnerUp) expect(e.plan!.runnerUp.value).toBeLessThanOrEqual(e.plan!.value)
      }
    }
  })
})

describe('explainTurn', () => {
  it('explains every computer player of a turn, with the choices computerChoices makes', () => {
    for (const state of states.slice(0, 6)) {
      const explained = explainTurn(scn, state, everyone)
      expect(scn.actorIds.flatMap((actor) => (explained[actor] ?? []).map((e) => e.choice))).toEqual(computerChoices(scn, state, everyone))
    }
  })
})

describe('explainActor', () => {
  it('gives one actor’s explanations as explainTurn does, from the turn’s choices, with a human player among them', () => {
    const seats: Seats = { computer: new Set(scn.actorIds.filter((actor) => actor !== 'USA')), difficulty: 'normal' }
    for (const state of states.slice(0, 5)) {
      const human = chooseActions(scn, state, 'USA', 'normal')
      const { choices } = prepareTurn(scn, state, seats, human)
      const whole = explainTurn(scn, state, seats, human)
      for (const actor of scn.actorIds.filter((id) => id !== 'USA'))
        expect(explainActor(scn, state, seats, choices, actor)).toEqual(whole[actor] ?? [])
    }
  })
})
