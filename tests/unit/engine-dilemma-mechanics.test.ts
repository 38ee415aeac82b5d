// The building blocks of the dilemma (format 2): standing and its fading, relative standing, reactions
// sized by the act, partners who pay, sanctions priced per target, once-a-game acts and what they
// unlock, the camp's double containment, the soft autonomy ceiling, and whole-game scores.
import { describe, expect, it } from 'vitest'
import type { Choice, GameState } from '../../src/engine/index.ts'
import {
  computerChoices,
  costOf,
  jointKey,
  legalCandidates,
  pairIndex,
  planTurn,
  playGame,
  resolveTurn,
  startGame,
} from '../../src/engine/index.ts'
import { measureValue } from '../../src/engine/scoring.ts'
import { softCeiling } from '../../src/engine/steps/alignment.ts'
import { quantize } from '../../src/engine/quantize.ts'
import { defaultScenario, onlyRules, variant } from '../support/scenarios.ts'

const scn = defaultScenario()
const yes = () => true
const CR = pairIndex(scn, 'CHN', 'RUS')
const sumOf = (entries: readonly { delta: number }[]) => entries.reduce((sum, e) => sum + e.delta, 0)

describe('standing: the private payoff of firm acts', () => {
  const bare = variant((file) => onlyRules(file, 'standing-fading'))

  it('a firm act raises the standing of those who take it, by the amount the action declares', () => {
    const start = startGame(bare, 1)
    const patrol: Choice = { actor: 'CHN', action: 'joint-air-patrol', partners: ['RUS'], targets: ['KOR'] }
    const declared = bare.actionById['joint-air-patrol'].data.effects.find((e) => e.variable === 'standing')!.delta
    const result = resolveTurn(bare, start, planTurn(bare, start, [patrol], yes).orders)
    const fading = bare.params.standingFading
    for (const id of ['CHN', 'RUS']) {
      const i = bare.actorIndex[id]
      const raised = quantize(start.standing[i] + declared)
      expect(result.state.standing[i]).toBe(quantize(raised - quantize(fading * raised)))
    }
    // The target gains nothing.
    const k = bare.actorIndex.KOR
    expect(result.state.standing[k]).toBeLessThan(start.standing[k])
  })

  it('fades by standingFading each turn when nobody renews it', () => {
    let state = startGame(bare, 1)
    const first = state.standing[0]
    for (let turn = 0; turn < 3; turn++) state = resolveTurn(bare, state, []).state
    expect(state.standing[0]).toBeCloseTo(first * (1 - bare.params.standingFading) ** 3, 6)
  })

  it('relative standing: a shortfall against the rivals costs, a lead gains nothing', () => {
    const state = startGame(scn, 1)
    const measure = { kind: 'standing' as const, actor: 'USA', against: ['CHN', 'RUS'] }
    const at = (usa: number, chn: number, rus: number): number => {
      const s: GameState = { ...state, standing: state.standing.slice() }
      s.standing[scn.actorIndex.USA] = usa
      s.standing[scn.actorIndex.CHN] = chn
      s.standing[scn.actorIndex.RUS] = rus
      return measureValue(scn, s, measure)
    }
    expect(at(0.3, 0.3, 0.3)).toBe(1)
    expect(at(0.6, 0.3, 0.3)).toBe(1)
    expect(at(0.1, 0.3, 0.5)).toBeCloseTo(0.7, 12)
    expect(measureValue(scn, state, { kind: 'standing', actor: 'USA' })).toBe(state.standing[scn.actorIndex.USA])
  })
})

describe('sizes and costs', () => {
  it('a reaction with "per": "participant" pushes as many times as the act has participants', () => {
    const only = variant((file) => onlyRules(file, 'reciprocal-responses'))
    const start = startGame(only, 1)
    const push = only.file.rules.find((r) => r.id === 'reciprocal-responses')!
    const delta = push.kind === 'reaction' ? push.effects.find((e) => e.variable === 'alignment')!.delta : 0
    const crPush = (choice: Choice) => {
      const result = resolveTurn(only, start, planTurn(only, start, [choice], yes).orders)
      return sumOf(
        result.ledger.filter((e) => e.cause === 'reciprocal-responses' && e.variable === 'alignment' && e.actors.join() === 'CHN,RUS'),
      )
    }
    expect(crPush({ actor: 'USA', action: 'quad-exercise', partners: ['JPN'], targets: ['CHN'] })).toBeCloseTo(2 * delta, 9)
    expect(crPush({ actor: 'USA', action: 'quad-exercise', partners: ['AUS', 'IND', 'JPN'], targets: ['CHN'] })).toBeCloseTo(4 * delta, 9)
  })

  it('sanctions cost more for each target beyond the first', () => {
    const start = startGame(scn, 1)
    const one = costOf(scn, start, { actor: 'USA', action: 'sanctions', targets: ['RUS'] })
    const two = costOf(scn, start, { actor: 'USA', action: 'sanctions', targets: ['CHN', 'RUS'] })
    expect(two - one).toBe(scn.actionById.sanctions.data.extraTargetCost)
    expect(two - one).toBeGreaterThan(0)
  })

  it('partners pay their share; a partner without the capital makes the proposal fail, and nobody is charged', () => {
    const start = startGame(scn, 1)
    const share = scn.actionById['joint-air-patrol'].data.partnerCost!
    expect(share).toBeGreaterThan(0)
    const patrol: Choice = { actor: 'CHN', action: 'joint-air-patrol', partners: ['RUS'], targets: ['JPN'] }
    const plan = planTurn(scn, start, [patrol], yes)
    expect(plan.spent).toEqual({ CHN: costOf(scn, start, patrol), RUS: share })
    // Russia has spent all its capital first: the joint patrol is refused for its want of capital.
    const broke = planTurn(
      scn,
      start,
      [{ actor: 'RUS', action: 'arms-buildup' }, { actor: 'RUS', action: 'de-escalation-talks', targets: ['USA'] }, patrol],
      yes,
    )
    expect(broke.rejected.map((r) => r.code)).toEqual(['over-budget'])
    expect(broke.rejected[0].reason).toContain('RUS has 0 capital left')
    expect(broke.spent.CHN ?? 0).toBe(0)
  })

  it('the computer proposes joint actions only to partners who can still pay, and never has a proposal refused for capital', () => {
    const seats = { computer: new Set(scn.actorIds), difficulty: 'normal' as const }
    for (const seed of [1, 2, 3, 4]) {
      const game = playGame(scn, { seed, turns: 12, seats, ledger: false })
      for (const { plan } of game.turns) expect(plan.rejected.filter((r) => r.code === 'over-budget')).toEqual([])
    }
  })
})

describe('once-a-game acts', () => {
  const aukus: Choice = { actor: 'USA', action: 'aukus-pact', partners: ['AUS', 'GBR'], targets: ['CHN'] }
  const deepen: Choice = { actor: 'AUS', action: 'aukus-deepening', partners: ['GBR', 'USA'], targets: ['CHN'] }

  it('AUKUS is signed once; deepening needs it first, by the same three, and any of them may propose it', () => {
    const start = startGame(scn, 1)
    expect(planTurn(scn, start, [deepen], yes).rejected.map((r) => r.code)).toEqual(['not-yet'])
    const signed = resolveTurn(scn, start, planTurn(scn, start, [aukus], yes).orders).state
    expect(signed.founded).toEqual([jointKey({ ...aukus, targets: [] })])
    const again = planTurn(scn, signed, [aukus], yes)
    expect(again.rejected.map((r) => r.code)).toEqual(['once-per-game'])
    expect(planTurn(scn, signed, [deepen], yes).rejected).toEqual([])
    // Legal choices follow the history: signing is gone, deepening has come.
    const usa = legalCandidates(scn, signed, 'USA').map((c) => c.action)
    expect(usa).not.toContain('aukus-pact')
    expect(usa).toContain('aukus-deepening')
    expect(legalCandidates(scn, start, 'USA').map((c) => c.action)).not.toContain('aukus-deepening')
  })

  it('the computer never proposes an act the history forbids', () => {
    const seats = { computer: new Set(scn.actorIds), difficulty: 'normal' as const }
    for (const seed of [1, 2, 3]) {
      const game = playGame(scn, { seed, turns: 12, seats, ledger: false })
      for (const { plan } of game.turns) expect(plan.rejected.filter((r) => r.code === 'once-per-game' || r.code === 'not-yet')).toEqual([])
    }
    const state = resolveTurn(scn, startGame(scn, 1), planTurn(scn, startGame(scn, 1), [aukus], yes).orders).state
    expect(computerChoices(scn, state, seats).filter((c) => c.action === 'aukus-pact')).toEqual([])
  })
})

describe('double containment by the NATO West as a camp (paragraph 25)', () => {
  const only = variant((file) => onlyRules(file, 'double-containment'))
  const start = startGame(only, 1)
  const push = (choices: Choice[]) =>
    sumOf(resolveTurn(only, start, planTurn(only, start, choices, yes).orders).ledger.filter((e) => e.cause === 'double-containment'))
  const dc = only.file.rules.find((r) => r.id === 'double-containment')!
  const delta = dc.kind === 'double-containment' ? dc.effects[0].delta : 0

  it('fires once when the camp together acts against both, whoever acts against which', () => {
    expect(
      push([
        { actor: 'USA', action: 'sanctions', targets: ['CHN'] },
        { actor: 'GBR', action: 'sanctions', targets: ['RUS'] },
      ]),
    ).toBeCloseTo(delta, 9)
    expect(
      push([
        { actor: 'USA', action: 'sanctions', targets: ['CHN', 'RUS'] },
        { actor: 'GBR', action: 'one-threat-framing', targets: ['CHN', 'RUS'] },
      ]),
    ).toBeCloseTo(delta, 9)
  })

  it('does not fire when only one of the two is targeted, or when those acting are outside the camp', () => {
    expect(
      push([
        { actor: 'USA', action: 'sanctions', targets: ['RUS'] },
        { actor: 'GBR', action: 'sanctions', targets: ['RUS'] },
      ]),
    ).toBe(0)
    expect(
      push([
        { actor: 'JPN', action: 'sanctions', targets: ['CHN'] },
        { actor: 'AUS', action: 'sanctions', targets: ['RUS'] },
      ]),
    ).toBe(0)
  })
})

describe('strategic autonomy as a soft ceiling', () => {
  it('passes small gains far from the ceiling almost whole, takes back more near it, never passes it, and leaves losses alone', () => {
    expect(softCeiling(0.4, 0.41, 0.85) - 0.4).toBeGreaterThan(0.0098)
    const far = softCeiling(0.5, 0.55, 0.85) - 0.5
    const near = softCeiling(0.8, 0.85, 0.85) - 0.8
    expect(near).toBeLessThan(far)
    for (const gain of [0.01, 0.1, 0.5, 2]) expect(softCeiling(0.7, 0.7 + gain, 0.85)).toBeLessThan(0.85)
    expect(softCeiling(0.7, 0.6, 0.85)).toBe(0.6)
    expect(softCeiling(0.9, 0.95, 0.85)).toBe(0.9)
    // Monotone: a bigger push never ends lower.
    expect(softCeiling(0.6, 0.7, 0.85)).toBeLessThan(softCeiling(0.6, 0.75, 0.85))
  })

  it('books what it takes back under its rule, as a limit, so the books still balance', () => {
    const push: Choice[] = [
      { actor: 'USA', action: 'sanctions', targets: ['CHN', 'RUS'] },
      { actor: 'GBR', action: 'sanctions', targets: ['CHN', 'RUS'] },
    ]
    let state = startGame(scn, 1)
    let heldBack = 0
    for (let turn = 0; turn < 4; turn++) {
      const result = resolveTurn(scn, state, planTurn(scn, state, push, yes).orders)
      const entries = result.ledger.filter((e) => e.cause === 'strategic-autonomy')
      for (const entry of entries) expect(entry.limit).toBe(true)
      heldBack -= sumOf(entries)
      const all = result.ledger.filter((e) => e.variable === 'alignment' && e.actors.join() === 'CHN,RUS')
      expect(quantize(state.alignment[CR] + sumOf(all))).toBe(result.state.alignment[CR])
      state = result.state
    }
    expect(heldBack).toBeGreaterThan(0)
    expect(state.alignment[CR]).toBeLessThan(scn.baseline[CR] + scn.params.autonomyMargin)
  })
})

describe('whole-game scores', () => {
  const seats = { computer: new Set(scn.actorIds), difficulty: 'normal' as const }

  it('a role scores the mean of its per-turn scores over the game', () => {
    const game = playGame(scn, { seed: 5, turns: 8, seats })
    for (const role of scn.roles) {
      const perTurn = game.turns.map((t) => t.result.state.turnScores[role.id])
      const mean = perTurn.reduce((a, b) => a + b, 0) / perTurn.length
      expect(game.final.scores[role.id]).toBeCloseTo(mean, 6)
      expect(game.final.outcome!.scores[role.id]).toBe(game.final.scores[role.id])
    }
  })

  it('an armed clash scores 0 for the turns it cuts off', () => {
    const hot = variant((file) => {
      file.parameters.clashChance.value = 1
      file.parameters.incidentBase.value = 2
      for (const pair of file.start.tension.pairs) pair.value = 1
    })
    const game = playGame(hot, { seed: 3, turns: 12, seats: { computer: new Set(), difficulty: 'normal' } })
    expect(game.final.clash).not.toBeNull()
    const played = game.turns.length
    expect(played).toBeLessThan(12)
    for (const role of hot.roles) {
      const total = game.turns.reduce((sum, t) => sum + t.result.state.turnScores[role.id], 0)
      expect(game.final.scores[role.id]).toBeCloseTo(total / 12, 6)
    }
  })

  it('a scenario scored on its final turn gives the last turn alone', () => {
    const final = variant((file) => (file.turns.scoring = 'final'))
    const game = playGame(final, { seed: 5, turns: 6, seats })
    for (const role of final.roles) expect(game.final.scores[role.id]).toBe(game.final.turnScores[role.id])
  })
})
