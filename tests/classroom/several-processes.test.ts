// Several server processes sharing Colyseus' Redis presence and driver (as a school or district would run
// them): a class created on one process is found, joined and played through the other's address.
import type { ChildProcess } from 'node:child_process'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SeatView } from '../../src/shared/classroom-protocol.ts'
import { Device, classInfo, createClass } from './support/devices.ts'
import { JOINT_PATROL, SETUP, plan } from './support/fixtures.ts'
import type { ServerProcess } from './support/processes.ts'
import { freePort, startServerProcess } from './support/processes.ts'

const hasRedis = spawnSync('redis-server', ['--version']).status === 0
if (!hasRedis)
  console.warn(
    '\n!!! SKIPPED: the several-processes classroom test needs redis-server (apt-get install redis-server; .ci/run installs it) !!!\n',
  )

let redis: ChildProcess | undefined
let processA: ServerProcess | undefined
let processB: ServerProcess | undefined
const folders: string[] = []
const devices: Device[] = []

function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('Ready to accept connections')) resolve(child)
    })
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${out}`)))
  })
}

async function startProcess(redisUrl: string): Promise<ServerProcess> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'redlines-class-process-'))
  folders.push(dataDir)
  return startServerProcess(['--port', String(port), '--data', dataDir, '--redis', redisUrl, '--public-address', `127.0.0.1:${port}`])
}

beforeAll(async () => {
  if (!hasRedis) return
  const redisPort = await freePort()
  redis = await startRedis(redisPort)
  processA = await startProcess(`redis://127.0.0.1:${redisPort}`)
  processB = await startProcess(`redis://127.0.0.1:${redisPort}`)
})

afterAll(async () => {
  for (const device of devices) await device.leave()
  await processA?.stop('SIGTERM')
  await processB?.stop('SIGTERM')
  redis?.kill('SIGTERM')
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

describe.skipIf(!hasRedis)('two server processes on one Redis', () => {
  it('lets a team join and play through one process a class hosted by the other', async () => {
    const a = processA!
    const b = processB!
    const { code, key } = await createClass(a.url, SETUP)
    const found = await classInfo(b.url, code)
    expect(found).toMatchObject({ status: 200, body: { code, teams: ['Dragons', 'Bears', 'Eagles'] } })
    const roomId = String(found.body.roomId)
    const through = async (options: Parameters<typeof Device.join>[2], label: string) => {
      const device = await Device.join(b.url, roomId, options, label)
      devices.push(device)
      return device
    }
    const teacher = await through({ as: 'teacher', code, key }, 'teacher')
    const dragons = await through({ as: 'student', code, team: 'Dragons' }, 'dragons')
    const bears = await through({ as: 'student', code, team: 'Bears' }, 'bears')
    const eagles = await through({ as: 'student', code, team: 'Eagles' }, 'eagles')
    // The room lives in process A: its WebSocket went to A's address.
    expect((dragons.room.connection.transport as unknown as { ws: { url: string } }).ws.url).toContain(`127.0.0.1:${a.port}/`)
    expect(await Device.join(b.url, roomId, { as: 'student', code, team: 'Owls' }).catch((error) => error.code)).toBe(4405)
    teacher.send('start')
    await dragons.classView((view) => view.phase === 'planning')
    dragons.send('plan', plan(1, [JOINT_PATROL]))
    bears.send('plan', plan(1, []))
    eagles.send('plan', plan(1, []))
    for (const device of [dragons, bears, eagles]) {
      const view = await device.classView((each) => each.phase === 'answering' || each.turns.length === 1)
      if (view.phase !== 'answering') continue
      for (const question of device.latest<SeatView>('seat')!.questions)
        device.send('answer', { turn: 1, key: question.key, agree: question.proposer === 'CHN' })
    }
    const played = await eagles.classView((view) => view.turns.length === 1)
    expect(played.turns[0].choices).toEqual([JOINT_PATROL])
    expect(played.turns[0].agreed.some((agreed) => agreed.startsWith('RUS|joint-air-patrol'))).toBe(true)
  })

  it('hosts a class on the process its teacher created it on', async () => {
    const { code } = await createClass(processB!.url, SETUP)
    const found = await classInfo(processA!.url, code)
    const device = await Device.join(processA!.url, String(found.body.roomId), { as: 'projector', code })
    devices.push(device)
    expect((device.room.connection.transport as unknown as { ws: { url: string } }).ws.url).toContain(`127.0.0.1:${processB!.port}/`)
    expect(await device.classView((view) => view.code === code)).toMatchObject({ phase: 'lobby' })
  })
})
