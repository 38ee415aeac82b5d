// The IPC guard and the registered Host channels: only our main frame on app://bundle gets through, arguments
// are bounded and checked before any handler runs, and every failure is { ok: false, code } without paths.
import fc from 'fast-check'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Host, HostResult, ScenarioRead } from '../../src/shared/host.ts'
import { MAX_KEPT_RULES_CHARS, MAX_SAVE_BYTES } from '../../src/shared/host.ts'
import { isAppUrl } from '../../src/main/app-url.ts'
import { HOST_CHANNELS, HOST_EVENTS } from '../../src/shared/channels.ts'
import { ClassHost } from '../../src/main/class-host.ts'
import { classHostingService } from '../../src/main/class-hosting.ts'
import type { startClassServer } from '../../src/classroom/server.ts'
import type { HostOperation } from '../../src/shared/channels.ts'
import { createDurableWriter } from '../../src/main/durable-write.ts'
import { exportFile, safeExportName } from '../../src/main/export-file.ts'
import type { SaveDialogRequest } from '../../src/main/export-file.ts'
import type { FrameLike, GuardedHandler } from '../../src/main/ipc-guard.ts'
import { GUARD_LIMITS, guardHandler, isTrustedSender, measureArgs } from '../../src/main/ipc-guard.ts'
import { CHANNEL_SPECS, registerHostHandlers } from '../../src/main/ipc.ts'
import { userDataLayout } from '../../src/main/paths.ts'
import { createRulesStore } from '../../src/main/rules-store.ts'
import { createSaveStore } from '../../src/main/save-store.ts'
import { createScenarioStore } from '../../src/main/scenario-store.ts'

const mainFrame: FrameLike = { url: 'app://bundle/index.html', parent: null, detached: false, processId: 4, routingId: 1 }
const context = { mainFrame: () => mainFrame }
const event = (senderFrame: FrameLike | null) => ({ senderFrame })

function spyHandler() {
  return vi.fn(async (..._args: unknown[]): Promise<HostResult<unknown>> => ({ ok: true, value: 'ran' }))
}

const slotSpec = CHANNEL_SPECS.writeSave

// Every Host member is an invoke channel except these two: the edition is a constant of the preload, and
// onScenariosChanged listens to an event main sends. Checked by the compiler (tsc -p src/main).
type NonInvokeMember = 'edition' | 'onScenariosChanged'
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const everyRequestHasAChannel: Same<HostOperation, Exclude<keyof Host, NonInvokeMember>> = true

describe('the sender', () => {
  const foreign: [string, FrameLike | null][] = [
    ['a null frame', null],
    ['a detached frame', { ...mainFrame, detached: true }],
    ['a subframe', { ...mainFrame, routingId: 2, parent: mainFrame }],
    ['another frame on our URL', { ...mainFrame, processId: 9, routingId: 7 }],
    ['a frame with no ids', { url: 'app://bundle/index.html', parent: null }],
    ['file://', { ...mainFrame, url: 'file:///work/main/out/renderer/index.html' }],
    ['https', { ...mainFrame, url: 'https://evil.example/' }],
    ['http on localhost', { ...mainFrame, url: 'http://127.0.0.1:5173/' }],
    ['another app host', { ...mainFrame, url: 'app://bundle.evil/index.html' }],
    ['credentials before the host', { ...mainFrame, url: 'app://evil@bundle/index.html' }],
    ['a port', { ...mainFrame, url: 'app://bundle:8080/index.html' }],
    ['upper-case host (kept as is for custom schemes)', { ...mainFrame, url: 'app://BUNDLE/index.html' }],
    ['data:', { ...mainFrame, url: 'data:text/html,<p>x</p>' }],
    ['about:blank', { ...mainFrame, url: 'about:blank' }],
  ]

  it.each(foreign)('%s is forbidden and the handler never runs', async (_name, frame) => {
    const handler = spyHandler()
    const guarded = guardHandler('host:writeSave', slotSpec, context, handler)
    expect(await guarded(event(frame), 'slot', 'text')).toEqual({ ok: false, code: 'forbidden', message: expect.any(String) })
    expect(handler).not.toHaveBeenCalled()
  })

  it('nothing is trusted while there is no main window', async () => {
    const handler = spyHandler()
    const guarded = guardHandler('host:writeSave', slotSpec, { mainFrame: () => null }, handler)
    expect(await guarded(event(mainFrame), 'slot', 'text')).toMatchObject({ ok: false, code: 'forbidden' })
    expect(handler).not.toHaveBeenCalled()
  })

  it('our main frame, or a fresh wrapper of it (same process and routing ids), passes', async () => {
    expect(isTrustedSender(mainFrame, mainFrame)).toBe(true)
    expect(isTrustedSender({ ...mainFrame }, mainFrame)).toBe(true)
    expect(isTrustedSender({ ...mainFrame, url: 'app://bundle/other.html?x#y' }, mainFrame)).toBe(true)
  })

  it('isAppUrl compares protocol and host, never origin', () => {
    expect(new URL('app://bundle/x').origin).toBe('null')
    expect(isAppUrl('app://bundle/')).toBe(true)
    for (const url of ['app:bundle', 'app:/bundle/x', 'app://bundle.evil/', 'https://bundle/', 'null', '', 'app://', 'javascript:1'])
      expect(isAppUrl(url), url).toBe(false)
  })
})

describe('the arguments', () => {
  const cases: [string, unknown[], string][] = [
    ['a number for the slot', [42, 'text'], 'invalid-argument'],
    ['an object for the text', ['slot', { text: 'x' }], 'invalid-argument'],
    ['an array for the slot', [['slot'], 'text'], 'invalid-argument'],
    ['a bad slot id', ['../etc', 'text'], 'invalid-argument'],
    ['one argument too many', ['slot', 'text', 'extra'], 'invalid-argument'],
    ['one argument too few', ['slot'], 'invalid-argument'],
    ['far too many arguments', Array.from({ length: 50 }, () => 'x'), 'invalid-argument'],
    ['an oversized text', ['slot', 'x'.repeat(MAX_SAVE_BYTES + 1)], 'too-large'],
    ['an oversized slot', ['x'.repeat(41), 'text'], 'too-large'],
    ['a function-like value', ['slot', Symbol('x')], 'invalid-argument'],
    ['a bigint', ['slot', 10n], 'invalid-argument'],
  ]

  it.each(cases)('%s is refused before the handler runs', async (_name, args, code) => {
    const handler = spyHandler()
    const guarded = guardHandler('host:writeSave', slotSpec, context, handler)
    expect(await guarded(event(mainFrame), ...args)).toEqual({ ok: false, code, message: expect.any(String) })
    expect(handler).not.toHaveBeenCalled()
  })

  it('deep nesting is refused without recursion, even 100,000 levels deep', async () => {
    let deep: unknown = 'leaf'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(measureArgs([deep])).toEqual({ ok: false, code: 'invalid-argument' })
    let shallowEnough: unknown = 'leaf'
    for (let i = 1; i < GUARD_LIMITS.maxDepth; i++) shallowEnough = { a: shallowEnough }
    expect(measureArgs([shallowEnough])).toEqual({ ok: true })
    const handler = spyHandler()
    const guarded = guardHandler('host:writeSave', slotSpec, context, handler)
    expect(await guarded(event(mainFrame), 'slot', deep)).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(handler).not.toHaveBeenCalled()
  })

  it('a huge total size or node count is refused as too-large', () => {
    expect(measureArgs([Array.from({ length: GUARD_LIMITS.maxNodes + 1 }, () => 0)])).toEqual({ ok: false, code: 'too-large' })
    const big = 'x'.repeat(GUARD_LIMITS.maxTotalChars / 2 + 1)
    expect(measureArgs([big, big])).toEqual({ ok: false, code: 'too-large' })
  })

  it('a valid call reaches the handler with its arguments and returns its result', async () => {
    const handler = spyHandler()
    const guarded = guardHandler('host:writeSave', slotSpec, context, handler)
    expect(await guarded(event(mainFrame), 'autosave', '{"x":1}')).toEqual({ ok: true, value: 'ran' })
    expect(handler).toHaveBeenCalledWith('autosave', '{"x":1}')
  })

  it('an enum argument accepts only its values', async () => {
    const handler = spyHandler()
    const guarded = guardHandler('host:readScenario', CHANNEL_SPECS.readScenario, context, handler)
    expect(await guarded(event(mainFrame), 'user', 'mine')).toMatchObject({ ok: true })
    expect(await guarded(event(mainFrame), 'system', 'mine')).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(await guarded(event(mainFrame), 'user', '../mine')).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('kept rules of the largest size pass the guard, one character more is too large', async () => {
    const hash = 'c'.repeat(64)
    expect(MAX_KEPT_RULES_CHARS + 64).toBeLessThanOrEqual(GUARD_LIMITS.maxTotalChars)
    const handler = spyHandler()
    const guarded = guardHandler('host:keepRules', CHANNEL_SPECS.keepRules, context, handler)
    const largest = 'r'.repeat(MAX_KEPT_RULES_CHARS)
    expect(await guarded(event(mainFrame), hash, largest)).toEqual({ ok: true, value: 'ran' })
    expect(await guarded(event(mainFrame), hash, `${largest}r`)).toMatchObject({ ok: false, code: 'too-large' })
    expect(await guarded(event(mainFrame), hash.toUpperCase(), 'x')).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(await guarded(event(mainFrame), hash)).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('every Host member but the edition and onScenariosChanged is an invoke channel; the event is not one', () => {
    expect(everyRequestHasAChannel).toBe(true)
    expect(Object.keys(CHANNEL_SPECS).sort()).toEqual(Object.keys(HOST_CHANNELS).sort())
    expect(Object.values(HOST_CHANNELS)).not.toContain(HOST_EVENTS.scenariosChanged)
    expect(CHANNEL_SPECS.openUserScenarioFolder.args).toEqual([])
    expect(CHANNEL_SPECS.userScenarioFolder.args).toEqual([])
  })

  it('any value at all never throws out of the guard and never reaches a handler unless it fits the spec', async () => {
    const handler = spyHandler()
    const guarded = guardHandler('host:writeSave', slotSpec, context, handler)
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.anything({ maxDepth: 12, withBigInt: true, withTypedArray: true, withMap: true }), { maxLength: 5 }),
        async (args) => {
          handler.mockClear()
          const result = await guarded(event(mainFrame), ...args)
          const fits =
            args.length === 2 && typeof args[0] === 'string' && /^[a-z0-9][a-z0-9-]{0,39}$/.test(args[0]) && typeof args[1] === 'string'
          expect(result.ok).toBe(fits)
          expect(handler).toHaveBeenCalledTimes(fits ? 1 : 0)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('failures inside a handler', () => {
  it('a thrown error with a path and a stack comes back as a bare code; the log gets the detail', async () => {
    const log = vi.fn()
    const guarded = guardHandler('host:readSave', CHANNEL_SPECS.readSave, { ...context, log }, async () => {
      throw Object.assign(new Error("EACCES: permission denied, open '/home/pupil/.config/red-lines/saves/a.json'"), { code: 'EACCES' })
    })
    const result = await guarded(event(mainFrame), 'a')
    expect(result).toEqual({ ok: false, code: 'io-error', message: 'Something went wrong in the desktop app.' })
    expect(JSON.stringify(result)).not.toMatch(/\/home|EACCES|at |\.json/)
    expect(log).toHaveBeenCalledWith('host:readSave', expect.any(Error))
  })

  it('a handler returning something that is not a HostResult is treated as a failure', async () => {
    const guarded = guardHandler(
      'host:listSaves',
      CHANNEL_SPECS.listSaves,
      context,
      async () => '/secret/path' as unknown as HostResult<unknown>,
    )
    expect(await guarded(event(mainFrame))).toMatchObject({ ok: false, code: 'io-error' })
  })
})

/** A class server that is only its addresses (the real one is tested in tests/classroom). */
function fakeClassServer(lan: boolean): Awaited<ReturnType<typeof startClassServer>> {
  const url = 'http://127.0.0.1:2567'
  return {
    url,
    port: 2567,
    network: lan ? 'lan' : 'loopback',
    joinBase: lan ? 'http://192.168.1.20:2567/' : `${url}/`,
    lanAddresses: lan ? ['192.168.1.20'] : [],
    close: async () => undefined,
  } as unknown as Awaited<ReturnType<typeof startClassServer>>
}

describe('the registered Host channels, end to end on real files', () => {
  let dir: string
  let handlers: Map<string, GuardedHandler>
  let dialogAnswer: { canceled: boolean; filePath?: string }
  let dialogRequests: SaveDialogRequest[]
  let opened: string[]
  let started: string[]
  let browsed: string[]

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rl-ipc-'))
    const layout = userDataLayout(join(dir, 'userData'))
    const writer = createDurableWriter()
    handlers = new Map()
    dialogRequests = []
    dialogAnswer = { canceled: true }
    opened = []
    started = []
    browsed = []
    const registered = registerHostHandlers(
      { handle: (channel, listener) => handlers.set(channel, listener) },
      {
        saves: createSaveStore({ layout, writer }),
        scenarios: createScenarioStore({ shippedDir: 'scenarios', userDir: layout.scenariosDir }),
        rules: createRulesStore({ rulesDir: layout.rulesDir, writer }),
        userScenarioDir: layout.scenariosDir,
        openPath: async (path) => {
          opened.push(path)
          return ''
        },
        exportFile: (name, text) =>
          exportFile(
            {
              exportsDir: layout.exportsDir,
              writer,
              showSaveDialog: async (request) => {
                dialogRequests.push(request)
                return dialogAnswer
              },
            },
            name,
            text,
          ),
        classes: classHostingService(
          new ClassHost({ userData: join(dir, 'userData'), scenariosDir: 'scenarios', webRoot: 'out/web' }, async (options) => {
            started.push(options.host ?? '')
            if (options.port === -1) throw new Error('never')
            return fakeClassServer(options.host === '0.0.0.0')
          }),
          async (url) => void browsed.push(url),
        ),
      },
      context,
    )
    expect(registered).toEqual(Object.values(HOST_CHANNELS))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const invoke = (channel: string, ...args: unknown[]) => handlers.get(channel)!(event(mainFrame), ...args)

  it('registers exactly one handler per Host operation on host:* channels', () => {
    expect([...handlers.keys()]).toEqual([
      'host:listScenarios',
      'host:readScenario',
      'host:userScenarioFolder',
      'host:openUserScenarioFolder',
      'host:keepRules',
      'host:readRules',
      'host:listSaves',
      'host:writeSave',
      'host:readSave',
      'host:deleteSave',
      'host:exportFile',
      'host:readSettings',
      'host:writeSettings',
      'host:hostClass',
      'host:stopHostingClass',
    ])
  })

  it('hosts a class on this computer or the local network, opens the teacher’s console, and stops', async () => {
    const hosted = (await invoke('host:hostClass', 'loopback')) as HostResult<{ teacherUrl: string; network: string }>
    expect(hosted).toEqual({
      ok: true,
      value: { teacherUrl: 'http://127.0.0.1:2567/?teach', joinBase: 'http://127.0.0.1:2567/', network: 'loopback', lanAddresses: [] },
    })
    expect(browsed).toEqual(['http://127.0.0.1:2567/?teach'])
    expect(await invoke('host:hostClass', 'loopback')).toMatchObject({ ok: true })
    expect(started).toEqual(['127.0.0.1'])
    expect(await invoke('host:hostClass', 'lan')).toMatchObject({ ok: true, value: { network: 'lan', lanAddresses: ['192.168.1.20'] } })
    expect(started).toEqual(['127.0.0.1', '0.0.0.0'])
    expect(await invoke('host:hostClass', 'internet')).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(await invoke('host:stopHostingClass')).toEqual({ ok: true, value: null })
  })

  it('saves, lists, reads, deletes and keeps settings through the guarded channels', async () => {
    expect(await invoke('host:writeSave', 'autosave', 'one')).toEqual({ ok: true, value: null })
    expect(await invoke('host:writeSave', 'autosave', 'two')).toEqual({ ok: true, value: null })
    expect(await invoke('host:readSave', 'autosave')).toEqual({
      ok: true,
      value: [
        { generation: 0, text: 'two' },
        { generation: 1, text: 'one' },
      ],
    })
    expect(await invoke('host:listSaves')).toMatchObject({ ok: true, value: [{ slot: 'autosave', bytes: 3 }] })
    expect(await invoke('host:deleteSave', 'autosave')).toEqual({ ok: true, value: null })
    expect(await invoke('host:listSaves')).toEqual({ ok: true, value: [] })
    expect(await invoke('host:writeSettings', '{"a":1}')).toEqual({ ok: true, value: null })
    expect(await invoke('host:readSettings')).toEqual({ ok: true, value: '{"a":1}' })
  })

  it('lists and reads the shipped scenario', async () => {
    const listed = (await invoke('host:listScenarios')) as HostResult<{ folder: string }[]>
    expect(listed.ok && listed.value.map((s) => s.folder)).toContain('pin-pricks-2021')
    const read = (await invoke('host:readScenario', 'shipped', 'pin-pricks-2021')) as HostResult<ScenarioRead>
    expect(read.ok && Object.keys(read.value.files)).toContain('scenario.json')
    expect(read.ok && read.value.skipped).toEqual([])
  })

  it('tells where the user scenario folder is and opens only that folder, taking no argument', async () => {
    const folder = join(dir, 'userData', 'scenarios')
    expect(await invoke('host:userScenarioFolder')).toEqual({ ok: true, value: { location: folder, canOpen: true } })
    expect(await invoke('host:openUserScenarioFolder')).toEqual({ ok: true, value: null })
    expect(await invoke('host:openUserScenarioFolder', '/etc')).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(await invoke('host:userScenarioFolder', 'x')).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(opened).toEqual([folder])
  })

  it('keeps and reads rules under their hash; a bad hash never reaches the store', async () => {
    const hash = 'ab'.repeat(32)
    expect(await invoke('host:readRules', hash)).toMatchObject({ ok: false, code: 'not-found' })
    expect(await invoke('host:keepRules', hash, '{"rules":1}')).toEqual({ ok: true, value: null })
    expect(await invoke('host:readRules', hash)).toEqual({ ok: true, value: '{"rules":1}' })
    for (const bad of ['AB'.repeat(32), 'ab'.repeat(31), '../'.repeat(20) + 'abcd', `${hash}.json`, '', 42, null])
      for (const [channel, args] of [
        ['host:keepRules', [bad, 'x']],
        ['host:readRules', [bad]],
      ] as const)
        expect(await invoke(channel, ...args), `${channel} ${String(bad)}`).toMatchObject({
          ok: false,
          code: typeof bad === 'string' && bad.length > 64 ? 'too-large' : 'invalid-argument',
        })
    expect(await readFile(join(dir, 'userData', 'rules', `${hash}.json`), 'utf8')).toBe('{"rules":1}')
  })

  it('exports through the save dialog, defaulting to the exports folder with a cleaned-up name', async () => {
    expect(await invoke('host:exportFile', 'report.csv', 'a,b')).toMatchObject({ ok: false, code: 'cancelled' })
    expect(dialogRequests[0].defaultPath).toBe(join(dir, 'userData', 'exports', 'report.csv'))
    expect(dialogRequests[0].filters?.[0]).toEqual({ name: 'CSV files', extensions: ['csv'] })

    dialogAnswer = { canceled: false, filePath: join(dir, 'chosen.csv') }
    expect(await invoke('host:exportFile', '../../etc/passwd', 'a,b\n1,2')).toEqual({ ok: true, value: null })
    expect(dialogRequests[1].defaultPath).toBe(join(dir, 'userData', 'exports', '-..-etc-passwd'))
    expect(await readFile(join(dir, 'chosen.csv'), 'utf8')).toBe('a,b\n1,2')
  })

  it('a foreign sender gets forbidden on every channel', async () => {
    for (const [channel, handler] of handlers) {
      expect(await handler(event({ ...mainFrame, url: 'https://evil.example/' }), 'autosave', 'x'), channel).toMatchObject({
        ok: false,
        code: 'forbidden',
      })
    }
  })
})

describe('export names', () => {
  it.each([
    ['report.csv', 'report.csv'],
    ['../../x.csv', '-..-x.csv'],
    ['C:\\Windows\\x.txt', 'C--Windows-x.txt'],
    ['  .hidden  ', 'hidden'],
    ['', 'red-lines-export.txt'],
    ['...', 'red-lines-export.txt'],
    ['CON.txt', '_CON.txt'],
    ['a\u0000b\nc', 'a-b-c'],
  ])('%j becomes %j', (input, output) => {
    expect(safeExportName(input)).toBe(output)
  })
})
