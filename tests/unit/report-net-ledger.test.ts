// The turn report's net truth on real games of the shipped scenario: where a limit took back part of
// a push, the report says what was pushed and what took effect, and the sums are exact.
import { describe, expect, it } from 'vitest'
import type { LedgerEntry, PlayedTurn } from '../../src/engine/index.ts'
import { playGame } from '../../src/engine/index.ts'
import { limitedChanges, netChanges } from '../../src/engine/net-ledger.ts'
import { limitedChangeViews } from '../../src/renderer/session/view-models.ts'
import { defaultScenario } from '../support/scenarios.ts'

const scn = defaultScenario()
// The strategic-autonomy limit: a hard cap, or a ceiling that shrinks gains as alignment nears it.
const capRule = scn.file.rules.find((rule) => ['autonomy-cap', 'autonomy-ceiling'].includes(rule.kind))!

function game(seed: number): PlayedTurn[] {
  return playGame(scn, { seed, seats: { computer: new Set(scn.actorIds), difficulty: 'normal' } }).turns
}

/** The first turn, over a few computer games, where the strategic-autonomy cap took something back. */
function firstCappedTurn(): PlayedTurn {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    const turn = game(seed).find((played) => limitedChanges(played.result.ledger).some((c) => c.limits.some((s) => s.cause === capRule.id)))
    if (turn) return turn
  }
  throw new Error('no computer game of the shipped scenario reached the strategic-autonomy cap')
}

describe('the turn report tells the net truth', () => {
  it('says what the strategic-autonomy cap let through of what was pushed, first in the list', () => {
    const { result } = firstCappedTurn()
    const views = limitedChangeViews(scn, result.ledger)
    const capped = views.find((view) => view.change.limits.some((share) => share.cause === capRule.id))!
    expect(views[0]).toBe(capped)
    expect(capped.byRule).toBe(true)
    expect(capped.text).toMatch(
      new RegExp(
        `^Alignment China–Russia: \\+\\d+\\.\\d pushed by [a-z ,]+, (?:[+−]\\d+\\.\\d took effect|nothing took effect) \\(.*${capRule.name} held back (?:\\d+\\.\\d|under 0\\.1)\\)$`,
      ),
    )
    // What took effect is what the state shows; what was pushed is what the causes' entries add up to.
    const entries = result.ledger.filter((e) => e.variable === 'alignment' && e.actors.join() === 'CHN,RUS')
    const pushed = entries.filter((e) => !e.limit).reduce((sum, e) => sum + e.delta, 0)
    expect(capped.change.pushed).toBe(pushed)
    expect(capped.change.after).toBe(entries[entries.length - 1].after)
    expect(capped.change.pushed).toBeGreaterThan(capped.change.net)
  })

  it('adds up exactly on every turn of a game: start + pushed + limits = end, and the entries chain', () => {
    let limited = 0
    for (const { result } of game(3)) {
      const byKey = new Map<string, LedgerEntry[]>()
      for (const entry of result.ledger) {
        const key = `${entry.variable}|${entry.actors.join('|')}`
        byKey.set(key, [...(byKey.get(key) ?? []), entry])
      }
      const changes = netChanges(result.ledger)
      expect(changes).toHaveLength(byKey.size)
      for (const change of changes) {
        const entries = byKey.get(`${change.variable}|${change.actors.join('|')}`)!
        for (let k = 1; k < entries.length; k++) expect(entries[k].before).toBe(entries[k - 1].after)
        expect(change.before).toBe(entries[0].before)
        expect(change.after).toBe(entries[entries.length - 1].after)
        expect(change.before + change.net).toBe(change.after)
        expect(change.pushed + change.limitDelta).toBe(change.net)
        expect(change.limits.reduce((sum, share) => sum + share.delta, 0)).toBe(change.limitDelta)
        expect(change.pushes.reduce((sum, push) => sum + push.delta, 0)).toBe(change.pushed)
        if (change.limitDelta !== 0) limited++
      }
      expect(limitedChangeViews(scn, result.ledger)).toHaveLength(limitedChanges(result.ledger).length)
    }
    expect(limited).toBeGreaterThan(0)
  })

  it('says nothing extra for a turn without limits, and names owners and grievances by name', () => {
    const ledger: LedgerEntry[] = [
      {
        turn: 1,
        step: 'actions',
        cause: 'summit',
        causeKind: 'action',
        causeName: 'Summit',
        actors: ['GBR', 'RUS'],
        variable: 'grievance',
        before: 0,
        delta: -0.25,
        after: -0.25,
        citations: [],
      },
    ]
    expect(limitedChangeViews(scn, ledger)).toEqual([])
    const clamp: LedgerEntry = {
      ...ledger[0],
      step: 'actions',
      cause: 'clamp',
      causeKind: 'clamp',
      causeName: 'Range limit',
      before: -0.25,
      delta: 0.25,
      after: 0,
      limit: true,
    }
    const [view] = limitedChangeViews(scn, [...ledger, clamp])
    expect(view.byRule).toBe(false)
    expect(view.text).toBe(
      `Grievance ${scn.file.actors.find((a) => a.id === 'GBR')!.name} toward Russia: −25.0 pts pushed by actions, nothing took effect (Range limit held back 25.0 pts)`,
    )
  })
})
