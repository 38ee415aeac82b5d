// Re-running a game's human decisions on changed rules (Playtest, and saves whose scenario changed):
// the same rules give the same game exactly; changed rules keep what they still allow and say what not.
import { describe, expect, it } from 'vitest'
import type { Choice } from '../../src/engine/index.ts'
import { humanTurnsFromOrders, legalCandidates, rerunMatch, setupProblem } from '../../src/engine/index.ts'
import { decodeSave, encodeSave } from '../../src/renderer/session/save-codec.ts'
import { GameSession } from '../../src/renderer/session/session.ts'
import type { ScenarioListing } from '../../src/shared/host.ts'
import { pseudoRandom } from '../support/pseudo-random.ts'
import { defaultScenario, variant } from '../support/scenarios.ts'

const scenario = defaultScenario()
const listing: ScenarioListing = { origin: 'user', folder: 'mine', location: 'test' }
const agreeAll = async (_partner: string, proposals: unknown[]) => proposals.map(() => true)

/** A game of `turns` turns in which the USA imposes sanctions on Russia and voices grave concern each turn. */
async function playedSession(turns = 3, seed = 21): Promise<GameSession> {
  const session = new GameSession({ listing, scenario, humans: ['USA'], difficulty: 'normal', turnLimit: 8, seed })
  for (let turn = 0; turn < turns; turn++) {
    expect(session.addChoice({ actor: 'USA', action: 'sanctions', targets: ['RUS'] })).toBeNull()
    expect(session.addChoice({ actor: 'USA', action: 'grave-concern', targets: ['CHN'] })).toBeNull()
    await session.endTurn(agreeAll)
  }
  return session
}

describe('re-running on the same rules', () => {
  it('gives exactly the same game, turn by turn, and keeps the plan in progress', async () => {
    const session = await playedSession()
    session.addChoice({ actor: 'USA', action: 'grave-concern', targets: ['RUS'] })
    const rerun = session.rerunOn(scenario, listing)
    if (typeof rerun === 'string') throw new Error(rerun)
    expect(rerun.dropped).toEqual([])
    expect(rerun.turnsNotPlayed).toBe(0)
    expect(rerun.session.state).toEqual(session.state)
    expect(rerun.session.history.map((turn) => turn.result.orders)).toEqual(session.history.map((turn) => turn.result.orders))
    expect(rerun.session.pending.USA).toEqual([{ actor: 'USA', action: 'grave-concern', targets: ['RUS'] }])
    expect(rerun.session.canUndo).toBe(false)
    expect(rerun.session.seed).toBe(session.seed)
  })

  it('replays a human partner’s agreement, and declines joint actions it never agreed to', async () => {
    const session = new GameSession({ listing, scenario, humans: ['RUS'], difficulty: 'normal', turnLimit: 6, seed: 5 })
    for (let turn = 0; turn < 4; turn++) await session.endTurn(agreeAll)
    const joined = session.history.flatMap((turn) => turn.result.orders).filter((order) => order.partners?.includes('RUS'))
    expect(joined.length).toBeGreaterThan(0)
    const turns = session.decisions
    const options = { seed: 5, turnLimit: 6, humans: ['RUS'], difficulty: 'normal' as const }
    expect(rerunMatch(scenario, options, turns).match.state).toEqual(session.state)

    const refused = rerunMatch(
      scenario,
      options,
      turns.map((turn) => ({ ...turn, agreed: [] })),
    )
    expect(refused.match.turns.flatMap((turn) => turn.result.orders).filter((order) => order.partners?.includes('RUS'))).toEqual([])
    // Refusals by the human partner are the computer's proposals, not the human's own choices.
    expect(refused.dropped).toEqual([])
  })
})

/** A game of random legal choices by one or two humans, who answer proposals at random. */
async function randomGame(game: number): Promise<GameSession> {
  const random = pseudoRandom(game)
  const humans = game % 3 === 0 ? ['CHN', 'USA'] : [['USA', 'RUS', 'JPN', 'CHN'][game % 4]]
  const session = new GameSession({ listing, scenario, humans, difficulty: 'normal', turnLimit: 6, seed: game })
  while (!session.over && session.history.length < 5) {
    do {
      const candidates = legalCandidates(scenario, session.state, session.activeActor)
      for (let tries = 0; tries < 4 && candidates.length > 0; tries++)
        session.addChoice(candidates[Math.floor(random() * candidates.length)])
    } while (session.nextHuman())
    await session.endTurn(async (_partner, proposals) => proposals.map(() => random() < 0.5))
  }
  return session
}

describe('re-running many games on the same rules', () => {
  it('reproduces every game exactly, refusals included, live and from its save', async () => {
    let refusals = 0
    for (let game = 1; game <= 40; game++) {
      const session = await randomGame(game)
      refusals += session.history.reduce((sum, turn) => sum + turn.plan.rejected.length, 0)
      const rerun = session.rerunOn(scenario, listing)
      if (typeof rerun === 'string') throw new Error(rerun)
      expect(rerun.session.state, `game ${game}`).toEqual(session.state)
      expect(
        rerun.session.history.map((turn) => turn.plan),
        `game ${game}`,
      ).toEqual(session.history.map((turn) => turn.plan))

      const decoded = decodeSave(encodeSave(session.toSavePayload('t', '2026-01-01T00:00:00Z')))
      if (!decoded.ok) throw new Error(decoded.reason)
      const loaded = GameSession.fromSave(decoded.payload, scenario, listing)
      if (typeof loaded === 'string') throw new Error(loaded)
      // The plans come back whole, with what the rules refused.
      expect(
        loaded.history.map((turn) => turn.plan),
        `game ${game}`,
      ).toEqual(session.history.map((turn) => turn.plan))
      const again = loaded.rerunOn(scenario, listing)
      if (typeof again === 'string') throw new Error(again)
      expect(again.session.state, `game ${game}`).toEqual(session.state)
    }
    // The property is only worth something if the games had choices refused (declined proposals).
    expect(refusals).toBeGreaterThan(10)
  })
})

describe('re-running on changed rules', () => {
  it('drops a choice the new rules forbid, at its turn and with the reason, and keeps the others', async () => {
    const session = await playedSession(3)
    const noUsSanctions = variant((file) => {
      const sanctions = file.actions.find((action) => action.id === 'sanctions')!
      sanctions.actors = sanctions.actors.filter((actor) => actor !== 'USA')
    })
    const rerun = session.rerunOn(noUsSanctions, listing)
    if (typeof rerun === 'string') throw new Error(rerun)
    expect(rerun.dropped.map(({ turn, rejection }) => [turn, rejection.code, rejection.choice.action])).toEqual([
      [1, 'not-allowed', 'sanctions'],
      [2, 'not-allowed', 'sanctions'],
      [3, 'not-allowed', 'sanctions'],
    ])
    expect(rerun.dropped[0].rejection.reason).toMatch(/USA cannot take "sanctions"/)
    const usOrders = rerun.session.history.map((turn) => turn.result.orders.filter((order) => order.actor === 'USA'))
    expect(usOrders).toEqual([1, 2, 3].map(() => [{ actor: 'USA', action: 'grave-concern', targets: ['CHN'] }]))
    expect(rerun.session.scenario).toBe(noUsSanctions)
    expect(rerun.session.turn).toBe(4)
  })

  it('drops what no longer fits the budget, in the order the choices were made', async () => {
    const session = await playedSession(2)
    const dearer = variant((file) => void (file.actions.find((action) => action.id === 'sanctions')!.cost = 3))
    const rerun = session.rerunOn(dearer, listing)
    if (typeof rerun === 'string') throw new Error(rerun)
    expect(rerun.dropped.map(({ turn, rejection }) => `${turn}:${rejection.code}:${rejection.choice.action}`)).toEqual([
      '1:over-budget:grave-concern',
      '2:over-budget:grave-concern',
    ])
  })

  it('drops the plan in progress where the new rules forbid it, as a choice of the current turn', async () => {
    const session = await playedSession(1)
    session.addChoice({ actor: 'USA', action: 'sanctions', targets: ['CHN'] })
    const noUsSanctions = variant((file) => {
      const sanctions = file.actions.find((action) => action.id === 'sanctions')!
      sanctions.actors = sanctions.actors.filter((actor) => actor !== 'USA')
    })
    const rerun = session.rerunOn(noUsSanctions, listing)
    if (typeof rerun === 'string') throw new Error(rerun)
    expect(rerun.dropped.at(-1)).toMatchObject({
      turn: 2,
      rejection: { code: 'not-allowed', choice: { action: 'sanctions', targets: ['CHN'] } },
    })
    expect(rerun.session.pending.USA).toEqual([])
  })

  it('refuses rules that cannot host the game: a power no longer playable, too few turns', async () => {
    const session = await playedSession(1)
    const unplayable = variant((file) => void (file.actors.find((actor) => actor.id === 'USA')!.playable = false))
    expect(session.rerunOn(unplayable, listing)).toMatch(/does not let anyone play: USA/)
    const shorter = variant((file) => void (file.turns.max = 4))
    expect(session.rerunOn(shorter, listing)).toMatch(/8 turns, more than the scenario allows \(4\)/)
    expect(setupProblem(scenario, { seed: 1, turnLimit: 8, humans: ['USA'], difficulty: 'normal' })).toBeNull()
  })

  it('stops when the game ends sooner, and says how many recorded turns were not played', () => {
    const orders: Choice[][] = [[], [], [], []]
    const setup = { seed: 3, turnLimit: 2, humans: ['USA'], difficulty: 'easy' as const }
    const rerun = rerunMatch(scenario, setup, humanTurnsFromOrders(orders, ['USA']))
    expect(rerun.match.turns).toHaveLength(2)
    expect(rerun.turnsNotPlayed).toBe(2)
    expect(rerun.match.state.outcome).not.toBeNull()
  })
})

describe('the human decisions behind recorded orders', () => {
  it('are the orders of human powers and the joint orders a human partner joined', () => {
    const orders: Choice[][] = [
      [
        { actor: 'CHN', action: 'joint-air-patrol', partners: ['RUS'], targets: ['JPN'] },
        { actor: 'USA', action: 'sanctions', targets: ['RUS'] },
        { actor: 'JPN', action: 'grave-concern', targets: ['CHN'] },
      ],
    ]
    expect(humanTurnsFromOrders(orders, ['RUS', 'USA'])).toEqual([
      {
        choices: [{ actor: 'USA', action: 'sanctions', targets: ['RUS'] }],
        agreed: ['RUS|joint-air-patrol|CHN,RUS|JPN'],
      },
    ])
  })
})
