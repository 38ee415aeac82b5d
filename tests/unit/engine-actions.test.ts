// Every action of the default scenario, alone, on a world whose rules are all switched off:
// the actions step must record exactly the action's declared effects, with its citations.
// Then the legality checks of planTurn.
import { describe, expect, it } from 'vitest'
import type { Choice, CompiledAction, CompiledScenario, ConsentPolicy, GameState, LedgerEntry } from '../../src/engine/index.ts'
import {
  choiceProblem,
  compareChoices,
  incidentProbability,
  jointKey,
  legalCandidates,
  pairIndex,
  planTurn,
  projectTurn,
  resolveTurn,
  startGame,
} from '../../src/engine/index.ts'
import { quantize } from '../../src/engine/quantize.ts'
import { declaredChanges, keyOf, ledgerProblems, valueOf } from '../support/ledger.ts'
import { defaultScenario, variant } from '../support/scenarios.ts'

const scn = defaultScenario()
/** The default scenario with every rule switched off: only the actions themselves change the state. */
const bare = variant((file) => {
  for (const rule of file.rules) rule.enabled = false
})
const yes = () => true

/** A legal choice of the action from the start: the one with the most partners and targets. */
function richestChoice(s: CompiledScenario, state: GameState, action: CompiledAction): Choice {
  let best: Choice | null = null
  const size = (c: Choice) => (c.partners?.length ?? 0) + (c.targets?.length ?? 0)
  for (const actor of action.data.actors) {
    for (const choice of legalCandidates(s, state, actor)) {
      if (choice.action === action.data.id && (!best || size(choice) > size(best))) best = choice
    }
  }
  if (!best) throw new Error(`no actor can take "${action.data.id}" at the start`)
  return best
}

const bounds = (s: CompiledScenario, variable: string): [number, number] =>
  variable === 'alignment' ? [-1, 1] : variable === 'readiness' ? [0, s.params.readinessMax] : [0, 1]

describe('each action alone, every rule switched off', () => {
  expect(scn.actions.length).toBeGreaterThan(0)

  it.each(scn.actions.map((action) => [action.data.id, action] as const))('%s records exactly its declared effects', (id, source) => {
    const action = bare.actionById[id]
    const start = startGame(bare, 7)
    // An act that needs an earlier one (deepening a pact) is tried once every participant set has taken it.
    const required = action.data.requires
    if (required)
      start.founded = bare.actorIds.flatMap((a) =>
        legalCandidates(bare, start, a)
          .filter((c) => c.action === required)
          .map((c) => jointKey({ ...c, targets: [] })),
      )
    const choice = richestChoice(bare, start, action)
    const plan = planTurn(bare, start, [choice], yes)
    expect(plan.rejected).toEqual([])
    expect(plan.orders).toHaveLength(1)
    const order = plan.orders[0]
    const extraTargets = Math.max(0, (order.targets?.length ?? 0) - 1)
    expect(plan.spent[order.actor]).toBe(action.data.cost + extraTargets * (action.data.extraTargetCost ?? 0))
    for (const partner of order.partners ?? []) expect(plan.spent[partner] ?? 0).toBe(action.data.partnerCost ?? 0)
    const participants = [order.actor, ...(order.partners ?? [])]
    if (action.data.partners) expect(order.partners?.length ?? 0).toBeGreaterThanOrEqual(action.data.partners.min)

    const result = resolveTurn(bare, start, plan.orders)
    const actionEntries = result.ledger.filter((e) => e.step === 'actions' && e.cause !== 'clamp')
    const clampEntries = result.ledger.filter((e) => e.step === 'actions' && e.cause === 'clamp')

    // Cause, citations and actors of every entry.
    for (const entry of actionEntries) {
      expect(entry.cause).toBe(id)
      expect(entry.causeKind).toBe('action')
      expect(entry.citations).toEqual(source.data.citations ?? [])
      if (source.data.assumption !== undefined) expect(entry.assumption).toBe(source.data.assumption)
      expect(entry.by).toEqual(participants)
      expect(entry.turn).toBe(1)
    }
    // The declared effects, one entry each, with the declared delta (before clamping, on the 2^-32 grid).
    const declared = declaredChanges(bare, action.data.effects, order).filter((c) => Math.abs(c.delta) >= 2 ** -32)
    expect(declared.length).toBeGreaterThan(0)
    const remaining = [...actionEntries]
    for (const change of declared) {
      const at = remaining.findIndex(
        (e) => e.variable === change.variable && keyOf(e.variable, e.actors) === keyOf(change.variable, change.actors),
      )
      expect(at, `an entry for ${keyOf(change.variable, change.actors)}`).toBeGreaterThanOrEqual(0)
      const entry = remaining.splice(at, 1)[0]
      expect(entry.after).toBe(quantize(entry.before + change.delta))
      expect(Math.abs(entry.delta - change.delta)).toBeLessThanOrEqual(2 ** -32)
    }
    expect(remaining, 'entries the action did not declare').toEqual([])

    // Out-of-range results are clamped, each clamp its own entry, and nothing else is clamped.
    const final = new Map<string, LedgerEntry>()
    for (const entry of actionEntries) final.set(keyOf(entry.variable, entry.actors), entry)
    const needClamp = [...final.values()].filter((e) => {
      const [low, high] = bounds(bare, e.variable)
      return e.after < low || e.after > high
    })
    expect(clampEntries.map((e) => keyOf(e.variable, e.actors)).sort()).toEqual(needClamp.map((e) => keyOf(e.variable, e.actors)).sort())
    for (const entry of clampEntries) {
      const [low, high] = bounds(bare, entry.variable)
      expect(entry.after).toBe(Math.min(high, Math.max(low, entry.before)))
      expect(entry.citations).toEqual([])
    }

    // With every rule off, nothing else changes the model's variables.
    expect(result.ledger.filter((e) => !['actions', 'indices'].includes(e.step))).toEqual([])
    expect(result.incidents).toEqual([])
    expect(ledgerProblems(bare, start, result.state, result.ledger)).toEqual([])
    for (const change of declared) {
      const [low, high] = bounds(bare, change.variable)
      expect(valueOf(bare, result.state, change.variable, change.actors)).toBeGreaterThanOrEqual(low)
      expect(valueOf(bare, result.state, change.variable, change.actors)).toBeLessThanOrEqual(high)
    }

    // Pin pricks: each participant–target pair gets one, and its incident chance rises.
    const { pinPricks } = projectTurn(bare, start, plan.orders)
    const pricked = new Set<number>()
    if (action.data.pinPrick) {
      for (const p of participants) for (const t of order.targets ?? []) pricked.add(pairIndex(bare, p, t))
      expect(pricked.size).toBeGreaterThan(0)
    }
    pinPricks.forEach((count, p) => expect(count, `pin pricks of pair ${p}`).toBe(pricked.has(p) ? 1 : 0))
    for (const p of pricked) {
      const tension = result.state.tension[p]
      expect(incidentProbability({ scn: bare }, tension, pinPricks[p])).toBeGreaterThan(incidentProbability({ scn: bare }, tension, 0))
    }
  })

  it('a pin prick adds one count per participant–target pair per action', () => {
    const patrol = scn.actions.find((a) => a.data.pinPrick && a.data.partners && (a.data.targets?.max ?? 0) >= 2)
    expect(patrol, 'a joint pin prick with two targets').toBeDefined()
    const start = startGame(bare, 1)
    const choice = richestChoice(bare, start, bare.actionById[patrol!.data.id])
    const { pinPricks } = projectTurn(bare, start, [choice, { ...choice, targets: [choice.targets![0]] }])
    const first = pairIndex(bare, choice.actor, choice.targets![0])
    const second = pairIndex(bare, choice.actor, choice.targets![1])
    expect(pinPricks[first]).toBe(2)
    expect(pinPricks[second]).toBe(1)
    expect(pinPricks[pairIndex(bare, choice.actor, choice.partners![0])]).toBe(0)
  })
})

describe('planTurn rejects illegal choices', () => {
  const state = startGame(scn, 1)
  const only = (choice: Choice, consent: ConsentPolicy = yes) => planTurn(scn, state, [choice], consent)
  const codeOf = (choice: Choice) => {
    const plan = only(choice)
    expect(plan.orders).toEqual([])
    expect(plan.rejected).toHaveLength(1)
    return plan.rejected[0].code
  }
  const joint = scn.actions.find((a) => a.data.partners && a.data.targets?.from && a.data.targets.contact)!
  const jointActor = joint.data.actors[0]
  const jointPartner = joint.data.partners!.from.find((id) => id !== jointActor)!
  const jointTarget = joint.data.targets!.from!.find((id) => [jointActor, jointPartner].some((p) => scn.contact[pairIndex(scn, p, id)]))!
  const legalJoint: Choice = { actor: jointActor, action: joint.data.id, partners: [jointPartner], targets: [jointTarget] }

  it('accepts the legal joint action used below', () => {
    expect(joint).toBeDefined()
    expect(only(legalJoint).orders).toHaveLength(1)
  })

  it('an actor the action does not list: not-allowed', () => {
    const outsider = scn.actorIds.find((id) => !joint.data.actors.includes(id))!
    expect(codeOf({ ...legalJoint, actor: outsider })).toBe('not-allowed')
  })

  it('a target outside the allowed list: bad-targets', () => {
    const notAllowed = scn.actorIds.find((id) => id !== jointActor && id !== jointPartner && !joint.data.targets!.from!.includes(id))!
    expect(codeOf({ ...legalJoint, targets: [notAllowed] })).toBe('bad-targets')
  })

  it('a target no participant is in contact with: bad-targets', () => {
    const scramble = scn.actions.find((a) => a.data.targets?.contact && !a.data.partners)!
    const actor = scramble.data.actors.find((id) => scramble.data.targets!.from!.some((t) => !scn.contact[pairIndex(scn, id, t)]))!
    const target = scramble.data.targets!.from!.find((t) => !scn.contact[pairIndex(scn, actor, t)])!
    expect(codeOf({ actor, action: scramble.data.id, targets: [target] })).toBe('bad-targets')
  })

  it('a participant named as a target, or too many targets: bad-targets', () => {
    expect(codeOf({ ...legalJoint, targets: [jointPartner] })).toBe('bad-targets')
    const many = scn.actorIds.filter((id) => id !== jointActor && id !== jointPartner)
    expect(many.length).toBeGreaterThan(joint.data.targets!.max)
    expect(codeOf({ ...legalJoint, targets: many })).toBe('bad-targets')
  })

  it('a missing partner, or a partner on an action that takes none: bad-partners', () => {
    expect(codeOf({ ...legalJoint, partners: [] })).toBe('bad-partners')
    const { partners: _ignored, ...withoutPartners } = legalJoint
    expect(codeOf(withoutPartners)).toBe('bad-partners')
    const solo = scn.actions.find((a) => !a.data.partners && !a.data.targets)!
    expect(
      codeOf({ actor: solo.data.actors[0], action: solo.data.id, partners: [scn.actorIds.find((id) => id !== solo.data.actors[0])!] }),
    ).toBe('bad-partners')
  })

  it('an unknown action or actor', () => {
    expect(codeOf({ actor: jointActor, action: 'launch-everything' })).toBe('unknown-action')
    expect(codeOf({ actor: 'ATL', action: joint.data.id, partners: [jointPartner], targets: [jointTarget] })).toBe('unknown-actor')
  })

  it('the same choice twice, or the same joint action proposed by each partner: duplicate', () => {
    const plan = planTurn(scn, state, [legalJoint, { ...legalJoint }], yes)
    expect(plan.orders).toHaveLength(1)
    expect(plan.rejected.map((r) => r.code)).toEqual(['duplicate'])
    // The partner's matching proposal is the same joint action: merged, not carried out twice.
    const mirrored: Choice = { ...legalJoint, actor: jointPartner, partners: [jointActor] }
    const merged = planTurn(scn, state, [legalJoint, mirrored], yes)
    expect(merged.orders).toHaveLength(1)
    expect(merged.rejected.map((r) => r.code)).toEqual(['duplicate'])
    // The partner pays only its share of the one action carried out, not for its own duplicate proposal.
    expect(merged.spent[jointPartner] ?? 0).toBe(scn.actionById[legalJoint.action].data.partnerCost ?? 0)
  })

  it('choices beyond the budget: over-budget, and a rejected choice costs nothing', () => {
    const actor = 'USA'
    const budget = scn.budget[scn.actorIndex[actor]]
    const affordable = legalCandidates(scn, state, actor)
    // Fill the budget with the dearest affordable choice, then try one more.
    const dear = [...affordable].sort((a, b) => scn.actionById[b.action].data.cost - scn.actionById[a.action].data.cost)[0]
    const dearCost = scn.actionById[dear.action].data.cost
    const extra = affordable.find((c) => c.action !== dear.action && dearCost + scn.actionById[c.action].data.cost > budget)!
    expect(extra).toBeDefined()
    const plan = planTurn(scn, state, [dear, extra], yes)
    expect(plan.orders).toHaveLength(1)
    expect(plan.rejected.map((r) => r.code)).toEqual(['over-budget'])
    expect(plan.spent[actor]).toBe(dearCost)
    // An illegal choice first does not use up capital.
    const after = planTurn(scn, state, [{ actor, action: 'launch-everything' }, dear], yes)
    expect(after.orders).toHaveLength(1)
    expect(after.spent[actor]).toBe(dearCost)
  })

  it('a declining partner: declined, and the proposer is not charged', () => {
    const asked: string[] = []
    const plan = only(legalJoint, (partner) => {
      asked.push(partner)
      return false
    })
    expect(asked).toEqual([jointPartner])
    expect(plan.orders).toEqual([])
    expect(plan.rejected.map((r) => r.code)).toEqual(['declined'])
    expect(plan.spent[jointActor] ?? 0).toBe(0)
  })

  it('a finished game: game-over', () => {
    const finished = resolveTurn(scn, startGame(scn, 1, 1), []).state
    expect(finished.outcome).not.toBeNull()
    const plan = planTurn(scn, finished, [legalJoint], yes)
    expect(plan.rejected.map((r) => r.code)).toEqual(['game-over'])
  })

  it('orders come out normalised (sorted targets and partners) and in canonical order, whatever order they were given in', () => {
    const patrol: Choice = {
      actor: jointActor,
      action: joint.data.id,
      partners: [jointPartner],
      targets: [...joint.data.targets!.from!].reverse().slice(0, 2),
    }
    const summit: Choice = { actor: 'USA', action: 'leaders-summit', partners: ['JPN'] }
    expect(choiceProblem(scn, state, patrol)).toBeNull()
    const one = planTurn(scn, state, [patrol, summit], yes).orders
    const two = planTurn(scn, state, [summit, patrol], yes).orders
    expect(one).toEqual(two)
    expect(one).toHaveLength(2)
    const planned = one.find((o) => o.action === joint.data.id)!
    expect(planned.targets).toEqual([...patrol.targets!].sort())
    expect([...one].sort(compareChoices)).toEqual(one)
  })
})
