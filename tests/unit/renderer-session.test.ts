// The renderer's session and saves, without a browser: planning with Undo, resolving turns,
// and saves that either reproduce the game exactly or are refused with a reason.
import { describe, expect, it } from 'vitest'
import { encodeSave, decodeSave, readSlot, stateHash } from '../../src/renderer/session/save-codec.ts'
import { GameSession } from '../../src/renderer/session/session.ts'
import { changeGroups, mapView } from '../../src/renderer/session/view-models.ts'
import { csvCell, timelineCsv } from '../../src/renderer/ui/export.ts'
import { slotFromName } from '../../src/renderer/ui/saving.ts'
import type { ScenarioListing } from '../../src/shared/host.ts'
import { defaultScenario } from '../support/scenarios.ts'

const scenario = defaultScenario()
const listing: ScenarioListing = { origin: 'shipped', folder: 'pin-pricks-2021', location: 'test' }
const newSession = (humans = ['USA'], turns = 4, seed = 9) =>
  new GameSession({ listing, scenario, humans, difficulty: 'normal', turnLimit: turns, seed })
const decline = async (_partner: string, proposals: unknown[]) => proposals.map(() => false)

describe('planning a turn', () => {
  it('adds legal choices within the budget, refuses the rest with a reason, and undoes exactly', () => {
    const session = newSession()
    const before = session.pending
    expect(session.addChoice({ actor: 'USA', action: 'sanctions', targets: ['RUS'] })).toBeNull()
    expect(session.spent('USA')).toBe(2)
    expect(session.addChoice({ actor: 'USA', action: 'sanctions', targets: ['RUS'] })?.code).toBe('duplicate')
    expect(session.addChoice({ actor: 'USA', action: 'aukus-pact', partners: ['GBR', 'AUS'], targets: ['CHN'] })?.code).toBe('over-budget')
    expect(session.addChoice({ actor: 'USA', action: 'joint-air-patrol', partners: ['RUS'], targets: ['JPN'] })?.code).toBe('not-allowed')
    expect(session.addChoice({ actor: 'USA', action: 'grave-concern', targets: ['CHN'] })).toBeNull()
    expect(session.pending.USA).toHaveLength(2)
    expect(session.undo()).toBe(true)
    expect(session.pending.USA).toEqual([{ actor: 'USA', action: 'sanctions', targets: ['RUS'] }])
    expect(session.undo()).toBe(true)
    expect(session.pending).toEqual(before)
    expect(session.undo()).toBe(false)
  })

  it('resolves a turn with the human plan and the computer players, then starts a fresh plan', async () => {
    const session = newSession()
    session.addChoice({ actor: 'USA', action: 'sanctions', targets: ['RUS'] })
    const resolved = await session.endTurn(decline)
    expect(resolved.result.turn).toBe(1)
    expect(resolved.result.orders).toContainEqual({ actor: 'USA', action: 'sanctions', targets: ['RUS'] })
    expect(resolved.result.orders.some((order) => order.actor !== 'USA')).toBe(true)
    expect(session.turn).toBe(2)
    expect(session.pending.USA).toEqual([])
    expect(session.canUndo).toBe(false)
  })

  it('asks a human partner and respects a refusal', async () => {
    const session = newSession(['CHN', 'RUS'])
    session.addChoice({ actor: 'CHN', action: 'energy-deal', partners: ['RUS'] })
    expect(session.nextHuman()).toBe(true)
    expect(session.activeActor).toBe('RUS')
    expect(session.nextHuman()).toBe(false)
    const asked: string[] = []
    const resolved = await session.endTurn(async (partner, proposals) => {
      for (const choice of proposals) asked.push(`${partner}:${choice.action}`)
      return proposals.map(() => false)
    })
    expect(asked).toContain('RUS:energy-deal')
    expect(resolved.plan.rejected.some((r) => r.code === 'declined' && r.choice.action === 'energy-deal')).toBe(true)
    expect(session.activeActor).toBe('CHN')
  })
})

describe('saves', () => {
  async function playedSession(turns: number) {
    const session = newSession(['USA'], 6, 21)
    for (let k = 0; k < turns; k++) {
      session.addChoice({ actor: 'USA', action: 'de-escalation-talks', targets: ['CHN'] })
      await session.endTurn(decline)
    }
    return session
  }

  it('round-trips: loading replays the orders to exactly the saved state', async () => {
    const session = await playedSession(3)
    const decoded = decodeSave(encodeSave(session.toSavePayload('test', '2026-01-01T00:00:00Z')))
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    const loaded = GameSession.fromSave(decoded.payload, scenario, listing)
    expect(typeof loaded).not.toBe('string')
    if (typeof loaded === 'string') return
    expect(loaded.turn).toBe(4)
    expect(stateHash(loaded.state)).toBe(stateHash(session.state))
    expect(loaded.history.map((turn) => turn.result.ledger.length)).toEqual(session.history.map((turn) => turn.result.ledger.length))
    // Continuing the loaded game equals continuing the original.
    const [a, b] = [await session.endTurn(decline), await loaded.endTurn(decline)]
    expect(stateHash(b.result.state)).toBe(stateHash(a.result.state))
  })

  it('refuses a damaged, tampered, foreign or newer save with a reason', async () => {
    const text = encodeSave((await playedSession(1)).toSavePayload('x', '2026-01-01T00:00:00Z'))
    const tampered = text.replace('"seed": 21', '"seed": 22')
    expect(tampered).not.toBe(text)
    expect(decodeSave(tampered)).toEqual({ ok: false, reason: expect.stringMatching(/checksum/) })
    expect(decodeSave(text.slice(0, text.length / 2))).toEqual({ ok: false, reason: expect.stringMatching(/not valid JSON/) })
    expect(decodeSave('\0\0\0\0')).toMatchObject({ ok: false })
    expect(decodeSave('{"hello": 1}')).toEqual({ ok: false, reason: expect.stringMatching(/not a Red Lines save/) })
    expect(decodeSave(text.replace(/"formatVersion": \d+/, '"formatVersion": 99'))).toEqual({
      ok: false,
      reason: expect.stringMatching(/newer version/),
    })
  })

  it('reads the newest intact generation and reports the damaged ones', async () => {
    const good = encodeSave((await playedSession(1)).toSavePayload('x', '2026-01-01T00:00:00Z'))
    const reading = readSlot([
      { generation: 0, text: good.slice(0, 50) },
      { generation: 1, text: good },
    ])
    expect(reading.chosen?.generation).toBe(1)
    expect(reading.damaged).toHaveLength(1)
    expect(readSlot([{ generation: 0, text: '' }]).chosen).toBeNull()
  })

  it('refuses a crafted save: orders the rules refuse, no players, unplayable or repeated players, too many turns', async () => {
    const payload = (await playedSession(1)).toSavePayload('x', '2026-01-01T00:00:00Z')
    const orders = (extra: object[]) => ({
      ...payload,
      game: { ...payload.game, orders: [[...payload.game.orders[0], ...extra] as never] },
    })
    expect(GameSession.fromSave(orders([{ actor: 'USA', action: 'no-such-action' }]), scenario, listing)).toMatch(
      /order the rules refuse: unknown action/,
    )
    const overBudget = Array.from({ length: 5 }, () => ({ actor: 'GBR', action: 'sanctions', targets: ['CHN'] }))
    expect(GameSession.fromSave(orders(overBudget), scenario, listing)).toMatch(/order the rules refuse/)
    expect(GameSession.fromSave({ ...payload, game: { ...payload.game, humans: [] } }, scenario, listing)).toMatch(/names no player/)
    expect(GameSession.fromSave({ ...payload, game: { ...payload.game, humans: ['USA', 'USA'] } }, scenario, listing)).toMatch(/twice/)
    expect(GameSession.fromSave({ ...payload, game: { ...payload.game, humans: ['XYZ'] } }, scenario, listing)).toMatch(
      /does not let anyone play: XYZ/,
    )
    expect(GameSession.fromSave({ ...payload, game: { ...payload.game, turnLimit: 99 } }, scenario, listing)).toMatch(
      /more than the scenario allows/,
    )
  })

  it('resolves one turn at a time: a second End turn while the first resolves is refused', async () => {
    const session = newSession()
    const first = session.endTurn(decline)
    await expect(session.endTurn(decline)).rejects.toThrow(/already being resolved/)
    await first
    expect(session.history).toHaveLength(1)
  })

  it('refuses a save whose orders no longer reproduce its state, or whose scenario changed', async () => {
    const payload = (await playedSession(2)).toSavePayload('x', '2026-01-01T00:00:00Z')
    expect(GameSession.fromSave({ ...payload, stateHash: '0'.repeat(64) }, scenario, listing)).toMatch(/does not give the state/)
    expect(GameSession.fromSave({ ...payload, scenario: { ...payload.scenario, hash: 'f'.repeat(64) } }, scenario, listing)).toMatch(
      /another version/,
    )
  })
})

describe('saves of format 1 (before decisions were recorded)', () => {
  it('still open exactly, re-run from their orders, and are refused when decisions do not match the turns', async () => {
    const session = newSession(['USA'], 4, 12)
    session.addChoice({ actor: 'USA', action: 'sanctions', targets: ['RUS'] })
    await session.endTurn(decline)
    await session.endTurn(decline)
    const { decisions, ...game } = session.toSavePayload('old', '2026-01-01T00:00:00Z').game
    expect(decisions).toHaveLength(2)
    const text = encodeSave({ ...session.toSavePayload('old', '2026-01-01T00:00:00Z'), game }).replace(
      /"formatVersion": \d+/,
      '"formatVersion": 1',
    )
    // The checksum covers the payload only, so the older format number keeps it valid.
    const decoded = decodeSave(text)
    if (!decoded.ok) throw new Error(decoded.reason)
    expect(decoded.payload.game.decisions).toBeUndefined()
    const loaded = GameSession.fromSave(decoded.payload, scenario, listing)
    if (typeof loaded === 'string') throw new Error(loaded)
    expect(loaded.state).toEqual(session.state)
    expect(loaded.decisions.map((turn) => turn.choices)).toEqual([[{ actor: 'USA', action: 'sanctions', targets: ['RUS'] }], []])
    const rerun = loaded.rerunOn(scenario, listing)
    if (typeof rerun === 'string') throw new Error(rerun)
    expect(rerun.session.history).toHaveLength(2)

    const mismatched = { ...decoded.payload, game: { ...decoded.payload.game, decisions: [{ choices: [], agreed: [] }] } }
    expect(GameSession.fromSave(mismatched, scenario, listing)).toBe(
      'the save records decisions for a different number of turns than it played',
    )
  })
})

describe('view models and exports', () => {
  it('shows every power on the map, in its bloc, and every pair as a link', async () => {
    const session = newSession()
    const resolved = await session.endTurn(decline)
    const view = mapView(session, resolved)
    expect(view.actors.map((actor) => actor.id).sort()).toEqual([...scenario.actorIds].sort())
    expect(view.links).toHaveLength(scenario.pairActors.length)
    for (const actor of view.actors) expect(session.state.blocs[actor.bloc]).toContain(actor.id)
    expect(view.events.filter((event) => event.kind === 'incident')).toHaveLength(
      resolved.result.incidents.filter((i) => i.lon !== null).length,
    )
  })

  it('groups every ledger entry under its cause', async () => {
    const session = newSession()
    const { result } = await session.endTurn(decline)
    const groups = changeGroups(result.ledger)
    expect(groups.reduce((sum, group) => sum + group.entries.length, 0)).toBe(result.ledger.length)
    for (const group of groups) for (const entry of group.entries) expect(entry.cause).toBe(group.cause)
  })

  it('neutralises spreadsheet formulas and quotes CSV cells per RFC 4180', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('+1')).toBe(`"'+1"`)
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell(-3)).toBe('-3')
  })

  it('exports one CSV row per turn', async () => {
    const session = newSession()
    await session.endTurn(decline)
    await session.endTurn(decline)
    const csv = timelineCsv(session)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const lines = csv.slice(1).trimEnd().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^turn,date,rung,rigidity,incidents,actions/)
  })

  it('makes a safe slot id from any save name', () => {
    expect(slotFromName('Pin Pricks — turn 3!')).toBe('pin-pricks-turn-3')
    expect(slotFromName('../../etc/passwd')).toBe('etc-passwd')
    expect(slotFromName('   ')).toBe('save')
  })
})

describe('a turn on one device: plans, answers, choices returned before the turn resolves', () => {
  it('refuses a joint action a computer partner will decline, keeping the capital', () => {
    const session = newSession(['USA'], 4, 3)
    const problem = session.addChoice({ actor: 'USA', action: 'leaders-summit', partners: ['CHN'] })
    expect(problem?.code).toBe('declined')
    expect(problem?.reason).toBe('China will decline to take part this turn')
    expect(session.spent('USA')).toBe(0)
    expect(session.addChoice({ actor: 'USA', action: 'leaders-summit', partners: ['JPN'] })).toBeNull()
  })

  it('goes through every player, asks each partner, returns a declined proposal with its capital, then resolves', async () => {
    const session = newSession(['USA', 'CHN', 'IND'], 4, 3)
    const quad = { actor: 'USA', action: 'quad-exercise', partners: ['IND'], targets: ['CHN'] }
    const summit = { actor: 'USA', action: 'leaders-summit', partners: ['CHN'] }
    // China is asked (and may agree) only because a person plays it.
    expect(session.addChoice(quad)).toBeNull()
    expect(session.addChoice(summit)).toBeNull()
    expect(session.spent('USA')).toBe(3)
    expect(await session.finishPlanning()).toEqual({ kind: 'plan', actor: 'CHN', handOver: true, dropped: [] })
    expect(session.addChoice({ actor: 'CHN', action: 'energy-deal', partners: ['RUS'] })).toBeNull()
    expect(await session.finishPlanning()).toEqual({ kind: 'plan', actor: 'IND', handOver: true, dropped: [] })

    // India, at the device, answers first; then the device goes to China.
    let step = await session.finishPlanning()
    expect(step).toMatchObject({ kind: 'answer', partner: 'IND', handOver: false })
    if (step.kind !== 'answer') return
    for (const question of step.questions) session.answer(question.key, question.choice.action !== 'quad-exercise')
    step = await session.nextStep()
    expect(step).toMatchObject({ kind: 'answer', partner: 'CHN', handOver: true })
    if (step.kind !== 'answer') return
    expect(step.questions.map((question) => question.choice)).toContainEqual(summit)
    for (const question of step.questions) session.answer(question.key, question.choice.action === 'leaders-summit')
    expect(session.spent('CHN')).toBe(2)

    // India declined the exercise: back to the United States, the exercise out of its plan and its capital free.
    step = await session.nextStep()
    while (step.kind === 'answer') {
      for (const question of step.questions) session.answer(question.key, false)
      step = await session.nextStep()
    }
    expect(step).toMatchObject({ kind: 'plan', actor: 'USA', handOver: true })
    if (step.kind !== 'plan') return
    expect(step.dropped.map(({ choice, rejection }) => [choice.action, rejection.code, rejection.reason])).toEqual([
      ['quad-exercise', 'declined', 'India declined to take part this turn'],
    ])
    expect(session.pending.USA).toEqual([summit])
    expect(session.spent('USA')).toBe(1)
    expect(session.returnedToActive).toHaveLength(1)
    // The same proposal is not made again this turn: India's answer is known.
    expect(session.addChoice(quad)?.reason).toBe('India declined to take part this turn')
    expect(session.addChoice({ actor: 'USA', action: 'grave-concern', targets: ['CHN'] })).toBeNull()

    step = await session.finishPlanning()
    while (step.kind === 'answer') {
      for (const question of step.questions) session.answer(question.key, false)
      step = await session.nextStep()
    }
    expect(step).toEqual({ kind: 'resolve' })
    const resolved = await session.endTurn()
    expect(resolved.result.orders).toContainEqual(summit)
    expect(resolved.plan.rejected.filter((rejection) => rejection.choice.actor === 'USA')).toEqual([])
    expect(resolved.decisions.choices).not.toContainEqual(quad)
    expect(session.activeActor).toBe('USA')
    expect(session.returnedToActive).toEqual([])
  })

  it('will not resolve with a question unanswered', async () => {
    const session = newSession(['CHN', 'RUS'])
    session.addChoice({ actor: 'CHN', action: 'energy-deal', partners: ['RUS'] })
    await session.finishPlanning()
    expect(await session.finishPlanning()).toMatchObject({ kind: 'answer', partner: 'RUS', handOver: false })
    await expect(session.endTurn()).rejects.toThrow(/has not answered every joint action proposed to it/)
  })
})
