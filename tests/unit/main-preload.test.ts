// The preload exposes exactly the Host operations, each on its fixed channel, and nothing else.
import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'

const fake = vi.hoisted(() => {
  const exposed = new Map<string, unknown>()
  const invoke = vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } }))
  return { exposed, invoke }
})

vi.mock('electron', () => {
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
    ipcRenderer: { invoke: fake.invoke },
  }
  return { ...electron, default: electron }
})

describe('the preload bridge', () => {
  it('exposes redLinesHost with the edition and one function per Host operation, each on its own channel', async () => {
    await import('../../src/preload/index.ts')
    expect([...fake.exposed.keys()]).toEqual(['redLinesHost'])
    const host = fake.exposed.get('redLinesHost') as Record<string, unknown>
    expect(host.edition).toBe('desktop')
    expect(Object.keys(host).sort()).toEqual(
      [
        'deleteSave',
        'edition',
        'exportFile',
        'listSaves',
        'listScenarios',
        'readSave',
        'readScenario',
        'readSettings',
        'writeSave',
        'writeSettings',
      ].sort(),
    )
    const call = async (name: string, ...args: unknown[]) => (host[name] as (...a: unknown[]) => Promise<unknown>)(...args)
    expect(await call('listScenarios')).toEqual({ ok: true, value: { channel: 'host:listScenarios', args: [] } })
    expect(await call('readScenario', 'user', 'mine')).toEqual({
      ok: true,
      value: { channel: 'host:readScenario', args: ['user', 'mine'] },
    })
    expect(await call('writeSave', 'autosave', 'x')).toEqual({ ok: true, value: { channel: 'host:writeSave', args: ['autosave', 'x'] } })
    expect(await call('exportFile', 'a.csv', 'x')).toEqual({ ok: true, value: { channel: 'host:exportFile', args: ['a.csv', 'x'] } })
    for (const value of Object.values(host)) expect(value).not.toBe(fake.invoke)
  })

  it('a rejected invoke becomes an unavailable result, never a throw', async () => {
    await import('../../src/preload/index.ts')
    const host = fake.exposed.get('redLinesHost') as { listSaves(): Promise<unknown> }
    fake.invoke.mockRejectedValueOnce(new Error("Error invoking remote method 'host:listSaves': /home/x"))
    expect(await host.listSaves()).toEqual({ ok: false, code: 'unavailable', message: expect.not.stringContaining('/home') })
  })

  it('the source uses no raw ipcRenderer exposure, no events, no process.env', () => {
    const source = readFileSync('src/preload/index.ts', 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n')
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/)
    expect(source).not.toMatch(/ipcRenderer\.(on|once|send|sendSync|postMessage)\b/)
    expect(source).not.toMatch(/process\.env/)
    expect(source).not.toMatch(/@electron-toolkit/)
  })
})
