// The preload exposes exactly the Host operations, each on its fixed channel, and nothing else.
import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { HOST_CHANNELS, HOST_EVENTS } from '../../src/shared/channels.ts'

type IpcListener = (event: unknown, ...args: unknown[]) => void

const fake = vi.hoisted(() => {
  const exposed = new Map<string, unknown>()
  const invoke = vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } }))
  const listeners = new Map<string, Set<IpcListener>>()
  const on = vi.fn((channel: string, listener: IpcListener) => {
    listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener))
  })
  const removeListener = vi.fn((channel: string, listener: IpcListener) => {
    listeners.get(channel)?.delete(listener)
  })
  /** What main's webContents.send would deliver: an event object first, then the payload. */
  const send = (channel: string, ...args: unknown[]) => {
    const event = { sender: { send: () => 'the page must never get this' }, ports: [] }
    for (const listener of listeners.get(channel) ?? []) listener(event, ...args)
  }
  return { exposed, invoke, listeners, on, removeListener, send }
})

vi.mock('electron', () => {
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
    ipcRenderer: { invoke: fake.invoke, on: fake.on, removeListener: fake.removeListener },
  }
  return { ...electron, default: electron }
})

async function exposedHost() {
  await import('../../src/preload/index.ts')
  return fake.exposed.get('redLinesHost') as Record<string, unknown> & {
    onScenariosChanged(listener: (...args: unknown[]) => void): () => void
  }
}

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
        'keepRules',
        'listSaves',
        'listScenarios',
        'onScenariosChanged',
        'openUserScenarioFolder',
        'readRules',
        'readSave',
        'readScenario',
        'readSettings',
        'userScenarioFolder',
        'writeSave',
        'writeSettings',
        'hostClass',
        'stopHostingClass',
      ].sort(),
    )
    // Every member but the two that are not requests has an invoke channel of its own name.
    expect(
      Object.keys(host)
        .filter((key) => key !== 'edition' && key !== 'onScenariosChanged')
        .sort(),
    ).toEqual(Object.keys(HOST_CHANNELS).sort())
    const call = async (name: string, ...args: unknown[]) => (host[name] as (...a: unknown[]) => Promise<unknown>)(...args)
    expect(await call('listScenarios')).toEqual({ ok: true, value: { channel: 'host:listScenarios', args: [] } })
    expect(await call('readScenario', 'user', 'mine')).toEqual({
      ok: true,
      value: { channel: 'host:readScenario', args: ['user', 'mine'] },
    })
    expect(await call('writeSave', 'autosave', 'x')).toEqual({ ok: true, value: { channel: 'host:writeSave', args: ['autosave', 'x'] } })
    expect(await call('exportFile', 'a.csv', 'x')).toEqual({ ok: true, value: { channel: 'host:exportFile', args: ['a.csv', 'x'] } })
    expect(await call('userScenarioFolder')).toEqual({ ok: true, value: { channel: 'host:userScenarioFolder', args: [] } })
    expect(await call('openUserScenarioFolder')).toEqual({ ok: true, value: { channel: 'host:openUserScenarioFolder', args: [] } })
    expect(await call('keepRules', 'h', 't')).toEqual({ ok: true, value: { channel: 'host:keepRules', args: ['h', 't'] } })
    expect(await call('readRules', 'h')).toEqual({ ok: true, value: { channel: 'host:readRules', args: ['h'] } })
    for (const value of Object.values(host)) expect(value).not.toBe(fake.invoke)
  })

  it('a rejected invoke becomes an unavailable result, never a throw', async () => {
    await import('../../src/preload/index.ts')
    const host = fake.exposed.get('redLinesHost') as { listSaves(): Promise<unknown> }
    fake.invoke.mockRejectedValueOnce(new Error("Error invoking remote method 'host:listSaves': /home/x"))
    expect(await host.listSaves()).toEqual({ ok: false, code: 'unavailable', message: expect.not.stringContaining('/home') })
  })

  it('onScenariosChanged hands the listener only a sanitised copy of the folders, never the event', async () => {
    const host = await exposedHost()
    const heard: unknown[][] = []
    const stop = host.onScenariosChanged((...args: unknown[]) => heard.push(args))
    expect(fake.on).toHaveBeenCalledWith(HOST_EVENTS.scenariosChanged, expect.any(Function))

    const sent = ['alpha', 'Pin Pricks (2021)']
    fake.send(HOST_EVENTS.scenariosChanged, sent)
    expect(heard).toEqual([[['alpha', 'Pin Pricks (2021)']]])
    expect(heard[0][0]).not.toBe(sent)

    heard.length = 0
    const bad: unknown[] = [
      undefined,
      null,
      'alpha',
      { 0: 'alpha', length: 1 },
      ['alpha', 42],
      ['x'.repeat(65)],
      Array.from({ length: 257 }, (_, n) => `f${n}`),
      [{ toString: () => 'alpha' }],
    ]
    for (const payload of bad) fake.send(HOST_EVENTS.scenariosChanged, payload)
    expect(heard).toEqual(bad.map(() => [[]]))

    heard.length = 0
    fake.send(HOST_EVENTS.scenariosChanged, ['x'.repeat(64), ...Array.from({ length: 255 }, (_, n) => `f${n}`)])
    expect((heard[0][0] as string[]).length).toBe(256)

    heard.length = 0
    stop()
    expect(fake.removeListener).toHaveBeenCalledWith(HOST_EVENTS.scenariosChanged, fake.on.mock.calls.at(-1)![1])
    fake.send(HOST_EVENTS.scenariosChanged, ['alpha'])
    expect(heard).toEqual([])
    expect(fake.listeners.get(HOST_EVENTS.scenariosChanged)?.size).toBe(0)
  })

  it('each subscription is its own: stopping one leaves the other listening', async () => {
    const host = await exposedHost()
    const first = vi.fn()
    const second = vi.fn()
    const stopFirst = host.onScenariosChanged(first)
    const stopSecond = host.onScenariosChanged(second)
    stopFirst()
    fake.send(HOST_EVENTS.scenariosChanged, ['beta'])
    expect(first).not.toHaveBeenCalled()
    expect(second).toHaveBeenCalledWith(['beta'])
    stopSecond()
    stopSecond()
    expect(fake.listeners.get(HOST_EVENTS.scenariosChanged)?.size).toBe(0)
    expect(typeof host.onScenariosChanged('not a function' as never)).toBe('function')
  })

  it('the source uses no raw ipcRenderer exposure, listens only to the one event, no process.env', () => {
    const source = readFileSync('src/preload/index.ts', 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n')
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/)
    expect(source).not.toMatch(/ipcRenderer\.(once|send|sendSync|sendToHost|postMessage|addListener|removeAllListeners)\b/)
    expect(source.match(/ipcRenderer\.on\([^)]*/g)).toEqual(['ipcRenderer.on(HOST_EVENTS.scenariosChanged, handler'])
    expect(source).not.toMatch(/process\.env/)
    expect(source).not.toMatch(/@electron-toolkit/)
  })
})
