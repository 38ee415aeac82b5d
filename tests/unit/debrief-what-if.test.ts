// Compare groups and what-ifs on real games of the shipped scenario: where games of one seed part ways,
// which rules made the difference, and a what-if that changes nothing is the game itself while a rule
// switched off changes what that rule did, and only from the turn chosen.
import { describe, expect, it } from 'vitest'
import type { HumanTurn } from '../../src/engine/index.ts'
import { decisionsOf, rerunMatch } from '../../src/engine/index.ts'
import { compareGames, compareProblem, describeWhatIf, playWhatIf, whatIfProblem } from '../../src/engine/debrief/index.ts'
import { SETUP, humanTurns, playedMatch, scenario } from '../support/debrief-games.ts'

const match = playedMatch()
const json = (value: unknown) => JSON.stringify(value)

/** The same decisions, except that from `turn` on the United States only voices grave concern at Russia. */
function changedFrom(turn: number): HumanTurn[] {
  return humanTurns().map((decisions, index) =>
    index + 1 < turn
      ? decisions
      : {
          ...decisions,
          choices: [...decisions.choices.filter((c) => c.actor !== 'USA'), { actor: 'USA', action: 'grave-concern', targets: ['RUS'] }],
        },
  )
}

describe('compare groups', () => {
  const other = playedMatch(SETUP, changedFrom(5))
  const third = playedMatch(SETUP, changedFrom(8))

  it('finds the first turn whose decisions differ and the first whose world differs', () => {
    const comparison = compareGames(scenario, [
      { label: 'A', match },
      { label: 'B', match: other },
      { label: 'C', match: third },
    ])
    const pair = (a: number, b: number) => comparison.pairs.find((p) => p.a === a && p.b === b)!
    expect(pair(0, 1).firstDecisionTurn).toBe(5)
    expect(pair(0, 2).firstDecisionTurn).toBe(8)
    expect(pair(1, 2).firstDecisionTurn).toBe(5)
    expect(comparison.first.firstDecisionTurn).toBe(5)
    // The world stays the same until the decisions differ, and then it does not.
    const firstState = pair(0, 1).firstStateTurn!
    expect(firstState).toBe(5)
    for (let turn = 1; turn < firstState; turn++)
      expect(json(other.turns[turn - 1].result.state)).toBe(json(match.turns[turn - 1].result.state))
    expect(json(other.turns[firstState - 1].result.state)).not.toBe(json(match.turns[firstState - 1].result.state))
  })

  it('says how the outcomes differ and which rules made the difference, with their passages', () => {
    const comparison = compareGames(scenario, [
      { label: 'A', match },
      { label: 'B', match: other },
    ])
    expect(comparison.games.map((game) => game.scores)).toEqual([match.state.scores, other.state.scores])
    expect(comparison.rules.length).toBeGreaterThan(0)
    for (let k = 1; k < comparison.rules.length; k++)
      expect(comparison.rules[k - 1].spread).toBeGreaterThanOrEqual(comparison.rules[k].spread)
    // The first rule's largest difference is real: its two totals differ.
    const [first] = comparison.rules
    expect(first.largest.perGame[0]).not.toBe(first.largest.perGame[1])
    expect(first.passages.citations.length + (first.passages.assumption ? 1 : 0)).toBeGreaterThan(0)
    // The same game twice: no divergence and no rule that differs.
    const same = compareGames(scenario, [
      { label: 'A', match },
      { label: 'A again', match: playedMatch() },
    ])
    expect(same.first).toEqual({ firstDecisionTurn: null, firstStateTurn: null })
    expect(same.rules).toEqual([])
  })

  it('refuses games of another seed, or fewer than two', () => {
    expect(compareProblem(scenario, [{ label: 'A', match }])).toMatch(/at least two/)
    const reseeded = playedMatch({ ...SETUP, seed: 12 })
    expect(
      compareProblem(scenario, [
        { label: 'A', match },
        { label: 'B', match: reseeded },
      ]),
    ).toMatch(/“B” has seed 12, not 11/)
  })
})

describe('what if', () => {
  it('with nothing changed, from any turn, is the game itself, exactly', () => {
    for (const turn of [1, 4, match.turns.length]) {
      const result = playWhatIf(scenario, match, { turn })
      expect(json(result.match)).toBe(json(match))
      expect(result.divergence).toEqual({ firstDecisionTurn: null, firstStateTurn: null })
      // Only the refusals of the game itself (a partner played by the computer declining a patrol).
      const refused = match.turns
        .slice(turn - 1)
        .flatMap((played) =>
          played.plan.rejected
            .filter((r) => SETUP.humans.includes(r.choice.actor))
            .map((rejection) => ({ turn: played.result.turn, rejection })),
        )
      expect(result.dropped).toEqual(refused)
      expect(result.turnsNotPlayed + result.turnsPassed).toBe(0)
    }
  })

  it('with a rule switched off at turn K, keeps every turn before K and leaves that rule silent from K', () => {
    const rule = 'reciprocal-responses'
    const firedAt = match.turns.map((t) => t.result.ledger.some((e) => e.cause === rule)).map((fired, index) => (fired ? index + 1 : 0))
    const turn = firedAt.filter((t) => t > 1)[0]
    expect(turn, 'the rule fires in the game after turn 1').toBeGreaterThan(1)
    const result = playWhatIf(scenario, match, { turn, rulesOff: [rule] })
    for (let k = 1; k < turn; k++) expect(result.match.turns[k - 1]).toBe(match.turns[k - 1])
    for (const played of result.match.turns.slice(turn - 1)) expect(played.result.ledger.some((e) => e.cause === rule)).toBe(false)
    // Only that rule's part of turn K is gone: every other cause of the turn's actions step is as it was.
    const real = match.turns[turn - 1].result.ledger.filter((e) => e.step === 'actions')
    const what = result.match.turns[turn - 1].result.ledger.filter((e) => e.step === 'actions')
    expect(json(what)).toBe(json(real))
    expect(result.divergence.firstStateTurn).toBe(turn)
    expect(result.divergence.firstDecisionTurn).toBeNull()
    expect(result.match.state.outcome).not.toBeNull()
    expect(describeWhatIf(scenario, { turn, rulesOff: [rule] })).toBe(`From turn ${turn}: without “Reciprocal responses (China)”`)
  })

  it('with another choice for a role at turn K, replays the later decisions and says where the game changed', () => {
    const turn = 4
    const result = playWhatIf(scenario, match, { turn, roles: [{ actor: 'USA', choices: [] }] })
    expect(result.divergence.firstDecisionTurn).toBe(turn)
    expect(result.match.turns[turn - 1].decisions.choices.some((choice) => choice.actor === 'USA')).toBe(false)
    expect(decisionsOf(result.match).slice(turn)).toEqual(decisionsOf(match).slice(turn))
    // The same as re-running the changed decisions from turn 1 on the same rules.
    const changed = decisionsOf(match)
    changed[turn - 1] = { ...changed[turn - 1], choices: changed[turn - 1].choices.filter((choice) => choice.actor !== 'USA') }
    expect(json(rerunMatch(scenario, SETUP, changed).match.state)).toBe(json(result.match.state))
    expect(describeWhatIf(scenario, { turn, roles: [{ actor: 'USA', choices: [] }] })).toBe('From turn 4: United States passes')
  })

  it('says what is wrong with a what-if it cannot play', () => {
    expect(whatIfProblem(scenario, match, { turn: 0 })).toMatch(/between 1 and 10/)
    expect(whatIfProblem(scenario, match, { turn: 11 })).toMatch(/between 1 and 10/)
    expect(whatIfProblem(scenario, match, { turn: 2, roles: [{ actor: 'RUS', choices: [] }] })).toMatch(/RUS is not played by a person/)
    expect(whatIfProblem(scenario, match, { turn: 2, rulesOff: ['no-such-rule'] })).toMatch(/no rule "no-such-rule"/)
    expect(
      whatIfProblem(scenario, match, { turn: 2, roles: [{ actor: 'USA', choices: [{ actor: 'USA', action: 'no-such-action' }] }] }),
    ).toMatch(/cannot be taken in turn 2/)
    expect(() => playWhatIf(scenario, match, { turn: 0 })).toThrow(/between 1 and 10/)
  })
})
