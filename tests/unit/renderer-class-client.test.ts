// The class client without a browser: the mirror replays the server's turns with the engine and checks each
// against the server's state hash; the connection takes the seat back after drops and server restarts; the
// plan goes out debounced and survives a drop.
import { describe, expect, it } from 'vitest'
import { stateHash } from '../../src/engine/index.ts'
import { ClassClient } from '../../src/renderer/classroom/class-client.ts'
import { ServerClock, formatRemaining } from '../../src/renderer/classroom/clock.ts'
import { ClassMirror } from '../../src/renderer/classroom/mirror.ts'
import { readClassView, readSeatView } from '../../src/renderer/classroom/messages.ts'
import { PlanDraft } from '../../src/renderer/classroom/plan-draft.ts'
import { classRoute, normaliseCode } from '../../src/renderer/classroom/routes.ts'
import { JOIN_ERRORS } from '../../src/shared/classroom-protocol.ts'
import type { StudentMessage } from '../../src/shared/classroom-protocol.ts'
import { FakeTransport, ServerGame, listing, refused, scenario, seatView, settle } from './renderer-class-support.ts'

const noWait = async () => undefined

function client(transport = new FakeTransport()) {
  const timers = new ManualTimers()
  const made = new ClassClient({
    transport,
    loadScenario: async () => ({ scenario, listing }),
    sleep: noWait,
    timers,
    now: () => 1_000_000,
  })
  return { client: made, transport, timers }
}

class ManualTimers {
  pending = new Map<number, () => void>()
  private next = 0
  set(run: () => void): unknown {
    this.pending.set(++this.next, run)
    return this.next
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number)
  }
  runAll(): void {
    const runs = [...this.pending.values()]
    this.pending.clear()
    for (const run of runs) run()
  }
}

describe('the mirror', () => {
  it('replays the resolved turns with the engine to the server state, turn after turn', () => {
    const game = new ServerGame()
    const mirror = new ClassMirror(scenario)
    const empty = mirror.update(game.view())
    expect(empty.ok && empty.match.turns.length).toBe(0)
    game.playJointPatrol()
    game.play({ choices: [], agreed: [] })
    const two = mirror.update(game.view())
    expect(two.ok).toBe(true)
    if (!two.ok) return
    expect(two.match.turns).toHaveLength(2)
    expect(stateHash(two.match.state)).toBe(game.turns[1].stateHash)
    // The joint patrol China proposed and Russia agreed to was carried out.
    expect(two.match.turns[0].result.orders).toContainEqual(expect.objectContaining({ actor: 'CHN', action: 'joint-air-patrol' }))
    // One more turn replays only that turn: the first two are the same objects.
    game.play({ choices: [], agreed: [] })
    const three = mirror.update(game.view())
    expect(three.ok && three.match.turns[0]).toBe(two.match.turns[0])
    expect(three.ok && stateHash(three.match.state)).toBe(game.turns[2].stateHash)
  })

  it('follows a rollback: the last turn is dropped and replayed as the class plays it again', () => {
    const game = new ServerGame()
    const mirror = new ClassMirror(scenario)
    game.playJointPatrol()
    game.play({ choices: [], agreed: [] })
    expect(mirror.update(game.view()).ok).toBe(true)
    const rolledBack = game.view({ turns: game.view().turns.slice(0, 1) })
    const after = mirror.update(rolledBack)
    expect(after.ok && after.match.turns.length).toBe(1)
    expect(after.ok && stateHash(after.match.state)).toBe(game.turns[0].stateHash)
  })

  it('says clearly when its replay gives another state than the server’s', () => {
    const game = new ServerGame()
    game.playJointPatrol()
    const view = game.view()
    view.turns[0] = { ...view.turns[0], stateHash: 'f'.repeat(64) }
    const result = new ClassMirror(scenario).update(view)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.message).toMatch(/^turn 1 replayed on this device gives another world than the server's/)
    expect(result.message).toContain('ffffffffffff')
  })

  it('refuses a turn out of order and a turn the rules cannot play, with a sentence', () => {
    const game = new ServerGame()
    game.playJointPatrol()
    const view = game.view()
    expect(new ClassMirror(scenario).update({ ...view, turns: [{ ...view.turns[0], turn: 2 }] })).toMatchObject({
      ok: false,
      message: 'the server sent turn 2 where turn 1 was expected',
    })
    const wrongInject = new ClassMirror(scenario).update({ ...view, turns: [{ ...view.turns[0], injects: ['no-such-event'] }] })
    expect(wrongInject.ok).toBe(false)
    expect(!wrongInject.ok && wrongInject.message).toMatch(/^the class's turns cannot be replayed here: .*no-such-event/)
  })
})

describe('the client', () => {
  it('mirrors the class, plans for its own power only and sends the plan debounced, never state', async () => {
    const { client: c, transport, timers } = client()
    await c.join({ as: 'student', code: 'ABCDEF', team: 'Dragons' })
    const game = new ServerGame()
    transport.last.deliver('class', game.view())
    transport.last.deliver('seat', seatView())
    await settle()
    expect(c.mirror.status).toBe('ready')
    if (c.mirror.status !== 'ready') return
    expect(c.mirror.session.activeActor).toBe('CHN')
    c.draft.setChoices([{ actor: 'CHN', action: 'grave-concern', targets: ['USA'] }])
    c.draft.setChoices([{ actor: 'CHN', action: 'grave-concern', targets: ['JPN'] }])
    expect(transport.last.sent).toEqual([])
    timers.runAll()
    expect(transport.last.sent).toEqual([
      ['plan', { type: 'plan', turn: 1, choices: [{ actor: 'CHN', action: 'grave-concern', targets: ['JPN'] }], ready: false }],
    ])
    c.draft.setRationale({ text: '  We answer in kind. ', paragraph: 4 })
    expect(c.draft.submit(true)).toBe(true)
    const [type, submitted] = transport.last.sent[1]
    expect(type).toBe('plan')
    expect(submitted).toMatchObject({ ready: true, rationale: { text: 'We answer in kind.', paragraph: 4 } })
    expect(Object.keys(submitted as object).sort()).toEqual(['choices', 'rationale', 'ready', 'turn', 'type'])
  })

  it('shows a plan another device of the team made (last word wins), unless it has changes of its own to send', async () => {
    const { client: c, transport } = client()
    await c.join({ as: 'student', code: 'ABCDEF', team: 'Dragons' })
    transport.last.deliver('class', new ServerGame().view())
    const other = [{ actor: 'CHN', action: 'grave-concern', targets: ['USA'] }]
    transport.last.deliver('seat', seatView({ plan: { choices: other, ready: false } }))
    await settle()
    expect(c.draft.choices).toEqual(other)
    expect(c.mirror.status === 'ready' && c.mirror.session.pending.CHN).toEqual(other)
    c.draft.setChoices([])
    transport.last.deliver('seat', seatView({ plan: { choices: other, ready: false } }))
    expect(c.draft.choices).toEqual([])
    // A new turn starts from the server's (empty) plan.
    transport.last.deliver('seat', seatView({ turn: 2 }))
    expect(c.draft).toMatchObject({ turn: 2, choices: [], unsent: false })
  })

  it('takes the seat back after a drop and sends the changes made while away', async () => {
    const { client: c, transport, timers } = client()
    const statuses: string[] = []
    c.subscribe(() => statuses.at(-1) !== c.status && statuses.push(c.status))
    await c.join({ as: 'student', code: 'ABCDEF', team: 'Dragons' })
    transport.last.deliver('seat', seatView())
    const first = transport.last
    first.drop(1006)
    expect(c.status).toBe('reconnecting')
    c.draft.setChoices([{ actor: 'CHN', action: 'grave-concern', targets: ['JPN'] }])
    timers.runAll()
    expect(c.draft.unsent).toBe(true)
    transport.reconnectOutcomes.push('ok')
    await settle()
    expect(transport.reconnects).toEqual([first.reconnectionToken])
    expect(c.status).toBe('connected')
    expect(transport.last).not.toBe(first)
    expect(transport.last.sent.map(([type, message]) => [type, (message as StudentMessage).type])).toEqual([['plan', 'plan']])
    // The server answers with the seat as it now holds it: the plan sent after the reconnection.
    const [, resent] = transport.last.sent[0] as [string, StudentMessage & { type: 'plan' }]
    transport.last.deliver('seat', seatView({ plan: { choices: resent.choices, ready: false } }))
    expect(c.draft.choices).toEqual([{ actor: 'CHN', action: 'grave-concern', targets: ['JPN'] }])
    expect(statuses).toEqual(['connecting', 'connected', 'reconnecting', 'connected'])
  })

  it('after a server restart joins again with the team’s rejoin code, retrying while the server is away', async () => {
    const { client: c, transport } = client()
    await c.join({ as: 'student', code: 'ABCDEF', team: 'Dragons' })
    transport.last.deliver('seat', seatView({ rejoin: 'KMNPQRST' }))
    transport.reconnectOutcomes.push(new Error('gone'), new Error('gone'))
    transport.joinOutcomes.push(new TypeError('Failed to fetch'), refused(JOIN_ERRORS.unknownClass.code), 'ok')
    transport.last.drop(4001)
    await settle()
    await settle()
    expect(c.status).toBe('connected')
    expect(transport.joins.slice(1)).toEqual(Array(3).fill({ as: 'student', code: 'ABCDEF', rejoin: 'KMNPQRST' }))
    expect(c.link.reconnections).toBe(1)
  })

  it('stops on a refusal a person must act on, and stays closed after leaving', async () => {
    const { client: c, transport } = client()
    await c.join({ as: 'teacher', code: 'ABCDEF', key: 'k'.repeat(20) })
    transport.joinOutcomes.push(refused(JOIN_ERRORS.wrongKey.code, JOIN_ERRORS.wrongKey.message))
    transport.last.drop(1006)
    await settle()
    expect(c.status).toBe('refused')
    expect(c.link.detail).toBe(JOIN_ERRORS.wrongKey.message)
    expect(transport.joins[1]).toEqual({ as: 'teacher', code: 'ABCDEF', key: 'k'.repeat(20) })

    const other = client()
    await other.client.join({ as: 'projector', code: 'ABCDEF' })
    await other.client.leave()
    expect(other.client.status).toBe('closed')
    expect(other.transport.reconnects).toEqual([])
  })

  it('a first join refused carries the server’s sentence', async () => {
    const transport = new FakeTransport()
    transport.joinOutcomes.push(refused(JOIN_ERRORS.unknownTeam.code, JOIN_ERRORS.unknownTeam.message))
    const { client: c } = client(transport)
    await expect(c.join({ as: 'student', code: 'ABCDEF', team: 'Nobody' })).rejects.toThrow(JOIN_ERRORS.unknownTeam.message)
    expect(c.status).toBe('refused')
  })

  it('shows a scenario this device cannot match and a message it cannot read as errors, not as a game', async () => {
    const transport = new FakeTransport()
    const c = new ClassClient({ transport, loadScenario: async () => 'this browser has no scenario "x"', sleep: noWait })
    await c.join({ as: 'projector', code: 'ABCDEF' })
    transport.last.deliver('class', new ServerGame().view())
    await settle()
    expect(c.mirror).toEqual({ status: 'error', message: 'this browser has no scenario "x"' })
    transport.last.deliver('class', { code: 'ABCDEF' })
    expect(c.lastError?.message).toMatch(/cannot read: a class view without a valid "scenario"/)
  })
})

describe('small parts', () => {
  it('reads codes and routes', () => {
    expect(normaliseCode(' abc-def ')).toBe('ABCDEF')
    expect(normaliseCode('ABCDE0')).toBeNull()
    expect(classRoute('?teach')).toEqual({ kind: 'teach', code: null })
    expect(classRoute('?class=k7m2p9')).toEqual({ kind: 'join', code: 'K7M2P9' })
    expect(classRoute('?project=K7M2P9')).toEqual({ kind: 'project', code: 'K7M2P9' })
    expect(classRoute('?renderer=canvas')).toBeNull()
  })

  it('counts the timer down on the server’s clock', () => {
    const clock = new ServerClock()
    clock.observe(10_000, 4_000) // the server is 6 s ahead
    expect(clock.remainingMs({ deadline: 70_000, paused: false, remainingMs: null }, 4_000)).toBe(60_000)
    expect(clock.remainingMs({ deadline: 70_000, paused: true, remainingMs: 12_000 }, 90_000)).toBe(12_000)
    expect(clock.remainingMs({ deadline: 70_000, paused: false, remainingMs: null }, 90_000)).toBe(0)
    expect(clock.remainingMs({ deadline: null, paused: false, remainingMs: null }, 0)).toBeNull()
    expect([formatRemaining(65_000), formatRemaining(8_200), formatRemaining(3_723_000)]).toEqual(['1:05', '0:09', '1:02:03'])
  })

  it('checks the server’s messages at the door', () => {
    expect(typeof readClassView(new ServerGame().view())).toBe('object')
    expect(readClassView({ ...new ServerGame().view(), phase: 'lunch' })).toBe('a class view without a valid "phase"')
    expect(readSeatView(seatView({ plan: {} as never }))).toBe('a seat whose plan has no choices or ready')
  })

  it('a draft keeps a rationale within the limit and a plan that could not be sent', () => {
    const sent: StudentMessage[] = []
    let online = false
    const draft = new PlanDraft((message) => (online ? (sent.push(message), true) : false), { set: () => 0, clear: () => undefined })
    draft.adopt(seatView())
    draft.setRationale({ text: 'x'.repeat(700) })
    expect(draft.rationale.text).toHaveLength(600)
    expect(draft.submit(true)).toBe(false)
    expect(draft.unsent).toBe(true)
    online = true
    expect(draft.flush()).toBe(true)
    expect(sent[0]).toMatchObject({ type: 'plan', ready: true })
  })
})
