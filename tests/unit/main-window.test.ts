// The window factory and the entry's wiring, with only the electron module replaced by a recording fake.
import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

type Listener = (...args: any[]) => unknown

const fake = vi.hoisted(() => {
  class FakeWebContents {
    listeners = new Map<string, Listener[]>()
    windowOpenHandler: Listener | null = null
    mainFrame = { url: 'app://bundle/index.html', parent: null, detached: false, processId: 3, routingId: 1 }
    sent: [string, ...unknown[]][] = []
    send(channel: string, ...args: unknown[]) {
      this.sent.push([channel, ...args])
    }
    isDestroyed() {
      return false
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
      return this
    }
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) listener(...args)
    }
  }
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = []
    static getAllWindows = () => FakeBrowserWindow.created
    webContents = new FakeWebContents()
    loadURL = vi.fn(async (_url: string) => undefined)
    show = vi.fn()
    constructor(public options: Record<string, any>) {
      FakeBrowserWindow.created.push(this)
    }
    once(_event: string, _listener: Listener) {
      return this
    }
    on(_event: string, _listener: Listener) {
      return this
    }
    isDestroyed() {
      return false
    }
  }
  const calls: string[] = []
  let ready!: () => void
  const session = {
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    devicePermission: null as Listener | null,
    beforeRequest: null as Listener | null,
    setPermissionRequestHandler(h: Listener) {
      this.permissionRequest = h
    },
    setPermissionCheckHandler(h: Listener) {
      this.permissionCheck = h
    },
    setDevicePermissionHandler(h: Listener) {
      this.devicePermission = h
    },
    webRequest: {
      onBeforeRequest(h: Listener) {
        session.beforeRequest = h
      },
    },
  }
  const userData = { path: '' }
  const electron = {
    BrowserWindow: FakeBrowserWindow,
    session: { defaultSession: session },
    app: {
      isPackaged: false,
      enableSandbox: vi.fn(() => calls.push('enableSandbox')),
      setPath: vi.fn((_name: string, path: string) => {
        userData.path = path
      }),
      getPath: vi.fn((name: string) => (name === 'appData' ? '/home/pupil/.config' : userData.path)),
      setName: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => true),
      on: vi.fn(),
      quit: vi.fn(),
      isReady: () => true,
      whenReady: vi.fn(
        () =>
          new Promise<void>((resolve) => {
            ready = () => {
              calls.push('ready')
              resolve()
            }
          }),
      ),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(() => calls.push('protocol.handle')),
    },
    ipcMain: { handle: vi.fn() },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ builtFrom: template })),
      setApplicationMenu: vi.fn(),
    },
    dialog: { showSaveDialog: vi.fn(async () => ({ canceled: true })) },
    shell: { openPath: vi.fn(async (_path: string) => '') },
  }
  return { electron, FakeBrowserWindow, calls, session, ready: () => ready() }
})

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }))

beforeEach(() => {
  fake.FakeBrowserWindow.created.length = 0
})

describe('the window factory', () => {
  it('sets every hardening option and loads app://bundle/index.html, never a file', async () => {
    const { createMainWindow } = await import('../../src/main/window.ts')
    createMainWindow({ preloadFile: '/app/out/preload/index.cjs' })
    const [window] = fake.FakeBrowserWindow.created
    expect(window.options.webPreferences).toStrictEqual({
      preload: '/app/out/preload/index.cjs',
      devTools: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    })
    expect(window.options.show).toBe(false)
    expect(window.loadURL).toHaveBeenCalledWith('app://bundle/index.html')
    expect(window).not.toHaveProperty('loadFile')
  })

  it('has developer tools only when asked (development), never by default', async () => {
    const { createMainWindow } = await import('../../src/main/window.ts')
    createMainWindow({ preloadFile: '/p.cjs', devTools: true })
    createMainWindow({ preloadFile: '/p.cjs' })
    const [development, packaged] = fake.FakeBrowserWindow.created
    expect(development.options.webPreferences.devTools).toBe(true)
    expect(packaged.options.webPreferences.devTools).toBe(false)
    expect(readFileSync(join('src', 'main', 'index.ts'), 'utf8')).toMatch(/createMainWindow\(\{[^}]*devTools: !app\.isPackaged/)
  })

  it('new BrowserWindow appears only in the window factory', () => {
    const offenders = readdirSync('src', { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((file) => /new (BrowserWindow|WebContentsView|BrowserView)\(/.test(readFileSync(file, 'utf8')))
    expect(offenders).toEqual([join('src', 'main', 'window.ts')])
  })

  it('prevents navigation, redirects and webviews, and denies new windows', async () => {
    const { createMainWindow } = await import('../../src/main/window.ts')
    createMainWindow({ preloadFile: '/p.cjs' })
    const contents = fake.FakeBrowserWindow.created[0].webContents
    for (const [event, url] of [
      ['will-navigate', 'https://evil.example/'],
      ['will-navigate', 'app://bundle/index.html'],
      ['will-frame-navigate', 'file:///etc/passwd'],
      ['will-redirect', 'https://evil.example/'],
      ['will-attach-webview', 'app://bundle/x'],
    ]) {
      const preventDefault = vi.fn()
      contents.emit(event, { preventDefault, url }, url)
      expect(preventDefault, `${event} ${url}`).toHaveBeenCalled()
    }
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: 'app://bundle/index.html' })).toEqual({ action: 'deny' })
  })

  it('denies every permission request and check, and cancels network requests', async () => {
    const { hardenSession } = await import('../../src/main/window.ts')
    hardenSession(fake.session as never)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn()
      fake.session.permissionRequest?.({}, permission, callback, {})
      expect(callback, permission).toHaveBeenCalledWith(false)
      expect(fake.session.permissionCheck?.({}, permission, 'app://bundle', {}), permission).toBe(false)
    }
    expect(fake.session.devicePermission?.({})).toBe(false)
    const decide = (url: string) => {
      const callback = vi.fn()
      fake.session.beforeRequest?.({ url }, callback)
      return callback.mock.calls[0][0]
    }
    for (const url of [
      'https://example.com/x.js',
      'http://127.0.0.1:5173/',
      'ws://localhost/',
      'file:///etc/passwd',
      'ftp://x/',
      'app://other/x',
    ])
      expect(decide(url), url).toEqual({ cancel: true })
    for (const url of ['app://bundle/index.html', 'data:image/png;base64,AA==', 'blob:app://bundle/123'])
      expect(decide(url), url).toEqual({ cancel: false })
  })
})

describe('the entry (src/main/index.ts)', () => {
  let userData: string

  beforeEach(async () => {
    userData = await mkdtemp(join(tmpdir(), 'rl-entry-'))
    process.env.REDLINES_USER_DATA_DIR = userData
  })
  afterEach(async () => {
    delete process.env.REDLINES_USER_DATA_DIR
    await rm(userData, { recursive: true, force: true })
  })

  it('registers the scheme and enables the sandbox before ready, then wires protocol, IPC and one window', async () => {
    await import('../../src/main/index.ts')
    expect(fake.calls).toEqual(['registerSchemesAsPrivileged', 'enableSandbox'])
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ])
    expect(fake.electron.app.requestSingleInstanceLock).toHaveBeenCalled()
    expect(fake.electron.app.setPath).toHaveBeenCalledWith('userData', userData)
    expect(fake.electron.app.setName).toHaveBeenCalledWith('Red Lines')
    const events = fake.electron.app.on.mock.calls.map(([name]) => name)
    expect(events).toEqual(
      expect.arrayContaining(['second-instance', 'window-all-closed', 'web-contents-created', 'before-quit', 'will-quit', 'activate']),
    )
    expect(fake.electron.ipcMain.handle).not.toHaveBeenCalled()
    // A temporary file a crash left during a save (issue 10, finding 3).
    const leftover = join(userData, 'saves', '.autosave.json.0123456789ab.tmp')
    await mkdir(join(userData, 'saves'), { recursive: true })
    await writeFile(leftover, 'half a save')
    const anHourAgo = new Date(Date.now() - 3_600_000)
    await utimes(leftover, anHourAgo, anHourAgo)

    fake.ready()
    await vi.waitFor(() => expect(fake.FakeBrowserWindow.created).toHaveLength(1))
    expect(fake.calls).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'ready', 'protocol.handle'])
    // Starting tidied it away.
    await vi.waitFor(() => expect(readdirSync(join(userData, 'saves'))).toEqual([]))
    expect(fake.session.permissionRequest).not.toBeNull()
    expect(fake.session.beforeRequest).not.toBeNull()
    const window = fake.FakeBrowserWindow.created[0]
    expect(window.options.webPreferences.sandbox).toBe(true)
    expect(window.options.webPreferences.preload).toMatch(/[\\/]preload[\\/]index\.cjs$/)
    expect(window.loadURL).toHaveBeenCalledWith('app://bundle/index.html')

    // The registered handlers trust exactly this window's main frame.
    const handlers = new Map(fake.electron.ipcMain.handle.mock.calls.map(([channel, handler]) => [channel, handler]))
    expect(handlers.size).toBe(15)
    const ours = { senderFrame: window.webContents.mainFrame }
    expect(await handlers.get('host:writeSave')(ours, 'autosave', '{"ok":true}')).toEqual({ ok: true, value: null })
    expect(await readFile(join(userData, 'saves', 'autosave.json'), 'utf8')).toBe('{"ok":true}')
    const theirs = { senderFrame: { ...window.webContents.mainFrame, processId: 99 } }
    expect(await handlers.get('host:readSave')(theirs, 'autosave')).toMatchObject({ ok: false, code: 'forbidden' })
    const listed = await handlers.get('host:listScenarios')(ours)
    expect(listed.ok && listed.value.map((s: { folder: string }) => s.folder)).toContain('pin-pricks-2021')
    expect(await handlers.get('host:openUserScenarioFolder')(ours)).toEqual({ ok: true, value: null })
    expect(fake.electron.shell.openPath).toHaveBeenCalledWith(join(userData, 'scenarios'))

    // A scenario added to the user folder is announced to the window, with the folder names only.
    await mkdir(join(userData, 'scenarios', 'mine'), { recursive: true })
    await writeFile(join(userData, 'scenarios', 'mine', 'scenario.json'), '{}')
    await vi.waitFor(() => expect(window.webContents.sent).toContainEqual(['host:scenariosChanged', ['mine']]), {
      timeout: 5000,
      interval: 20,
    })
    // Nothing is sent to a window that is gone.
    const quietly = async (change: string) => {
      const sentBefore = window.webContents.sent.length
      await writeFile(join(userData, 'scenarios', 'mine', 'scenario.json'), change)
      await new Promise((done) => setTimeout(done, 600))
      expect(window.webContents.sent).toHaveLength(sentBefore)
    }
    window.isDestroyed = () => true
    await quietly('{"while":"destroyed"}')
    window.isDestroyed = () => false
    // Quitting stops the watcher.
    const willQuit = fake.electron.app.on.mock.calls.find(([name]) => name === 'will-quit')![1]
    willQuit()
    await quietly('{"after":"quitting"}')

    // Quitting waits for pending saves, then quits for real.
    const beforeQuit = fake.electron.app.on.mock.calls.find(([name]) => name === 'before-quit')![1]
    const preventDefault = vi.fn()
    beforeQuit({ preventDefault })
    expect(preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(fake.electron.app.quit).toHaveBeenCalled())
    beforeQuit({ preventDefault: vi.fn() })
  })

  // Issue 10, finding 9: on macOS the menu bar carries Cmd+C/V/Q, so the packaged game keeps a menu there.
  it.each([
    ['darwin', true],
    ['linux', false],
    ['win32', false],
  ])('packaged on %s, the menu is the plain template of src/main/app-menu.ts (a menu: %s)', async (platform, hasMenu) => {
    const saved = { platform: process.platform, resourcesPath: (process as { resourcesPath?: string }).resourcesPath }
    const appData = await mkdtemp(join(tmpdir(), 'rl-packaged-'))
    const getPath = fake.electron.app.getPath.getMockImplementation()!
    Object.defineProperty(process, 'platform', { value: platform, configurable: true })
    ;(process as { resourcesPath?: string }).resourcesPath = join(appData, 'resources')
    fake.electron.app.isPackaged = true
    fake.electron.app.getPath.mockImplementation((name: string) => (name === 'appData' ? appData : join(appData, 'Red Lines')))
    fake.electron.Menu.setApplicationMenu.mockClear()
    try {
      vi.resetModules()
      await import('../../src/main/index.ts')
      fake.ready()
      await vi.waitFor(() => expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1))
      const { applicationMenuTemplate } = await import('../../src/main/app-menu.ts')
      const [menu] = fake.electron.Menu.setApplicationMenu.mock.calls[0]
      if (hasMenu) expect(menu).toEqual({ builtFrom: applicationMenuTemplate('darwin', 'Red Lines') })
      else expect(menu).toBeNull()
    } finally {
      Object.defineProperty(process, 'platform', { value: saved.platform, configurable: true })
      ;(process as { resourcesPath?: string }).resourcesPath = saved.resourcesPath
      fake.electron.app.isPackaged = false
      fake.electron.app.getPath.mockImplementation(getPath)
      await rm(appData, { recursive: true, force: true })
    }
  })

  it('without the test variable, the user data folder is "<appData>/Red Lines"', async () => {
    delete process.env.REDLINES_USER_DATA_DIR
    vi.resetModules()
    fake.electron.app.setPath.mockClear()
    await import('../../src/main/index.ts')
    expect(fake.electron.app.setPath).toHaveBeenCalledWith('userData', join('/home/pupil/.config', 'Red Lines'))
  })
})
