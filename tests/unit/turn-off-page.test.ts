// The engine off the page (issue 11): what a worker computes from structured clones of the scenario and the
// position is exactly what the page computes, for the computer players' turn (at hard) and for "What could
// happen?"; where no worker starts, the page computes it itself and still reports progress.
import { describe, expect, it } from 'vitest'
import type { CompiledScenario, Match, Position, PreparedTurn } from '../../src/engine/index.ts'
import { prepareMatchTurn, whatCouldHappen } from '../../src/engine/index.ts'
import { outcomesOffPage, prepareOffPage, samplingWorkers } from '../../src/renderer/ui/engine-threads.ts'
import { GameSession } from '../../src/renderer/session/session.ts'
import type { ScenarioListing } from '../../src/shared/host.ts'
import { defaultScenario } from '../support/scenarios.ts'

const scenario = defaultScenario()
const listing: ScenarioListing = { origin: 'shipped', folder: 'pin-pricks-2021', location: 'test' }
const decline = async (_partner: string, proposals: unknown[]) => proposals.map(() => false)
const newSession = () => new GameSession({ listing, scenario, humans: ['USA'], difficulty: 'hard', turnLimit: 3, seed: 17 })

/** What a worker does with a prepare request: the engine on copies made as postMessage makes them. */
function preparedAsInWorker(match: Match, choices: Parameters<typeof prepareMatchTurn>[2]): PreparedTurn {
  const sent = structuredClone<{ scenario: CompiledScenario; position: Position; choices: typeof choices }>({
    scenario,
    position: { setup: match.setup, state: match.state },
    choices,
  })
  const prepared = structuredClone(prepareMatchTurn(sent.scenario, sent.position, sent.choices))
  return { state: match.state, choices: prepared.choices, questions: prepared.questions }
}

describe('the computer players off the page', () => {
  it('give the same turn at hard from cloned data as on the page', async () => {
    const onPage = newSession()
    const offPage = newSession()
    for (const session of [onPage, offPage]) session.addChoice({ actor: 'USA', action: 'sanctions', targets: ['RUS'] })
    const a = await onPage.endTurn(decline)
    const b = await offPage.endTurn(decline, async (match, choices) => preparedAsInWorker(match, choices))
    expect(b.result.orders).toEqual(a.result.orders)
    expect(offPage.state).toEqual(onPage.state)
  })

  it('are computed on the page where no worker starts, with progress after each power', async () => {
    const session = newSession()
    const heard: string[] = []
    const prepared = await prepareOffPage(scenario, session.match, [], (done, of) => heard.push(`${done}/${of}`))
    expect(prepared.state).toBe(session.match.state)
    expect(prepared.choices).toEqual(prepareMatchTurn(scenario, session.match, []).choices)
    expect(heard).toEqual(['1/7', '2/7', '3/7', '4/7', '5/7', '6/7', '7/7'])
  })

  it('refuse a turn whose game changed while they decided', async () => {
    const session = newSession()
    const other = newSession()
    await expect(session.endTurn(decline, async () => ({ state: other.match.state, choices: [], questions: [] }))).rejects.toThrow(
      /the game changed while the computer players decided/,
    )
    expect(session.resolving).toBe(false)
    expect(session.turn).toBe(1)
  })
})

describe('What could happen? off the page', () => {
  const match = new GameSession({ listing, scenario, humans: ['USA'], difficulty: 'normal', turnLimit: 3, seed: 17 }).match
  const plan = { actor: 'USA', choices: [{ actor: 'USA', action: 'sanctions', targets: ['RUS'] }] }

  it('gives from cloned data what the page gives', () => {
    const sent = structuredClone({ scenario, position: { setup: match.setup, state: match.state }, plan })
    expect(whatCouldHappen(sent.scenario, sent.position, sent.plan, 3)).toEqual(whatCouldHappen(scenario, match, plan, 3))
  })

  it('plays on the page where no worker starts, with progress, and the engine’s numbers', async () => {
    const heard: number[] = []
    const result = await outcomesOffPage(scenario, match, plan, 2, (done) => heard.push(done), new AbortController().signal)
    expect(result).toEqual(whatCouldHappen(scenario, match, plan, 2))
    expect(heard).toEqual([1, 2, 3, 4])
  })

  it('stops when cancelled', async () => {
    const controller = new AbortController()
    const running = outcomesOffPage(scenario, match, plan, 50, (done) => done === 1 && controller.abort(), controller.signal)
    await expect(running).rejects.toThrow('cancelled')
  })

  it('uses all cores but the page’s, at least one', () => {
    expect(samplingWorkers(1)).toBe(1)
    expect(samplingWorkers(1000)).toBeGreaterThanOrEqual(1)
  })
})
