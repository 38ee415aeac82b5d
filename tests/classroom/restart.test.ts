// A class server killed outright (SIGKILL) mid-turn and started again from its log: the game goes on with
// nothing lost — the plans made, the answers given, the turn, the timer, the codes and the engine's state.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CompiledScenario } from '../../src/engine/index.ts'
import { advanceMatch, newMatch, stateHash } from '../../src/engine/index.ts'
import type { ClassSetup, ClassView, JoinOptions, SeatView } from '../../src/shared/classroom-protocol.ts'
import { Device, classInfo, createClass } from './support/devices.ts'
import { JOINT_PATROL, SETUP, loadScenario, plan } from './support/fixtures.ts'
import type { ServerProcess } from './support/processes.ts'
import { freePort, startServerProcess } from './support/processes.ts'

let dataDir: string
let port: number
let server: ServerProcess
let scn: CompiledScenario
const devices: Device[] = []

const SUMMIT = { actor: 'USA', action: 'leaders-summit', partners: ['CHN'] }
const setup: ClassSetup = { ...SETUP, turnSeconds: null, answerSeconds: 600 }

beforeAll(async () => {
  scn = await loadScenario()
  dataDir = mkdtempSync(join(tmpdir(), 'redlines-class-restart-'))
  port = await freePort()
  server = await startServerProcess(['--port', String(port), '--data', dataDir])
})

afterAll(async () => {
  for (const device of devices) await device.leave()
  await server?.stop('SIGTERM')
  rmSync(dataDir, { recursive: true, force: true })
})

async function connect(code: string, options: JoinOptions, label: string): Promise<Device> {
  const { body } = await classInfo(server.url, code)
  const device = await Device.join(server.url, String(body.roomId), options, label)
  devices.push(device)
  return device
}

async function restart(): Promise<void> {
  await server.stop('SIGKILL')
  server = await startServerProcess(['--port', String(port), '--data', dataDir])
}

/** The engine's own replay of the public turns (what every client does to show the game). */
function replayedHash(view: ClassView): string {
  let match = newMatch(scn, { ...view.setup })
  for (const turn of view.turns) match = advanceMatch(scn, match, turn)
  return stateHash(match.state)
}

describe('a server killed mid-turn', () => {
  it('comes back from its log and the class goes on with nothing lost', async () => {
    const { code, key } = await createClass(server.url, setup)
    let teacher = await connect(code, { as: 'teacher', code, key }, 'teacher')
    let dragons = await connect(code, { as: 'student', code, team: 'Dragons' }, 'dragons')
    let bears = await connect(code, { as: 'student', code, team: 'Bears' }, 'bears')
    let eagles = await connect(code, { as: 'student', code, team: 'Eagles' }, 'eagles')
    const rejoin = new Map<string, string>()
    for (const device of [dragons, bears, eagles]) {
      const seat = await device.seat()
      rejoin.set(seat.team, seat.rejoin)
    }
    teacher.send('start')
    await teacher.classView((view) => view.phase === 'planning')
    // Turn 1 ends with every team passing.
    teacher.send('end-timer')
    const afterPlanning = await teacher.classView((view) => view.phase === 'answering' || view.turns.length === 1)
    if (afterPlanning.phase === 'answering') teacher.send('end-timer')
    const turn1 = await teacher.classView((view) => view.turns.length === 1 && view.phase === 'planning')

    // Turn 2, mid-planning: the Dragons are ready with a rationale, the Eagles still drafting.
    dragons.send('plan', { ...plan(2, [JOINT_PATROL]), rationale: { text: 'a show of unity', paragraph: 4 } })
    eagles.send('plan', plan(2, [SUMMIT], false))
    const dragonsSeat = await dragons.seat((view) => view.turn === 2 && view.plan.ready)
    const eaglesSeat = await eagles.seat((view) => view.turn === 2 && view.plan.choices.length === 1)
    const { reconnectionToken } = dragons.room
    await restart()

    expect(await Device.join(server.url, 'stale', { as: 'student', code, team: 'Dragons' }).catch((error) => error.code)).toBe(522)
    await expect(dragons.reconnect(server.url, reconnectionToken)).rejects.toThrow()
    dragons = await connect(code, { as: 'student', code, rejoin: rejoin.get('Dragons')! }, 'dragons again')
    eagles = await connect(code, { as: 'student', code, team: 'Eagles' }, 'eagles again')
    bears = await connect(code, { as: 'student', code, team: 'Bears' }, 'bears again')
    teacher = await connect(code, { as: 'teacher', code, key }, 'teacher again')
    expect(await dragons.seat()).toEqual(dragonsSeat)
    expect(await eagles.seat()).toEqual(eaglesSeat)
    const resumed = await teacher.classView(() => true)
    expect(resumed).toMatchObject({ phase: 'planning', turn: 2, turns: turn1.turns })
    expect((await teacher.teacher()).plans.Dragons.rationale).toEqual({ text: 'a show of unity', paragraph: 4 })

    // Mid-answering: the Bears agreed to the patrol; the Dragons have not answered the summit yet.
    eagles.send('plan', plan(2, [SUMMIT]))
    bears.send('plan', plan(2, []))
    const answering = await teacher.classView((view) => view.phase === 'answering')
    expect(answering.deadline).not.toBeNull()
    const patrol = (await bears.seat((view) => view.questions.some((q) => q.proposer === 'CHN'))).questions.find(
      (q) => q.proposer === 'CHN',
    )!
    bears.send('answer', { turn: 2, key: patrol.key, agree: true })
    const bearsSeat = await bears.seat((view) => view.questions.some((q) => q.key === patrol.key && q.answer === true))
    const dragonsAsked = dragons.latest<SeatView>('seat')!
    expect(dragonsAsked.questions.some((q) => q.proposer === 'USA' && q.answer === null)).toBe(true)
    await restart()

    bears = await connect(code, { as: 'student', code, team: 'Bears' }, 'bears third')
    dragons = await connect(code, { as: 'student', code, team: 'Dragons' }, 'dragons third')
    eagles = await connect(code, { as: 'student', code, team: 'Eagles' }, 'eagles third')
    teacher = await connect(code, { as: 'teacher', code, key }, 'teacher third')
    expect(await bears.seat()).toEqual(bearsSeat)
    const back = await teacher.classView(() => true)
    expect(back).toMatchObject({ phase: 'answering', turn: 2, deadline: answering.deadline, turns: turn1.turns })
    // The rest answer (the Dragons decline the summit); the turn resolves and replays to the server's state.
    for (const device of [dragons, eagles, bears])
      for (const question of device.latest<SeatView>('seat')!.questions)
        if (question.answer === null) device.send('answer', { turn: 2, key: question.key, agree: false })
    const done = await teacher.classView((view) => view.turns.length === 2)
    expect(done.turns[1].agreed).toContain(patrol.key)
    expect(done.turns[1].choices).toEqual([JOINT_PATROL, SUMMIT])
    expect(replayedHash(done)).toBe(done.turns[1].stateHash)
    expect(server.output()).not.toMatch(/not resumed|damaged/)
  })
})
