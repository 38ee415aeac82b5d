// The net ledger on hand-built turns: what the causes pushed, what the limits took back or added,
// and what took effect, exactly (ledger values lie on the 2^-32 grid, so the sums are exact).
import { describe, expect, it } from 'vitest'
import { quantize } from '../../src/engine/quantize.ts'
import type { NetLedgerEntry } from '../../src/engine/net-ledger.ts'
import type { StateVariable, Step } from '../../src/engine/index.ts'
import { limitedChanges, limitVerb, listInWords, netChanges, netSentence } from '../../src/engine/net-ledger.ts'

const CAP = { cause: 'strategic-autonomy', causeName: 'Strategic autonomy', limit: true as const }
const CLAMP = { cause: 'clamp', causeName: 'Range limit', limit: true as const }
const FLOOR = { cause: 'interdependence-floor', causeName: 'Critical dividends', limit: true as const }

/** A chain of entries on one variable: each starts where the previous ended. */
function chain(
  variable: StateVariable,
  actors: string[],
  start: number,
  steps: { step: Step; cause: string; causeName: string; to: number; limit?: true }[],
): NetLedgerEntry[] {
  let before = quantize(start)
  return steps.map(({ to, ...rest }) => {
    const after = quantize(to)
    const entry: NetLedgerEntry = { ...rest, variable, actors, before, delta: after - before, after }
    before = after
    return entry
  })
}

const signed = (delta: number) => `${delta > 0 ? '+' : '−'}${Math.abs(delta).toFixed(2)}`
const size = (amount: number) => amount.toFixed(2)

describe('the net ledger', () => {
  it('says how much of a push a cap let through: partly absorbed', () => {
    const ledger = chain('alignment', ['CHN', 'RUS'], 0.83, [
      { step: 'reactions', cause: 'alignment-reaction', causeName: 'Pushed together', to: 1.03 },
      { step: 'alignment', cause: 'pacts', causeName: 'Pacts', to: 1.11 },
      { step: 'alignment', ...CAP, to: 0.85 },
    ])
    const [change] = limitedChanges(ledger)
    expect(change).toMatchObject({ variable: 'alignment', actors: ['CHN', 'RUS'], before: quantize(0.83), after: quantize(0.85) })
    expect(change.pushes.map((push) => push.step)).toEqual(['reactions', 'alignment'])
    expect(change.pushed).toBe(quantize(1.11) - quantize(0.83))
    expect(change.net).toBe(quantize(0.85) - quantize(0.83))
    expect(change.limits).toEqual([
      { cause: 'strategic-autonomy', causeName: 'Strategic autonomy', delta: quantize(0.85) - quantize(1.11) },
    ])
    // Exact: no rounding error between what was pushed, what the cap took and what took effect.
    expect(change.before + change.pushed + change.limitDelta).toBe(change.after)
    expect(netSentence(change, signed, size)).toBe(
      '+0.28 pushed by reactions and drift, +0.02 took effect (Strategic autonomy held back 0.26)',
    )
  })

  it('says when a clamp absorbed the whole push: nothing took effect', () => {
    const ledger = chain('grievance', ['GBR', 'RUS'], 0, [
      { step: 'actions', cause: 'summit', causeName: 'Summit', to: -0.2 },
      { step: 'actions', ...CLAMP, to: 0 },
    ])
    const [change] = limitedChanges(ledger)
    expect(change.net).toBe(0)
    expect(change.pushed).toBe(quantize(-0.2))
    expect(change.limitDelta).toBe(-quantize(-0.2))
    expect(netSentence(change, signed, size)).toBe('−0.20 pushed by actions, nothing took effect (Range limit held back 0.20)')
  })

  it('says what a floor added: against a push it held back, without one it added', () => {
    const heldBack = chain('alignment', ['CHN', 'RUS'], 0.25, [
      { step: 'actions', cause: 'sanctions', causeName: 'Sanctions', to: 0 },
      { step: 'alignment', ...FLOOR, to: 0.125 },
    ])
    const [pushedDown] = limitedChanges(heldBack)
    expect(pushedDown.limitDelta).toBe(0.125)
    expect(netSentence(pushedDown, signed, size)).toBe('−0.25 pushed by actions, −0.13 took effect (Critical dividends held back 0.13)')

    const added = chain('alignment', ['RUS', 'IND'], 0, [{ step: 'alignment', ...FLOOR, to: 0.125 }])
    const [lifted] = limitedChanges(added)
    expect(lifted).toMatchObject({ pushed: 0, net: 0.125, limitDelta: 0.125, pushes: [] })
    expect(limitVerb(lifted.limits[0], lifted.pushed)).toBe('added')
    expect(netSentence(lifted, signed, size)).toBe('nothing pushed, +0.13 took effect (Critical dividends added 0.13)')
  })

  it('names every limit that acted on one variable, each with its share', () => {
    const ledger = chain('alignment', ['CHN', 'RUS'], 0.875, [
      { step: 'actions', cause: 'joint-exercise', causeName: 'Joint exercise', to: 1.125 },
      { step: 'actions', ...CLAMP, to: 1 },
      { step: 'alignment', cause: 'interests', causeName: 'Interests', to: 0.9375 },
      { step: 'alignment', ...CAP, to: 0.875 },
    ])
    const [change] = limitedChanges(ledger)
    expect(change.limits.map((share) => [share.cause, share.delta])).toEqual([
      ['clamp', -0.125],
      ['strategic-autonomy', -0.0625],
    ])
    expect(change.net).toBe(0)
    expect(netSentence(change, signed, size)).toBe(
      '+0.19 pushed by actions and drift, nothing took effect (Range limit held back 0.13; Strategic autonomy held back 0.06)',
    )
  })

  it('says nothing extra where no limit acted, or where a limit’s entries cancel out', () => {
    const free = chain('tension', ['USA', 'CHN'], 0.5, [
      { step: 'actions', cause: 'patrol', causeName: 'Patrol', to: 0.625 },
      { step: 'tension', cause: 'tension-cooling', causeName: 'Cooling', to: 0.5625 },
    ])
    expect(limitedChanges(free)).toEqual([])
    const [whole] = netChanges(free)
    expect(whole).toMatchObject({ pushed: 0.0625, net: 0.0625, limitDelta: 0, limits: [] })

    const cancelled = chain('readiness', ['RUS'], 9.5, [
      { step: 'arms', cause: 'arms-race', causeName: 'Arms race', to: 10.5 },
      { step: 'arms', ...CLAMP, to: 10 },
      { step: 'incidents', cause: 'incident', causeName: 'Incident', to: 9.5 },
      { step: 'incidents', ...CLAMP, to: 10 },
    ])
    expect(netChanges(cancelled)[0]).toMatchObject({ net: 0.5, pushed: 0.5, limitDelta: 0 })
    expect(limitedChanges(cancelled)).toEqual([])
  })

  it('keeps variables and owners apart, in the order they first changed', () => {
    const ledger = [
      ...chain('tension', ['USA', 'CHN'], 0, [
        { step: 'actions', cause: 'talks', causeName: 'Talks', to: -0.125 },
        { step: 'actions', ...CLAMP, to: 0 },
      ]),
      ...chain('grievance', ['CHN', 'USA'], 0.5, [{ step: 'actions', cause: 'talks', causeName: 'Talks', to: 0.25 }]),
      ...chain('grievance', ['USA', 'CHN'], 0, [
        { step: 'actions', cause: 'talks', causeName: 'Talks', to: -0.25 },
        { step: 'actions', ...CLAMP, to: 0 },
      ]),
    ]
    expect(netChanges(ledger).map((change) => `${change.variable} ${change.actors.join('>')}`)).toEqual([
      'tension USA>CHN',
      'grievance CHN>USA',
      'grievance USA>CHN',
    ])
    expect(limitedChanges(ledger).map((change) => `${change.variable} ${change.actors.join('>')}`)).toEqual([
      'tension USA>CHN',
      'grievance USA>CHN',
    ])
  })

  it('lists in words', () => {
    expect(listInWords([])).toBe('')
    expect(listInWords(['actions'])).toBe('actions')
    expect(listInWords(['actions', 'drift'])).toBe('actions and drift')
    expect(listInWords(['actions', 'reactions', 'drift'])).toBe('actions, reactions and drift')
  })
})
