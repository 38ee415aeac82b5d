// The desktop's "Host a class" without Electron: the class server started and stopped from the main process,
// its logs under the user data folder.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ClassServer, ClassServerOptions } from '../../src/classroom/server.ts'
import { DEFAULT_WEB_ROOT } from '../../src/classroom/server.ts'
import { DEFAULT_SCENARIOS_DIR } from '../../src/classroom/shipped-scenarios.ts'
import { ClassHost } from '../../src/main/class-host.ts'
import { createClass } from './support/devices.ts'
import { SETUP } from './support/fixtures.ts'

const userData = mkdtempSync(join(tmpdir(), 'redlines-user-data-'))
afterAll(() => rmSync(userData, { recursive: true, force: true }))
const paths = { userData, scenariosDir: DEFAULT_SCENARIOS_DIR, webRoot: DEFAULT_WEB_ROOT }

function fakeServers() {
  const started: ClassServerOptions[] = []
  let closed = 0
  const start = async (options: ClassServerOptions): Promise<ClassServer> => {
    started.push(options)
    const port = 4000 + started.length
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      network: options.host === '0.0.0.0' ? 'lan' : 'loopback',
      lanAddresses: [],
      joinBase: `http://127.0.0.1:${port}`,
      restored: { restored: [], dropped: [], finished: [], unavailable: [] },
      close: async () => void (closed += 1),
    }
  }
  return { start, started, closed: () => closed }
}

describe('ClassHost', () => {
  it('keeps one server: the same request gives the running one, another network restarts it, stop closes it', async () => {
    const fake = fakeServers()
    const host = new ClassHost(paths, fake.start)
    const first = await host.host({ lan: false })
    expect(first).toMatchObject({ teacherUrl: 'http://127.0.0.1:4001/?teach', network: 'loopback', dataDir: join(userData, 'classes') })
    expect(fake.started[0]).toMatchObject({
      port: 2567,
      host: '127.0.0.1',
      dataDir: join(userData, 'classes'),
      scenariosDir: DEFAULT_SCENARIOS_DIR,
    })
    expect(await host.host({ lan: false })).toBe(first)
    const lan = await host.host({ lan: true })
    expect(lan.network).toBe('lan')
    expect(fake.started.map((options) => options.host)).toEqual(['127.0.0.1', '0.0.0.0'])
    expect(fake.closed()).toBe(1)
    await host.stop()
    expect(fake.closed()).toBe(2)
    expect(host.status()).toBeNull()
  })

  it('hosts a real class server whose logs go under the user data folder, and stops it', async () => {
    const host = new ClassHost(paths)
    const hosted = await host.host({ lan: false, port: 0 })
    expect(hosted.network).toBe('loopback')
    const { code } = await createClass(hosted.teacherUrl.replace('/?teach', ''), SETUP)
    expect(existsSync(join(userData, 'classes', `${code}.jsonl`))).toBe(true)
    await host.stop()
    await expect(fetch(`http://127.0.0.1:${hosted.port}/api/classes/${code}`)).rejects.toThrow()
  })
})
