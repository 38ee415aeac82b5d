// Joint actions known before the turn resolves (issue 12, part 3): plannedChoiceFates says which of the
// players' choices the turn will drop and why, exactly as playTurn then drops them; a computer partner's
// answer is known while planning.
import { describe, expect, it } from 'vitest'
import type { Choice, HumanTurn } from '../../src/engine/index.ts'
import {
  agreementKey,
  computerAnswer,
  computerConsents,
  legalCandidates,
  newMatch,
  plannedChoiceFates,
  playTurn,
  prepareMatchTurn,
  seatsOf,
} from '../../src/engine/index.ts'
import { pseudoRandom } from '../support/pseudo-random.ts'
import { defaultScenario } from '../support/scenarios.ts'

const scn = defaultScenario()

describe('the fate of the players’ choices, before the turn', () => {
  it('drops exactly what playTurn drops, for random plans and answers of one to three players', () => {
    let dropped = 0
    let carried = 0
    const codes = new Set<string>()
    for (let game = 1; game <= 60; game++) {
      const random = pseudoRandom(game)
      const pool = ['USA', 'CHN', 'RUS', 'IND', 'JPN', 'AUS']
      const humans = pool.filter(() => random() < 0.4).slice(0, 3)
      if (humans.length === 0) humans.push(pool[game % pool.length])
      const setup = { seed: game, turnLimit: 4, humans, difficulty: game % 2 ? ('normal' as const) : ('easy' as const) }
      const match = newMatch(scn, setup)
      const seats = seatsOf(scn, setup)
      // Joint actions first and often: they are what can fail.
      const choices: Choice[] = humans.flatMap((actor) => {
        const candidates = legalCandidates(scn, match.state, actor)
        const joint = candidates.filter((choice) => choice.partners)
        return [0, 1, 2].map(() => {
          const from = joint.length > 0 && random() < 0.7 ? joint : candidates
          return from[Math.floor(random() * from.length)]
        })
      })
      const prepared = prepareMatchTurn(scn, match, choices)
      const agreed = prepared.questions.filter(() => random() < 0.5).map((question) => question.key)
      const declined = prepared.questions.map((question) => question.key).filter((key) => !agreed.includes(key))
      const fates = plannedChoiceFates(scn, match.state, seats, choices, new Set(agreed), new Set(declined))
      const decisions: HumanTurn = { choices, agreed }
      const played = playTurn(scn, match.state, seats, decisions)
      for (const fate of fates) {
        const rejection = played.plan.rejected.find(
          (rejected) =>
            JSON.stringify(rejected.choice) === JSON.stringify(fate.choice) && ['declined', 'over-budget'].includes(rejected.code),
        )
        expect(fate.dropped?.code, `game ${game}: ${JSON.stringify(fate.choice)}`).toBe(rejection?.code)
        if (fate.dropped) {
          dropped += 1
          codes.add(fate.dropped.code)
        } else if (played.plan.orders.some((order) => JSON.stringify(order) === JSON.stringify(fate.choice))) carried += 1
        for (const partner of fate.partners) {
          if (partner.computer) {
            const consents = computerConsents(scn, match.state, partner.partner, fate.choice, setup.difficulty)
            expect(partner.answer).toBe(consents ? 'agrees' : 'declines')
          } else {
            const key = agreementKey(partner.partner, fate.choice)
            expect(partner.answer).toBe(agreed.includes(key) ? 'agrees' : declined.includes(key) ? 'declines' : 'undecided')
          }
        }
      }
    }
    // The property is tested on both sides, and on both ways a joint action fails.
    expect(dropped).toBeGreaterThan(10)
    expect(carried).toBeGreaterThan(10)
    expect([...codes].sort()).toEqual(['declined', 'over-budget'])
  })

  it('counts a person not asked yet as agreeing, and a computer’s answer as known', () => {
    const setup = { seed: 3, turnLimit: 4, humans: ['USA', 'IND'], difficulty: 'normal' as const }
    const match = newMatch(scn, setup)
    const seats = seatsOf(scn, setup)
    const quad: Choice = { actor: 'USA', action: 'quad-exercise', partners: ['IND'], targets: ['CHN'] }
    const summit: Choice = { actor: 'USA', action: 'leaders-summit', partners: ['CHN'] }
    expect(computerAnswer(scn, match.state, seats, 'CHN', summit)).toBe('declines')
    const none = new Set<string>()
    const [quadFate, summitFate] = plannedChoiceFates(scn, match.state, seats, [quad, summit], none, none)
    expect(quadFate.partners).toEqual([{ partner: 'IND', computer: false, answer: 'undecided' }])
    expect(quadFate.dropped).toBeNull()
    expect(summitFate.partners).toEqual([{ partner: 'CHN', computer: true, answer: 'declines' }])
    expect(summitFate.dropped?.code).toBe('declined')
    const [quadDeclined] = plannedChoiceFates(scn, match.state, seats, [quad], none, new Set([agreementKey('IND', quad)]))
    expect(quadDeclined.dropped?.code).toBe('declined')
  })
})
