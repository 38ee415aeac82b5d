// The turn screen's data (issue 12, parts 2 and 3): a role's objectives with their points, and the forecast
// of a choice — the change of the player's objectives as the computer players project it, the reactions it
// sets off, the incident risk and the partners' answers.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Choice, CompiledScenario, GameState, Seats } from '../../src/engine/index.ts'
import {
  compileScenario,
  computerConsents,
  forecastChoice,
  legalCandidates,
  objectiveStatus,
  planProjection,
  playGame,
  roleScore,
} from '../../src/engine/index.ts'
import { flatRoleOf, objectiveShares, programOf, programValue, scratchFor, scratchRoleScore } from '../../src/engine/ai/fast-value.ts'
import type { ValueParts } from '../../src/engine/ai/fast-value.ts'
import { keyedCandidates } from '../../src/engine/ai/candidates.ts'
import { loadScenario } from '../../src/engine/scenario/index.ts'
import { ROOT, defaultScenario, scenarioFiles } from '../support/scenarios.ts'

const SHIPPED = ['pin-pricks-2021', 'pin-pricks-interests', 'pin-pricks-one-threat', 'pin-pricks-values', 'tutorial']

function shipped(folder: string): CompiledScenario {
  const result = loadScenario(scenarioFiles(join(ROOT, 'scenarios', folder)), {
    resolveBase: (id) => ({ files: scenarioFiles(join(ROOT, 'scenarios', id)), location: `../${id}` }),
  })
  if (!result.ok) throw new Error(`${folder} does not load`)
  return compileScenario(result.scenario, result.sources, result.hash)
}

/** Some states of a game played by the computer, the start included. */
function statesOf(scn: CompiledScenario, seed: number, turns: number): GameState[] {
  const everyone: Seats = { computer: new Set(scn.actorIds), difficulty: 'normal' }
  const record = playGame(scn, { seed, turns, ledger: false, seats: everyone })
  return [record.start, ...record.turns.map((turn) => turn.result.state).filter((state) => !state.outcome)]
}

const scn = defaultScenario()
const states = [...statesOf(scn, 1, 6), ...statesOf(scn, 2, 6)]
const computerOnly = { humans: [] as string[], difficulty: 'normal' as const }

describe('objectiveStatus', () => {
  it('gives each objective of every role its points, which add up to the role score, and their change over the last turn', () => {
    for (const [k, state] of states.entries()) {
      const previous = k > 0 && states[k - 1].turn === state.turn - 1 ? states[k - 1] : null
      for (const role of scn.file.roles) {
        const status = objectiveStatus(scn, state, role, previous)
        expect(status.map((objective) => objective.id)).toEqual(role.objectives.map((objective) => objective.id))
        const total = status.reduce((sum, objective) => sum + objective.points, 0)
        expect(total).toBeCloseTo(roleScore(scn, state, role), 9)
        expect(status.reduce((sum, objective) => sum + objective.maxPoints, 0)).toBeCloseTo(100, 9)
        for (const objective of status) {
          expect(objective.points).toBeGreaterThanOrEqual(0)
          expect(objective.points).toBeLessThanOrEqual(objective.maxPoints + 1e-9)
          if (!previous) expect(objective.change).toBeNull()
        }
        if (previous) {
          const before = objectiveStatus(scn, previous, role, null)
          status.forEach((objective, i) => expect(objective.change).toBeCloseTo(objective.points - before[i].points, 9))
          const change = status.reduce((sum, objective) => sum + objective.change!, 0)
          expect(change).toBeCloseTo(roleScore(scn, state, role) - roleScore(scn, previous, role), 9)
        }
      }
    }
  })
})

describe('forecastChoice', () => {
  it("equals the computer players' projection of every legal choice, objective by objective (so their signs agree)", () => {
    let compared = 0
    let moved = 0
    for (const state of states.slice(0, 6)) {
      for (const actor of scn.actorIds) {
        const actorIndex = scn.actorIndex[actor]
        const base = planProjection(scn, state, [])
        for (const choice of legalCandidates(scn, state, actor)) {
          const forecast = forecastChoice(scn, base, choice, computerOnly)
          const scratch = scratchFor(scn, state)
          const parts: ValueParts = { after: 0, incidentRisk: 0, clashRisk: 0, reciprocity: 0, objectives: [] }
          const baseline = scratchRoleScore(scratch, actorIndex)
          programValue(scratch, actorIndex, programOf(scn, choice), baseline, parts)
          const before = objectiveShares(flatRoleOf(scn, actorIndex)!, scratch.source, state.rung, state.rigidity)
          forecast.objectives.forEach((objective, k) => {
            const projected = parts.objectives[k] - before[k]
            expect(objective.delta).toBeCloseTo(projected, 9)
            if (Math.abs(projected) > 1e-6) expect(Math.sign(objective.delta)).toBe(Math.sign(projected))
          })
          expect(forecast.scoreDelta).toBeCloseTo(parts.after - baseline, 9)
          compared++
          if (Math.abs(forecast.scoreDelta) > 0.01) moved++
        }
      }
    }
    expect(compared).toBeGreaterThan(500)
    expect(moved).toBeGreaterThan(compared / 4)
  })

  it('gives every action of every role of every shipped scenario a forecast on its own objectives', () => {
    for (const folder of SHIPPED) {
      const shippedScn = shipped(folder)
      const state = statesOf(shippedScn, 3, 2)[0]
      for (const role of shippedScn.file.roles) {
        const base = planProjection(shippedScn, state, [])
        // Every card, including those history does not allow yet (a card shows its forecast all the same).
        const candidates = keyedCandidates(shippedScn, state, role.actor).map(({ choice }) => choice)
        const actions = shippedScn.file.actions.filter((action) => action.actors.includes(role.actor)).map((action) => action.id)
        expect(new Set(candidates.map((choice) => choice.action)), `${folder}: ${role.id} can take each of its actions`).toEqual(
          new Set(actions),
        )
        for (const choice of candidates) {
          const forecast = forecastChoice(shippedScn, base, choice, computerOnly)
          expect(forecast.objectives.map((objective) => objective.id)).toEqual(role.objectives.map((objective) => objective.id))
          expect(Number.isFinite(forecast.scoreDelta)).toBe(true)
          expect(forecast.partners.map((partner) => partner.partner)).toEqual(choice.partners ?? [])
        }
      }
    }
  })

  it('names the reactions of sanctions on Russia: China and Russia draw closer, Russia wants to answer', () => {
    const state = states[0]
    const choice: Choice = { actor: 'USA', action: 'sanctions', targets: ['RUS'] }
    const forecast = forecastChoice(scn, planProjection(scn, state, []), choice, computerOnly)
    const closer = forecast.reactions.find((r) => r.variable === 'alignment' && [...r.actors].sort().join() === 'CHN,RUS')
    expect(closer?.delta).toBeGreaterThan(0)
    const answer = forecast.reactions.find((r) => r.variable === 'grievance' && r.actors[0] === 'RUS' && r.actors[1] === 'USA')
    expect(answer?.delta).toBeGreaterThan(0)
    // Every reaction names a rule of the scenario.
    const rules = new Set(scn.file.rules.map((rule) => rule.name))
    for (const reaction of forecast.reactions) expect(rules).toContain(reaction.rule)
  })

  it('shows double containment on the act that completes it with the rest of the plan', () => {
    const state = states[0]
    const onRussia: Choice = { actor: 'USA', action: 'sanctions', targets: ['RUS'] }
    const alone = forecastChoice(scn, planProjection(scn, state, []), onRussia, computerOnly)
    const plan: Choice[] = [{ actor: 'USA', action: 'sanctions', targets: ['CHN'] }]
    const withPlan = forecastChoice(scn, planProjection(scn, state, plan), onRussia, computerOnly)
    const containment = scn.file.rules.find((rule) => rule.kind === 'double-containment')!.name
    expect(alone.reactions.some((r) => r.rule === containment)).toBe(false)
    expect(withPlan.reactions.some((r) => r.rule === containment)).toBe(true)
  })

  it('gives the incident risk of a pin prick, higher with it than without', () => {
    const state = states[0]
    const choice: Choice = { actor: 'USA', action: 'quad-exercise', partners: ['JPN'], targets: ['CHN'] }
    const forecast = forecastChoice(scn, planProjection(scn, state, []), choice, computerOnly)
    expect(forecast.risks.length).toBeGreaterThan(0)
    for (const risk of forecast.risks) expect(risk.after).toBeGreaterThan(risk.before)
    const calm = forecastChoice(scn, planProjection(scn, state, []), { actor: 'USA', action: 'arms-buildup' }, computerOnly)
    expect(calm.risks).toEqual([])
  })

  it("knows a computer partner's answer ahead, as the turn decides it, and leaves a human's to the human", () => {
    let agree = 0
    let decline = 0
    for (const state of states) {
      for (const partner of ['JPN', 'AUS', 'IND']) {
        const choice: Choice = { actor: 'USA', action: 'quad-exercise', partners: [partner], targets: ['CHN'] }
        const [answer] = forecastChoice(scn, planProjection(scn, state, []), choice, computerOnly).partners
        const consents = computerConsents(scn, state, partner, choice, 'normal')
        expect(answer.answer).toBe(consents ? 'agree' : 'decline')
        if (consents) agree++
        else decline++
        const asked = forecastChoice(scn, planProjection(scn, state, []), choice, { humans: ['USA', partner], difficulty: 'normal' })
        expect(asked.partners[0].answer).toBe('asked')
      }
    }
    expect(agree + decline).toBe(states.length * 3)
  })

  it("answers for a computer partner at that partner's own level when the game sets one", () => {
    let differsFromNormal = 0
    const choices: Choice[] = [
      ...['JPN', 'AUS', 'IND'].map((partner) => ({ actor: 'USA', action: 'quad-exercise', partners: [partner], targets: ['CHN'] })),
      ...['CHN', 'RUS', 'IND'].map((partner) => ({ actor: 'USA', action: 'leaders-summit', partners: [partner] })),
    ]
    for (const state of states) {
      for (const choice of choices) {
        const partner = choice.partners![0]
        for (const level of ['easy', 'hard'] as const) {
          const seats = { humans: ['USA'], difficulty: 'normal' as const, levels: { [partner]: level } }
          const [answer] = forecastChoice(scn, planProjection(scn, state, []), choice, seats).partners
          const consents = computerConsents(scn, state, partner, choice, level)
          expect(answer.answer).toBe(consents ? 'agree' : 'decline')
          if (consents !== computerConsents(scn, state, partner, choice, 'normal')) differsFromNormal++
        }
      }
    }
    // Otherwise the game's level would have given the same answers.
    expect(differsFromNormal).toBeGreaterThan(0)
  })

  it('leaves the state as it was', () => {
    const state = states[3]
    const copy = structuredClone(state)
    const base = planProjection(scn, state, [{ actor: 'USA', action: 'sanctions', targets: ['CHN'] }])
    for (const choice of legalCandidates(scn, state, 'USA')) forecastChoice(scn, base, choice, computerOnly)
    expect(state).toEqual(copy)
  })
})
