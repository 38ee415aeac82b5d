// Each rule of the default scenario in isolation (every other rule switched off), checked against its
// formula in the model, and switched off to show its ledger entries go with it.
import { describe, expect, it } from 'vitest'
import type { Choice, CompiledScenario, GameState, LedgerEntry, RuleData, ScenarioFile, TriggerData } from '../../src/engine/index.ts'
import {
  balancedTriadShare,
  bestSplit,
  blocRigidity,
  blocStats,
  choiceProblem,
  incidentProbability,
  ladderRung,
  legalCandidates,
  pairIndex,
  planTurn,
  resolveTurn,
  startGame,
} from '../../src/engine/index.ts'
import { quantize } from '../../src/engine/quantize.ts'
import { declaredChanges, keyOf, ledgerProblems } from '../support/ledger.ts'
import {
  defaultFile,
  defaultScenario,
  onlyRules,
  ruleIdOfKind,
  setAllPairs,
  setPair,
  setReadiness,
  subsetScenario,
  variant,
} from '../support/scenarios.ts'

const scn = defaultScenario()
const GRID = 2 ** -32
const yes = () => true

const byCause = (ledger: readonly LedgerEntry[], cause: string) => ledger.filter((e) => e.cause === cause)
const onlyVariant = (ids: string[], edit?: (file: ScenarioFile) => void) =>
  variant((file) => {
    onlyRules(file, ...ids)
    edit?.(file)
  })
const pairOfIds = (s: CompiledScenario, a: string, b: string) => pairIndex(s, a, b)
const owners = (s: CompiledScenario, p: number) => s.pairActors[p].map((i) => s.actorIds[i])

/** Whether an action of this turn triggers a rule, implemented independently of the engine. */
function triggers(s: CompiledScenario, when: TriggerData, choice: Choice): boolean {
  const data = s.actionById[choice.action].data
  if (when.actions && !when.actions.includes(choice.action)) return false
  if (when.tags && !when.tags.some((tag) => data.tags.includes(tag))) return false
  if (when.actors && ![choice.actor, ...(choice.partners ?? [])].some((id) => when.actors!.includes(id))) return false
  if (when.targets && !(choice.targets ?? []).some((id) => when.targets!.includes(id))) return false
  return true
}

function allCandidates(s: CompiledScenario, state: GameState): Choice[] {
  return s.actorIds.flatMap((actor) => legalCandidates(s, state, actor))
}

// ---------------------------------------------------------------------------------------------
describe('reaction rules', () => {
  const reactions = scn.file.rules.filter((r): r is Extract<RuleData, { kind: 'reaction' }> => r.kind === 'reaction')
  it('the scenario has reaction rules', () => expect(reactions.length).toBeGreaterThan(0))

  describe.each(reactions.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
    const isolated = onlyVariant([id])
    const start = startGame(isolated, 3)
    const candidates = allCandidates(isolated, start)
    const size = (c: Choice) => (c.partners?.length ?? 0) + (c.targets?.length ?? 0)
    const trigger = candidates.filter((c) => triggers(isolated, rule.when, c)).sort((a, b) => size(b) - size(a))[0]
    const bystander = candidates.find((c) => !triggers(isolated, rule.when, c))

    it('fires once per triggering action with exactly its declared effects and citations', () => {
      expect(trigger, 'a legal action that triggers it').toBeDefined()
      const result = resolveTurn(isolated, start, [trigger])
      const entries = result.ledger.filter((e) => e.step === 'reactions' && e.cause !== 'clamp')
      const expected = declaredChanges(isolated, rule.effects, trigger).filter((c) => Math.abs(c.delta) >= GRID)
      expect(entries.map((e) => keyOf(e.variable, e.actors)).sort()).toEqual(expected.map((c) => keyOf(c.variable, c.actors)).sort())
      for (const entry of entries) {
        expect(entry.cause).toBe(id)
        expect(entry.causeKind).toBe('rule')
        expect(entry.citations).toEqual(rule.citations ?? [])
        const change = expected.find((c) => keyOf(c.variable, c.actors) === keyOf(entry.variable, entry.actors))!
        expect(entry.after).toBe(quantize(entry.before + change.delta))
      }
      // Twice the trigger (a second, distinct triggering action) fires it twice.
      const second = candidates.find(
        (c) => c !== trigger && triggers(isolated, rule.when, c) && JSON.stringify(c) !== JSON.stringify(trigger),
      )
      if (second) {
        const twice = resolveTurn(isolated, start, [trigger, second])
        const expectedTwice =
          declaredChanges(isolated, rule.effects, trigger).length + declaredChanges(isolated, rule.effects, second).length
        expect(byCause(twice.ledger, id)).toHaveLength(expectedTwice)
      }
    })

    it('does not fire for an action that does not trigger it', () => {
      expect(bystander).toBeDefined()
      expect(byCause(resolveTurn(isolated, start, [bystander!]).ledger, id)).toEqual([])
    })

    it('switched off, leaves no entries', () => {
      const off = onlyVariant([])
      expect(byCause(resolveTurn(off, startGame(off, 3), [trigger]).ledger, id)).toEqual([])
    })
  })
})

// ---------------------------------------------------------------------------------------------
// Per actor, as a rule without a camp counts (the camp of the NATO West is tested in engine-dilemma-mechanics).
describe('double containment, actor by actor', () => {
  const rule = scn.file.rules.find((r): r is Extract<RuleData, { kind: 'double-containment' }> => r.kind === 'double-containment')!
  const isolated = onlyVariant([rule.id], (file) => {
    for (const r of file.rules) if (r.kind === 'double-containment') delete r.camp
  })
  const start = startGame(isolated, 1)
  const [first, second] = rule.targets
  // Hostile (containing) actions of the West aimed at one or both of the pair.
  const containing = allCandidates(isolated, start).filter(
    (c) => triggers(isolated, rule.when, c) && (c.targets ?? []).some((t) => t === first || t === second) && !c.partners,
  )
  const both = containing.find((c) => c.targets!.includes(first) && c.targets!.includes(second))!
  const onlyFirst = containing.find((c) => c.targets!.length === 1 && c.targets![0] === first && c.actor === both.actor)!
  const onlySecondByOther = containing.find((c) => c.targets!.length === 1 && c.targets![0] === second && c.actor !== both.actor)!
  const bothByOther = containing.find((c) => c.actor !== both.actor && c.targets!.includes(first) && c.targets!.includes(second))!
  const pushes = (orders: Choice[]) => byCause(resolveTurn(isolated, start, orders).ledger, rule.id)
  const perFiring = declaredChanges(isolated, rule.effects, { actor: both?.actor ?? '', action: '', targets: [first, second] })

  it('the scenario offers containing actions', () => {
    for (const choice of [both, onlyFirst, onlySecondByOther, bothByOther]) {
      expect(choice).toBeDefined()
      expect(choiceProblem(isolated, start, choice)).toBeNull()
    }
  })

  it('fires once for one actor acting against both, with its declared effects', () => {
    const entries = pushes([both])
    expect(entries.map((e) => keyOf(e.variable, e.actors))).toEqual(perFiring.map((c) => keyOf(c.variable, c.actors)))
    entries.forEach((entry, k) => expect(entry.after).toBe(quantize(entry.before + perFiring[k].delta)))
    for (const entry of entries) expect(entry.citations).toEqual(rule.citations ?? [])
  })

  it('counts one actor, not one action: two actions by the same actor against both still fire once', () => {
    expect(pushes([both, onlyFirst])).toHaveLength(perFiring.length)
  })

  it('fires once per actor: two actors each against both fire twice', () => {
    expect(pushes([both, bothByOther])).toHaveLength(2 * perFiring.length)
  })

  it('does not fire when different actors act against one member each', () => {
    expect(pushes([onlyFirst, onlySecondByOther])).toEqual([])
    expect(pushes([onlyFirst])).toEqual([])
  })

  it('switched off, leaves no entries', () => {
    const off = onlyVariant([])
    expect(byCause(resolveTurn(off, startGame(off, 1), [both]).ledger, rule.id)).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
describe('arms (Richardson)', () => {
  const id = ruleIdOfKind('arms')
  const isolated = onlyVariant([id])
  const { armsReactivity: k, armsCost: alpha, armsBase: g, readinessMax } = isolated.params

  function richardson(s: CompiledScenario, state: GameState): number[] {
    return state.readiness.map((own, i) => {
      let threat = 0
      for (let j = 0; j < s.n; j++) {
        if (j === i) continue
        const p = s.pairOf[i * s.n + j]
        threat += Math.max(0, -state.alignment[p]) * (s.contact[p] ? 1 : 0.5) * state.readiness[j]
      }
      return (k * threat + g) * (1 - own / readinessMax) - alpha * own
    })
  }

  it('each actor moves by (k·threat + g)·(1 − own/max) − α·own, threat weighted by hostility and contact', () => {
    const start = startGame(isolated, 1)
    const expected = richardson(isolated, start)
    const result = resolveTurn(isolated, start, [])
    const entries = byCause(result.ledger, id)
    expect(entries.length).toBeGreaterThan(0)
    for (const entry of entries) {
      expect(entry.step).toBe('arms')
      expect(entry.variable).toBe('readiness')
      const i = isolated.actorIndex[entry.actors[0]]
      expect(Math.abs(entry.after - (start.readiness[i] + expected[i]))).toBeLessThanOrEqual(GRID)
    }
    expect(ledgerProblems(isolated, start, result.state, result.ledger)).toEqual([])
  })

  it('a rival arming makes the other arm faster; a friend arming does not', () => {
    const calm = startGame(isolated, 1)
    const rivalArmed = startGame(
      onlyVariant([id], (file) => setReadiness(file, 'USA', 90)),
      1,
    )
    const delta = (state: GameState, actor: string) => {
      const s = isolated
      return resolveTurn(s, state, []).state.readiness[s.actorIndex[actor]] - state.readiness[s.actorIndex[actor]]
    }
    expect(calm.alignment[pairOfIds(isolated, 'CHN', 'USA')]).toBeLessThan(0)
    expect(calm.alignment[pairOfIds(isolated, 'JPN', 'USA')]).toBeGreaterThan(0)
    expect(delta(rivalArmed, 'CHN')).toBeGreaterThan(delta(calm, 'CHN'))
    expect(delta(rivalArmed, 'JPN')).toBe(delta(calm, 'JPN'))
  })

  const friends = (jpn: number, aus: number) =>
    subsetScenario(['JPN', 'AUS'], (file) => {
      onlyRules(file, id)
      setReadiness(file, 'JPN', jpn)
      setReadiness(file, 'AUS', aus)
    })

  it('without rivals, readiness settles toward g/(α + g/max) from below and above, never passing the cap', () => {
    const pair = friends(0, 0.6 * readinessMax)
    expect(pair.start.alignment[0]).toBeGreaterThan(0)
    const target = g / (alpha + g / readinessMax)
    expect(target).toBeLessThan(0.6 * readinessMax)
    let state = startGame(pair, 1, 40)
    for (let turn = 0; turn < 40; turn++) {
      const next = resolveTurn(pair, state, []).state
      for (let i = 0; i < 2; i++) {
        // Each step moves toward g/α and never overshoots it.
        expect(Math.abs(next.readiness[i] - target)).toBeLessThanOrEqual(Math.abs(state.readiness[i] - target) + GRID)
        expect(next.readiness[i]).toBeLessThanOrEqual(readinessMax)
      }
      state = next
    }
    for (let i = 0; i < 2; i++) expect(Math.abs(state.readiness[i] - target)).toBeLessThan(0.1 * readinessMax)
  })

  // Only growth slows toward the cap; the cost of readiness acts in full ("falls by its own cost", model §3.4).
  it('an actor armed to the cap with no rivals stands down (fatigue still acts at the cap)', () => {
    const pair = friends(g / alpha, readinessMax)
    const start = startGame(pair, 1)
    const after = resolveTurn(pair, start, []).state
    expect(after.readiness[pair.actorIndex['AUS']]).toBeLessThan(readinessMax)
  })

  it('switched off, leaves no entries and readiness unchanged', () => {
    const off = onlyVariant([])
    const start = startGame(off, 1)
    const result = resolveTurn(off, start, [])
    expect(byCause(result.ledger, id)).toEqual([])
    expect(result.state.readiness).toEqual(start.readiness)
  })
})

// ---------------------------------------------------------------------------------------------
describe('balance ("the enemy of my enemy")', () => {
  const id = ruleIdOfKind('balance')
  const triad = (ab: number, ac: number, bc: number, tension = 0) =>
    subsetScenario(['CHN', 'RUS', 'USA'], (file) => {
      onlyRules(file, id)
      setPair(file.start.alignment, 'CHN', 'RUS', ab)
      setPair(file.start.alignment, 'CHN', 'USA', ac)
      setPair(file.start.alignment, 'RUS', 'USA', bc)
      setAllPairs(file.start.tension, tension)
    })
  const product = (s: CompiledScenario, a: readonly number[]) =>
    a[pairOfIds(s, 'CHN', 'RUS')] * a[pairOfIds(s, 'CHN', 'USA')] * a[pairOfIds(s, 'RUS', 'USA')]

  it('moves an unbalanced (+,+,−) triad toward balance, by η(1+β·T̄)(1−a²)·Σ a_ik·a_kj/(n−2)', () => {
    const s = triad(0.5, 0.5, -0.5)
    const start = startGame(s, 1)
    const result = resolveTurn(s, start, [])
    const { balanceRate, stressAmplifier } = s.params
    const meanT = start.tension.reduce((x, y) => x + y, 0) / start.tension.length
    for (let p = 0; p < 3; p++) {
      const [i, j] = s.pairActors[p]
      const k = 3 - i - j
      const triads = start.alignment[s.pairOf[i * 3 + k]] * start.alignment[s.pairOf[k * 3 + j]]
      const a = start.alignment[p]
      const expected = (balanceRate * (1 + stressAmplifier * meanT) * (1 - a * a) * triads) / (3 - 2)
      expect(Math.abs(result.state.alignment[p] - (a + expected))).toBeLessThanOrEqual(GRID)
    }
    // The two friends of the common friend fall out less, the friends' links weaken: the triad's product rises toward 0.
    expect(product(s, start.alignment)).toBeLessThan(0)
    expect(product(s, result.state.alignment)).toBeGreaterThan(product(s, start.alignment))
    expect(result.state.alignment[pairOfIds(s, 'RUS', 'USA')]).toBeGreaterThan(-0.5)
    expect(result.state.alignment[pairOfIds(s, 'CHN', 'RUS')]).toBeLessThan(0.5)
    expect(byCause(result.ledger, id)).toHaveLength(3)
  })

  it('deepens a balanced (+,−,−) triad: two rivals of a third grow closer', () => {
    const s = triad(0.4, -0.5, -0.5)
    const start = startGame(s, 1)
    const next = resolveTurn(s, start, []).state
    expect(next.alignment[pairOfIds(s, 'CHN', 'RUS')]).toBeGreaterThan(0.4)
    expect(next.alignment[pairOfIds(s, 'CHN', 'USA')]).toBeLessThan(-0.5)
    expect(product(s, next.alignment)).toBeGreaterThan(product(s, start.alignment))
  })

  it('is stronger when tension is high, by exactly the factor 1 + β·T̄', () => {
    const cool = triad(0.5, 0.5, -0.5, 0)
    const hot = triad(0.5, 0.5, -0.5, 0.8)
    const change = (s: CompiledScenario) => {
      const start = startGame(s, 1)
      return resolveTurn(s, start, []).state.alignment.map((a, p) => a - start.alignment[p])
    }
    const factor = 1 + hot.params.stressAmplifier * 0.8
    change(hot).forEach((d, p) => {
      expect(Math.abs(d)).toBeGreaterThan(Math.abs(change(cool)[p]))
      expect(Math.abs(d - factor * change(cool)[p])).toBeLessThanOrEqual(4 * GRID)
    })
  })

  it('is bounded: alone for 40 turns it never needs a clamp and stays within −1..1', () => {
    const s = onlyVariant([id])
    let state = startGame(s, 1, 40)
    for (let turn = 0; turn < 40; turn++) {
      const result = resolveTurn(s, state, [])
      expect(byCause(result.ledger, 'clamp')).toEqual([])
      for (const a of result.state.alignment) expect(Math.abs(a)).toBeLessThanOrEqual(1)
      state = result.state
    }
  })
})

// ---------------------------------------------------------------------------------------------
describe('interests (pull toward the baseline)', () => {
  const id = ruleIdOfKind('interests')
  const isolated = onlyVariant([id])

  it('moves every pair by interestPull·(a0 − a), exactly, and nothing else', () => {
    const start = startGame(isolated, 1)
    const result = resolveTurn(isolated, start, [])
    const mu = isolated.params.interestPull
    let moved = 0
    start.alignment.forEach((a, p) => {
      const expected = quantize(a + mu * (isolated.baseline[p] - a))
      expect(result.state.alignment[p]).toBe(expected)
      // (A pair that starts at its baseline is off it by less than the 2^-32 grid and does not move.)
      if (expected !== a) {
        moved++
        // Toward the baseline, closing the share μ of the gap.
        expect(Math.abs(result.state.alignment[p] - isolated.baseline[p])).toBeLessThan(Math.abs(a - isolated.baseline[p]))
      }
    })
    expect(moved).toBeGreaterThan(0)
    expect(byCause(result.ledger, id)).toHaveLength(moved)
    expect(result.ledger.filter((e) => e.step !== 'indices' && e.cause !== id)).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
describe('pacts', () => {
  const id = ruleIdOfKind('pacts')
  const isolated = onlyVariant([id])

  it('holds alignment up by pactPull·commitment·(1 − a); pairs without commitment do not move', () => {
    const start = startGame(isolated, 1)
    const result = resolveTurn(isolated, start, [])
    const h = isolated.params.pactPull
    let committed = 0
    start.alignment.forEach((a, p) => {
      expect(result.state.alignment[p]).toBe(quantize(a + h * start.commitment[p] * (1 - a)))
      if (start.commitment[p] > 0) {
        committed++
        expect(result.state.alignment[p]).toBeGreaterThan(a)
      } else {
        expect(result.state.alignment[p]).toBe(a)
      }
    })
    expect(committed).toBeGreaterThan(0)
    expect(byCause(result.ledger, id)).toHaveLength(committed)
  })
})

// ---------------------------------------------------------------------------------------------
describe('strategic autonomy: the hard cap of format 1 and the soft ceiling of format 2', () => {
  const rule = scn.file.rules.find((r): r is Extract<RuleData, { kind: 'autonomy-ceiling' }> => r.kind === 'autonomy-ceiling')!
  const [a, b] = rule.pair
  // Every joint action of the pair that brings it closer, all in one turn (orders need not be affordable here).
  const pushers = (s: CompiledScenario, state: GameState) =>
    legalCandidates(s, state, a).filter(
      (c) =>
        c.partners?.includes(b) &&
        s.actionById[c.action].data.effects.some(
          (e) => e.variable === 'alignment' && 'between' in e && e.between.join() === 'actor,partners' && e.delta > 0,
        ),
    )
  const setUp = (ids: string[], hardCap = false) =>
    onlyVariant(ids, (file) => {
      setPair(file.start.alignment, a, b, 0.8)
      if (hardCap) {
        const own = file.rules.find((r) => r.id === rule.id)!
        ;(own as { kind: string }).kind = 'autonomy-cap'
        file.parameters.autonomyCap.value = 0.85
      }
    })
  const pairEntries = (s: CompiledScenario, ledger: readonly LedgerEntry[], p: number) =>
    ledger.filter(
      (e) => e.step === 'actions' && e.variable === 'alignment' && keyOf('alignment', e.actors) === keyOf('alignment', owners(s, p)),
    )

  it('a hard cap (format 1) holds the pair at autonomyCap after a big push, recorded under the rule', () => {
    const s = setUp([rule.id], true)
    const start = startGame(s, 1)
    const orders = pushers(s, start)
    expect(orders.length).toBeGreaterThan(1)
    const result = resolveTurn(s, start, orders)
    const p = pairOfIds(s, a, b)
    expect(pairEntries(s, result.ledger, p).at(-1)!.after).toBeGreaterThan(s.params.autonomyCap)
    expect(result.state.alignment[p]).toBe(quantize(s.params.autonomyCap))
    const capped = byCause(result.ledger, rule.id)
    expect(capped).toHaveLength(1)
    expect(capped[0].step).toBe('alignment')
    expect(capped[0].limit).toBe(true)
    expect(capped[0].citations).toEqual(rule.citations ?? [])
  })

  it('the soft ceiling lets part of the same push through, stays below baseline + autonomyMargin, and books the rest as a limit', () => {
    const s = setUp([rule.id])
    const start = startGame(s, 1)
    const result = resolveTurn(s, start, pushers(s, start))
    const p = pairOfIds(s, a, b)
    const ceiling = s.baseline[p] + s.params.autonomyMargin
    expect(pairEntries(s, result.ledger, p).at(-1)!.after).toBeGreaterThan(ceiling)
    expect(result.state.alignment[p]).toBeGreaterThan(start.alignment[p])
    expect(result.state.alignment[p]).toBeLessThan(ceiling)
    const held = byCause(result.ledger, rule.id)
    expect(held).toHaveLength(1)
    expect(held[0].delta).toBeLessThan(0)
    expect(held[0].limit).toBe(true)
    expect(held[0].citations).toEqual(rule.citations ?? [])
  })

  it('switched off, the same push goes past the ceiling', () => {
    const s = setUp([])
    const start = startGame(s, 1)
    const result = resolveTurn(s, start, pushers(s, start))
    expect(result.state.alignment[pairOfIds(s, a, b)]).toBeGreaterThan(s.baseline[pairOfIds(s, a, b)] + s.params.autonomyMargin)
    expect(byCause(result.ledger, rule.id)).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
describe('interdependence floor', () => {
  const id = ruleIdOfKind('interdependence-floor')
  const s = onlyVariant([id], (file) => {
    setPair(file.start.alignment, 'CHN', 'RUS', -0.2)
    setPair(file.start.interdependence, 'CHN', 'RUS', 0.5)
    setPair(file.start.interdependence, 'USA', 'JPN', 0.4)
  })

  it('lifts a pair with ties to interdependenceFloor × interdependence, and leaves pairs above it or without ties', () => {
    const start = startGame(s, 1)
    const result = resolveTurn(s, start, [])
    const p = pairOfIds(s, 'CHN', 'RUS')
    expect(result.state.alignment[p]).toBe(quantize(s.params.interdependenceFloor * 0.5))
    // USA–JPN is far above its floor; USA–CHN is hostile but has no ties, so no floor.
    expect(result.state.alignment[pairOfIds(s, 'USA', 'JPN')]).toBe(start.alignment[pairOfIds(s, 'USA', 'JPN')])
    expect(start.interdependence[pairOfIds(s, 'USA', 'CHN')]).toBe(0)
    expect(result.state.alignment[pairOfIds(s, 'USA', 'CHN')]).toBe(start.alignment[pairOfIds(s, 'USA', 'CHN')])
    const entries = byCause(result.ledger, id)
    expect(entries).toHaveLength(1)
    expect(entries[0].step).toBe('alignment')
  })

  it('holds at the end of the alignment step on every turn of a long game with every other drift rule on', () => {
    const all = variant((file) => {
      setPair(file.start.alignment, 'CHN', 'RUS', -0.2)
      file.rules = file.rules.filter((r) => r.kind !== 'incidents')
    })
    let state = startGame(all, 5, 20)
    const p = pairOfIds(all, 'CHN', 'RUS')
    while (!state.outcome) {
      const result = resolveTurn(all, state, [])
      // No incidents and nothing after the alignment step lowers alignment: the floor holds at the end.
      expect(result.state.alignment[p]).toBeGreaterThanOrEqual(quantize(all.params.interdependenceFloor * result.state.interdependence[p]))
      state = result.state
    }
  })

  it('switched off, the pair stays below the floor', () => {
    const off = onlyVariant([], (file) => setPair(file.start.alignment, 'CHN', 'RUS', -0.2))
    const result = resolveTurn(off, startGame(off, 1), [])
    expect(result.state.alignment[pairOfIds(off, 'CHN', 'RUS')]).toBe(quantize(-0.2))
    expect(byCause(result.ledger, id)).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
describe('tension cooling', () => {
  const id = ruleIdOfKind('tension-cooling')
  const isolated = onlyVariant([id])

  it('removes tensionCooling·T from every pair, exactly', () => {
    const start = startGame(isolated, 1)
    const result = resolveTurn(isolated, start, [])
    const delta = isolated.params.tensionCooling
    let warm = 0
    start.tension.forEach((t, p) => {
      expect(result.state.tension[p]).toBe(quantize(t - delta * t))
      if (t > 0) warm++
    })
    expect(warm).toBeGreaterThan(0)
    expect(byCause(result.ledger, id)).toHaveLength(warm)
  })
})

describe('tension from hostility', () => {
  const id = ruleIdOfKind('tension-hostility')
  const isolated = onlyVariant([id])

  it('adds hostilityHeat·max(0, −a)·(r_i + r_j)/(2·max) to hostile pairs only', () => {
    const start = startGame(isolated, 1)
    const result = resolveTurn(isolated, start, [])
    const { hostilityHeat, readinessMax } = isolated.params
    let hostile = 0
    start.tension.forEach((t, p) => {
      const [i, j] = isolated.pairActors[p]
      const a = start.alignment[p]
      if (a < 0) {
        hostile++
        const heat = hostilityHeat * -a * ((start.readiness[i] + start.readiness[j]) / (2 * readinessMax))
        expect(Math.abs(result.state.tension[p] - (t + heat))).toBeLessThanOrEqual(GRID)
        expect(result.state.tension[p]).toBeGreaterThan(t)
      } else {
        expect(result.state.tension[p]).toBe(t)
      }
    })
    expect(hostile).toBeGreaterThan(0)
    expect(byCause(result.ledger, id)).toHaveLength(hostile)
  })
})

// ---------------------------------------------------------------------------------------------
describe('grievance fading', () => {
  const id = ruleIdOfKind('grievance-fading')
  const patrol = scn.actions.find((a) => a.data.effects.some((e) => e.variable === 'grievance' && e.delta > 0) && a.data.partners)!

  it('fades every grievance by grievanceFading·g in the tension step', () => {
    const s = onlyVariant([id])
    const start = startGame(s, 1)
    const choice = legalCandidates(s, start, patrol.data.actors[0]).find((c) => c.action === patrol.data.id)!
    const result = resolveTurn(s, start, [choice])
    const raised = result.ledger.filter((e) => e.step === 'actions' && e.variable === 'grievance')
    const faded = byCause(result.ledger, id)
    expect(raised.length).toBeGreaterThan(0)
    expect(faded.map((e) => keyOf(e.variable, e.actors)).sort()).toEqual(raised.map((e) => keyOf(e.variable, e.actors)).sort())
    for (const entry of faded) {
      expect(entry.step).toBe('tension')
      expect(entry.after).toBe(quantize(entry.before - s.params.grievanceFading * entry.before))
      expect(entry.after).toBeLessThan(entry.before)
    }
    expect(ledgerProblems(s, start, result.state, result.ledger)).toEqual([])
  })

  it('switched off, grievances stay', () => {
    const s = onlyVariant([])
    const start = startGame(s, 1)
    const choice = legalCandidates(s, start, patrol.data.actors[0]).find((c) => c.action === patrol.data.id)!
    const once = resolveTurn(s, start, [choice]).state
    const twice = resolveTurn(s, once, []).state
    expect(twice.grievance).toEqual(once.grievance)
    expect(once.grievance.some((g) => g > 0)).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
describe('incidents', () => {
  const id = ruleIdOfKind('incidents')
  const withTension = (t: number) => onlyVariant([id], (file) => setAllPairs(file.start.tension, t))
  const SEEDS = Array.from({ length: 300 }, (_, k) => k + 1)

  it('are deterministic for a seed and vary across seeds', () => {
    const s = withTension(0.5)
    const runs = SEEDS.slice(0, 60).map((seed) => JSON.stringify(resolveTurn(s, startGame(s, seed), []).incidents))
    SEEDS.slice(0, 60).forEach((seed, k) => expect(JSON.stringify(resolveTurn(s, startGame(s, seed), []).incidents)).toBe(runs[k]))
    expect(new Set(runs).size).toBeGreaterThan(5)
  })

  it('happen only between pairs in contact, with the probability of the formula, and book their effects', () => {
    const s = withTension(0.5)
    let seen = 0
    for (const seed of SEEDS.slice(0, 80)) {
      const start = startGame(s, seed)
      const result = resolveTurn(s, start, [])
      for (const incident of result.incidents) {
        seen++
        const p = pairOfIds(s, incident.actors[0], incident.actors[1])
        expect(s.contact[p]).toBe(true)
        expect(incident.probability).toBe(incidentProbability({ scn: s }, start.tension[p], 0))
        const entries = byCause(result.ledger, id).filter((e) => keyOf('x', e.actors) === keyOf('x', owners(s, p)))
        const tension = entries.find((e) => e.variable === 'tension')!
        const alignment = entries.find((e) => e.variable === 'alignment')!
        expect(tension.after).toBe(quantize(tension.before + s.params.incidentTension * incident.severity))
        expect(alignment.after).toBe(quantize(alignment.before - s.params.incidentAlignment * incident.severity))
      }
      expect(ledgerProblems(s, start, result.state, result.ledger)).toEqual([])
    }
    expect(seen).toBeGreaterThan(0)
  })

  it('come about as often as their probability says (within 4.5 standard deviations)', () => {
    const s = withTension(0.3)
    const start = startGame(s, 1)
    const contactPairs = s.pairActors.map((_, p) => p).filter((p) => s.contact[p])
    const p1 = incidentProbability({ scn: s }, quantize(0.3), 0)
    const expected = SEEDS.length * contactPairs.length * p1
    let count = 0
    for (const seed of SEEDS) count += resolveTurn(s, startGame(s, seed), []).incidents.length
    const sd = Math.sqrt(SEEDS.length * contactPairs.length * p1 * (1 - p1))
    expect(Math.abs(count - expected)).toBeLessThan(4.5 * sd)
    expect(start.tension[contactPairs[0]]).toBe(quantize(0.3))
  })

  it('rise in frequency with tension, and pin pricks raise the odds further', () => {
    const count = (s: CompiledScenario, orders: Choice[] = []) =>
      SEEDS.reduce((sum, seed) => sum + resolveTurn(s, startGame(s, seed), orders).incidents.length, 0)
    const low = count(withTension(0.05))
    const mid = count(withTension(0.4))
    const high = count(withTension(0.8))
    expect(low).toBeLessThan(mid)
    expect(mid).toBeLessThan(high)
    // Raising the tension or the pin pricks raises every pair's probability (and so never removes an incident).
    expect(incidentProbability({ scn }, 0.4, 0)).toBeGreaterThan(incidentProbability({ scn }, 0.05, 0))
    expect(incidentProbability({ scn }, 0.4, 2)).toBeGreaterThan(incidentProbability({ scn }, 0.4, 1))
  })

  it('are never severe at zero tension', () => {
    const s = withTension(0)
    for (const seed of SEEDS) for (const incident of resolveTurn(s, startGame(s, seed), []).incidents) expect(incident.severity).toBe(1)
  })

  it('can become an armed clash on the top rung only, which ends the game and zeroes every score', () => {
    const top = scn.file.ladder.length - 1
    const brink = withTension(0.95)
    const crisis = withTension((scn.file.ladder[top - 1].up + scn.file.ladder[top].down) / 2)
    let clashes = 0
    for (const seed of SEEDS.slice(0, 150)) {
      const start = startGame(brink, seed)
      expect(start.rung).toBe(top)
      const result = resolveTurn(brink, start, [])
      if (result.state.clash) {
        clashes++
        expect(result.incidents.some((i) => i.severity === 2)).toBe(true)
        expect(result.state.outcome?.reason).toBe('armed-clash')
        expect(result.state.outcome?.armedClash).toBe(true)
        for (const score of Object.values(result.state.scores)) expect(score).toBe(0)
        expect(() => resolveTurn(brink, result.state, [])).toThrow()
      }
      const below = startGame(crisis, seed)
      expect(below.rung).toBeLessThan(top)
      expect(resolveTurn(crisis, below, []).state.clash).toBeNull()
    }
    expect(clashes).toBeGreaterThan(0)
  })

  it('switched off, there are none', () => {
    const s = onlyVariant([], (file) => setAllPairs(file.start.tension, 0.9))
    for (const seed of SEEDS.slice(0, 50)) expect(resolveTurn(s, startGame(s, seed), []).incidents).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
describe('quasi-alliance', () => {
  const rule = scn.file.rules.find((r): r is Extract<RuleData, { kind: 'quasi-alliance' }> => r.kind === 'quasi-alliance')!
  const [a, b] = rule.pair
  const at = (value: number, ids = [rule.id]) =>
    startGame(
      onlyVariant(ids, (file) => setPair(file.start.alignment, a, b, value)),
      1,
    )
  const threshold = scn.params.quasiAllianceThreshold

  it('holds exactly when the pair is at or above quasiAllianceThreshold', () => {
    // Exactly at the threshold, when the threshold lies on the state's 2^-32 grid.
    expect(at(quantize(threshold) >= threshold ? threshold : threshold + GRID).quasiAlliance).toBe(true)
    expect(at(Math.min(1, threshold + 0.1)).quasiAlliance).toBe(true)
    expect(at(threshold - 0.01).quasiAlliance).toBe(false)
  })

  it('switched off, is never detected', () => {
    expect(at(Math.min(1, threshold + 0.1), []).quasiAlliance).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------
/** Two camps: friends (+x) inside each, rivals (−x) across; cross-bloc tension t. */
function twoBlocs(file: ScenarioFile, camp: readonly string[], x: number, t: number): void {
  setAllPairs(file.start.alignment, x)
  setAllPairs(file.start.tension, 0)
  for (const first of file.actors) {
    for (const second of file.actors) {
      if (first.id < second.id && camp.includes(first.id) !== camp.includes(second.id)) {
        setPair(file.start.alignment, first.id, second.id, -x)
        setPair(file.start.tension, first.id, second.id, t)
      }
    }
  }
}
const EAST = ['CHN', 'RUS']

describe('blocs and rigidity', () => {
  it('bestSplit on a textbook two-bloc graph: the right camps, frustration 0, every triad balanced', () => {
    const s = variant((file) => twoBlocs(file, EAST, 0.7, 0))
    const split = bestSplit(s, s.start.alignment)
    expect(split.frustration).toBe(0)
    const camps = [0, 1].map((side) => s.actorIds.filter((_, i) => split.side[i] === side))
    expect(camps[0]).toEqual(EAST)
    expect(camps[1]).toEqual(s.actorIds.filter((id) => !EAST.includes(id)))
    expect(balancedTriadShare(s, s.start.alignment)).toBe(1)
    const state = startGame(s, 1)
    expect(state.blocs).toEqual(camps)
    // Rigidity: 100 · (within − across)/2 · balanced share = 100 · x.
    expect(state.rigidity).toBeCloseTo(100 * 0.7, 6)
  })

  it('bestSplit on a frustrated (+,+,−) triad: frustration is the lightest edge over the total', () => {
    const s = subsetScenario(['CHN', 'RUS', 'USA'], (file) => {
      setPair(file.start.alignment, 'CHN', 'RUS', 0.5)
      setPair(file.start.alignment, 'CHN', 'USA', 0.6)
      setPair(file.start.alignment, 'RUS', 'USA', -0.4)
    })
    const weights = s.pairActors.map(([i, j], p) => s.capability[i] * s.capability[j] * Math.abs(s.start.alignment[p]))
    const split = bestSplit(s, s.start.alignment)
    expect(split.frustration).toBeCloseTo(Math.min(...weights) / weights.reduce((x, y) => x + y, 0), 12)
    expect(balancedTriadShare(s, s.start.alignment)).toBe(0)
  })

  it('rigidity is 0 when one bloc is empty (everyone friends)', () => {
    const s = variant((file) => setAllPairs(file.start.alignment, 0.5))
    const state = startGame(s, 1)
    expect(state.blocs[1]).toEqual([])
    expect(state.rigidity).toBe(0)
    expect(blocRigidity(blocStats(s, [0, 0, 0, 0, 0, 0, 0, 0], s.start.alignment, s.start.tension), 1, false)).toBe(0)
  })

  it('rigidity follows its formula on the default start and stays within 0..100', () => {
    const state = startGame(scn, 1)
    const side = scn.actorIds.map((id) => (state.blocs[1].includes(id) ? 1 : 0))
    let within = 0
    let withinCount = 0
    let across = 0
    let acrossCount = 0
    scn.pairActors.forEach(([i, j], p) => {
      if (side[i] === side[j]) {
        within += state.alignment[p]
        withinCount++
      } else {
        across += state.alignment[p]
        acrossCount++
      }
    })
    const separation = Math.min(1, Math.max(0, (within / withinCount - across / acrossCount) / 2))
    expect(state.rigidity).toBeCloseTo(100 * separation * balancedTriadShare(scn, state.alignment), 6)
    expect(state.rigidity).toBeGreaterThanOrEqual(0)
    expect(state.rigidity).toBeLessThanOrEqual(100)
  })
})

describe('rigid blocs', () => {
  const id = ruleIdOfKind('rigid-blocs')
  const textbook = (ids: string[]) => onlyVariant(ids, (file) => twoBlocs(file, EAST, 0.8, 0))

  it('are detected after rigidTurns evaluations of rigidity ≥ threshold with the same camps', () => {
    const s = textbook([id])
    let state = startGame(s, 1)
    expect(state.rigidity).toBeGreaterThanOrEqual(s.params.rigidityThreshold)
    const flags = [state.rigidBlocs]
    for (let turn = 1; turn <= 4; turn++) {
      state = resolveTurn(s, state, []).state
      flags.push(state.rigidBlocs)
    }
    // The start counts as the first evaluation.
    flags.forEach((flag, k) => expect(flag, `after turn ${k}`).toBe(k + 1 >= s.params.rigidTurns))
  })

  it('are not detected below the threshold, nor when switched off (which also drops its rigidity entries)', () => {
    const loose = onlyVariant([id], (file) => twoBlocs(file, EAST, (0.9 * scn.params.rigidityThreshold) / 100, 0))
    let state = startGame(loose, 1)
    for (let turn = 0; turn < 4; turn++) state = resolveTurn(loose, state, []).state
    expect(state.rigidBlocs).toBe(false)

    const off = textbook([])
    const on = textbook([id])
    // A summit across the camps moves alignment, so rigidity falls: booked only while the rule is on.
    const summit: Choice = { actor: 'CHN', action: 'leaders-summit', partners: ['USA'] }
    const onStart = startGame(on, 1)
    expect(choiceProblem(on, onStart, summit)).toBeNull()
    const onResult = resolveTurn(on, onStart, [summit])
    expect(onResult.state.rigidity).toBeLessThan(onStart.rigidity)
    const booked = byCause(onResult.ledger, id)
    expect(booked.map((e) => [e.variable, e.before, e.after])).toEqual([['rigidity', onStart.rigidity, onResult.state.rigidity]])

    let offState = startGame(off, 1)
    expect(byCause(resolveTurn(off, offState, [summit]).ledger, id)).toEqual([])
    for (let turn = 0; turn < 4; turn++) offState = resolveTurn(off, offState, []).state
    expect(offState.rigidity).toBeGreaterThanOrEqual(off.params.rigidityThreshold)
    expect(offState.rigidBlocs).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------
describe('impasse', () => {
  const rigid = ruleIdOfKind('rigid-blocs')
  const id = ruleIdOfKind('impasse')
  const params = scn.params
  const hot = (ids: string[], t = Math.min(1, params.impasseTension + 0.15)) => onlyVariant(ids, (file) => twoBlocs(file, EAST, 0.8, t))

  function play(s: CompiledScenario, turns: number): GameState[] {
    const states = [startGame(s, 1, 40)]
    for (let turn = 0; turn < turns; turn++) states.push(resolveTurn(s, states.at(-1)!, []).state)
    return states
  }

  it('holds once rigid blocs, hot cross-bloc tension and no movement have lasted impasseTurns turns', () => {
    const s = hot([rigid, id])
    const states = play(s, 8)
    const stalemate = states.map((state) => {
      const side = s.actorIds.map((a) => (state.blocs[1].includes(a) ? 1 : 0))
      const stats = blocStats(s, side, state.alignment, state.tension)
      return state.rigidBlocs && stats.crossTension >= params.impasseTension && state.movement <= params.impasseMovement
    })
    states.forEach((state, t) => {
      const window = stalemate.slice(Math.max(0, t - params.impasseTurns + 1), t + 1)
      expect(state.impasse, `after turn ${t}`).toBe(window.length >= params.impasseTurns && window.every(Boolean))
    })
    expect(states.at(-1)!.impasse).toBe(true)
  })

  it('does not hold with cool cross-bloc tension, nor when switched off', () => {
    expect(play(hot([rigid, id], params.impasseTension / 2), 8).some((state) => state.impasse)).toBe(false)
    expect(play(hot([rigid]), 8).some((state) => state.impasse)).toBe(false)
  })

  it('makes de-escalation dearer by impasseSurcharge', () => {
    const s = hot([rigid, id])
    const stuck = play(s, 8).at(-1)!
    const free = startGame(s, 1)
    expect(stuck.impasse).toBe(true)
    const deescalation = s.actions.find(
      (a) => a.tagSet.has('de-escalation') && a.data.cost + Math.round(params.impasseSurcharge) <= s.budget[0],
    )!
    const choice = legalCandidates(s, stuck, deescalation.data.actors[0]).find((c) => c.action === deescalation.data.id)!
    expect(planTurn(s, free, [choice], yes).spent[choice.actor]).toBe(deescalation.data.cost)
    expect(planTurn(s, stuck, [choice], yes).spent[choice.actor]).toBe(deescalation.data.cost + Math.round(params.impasseSurcharge))
  })

  it('lets the ladder come down at most one rung a turn', () => {
    const s = hot([rigid, id])
    const stuck = play(s, 8).at(-1)!
    const top = s.file.ladder.length - 1
    const heat = blocStats(
      s,
      s.actorIds.map((a) => (stuck.blocs[1].includes(a) ? 1 : 0)),
      stuck.alignment,
      stuck.tension,
    ).hottestCrossTension
    const freeFall = ladderRung(s.file.ladder, top, heat, s.file.ladder.length)
    expect(freeFall).toBeLessThan(top - 1)
    const fromTop = (impasse: boolean) => resolveTurn(s, { ...structuredClone(stuck), rung: top, impasse }, []).state.rung
    expect(fromTop(true)).toBe(top - 1)
    expect(fromTop(false)).toBe(freeFall)
  })
})

// ---------------------------------------------------------------------------------------------
describe('escalation ladder', () => {
  const ladder = scn.file.ladder
  const EPS = 1e-9

  it("has up-thresholds rising and each rung's down below its up (hysteresis)", () => {
    expect(ladder[0].up).toBe(0)
    for (let r = 1; r < ladder.length; r++) {
      expect(ladder[r].up).toBeGreaterThan(ladder[r - 1].up)
      expect(ladder[r].down).toBeLessThan(ladder[r].up)
      expect(ladder[r].down).toBeGreaterThanOrEqual(ladder[r - 1].down)
    }
  })

  it('climbs at up, stays in the band [down, up), and falls only below down', () => {
    for (let r = 1; r < ladder.length; r++) {
      expect(ladderRung(ladder, r - 1, ladder[r].up, ladder.length)).toBeGreaterThanOrEqual(r)
      expect(ladderRung(ladder, r - 1, ladder[r].up - EPS, ladder.length)).toBe(r - 1)
      // In the hysteresis band the rung depends on where the ladder came from.
      const band = (ladder[r].down + ladder[r].up) / 2
      expect(ladderRung(ladder, r, band, ladder.length)).toBe(r)
      expect(ladderRung(ladder, r - 1, band, ladder.length)).toBe(r - 1)
      expect(ladderRung(ladder, r, ladder[r].down, ladder.length)).toBe(r)
      expect(ladderRung(ladder, r, ladder[r].down - EPS, ladder.length)).toBeLessThan(r)
    }
    expect(ladderRung(ladder, 0, 1, ladder.length)).toBe(ladder.length - 1)
    expect(ladderRung(ladder, ladder.length - 1, 0, ladder.length)).toBe(0)
    expect(ladderRung(ladder, ladder.length - 1, 0, 1)).toBe(ladder.length - 2)
  })

  it("the state's rung is the ladder read from the hottest cross-bloc tension, with hysteresis", () => {
    const s = onlyVariant([], (file) => twoBlocs(file, EAST, 0.6, (ladder[2].up + ladder[3].up) / 2))
    const start = startGame(s, 1)
    expect(start.rung).toBe(2)
    const withCross = (state: GameState, t: number): GameState => ({
      ...structuredClone(state),
      tension: state.tension.map((x) => (x > 0 ? t : x)),
    })
    const climbed = resolveTurn(s, withCross(start, ladder[4].up), [])
    expect(climbed.state.rung).toBe(4)
    const entry = climbed.ledger.find((e) => e.variable === 'rung')!
    expect([entry.before, entry.after, entry.cause]).toEqual([2, 4, 'escalation-ladder'])
    // Cooling into rung 4's band keeps rung 4; below its down-threshold it drops.
    expect(resolveTurn(s, withCross(climbed.state, (ladder[4].down + ladder[4].up) / 2), []).state.rung).toBe(4)
    expect(resolveTurn(s, withCross(climbed.state, (ladder[3].down + ladder[4].down) / 2), []).state.rung).toBe(3)
  })
})

// ---------------------------------------------------------------------------------------------
describe('switching any rule off removes its ledger entries', () => {
  // A busy first turn: containment from the West, patrols from the East, a pact, and a hot, tied world.
  const orders: Choice[] = [
    { actor: 'USA', action: 'sanctions', targets: ['RUS'] },
    { actor: 'GBR', action: 'one-threat-framing', targets: ['CHN', 'RUS'] },
    { actor: 'AUS', action: 'aukus-pact', partners: ['GBR', 'USA'], targets: ['CHN'] },
    { actor: 'JPN', action: 'quad-exercise', partners: ['IND'], targets: ['CHN'] },
    { actor: 'CHN', action: 'joint-air-patrol', partners: ['RUS'], targets: ['JPN', 'KOR'] },
  ]
  const busy = (file: ScenarioFile) => {
    setPair(file.start.alignment, 'CHN', 'RUS', 0.8)
    setPair(file.start.interdependence, 'USA', 'CHN', 0.8)
    for (const entry of file.static.contact) setPair(file.start.tension, entry.pair[0], entry.pair[1], 0.6)
  }
  const full = variant(busy)
  const seed = Array.from({ length: 200 }, (_, k) => k + 1).find((k) => resolveTurn(full, startGame(full, k), orders).incidents.length > 0)!
  const ledger = resolveTurn(full, startGame(full, seed), orders).ledger
  const detectors: RuleData['kind'][] = ['quasi-alliance', 'impasse']

  it('the busy turn is legal and every rule but the detectors books something', () => {
    const plan = planTurn(full, startGame(full, seed), orders, yes)
    expect(plan.rejected).toEqual([])
    for (const rule of full.file.rules) {
      if (!detectors.includes(rule.kind)) expect(byCause(ledger, rule.id).length, rule.id).toBeGreaterThan(0)
    }
  })

  it.each(defaultFile().rules.map((rule) => [rule.id] as const))('%s', (id) => {
    const off = variant((file) => {
      busy(file)
      file.rules.find((r) => r.id === id)!.enabled = false
    })
    const start = startGame(off, seed)
    const result = resolveTurn(off, start, orders)
    expect(byCause(result.ledger, id)).toEqual([])
    expect(ledgerProblems(off, start, result.state, result.ledger)).toEqual([])
  })
})
