// startClassServer as a host application (the desktop's "Host a class") uses it: one at a time in a process,
// and close() gives back the port and the class logs, so it can be started again in the same process.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startClassServer } from '../../src/classroom/server.ts'
import { Device, classInfo, createClass } from './support/devices.ts'
import { SETUP } from './support/fixtures.ts'

const folders: string[] = []
function dataDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'redlines-class-lifecycle-'))
  folders.push(folder)
  return folder
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })

describe('startClassServer', () => {
  it('runs one server at a time in a process, and close() releases the port and the logs', async () => {
    const folder = dataDir()
    const first = await startClassServer({ port: 0, dataDir: folder, report: () => {} })
    await expect(startClassServer({ port: 0, dataDir: dataDir() })).rejects.toThrow('already running')
    const { code, roomId } = await createClass(first.url, SETUP)
    const projector = await Device.join(first.url, roomId, { as: 'projector', code })
    await projector.classView(() => true)
    expect(first).toMatchObject({ network: 'loopback', lanAddresses: [], joinBase: first.url })
    await first.close()
    expect(await portIsFree(first.port)).toBe(true)
    expect((await projector.closedWith()).code).toBe(4001)

    const second = await startClassServer({ port: first.port, dataDir: folder, report: () => {} })
    expect(second.restored.restored).toEqual([code])
    expect((await classInfo(second.url, code)).status).toBe(200)
    await second.close()
    await second.close()
    expect(readFileSync(join(folder, `${code}.jsonl`), 'utf8').split('\n')[0]).toContain('"kind":"class"')
  })

  it('says why it cannot listen, and can be started afterwards', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as { port: number }
    await expect(startClassServer({ port, dataDir: dataDir(), report: () => {} })).rejects.toThrow(`cannot listen on 127.0.0.1:${port}`)
    blocker.close()
    const server = await startClassServer({ port: 0, dataDir: dataDir(), report: () => {} })
    await server.close()
  })
})
