// The class server on loopback with Node clients: joining, secret simultaneous plans, joint proposals across
// teams, the timer, reconnection, two devices of one team, the teacher's controls, and forged messages.
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CompiledScenario } from '../../src/engine/index.ts'
import { advanceMatch, newMatch, stateHash } from '../../src/engine/index.ts'
import type { ClassServer } from '../../src/classroom/server.ts'
import { startClassServer } from '../../src/classroom/server.ts'
import type { ClassSetup, ClassView, SeatView } from '../../src/shared/classroom-protocol.ts'
import { JOIN_ERRORS, MAX_DEVICES_PER_TEAM } from '../../src/shared/classroom-protocol.ts'
import { Device, classInfo, createClass, joinError } from './support/devices.ts'
import { JOINT_PATROL, SANCTIONS, SETUP, loadScenario, plan } from './support/fixtures.ts'

let server: ClassServer
let dataDir: string
let scn: CompiledScenario
/** The server's clock runs ahead of the real one by this much (to reach a timer's end without waiting). */
let clockAhead = 0
const devices: Device[] = []

beforeAll(async () => {
  scn = await loadScenario()
  dataDir = mkdtempSync(join(tmpdir(), 'redlines-class-server-'))
  server = await startClassServer({ port: 0, dataDir, now: () => Date.now() + clockAhead, report: () => {} })
})

afterAll(async () => {
  for (const device of devices) await device.leave()
  await server?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

async function connect(roomId: string, options: Parameters<typeof Device.join>[2], label?: string) {
  const device = await Device.join(server.url, roomId, options, label)
  devices.push(device)
  return device
}

interface Class {
  code: string
  key: string
  roomId: string
  teacher: Device
  dragons: Device
  bears: Device
  eagles: Device
}

async function openClass(setup: ClassSetup = SETUP): Promise<Class> {
  const { code, key, roomId } = await createClass(server.url, setup)
  const teacher = await connect(roomId, { as: 'teacher', code, key }, 'teacher')
  const dragons = await connect(roomId, { as: 'student', code, team: 'Dragons' }, 'dragons')
  const bears = await connect(roomId, { as: 'student', code, team: 'bears' }, 'bears')
  const eagles = await connect(roomId, { as: 'student', code, team: 'Eagles' }, 'eagles')
  return { code, key, roomId, teacher, dragons, bears, eagles }
}

const students = (c: Class) => [c.dragons, c.bears, c.eagles]
const resolved = (turns: number) => (view: ClassView) => view.turns.length === turns

/** Every team answers every question put to it (agreeing where `agree` says so) in the current answering phase. */
async function answerEverything(c: Class, turn: number, agree: (key: string) => boolean) {
  for (const device of students(c)) {
    const view = await device.classView((each) => each.phase === 'answering' || each.turns.length >= turn)
    if (view.phase !== 'answering') continue
    for (const question of device.latest<SeatView>('seat')!.questions)
      device.send('answer', { turn, key: question.key, agree: agree(question.key) })
  }
}

describe('a class on the server', () => {
  it('is created by the API, found by its code, and joined by its teams, its teacher and a projector', async () => {
    const { code, roomId, key, joinUrl } = await createClass(server.url, SETUP)
    expect(joinUrl).toBe(`${server.url}/?class=${code}`)
    expect(key.length).toBeGreaterThanOrEqual(16)
    expect(await classInfo(server.url, code)).toEqual({
      status: 200,
      body: { code, title: scn.file.title, teams: ['Dragons', 'Bears', 'Eagles'], roomId },
    })
    expect(await classInfo(server.url, 'ZZZZZZ')).toEqual({ status: 404, body: { error: JOIN_ERRORS.unknownClass.message } })
    const projector = await connect(roomId, { as: 'projector', code })
    const student = await connect(roomId, { as: 'student', code, team: 'eagles' })
    const seat = await student.seat()
    expect(seat).toMatchObject({ team: 'Eagles', actor: 'USA', turn: 1, plan: { choices: [], ready: false }, questions: [] })
    expect(seat.rejoin).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
    const view = await projector.classView((v) => v.teams.find((team) => team.name === 'Eagles')!.devices === 1)
    expect(view).toMatchObject({ code, phase: 'lobby', turn: 1, scenario: { folder: SETUP.scenario, hash: scn.hash } })
    expect(projector.received.some((entry) => entry.type === 'seat' || entry.type === 'teacher')).toBe(false)
  })

  it('keeps plans secret until the turn resolves, puts a joint proposal to the partner team, and plays its answer', async () => {
    const c = await openClass()
    c.teacher.send('start')
    for (const device of students(c)) await device.classView((view) => view.phase === 'planning')
    const secret = 'SECRET-RATIONALE-OF-THE-DRAGONS'
    c.dragons.send('plan', { ...plan(1, [JOINT_PATROL], false), rationale: { text: secret } })
    c.eagles.send('plan', plan(1, [SANCTIONS]))
    await c.eagles.seat((view) => view.plan.ready)
    expect((await c.teacher.teacher((view) => view.plans.Dragons.choices.length === 1)).plans.Dragons.rationale?.text).toBe(secret)
    const before = (device: Device) => device.received.length
    const marks = new Map(students(c).map((device) => [device, before(device)]))
    c.dragons.send('plan', { ...plan(1, [JOINT_PATROL]), rationale: { text: secret } })
    c.bears.send('plan', plan(1, []))
    const asked = await c.bears.seat((view) => view.questions.some((question) => question.proposer === 'CHN'))
    const patrol = asked.questions.find((question) => question.proposer === 'CHN')!
    expect(patrol.choice).toMatchObject({ action: 'joint-air-patrol', partners: ['RUS'] })
    // The question went to the Bears' device only.
    for (const device of [c.dragons, c.eagles])
      expect(JSON.stringify(device.received.filter((entry) => entry.type === 'seat'))).not.toContain(patrol.key)
    await answerEverything(c, 1, (key) => key === patrol.key)
    const views = await Promise.all(students(c).map((device) => device.classView(resolved(1))))
    const [turn] = views[0].turns
    expect(turn).toMatchObject({ turn: 1, passed: [], agreed: expect.arrayContaining([patrol.key]) })
    expect(turn.choices).toEqual([JOINT_PATROL, SANCTIONS])
    // Replaying the public turn with the engine gives the server's state, and the agreed patrol was carried out.
    const match = advanceMatch(scn, newMatch(scn, { ...SETUP, humans: ['CHN', 'RUS', 'USA'] }), turn)
    expect(stateHash(match.state)).toBe(turn.stateHash)
    expect(match.turns[0].result.orders).toContainEqual({ actor: 'CHN', action: 'joint-air-patrol', partners: ['RUS'], targets: ['JPN'] })
    // Before the turn resolved, no team received another's plan: every message each device got is checked.
    const othersPlans: [Device, string[]][] = [
      [c.dragons, ['"sanctions"']],
      [c.bears, ['"sanctions"']],
      [c.eagles, ['joint-air-patrol']],
    ]
    for (const [device, foreign] of othersPlans) {
      const upToResolution = device.received.slice(
        0,
        device.received.findIndex((entry) => entry.type === 'class' && resolved(1)(entry.message as ClassView)),
      )
      for (const entry of upToResolution) for (const text of foreign) expect(JSON.stringify(entry.message)).not.toContain(text)
      expect(marks.get(device)).toBeLessThan(device.received.length)
    }
    for (const device of [...students(c), c.teacher])
      expect(
        device.received.filter((entry) => entry.type === 'class').some((entry) => JSON.stringify(entry.message).includes(secret)),
      ).toBe(false)
    // The teacher reveals the turn: now everyone sees the rationale.
    c.teacher.send('reveal')
    const revealed = await c.bears.classView((view) => view.turns[0]?.rationales !== undefined)
    expect(revealed.turns[0].rationales).toEqual([{ actor: 'CHN', text: secret }])
  })

  it('when the timer ends, the teams that did not submit pass and the turn names them', async () => {
    const c = await openClass({ ...SETUP, turnSeconds: 30 })
    c.teacher.send('start')
    const planning = await c.dragons.classView((view) => view.phase === 'planning')
    expect(planning.deadline).not.toBeNull()
    c.dragons.send('plan', plan(1, [{ actor: 'CHN', action: 'arms-buildup' }]))
    await c.dragons.seat((view) => view.plan.ready)
    // The server's clock jumps to 100 ms before the deadline; the next accepted message sets the timer anew.
    clockAhead += planning.deadline! - (Date.now() + clockAhead) - 100
    c.bears.send('plan', plan(1, [], false))
    const answering = await c.dragons.classView((view) => view.phase !== 'planning' || view.turns.length === 1)
    if (answering.phase === 'answering') c.teacher.send('end-timer')
    const view = await c.eagles.classView(resolved(1))
    expect(view.turns[0].passed).toEqual(['Bears', 'Eagles'])
    expect(view.turns[0].choices).toEqual([{ actor: 'CHN', action: 'arms-buildup' }])
  })

  it('gives a device that dropped its seat and plan back, and another device with the rejoin code the same seat', async () => {
    const c = await openClass()
    c.teacher.send('start')
    await c.bears.classView((view) => view.phase === 'planning')
    c.bears.send('plan', { ...plan(1, [{ actor: 'RUS', action: 'arms-buildup' }], false), rationale: { text: 'build up' } })
    const seat = await c.bears.seat((view) => view.plan.choices.length === 1)
    const { sessionId, reconnectionToken } = c.bears.room
    const mark = c.teacher.received.length
    c.bears.dropAbruptly()
    await c.teacher.classView((view) => view.teams[1].devices === 0, mark)
    await c.bears.reconnect(server.url, reconnectionToken)
    expect(c.bears.room.sessionId).toBe(sessionId)
    expect(await c.bears.seat()).toEqual(seat)
    await c.teacher.classView((view) => view.teams[1].devices === 1)

    const tablet = await connect(c.roomId, { as: 'student', code: c.code, rejoin: seat.rejoin }, 'bears-tablet')
    expect(await tablet.seat()).toEqual(seat)
    const phoneMark = c.bears.received.length
    tablet.send('plan', plan(1, [{ actor: 'RUS', action: 'energy-deal', partners: ['CHN'] }], false))
    const latest = (view: { plan: { choices: { action: string }[] } }) => view.plan.choices[0]?.action === 'energy-deal'
    expect(await c.bears.seat(latest, phoneMark)).toEqual(await tablet.seat(latest))
    await c.teacher.classView((view) => view.teams[1].devices === 2)
    // The other teams heard nothing of it.
    for (const device of [c.dragons, c.eagles]) expect(JSON.stringify(device.received)).not.toContain('energy-deal')
  })

  it('lets the teacher pause, resume, extend, change the level, inject an event and roll back a turn', async () => {
    const c = await openClass()
    c.teacher.send('start')
    const planning = await c.teacher.classView((view) => view.phase === 'planning')
    c.teacher.send('pause')
    const paused = await c.teacher.classView((view) => view.paused)
    expect(paused).toMatchObject({ deadline: null, remainingMs: expect.any(Number) })
    expect(await c.dragons.errorAfter(() => c.dragons.send('plan', plan(1, [])))).toMatchObject({ code: 'paused' })
    c.teacher.send('extend', { seconds: 60 })
    const extended = await c.teacher.classView((view) => view.remainingMs === paused.remainingMs! + 60_000)
    c.teacher.send('resume')
    const resumed = await c.teacher.classView((view) => !view.paused)
    expect(resumed.deadline! - planning.deadline!).toBeGreaterThanOrEqual(60_000)
    expect(extended.paused).toBe(true)
    c.teacher.send('difficulty', { level: 'hard' })
    await c.teacher.classView((view) => view.difficulty === 'hard')
    const inject = scn.file.injects?.[0]?.id
    if (inject) {
      c.teacher.send('inject', { id: inject })
      await c.teacher.classView((view) => view.injects.includes(inject))
      expect(await c.teacher.errorAfter(() => c.teacher.send('inject', { id: 'no-such-event' }))).toMatchObject({ code: 'refused' })
    }
    c.teacher.send('end-timer')
    const after = await c.teacher.classView((view) => view.phase === 'answering' || view.turns.length === 1)
    if (after.phase === 'answering') c.teacher.send('end-timer')
    const played = await c.teacher.classView(resolved(1))
    expect(played.turns[0]).toMatchObject({
      difficulty: 'hard',
      passed: ['Dragons', 'Bears', 'Eagles'],
      ...(inject ? { injects: [inject] } : {}),
    })
    expect(played.injects).toEqual([])
    c.teacher.send('rollback')
    const back = await c.teacher.classView((view) => view.turns.length === 0 && view.phase === 'planning')
    expect(back).toMatchObject({ turn: 1, injects: inject ? [inject] : [] })
  })
})

describe('refusals', () => {
  it('refuses forged and malformed messages with a clear error, without disconnecting', async () => {
    const c = await openClass()
    c.teacher.send('start')
    await c.dragons.classView((view) => view.phase === 'planning')
    expect(await c.dragons.errorAfter(() => c.dragons.send('plan', plan(1, [{ actor: 'RUS', action: 'arms-buildup' }])))).toEqual({
      code: 'not-your-seat',
      message: 'Choice 1 is for RUS; your team plays CHN.',
    })
    expect(await c.dragons.errorAfter(() => c.dragons.send('plan', plan(3, [])))).toEqual({
      code: 'wrong-turn',
      message: 'This is turn 1, not turn 3.',
    })
    expect(await c.dragons.errorAfter(() => c.dragons.send('answer', { turn: 1, key: 'x', agree: true }))).toMatchObject({
      code: 'wrong-phase',
    })
    expect(await c.dragons.errorAfter(() => c.dragons.send('end-timer'))).toEqual({
      code: 'refused',
      message: 'Only the teacher can send "end-timer".',
    })
    expect(await c.teacher.errorAfter(() => c.teacher.send('plan', plan(1, [])))).toMatchObject({ code: 'refused' })
    expect(await c.dragons.errorAfter(() => c.dragons.send('plan', { turn: 1, choices: 'all of them', ready: true }))).toMatchObject({
      code: 'bad-message',
      message: expect.stringContaining('choices'),
    })
    expect(await c.dragons.errorAfter(() => c.dragons.send('plan', { ...plan(1, []), type: 'answer' }))).toMatchObject({
      code: 'bad-message',
    })
    expect(await c.dragons.errorAfter(() => c.dragons.send('launch-missiles', {}))).toMatchObject({ code: 'bad-message' })
    expect(await c.dragons.errorAfter(() => c.dragons.send('plan', [1, 2, 3]))).toMatchObject({ code: 'bad-message' })
    // More than 16 KB of JSON that fits the transport's limit (quotes take one byte packed, two in JSON).
    const quotes = '"'.repeat(9000)
    expect(await c.dragons.errorAfter(() => c.dragons.send('plan', { ...plan(1, []), rationale: { text: quotes } }))).toMatchObject({
      code: 'too-large',
    })
    // A message nested thousands deep (too deep to encode with the SDK: packed by hand) is refused, not read.
    const deep = Uint8Array.from([
      13, // Colyseus ROOM_DATA
      0xa4,
      ...Buffer.from('plan'),
      0x81,
      0xa7,
      ...Buffer.from('choices'),
      ...new Array(4000).fill(0x91),
      0x01,
    ])
    expect(await c.dragons.errorAfter(() => (c.dragons.room.connection as unknown as { send(data: Uint8Array): void }).send(deep))).toEqual(
      {
        code: 'bad-message',
        message: 'A message may nest at most 8 levels of objects and arrays.',
      },
    )
    expect(c.dragons.closed).toBeNull()
    c.dragons.send('plan', plan(1, [{ actor: 'CHN', action: 'arms-buildup' }], false))
    await c.dragons.seat((view) => view.plan.choices.length === 1)
    // Nothing of the refused messages reached the teacher's view of the plans.
    expect((await c.teacher.teacher((view) => view.plans.Dragons.choices.length === 1)).plans.Dragons.choices).toEqual([
      { actor: 'CHN', action: 'arms-buildup' },
    ])
  })

  it('closes a connection that sends more than the transport allows, or too many messages a second', async () => {
    const c = await openClass()
    c.bears.send('plan', { ...plan(1, []), rationale: { text: 'x'.repeat(20_000) } })
    expect((await c.bears.closedWith()).code).toBe(1009)
    for (let k = 0; k < 60; k++) c.eagles.send('plan', plan(1, []))
    expect((await c.eagles.closedWith()).code).toBe(4002)
  })

  it('refuses joining with an unknown class, team or rejoin code, a wrong key, bad options, or a full team', async () => {
    const { code, roomId } = await createClass(server.url, SETUP)
    const other = await createClass(server.url, SETUP)
    expect(await joinError(server.url, roomId, { as: 'student', code: other.code, team: 'Dragons' })).toEqual(JOIN_ERRORS.unknownClass)
    expect(await joinError(server.url, roomId, { as: 'student', code, team: 'Owls' })).toEqual(JOIN_ERRORS.unknownTeam)
    expect(await joinError(server.url, roomId, { as: 'student', code, rejoin: 'ABCDEFGH' })).toEqual(JOIN_ERRORS.wrongRejoin)
    expect(await joinError(server.url, roomId, { as: 'teacher', code, key: 'not-the-key-of-this-class' })).toEqual(JOIN_ERRORS.wrongKey)
    expect(await joinError(server.url, roomId, { as: 'student', code: 'lower1', team: 'Dragons' })).toMatchObject({
      code: 4400,
      message: expect.stringContaining('code'),
    })
    expect((await joinError(server.url, 'no-such-room', { as: 'student', code, team: 'Dragons' })).code).toBe(522)
    for (let k = 0; k < MAX_DEVICES_PER_TEAM; k++) await connect(roomId, { as: 'student', code, team: 'Dragons' })
    expect(await joinError(server.url, roomId, { as: 'student', code, team: 'Dragons' })).toEqual(JOIN_ERRORS.teamFull)
  })

  it('refuses a bad class setup at once with every problem, a foreign host, and rooms made by clients', async () => {
    const response = await fetch(`${server.url}/api/classes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...SETUP,
        turnLimit: 0,
        teams: [
          { name: 'A', actor: 'CHN' },
          { name: 'a', actor: 'RUS' },
        ],
      }),
    })
    expect(response.status).toBe(400)
    expect((await response.json()).errors).toEqual([expect.stringMatching(/^turnLimit: /)])
    const duplicate = await fetch(`${server.url}/api/classes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...SETUP,
        teams: [
          { name: 'A', actor: 'CHN' },
          { name: 'a', actor: 'RUS' },
        ],
      }),
    })
    expect((await duplicate.json()).errors).toEqual(['teams.1.name: "a" is already the name of teams.0'])
    const malformed = await fetch(`${server.url}/api/classes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    })
    expect(malformed.status).toBe(400)
    const create = await fetch(`${server.url}/matchmake/create/class`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(create.status).toBe(403)
    const foreign = await fetch(`${server.url}/api/classes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify(SETUP),
    })
    expect(foreign.status).toBe(403)
    const statusFor = (host: string) =>
      new Promise<number>((done) => request(`${server.url}/`, { headers: { host } }, (r) => (r.resume(), done(r.statusCode!))).end())
    expect(await statusFor('evil.example')).toBe(421)
    expect(await statusFor(`localhost:${server.port}`)).not.toBe(421)
  })
})
