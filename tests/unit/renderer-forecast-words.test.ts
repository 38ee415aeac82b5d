// The turn screen's words (issue 12, part 3): a card's forecast and effects in names and one unit, never ids
// or internal words; the session's objectives, forecasts and whether capital left could still buy something.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CompiledScenario } from '../../src/engine/index.ts'
import { compileScenario, forecastChoice, legalCandidates, planProjection, startGame } from '../../src/engine/index.ts'
import { keyedCandidates } from '../../src/engine/ai/candidates.ts'
import { loadScenario } from '../../src/engine/scenario/index.ts'
import {
  changeSentence,
  describeEffect,
  goalText,
  objectiveLines,
  partnerLines,
  points,
  reactionLines,
  riskLines,
} from '../../src/renderer/session/forecast-view.ts'
import { GameSession } from '../../src/renderer/session/session.ts'
import type { ScenarioListing } from '../../src/shared/host.ts'
import { ROOT, defaultScenario, scenarioFiles, variant } from '../support/scenarios.ts'

const SHIPPED = ['pin-pricks-2021', 'pin-pricks-interests', 'pin-pricks-one-threat', 'pin-pricks-values', 'tutorial']
const listing: ScenarioListing = { origin: 'shipped', folder: 'pin-pricks-2021', location: 'test' }

function shipped(folder: string): CompiledScenario {
  const result = loadScenario(scenarioFiles(join(ROOT, 'scenarios', folder)), {
    resolveBase: (id) => ({ files: scenarioFiles(join(ROOT, 'scenarios', id)), location: `../${id}` }),
  })
  if (!result.ok) throw new Error(`${folder} does not load`)
  return compileScenario(result.scenario, result.sources, result.hash)
}

/** Ids of actors and actions, and the words of the engine's internals, none of which a player should read. */
function leaks(scn: CompiledScenario, text: string): string[] {
  const ids = [...scn.actorIds, ...scn.file.actions.map((action) => action.id), ...scn.file.rules.map((rule) => rule.id)]
  const found = ids.filter((id) => new RegExp(`(^|[^\\w-])${id.replace(/[-]/g, '\\-')}($|[^\\w-])`).test(text))
  if (/grievance|toward the targets|undefined|NaN/i.test(text)) found.push(text)
  return found
}

describe('forecast words', () => {
  it('name every forecast of every card of every shipped role without ids, in pts', () => {
    let lines = 0
    for (const folder of SHIPPED) {
      const scn = shipped(folder)
      const state = startGame(scn, 5)
      for (const role of scn.file.roles) {
        const base = planProjection(scn, state, [])
        for (const { choice } of keyedCandidates(scn, state, role.actor)) {
          const forecast = forecastChoice(scn, base, choice, { humans: [role.actor], difficulty: 'normal' })
          const words = [
            ...reactionLines(scn, forecast.reactions, role.actor),
            ...partnerLines(scn, forecast),
            ...riskLines(scn, forecast),
            ...objectiveLines(forecast),
          ]
          for (const line of words) {
            expect(leaks(scn, line), `${folder}: "${line}"`).toEqual([])
            // Every signed number is in points; percentages are chances.
            for (const match of line.matchAll(/[+−±]\d+(?:\.\d+)?( pts)?/g)) expect(match[1], `${folder}: "${line}"`).toBe(' pts')
            lines++
          }
        }
      }
      for (const action of scn.file.actions) {
        for (const effect of action.effects) {
          const line = describeEffect(scn, effect)
          expect(leaks(scn, line), `${folder}: "${line}"`).toEqual([])
          for (const match of line.matchAll(/[+−±]\d+(?:\.\d+)?( pts)?/g)) expect(match[1], `${folder}: "${line}"`).toBe(' pts')
        }
      }
    }
    expect(lines).toBeGreaterThan(500)
  })

  it('says what a reaction does in plain words', () => {
    const scn = defaultScenario()
    expect(changeSentence(scn, 'alignment', ['CHN', 'RUS'], 0.025, 'USA')).toBe('China and Russia draw closer (+2.5 pts)')
    expect(changeSentence(scn, 'grievance', ['RUS', 'USA'], 0.3, 'USA')).toBe('Russia will want to answer you')
    expect(changeSentence(scn, 'tension', ['USA', 'CHN'], -0.04, 'USA')).toBe('Tension between you and China eases (−4.0 pts)')
    expect(points(0.04)).toBe('±0.0 pts')
    expect(points(-12.3)).toBe('−12 pts')
  })
})

describe('the session on the turn screen', () => {
  const newSession = (scn: CompiledScenario, humans: string[]) =>
    new GameSession({ listing, scenario: scn, humans, difficulty: 'normal', turnLimit: 4, seed: 9 })

  it("gives the active player's objectives with their points and the plan's projected change", () => {
    const scn = defaultScenario()
    const session = newSession(scn, ['USA'])
    const empty = session.objectives()
    expect(empty.status.map((objective) => objective.id)).toEqual(scn.roleByActor.USA.objectives.map((objective) => objective.id))
    expect(empty.planned.every((change) => change === 0)).toBe(true)
    for (const objective of empty.status) expect(goalText(objective)).toMatch(/, keep it (high|low)$/)
    session.addChoice({ actor: 'USA', action: 'sanctions', targets: ['RUS'] })
    const planned = session.objectives().planned
    // The plan's projection is the sanctions' forecast on an empty plan.
    const alone = forecastChoice(
      scn,
      planProjection(scn, session.state, []),
      { actor: 'USA', action: 'sanctions', targets: ['RUS'] },
      {
        humans: ['USA'],
        difficulty: 'normal',
      },
    )
    planned.forEach((change, k) => expect(change).toBeCloseTo(alone.objectives[k].delta, 9))
  })

  it('knows whether capital left could still buy an action', () => {
    const scn = defaultScenario()
    const session = newSession(scn, ['USA'])
    expect(session.canStillAfford('USA')).toBe(true)
    session.addChoice({ actor: 'USA', action: 'aukus-pact', partners: ['AUS', 'GBR'], targets: ['CHN'] })
    expect(session.budget('USA') - session.spent('USA')).toBe(0)
    expect(session.canStillAfford('USA')).toBe(false)

    // Capital left that buys nothing: every act of the power costs more than what is left.
    const dear = variant((file) => {
      for (const action of file.actions) action.cost = Math.max(action.cost, 2)
    })
    const budget = dear.budget[dear.actorIndex.USA]
    const pricey = newSession(dear, ['USA'])
    const affordable = legalCandidates(dear, pricey.state, 'USA').find((choice) => pricey.problemWith(choice) === null)!
    pricey.addChoice(affordable)
    const left = budget - pricey.spent('USA')
    expect(left).toBeGreaterThan(0)
    expect(left).toBeLessThan(2)
    expect(pricey.canStillAfford('USA')).toBe(false)
  })
})

describe('reaction lines', () => {
  it('fold who will want to answer whom into one sentence per rule', () => {
    const scn = defaultScenario()
    const rule = 'Reciprocal responses (China)'
    const lines = reactionLines(
      scn,
      [
        { rule, variable: 'alignment', actors: ['CHN', 'RUS'], delta: 0.02 },
        { rule, variable: 'grievance', actors: ['CHN', 'USA'], delta: 0.3 },
        { rule, variable: 'grievance', actors: ['CHN', 'JPN'], delta: 0.3 },
        { rule, variable: 'grievance', actors: ['RUS', 'USA'], delta: 0.1 },
        { rule, variable: 'grievance', actors: ['RUS', 'JPN'], delta: 0.1 },
      ],
      'USA',
    )
    expect(lines).toEqual([`${rule}: China and Russia draw closer (+2.0 pts); China and Russia will want to answer you and Japan`])
  })
})
