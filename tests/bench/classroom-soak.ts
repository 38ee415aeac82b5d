// The class server under a bounded soak: 8 classes of 4 teams and a teacher each (40 connections) play
// several turns at once on loopback against `npm run classroom` in its own process. Asserts that no order is
// lost (every plan a team submitted is in the turn the server resolved) and reports the time from a turn's
// last submission (plan or answer) to every device of the class holding the resolved turn: median and p95.
// `node src/cli/run-ts.mjs tests/bench/classroom-soak.ts [--json] [--url URL]`; run by `npm run bench`.
// Target <= 200 ms.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from '@colyseus/sdk'
import type { Room } from '@colyseus/sdk'
import type { ClassSetup, ClassView, JoinOptions, SeatView } from '../../src/shared/classroom-protocol.ts'
import { freePort, startServerProcess } from '../classroom/support/processes.ts'

const ROOMS = 8
const TURNS = 12
/** A team's time to plan: keeps every device under the server's message rate (it disconnects a faster one). */
const THINK_MS = 300
const json = process.argv.includes('--json')

const SETUP: ClassSetup = {
  scenario: 'pin-pricks-2021',
  seed: 11,
  turnLimit: TURNS,
  difficulty: 'normal',
  teams: [
    { name: 'Dragons', actor: 'CHN' },
    { name: 'Bears', actor: 'RUS' },
    { name: 'Eagles', actor: 'USA' },
    { name: 'Cranes', actor: 'JPN' },
  ],
  turnSeconds: null,
  answerSeconds: 600,
}

/** Each team's orders every turn: one of its own, and the Dragons propose an energy deal to the Bears. */
const ORDERS: Record<string, { actor: string; action: string; targets?: string[]; partners?: string[] }[]> = {
  CHN: [
    { actor: 'CHN', action: 'arms-buildup' },
    { actor: 'CHN', action: 'energy-deal', partners: ['RUS'] },
  ],
  RUS: [{ actor: 'RUS', action: 'arms-buildup' }],
  USA: [{ actor: 'USA', action: 'arms-buildup' }],
  JPN: [{ actor: 'JPN', action: 'arms-buildup' }],
}

interface Classroom {
  code: string
  devices: { room: Room; actor: string | null }[]
  /** When each turn's submissions (plans and answers) were sent, by turn. */
  sent: Map<number, number[]>
  /** When each device received each resolved turn, by turn. */
  received: Map<number, number[]>
  resolved: Map<number, ClassView['turns'][number]>
  errors: string[]
  done: Promise<void>
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  map.set(key, [...(map.get(key) ?? []), value])
}

async function openClassroom(url: string): Promise<Classroom> {
  const response = await fetch(`${url}/api/classes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(SETUP),
  })
  const { code, key, roomId } = (await response.json()) as { code: string; key: string; roomId: string }
  const classroom: Classroom = {
    code,
    devices: [],
    sent: new Map(),
    received: new Map(),
    resolved: new Map(),
    errors: [],
    done: Promise.resolve(),
  }
  let finish!: () => void
  classroom.done = new Promise((resolve) => (finish = resolve))
  const joined: { options: JoinOptions; actor: string | null }[] = [
    { options: { as: 'teacher', code, key }, actor: null },
    ...SETUP.teams.map((team) => ({ options: { as: 'student' as const, code, team: team.name }, actor: team.actor })),
  ]
  for (const { options, actor } of joined) {
    const room = await new Client(url).joinById(roomId, options)
    classroom.devices.push({ room, actor })
    room.reconnection.enabled = false
    let planned = 0
    let seat: SeatView | null = null
    const answered = new Set<string>()
    const seen = new Set<number>()
    room.onLeave((code) => {
      if (code !== 1000 && code !== 4000 && code !== 4001) classroom.errors.push(`${actor ?? 'teacher'} disconnected (${code})`)
    })
    room.onMessage('*', (type, message) => {
      const now = performance.now()
      if (type === 'error') classroom.errors.push(JSON.stringify(message))
      if (type === 'seat') seat = message as SeatView
      if (type !== 'class') return
      const view = message as ClassView
      for (const turn of view.turns) {
        if (seen.has(turn.turn)) continue
        seen.add(turn.turn)
        push(classroom.received, turn.turn, now)
        classroom.resolved.set(turn.turn, turn)
      }
      if (classroom.received.get(TURNS)?.length === classroom.devices.length) finish()
      if (!actor) return
      if (view.phase === 'planning' && view.turn > planned) {
        const turn = (planned = view.turn)
        setTimeout(() => {
          push(classroom.sent, turn, performance.now())
          room.send('plan', { turn, choices: ORDERS[actor], ready: true })
        }, THINK_MS)
      }
      if (view.phase === 'answering' && seat)
        for (const question of seat.questions) {
          if (question.answer !== null || answered.has(`${view.turn}:${question.key}`)) continue
          answered.add(`${view.turn}:${question.key}`)
          push(classroom.sent, view.turn, performance.now())
          room.send('answer', { turn: view.turn, key: question.key, agree: question.proposer === 'CHN' })
        }
    })
  }
  return classroom
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

/** `--url http://host:port` soaks a class server already running (another machine's, or one being profiled). */
const given = process.argv.includes('--url') ? process.argv[process.argv.indexOf('--url') + 1] : undefined
const dataDir = mkdtempSync(join(tmpdir(), 'redlines-soak-'))
const server = given
  ? { url: given, output: () => '(a server this soak did not start)', stop: async () => {} }
  : await startServerProcess(['--port', String(await freePort()), '--data', dataDir])
try {
  const classrooms: Classroom[] = []
  for (let k = 0; k < ROOMS; k++) classrooms.push(await openClassroom(server.url))
  const started = performance.now()
  for (const classroom of classrooms) classroom.devices[0].room.send('start')
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => {
      const state = classrooms.map(
        (classroom) => `${classroom.code}: turns ${[...classroom.resolved.keys()].join(', ')}, errors ${classroom.errors.join('; ')}`,
      )
      reject(new Error(`the soak did not finish in 30 s:\n${state.join('\n')}`))
    }, 30_000).unref(),
  )
  await Promise.race([Promise.all(classrooms.map((classroom) => classroom.done)), timeout])
  const wall = performance.now() - started

  const latencies: number[] = []
  let ordersSent = 0
  let ordersLost = 0
  for (const classroom of classrooms) {
    if (classroom.errors.length > 0) throw new Error(`class ${classroom.code} got errors: ${classroom.errors.join('; ')}`)
    for (let turn = 1; turn <= TURNS; turn++) {
      const resolved = classroom.resolved.get(turn)
      if (!resolved) throw new Error(`class ${classroom.code}: turn ${turn} was not resolved`)
      const planned = SETUP.teams.flatMap((team) => ORDERS[team.actor])
      ordersSent += planned.length
      ordersLost += planned.filter((order) => !resolved.choices.some((choice) => JSON.stringify(choice) === JSON.stringify(order))).length
      if (resolved.passed.length > 0)
        throw new Error(`class ${classroom.code}: turn ${turn} has teams that passed: ${resolved.passed.join(', ')}`)
      latencies.push(Math.max(...classroom.received.get(turn)!) - Math.max(...classroom.sent.get(turn)!))
    }
  }
  if (ordersLost > 0) throw new Error(`${ordersLost} of ${ordersSent} orders were lost`)
  const figures = {
    classroomRooms: ROOMS,
    classroomClients: classrooms.reduce((sum, classroom) => sum + classroom.devices.length, 0),
    classroomTurns: ROOMS * TURNS,
    classroomOrders: ordersSent,
    classroomOrdersLost: ordersLost,
    classroomReportMedianMs: Number(quantile(latencies, 0.5).toFixed(1)),
    classroomReportP95Ms: Number(quantile(latencies, 0.95).toFixed(1)),
    classroomWallS: Number((wall / 1000).toFixed(2)),
  }
  for (const classroom of classrooms) for (const device of classroom.devices) await device.room.leave().catch(() => {})
  if (json) console.log(JSON.stringify(figures))
  else {
    console.log(
      `class server soak: ${figures.classroomRooms} classes, ${figures.classroomClients} connections, ${figures.classroomTurns} turns in ${figures.classroomWallS} s`,
    )
    console.log(`orders: ${figures.classroomOrders} submitted, ${figures.classroomOrdersLost} lost`)
    console.log(
      `last submission to every device holding the turn: median ${figures.classroomReportMedianMs} ms, p95 ${figures.classroomReportP95Ms} ms   target <= 200 ms`,
    )
  }
} catch (error) {
  console.error(`the class server said:\n${server.output()}`)
  throw error
} finally {
  await server.stop('SIGTERM')
  rmSync(dataDir, { recursive: true, force: true })
}
