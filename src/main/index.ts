// The desktop edition's entry: privileged scheme and sandbox before ready, then one hardened window whose
// page comes from app://bundle and whose only way out is the guarded Host channels.
import { join } from 'node:path'
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session, shell } from 'electron'
import { applicationMenuTemplate } from './app-menu.ts'
import { APP_SCHEME_PRIVILEGES, registerBundleProtocol } from './protocol.ts'
import { HOST_EVENTS } from '../shared/channels.ts'
import { createDurableWriter } from './durable-write.ts'
import { exportFile } from './export-file.ts'
import { registerHostHandlers } from './ipc.ts'
import { appLocations, userDataLayout } from './paths.ts'
import { createRulesStore } from './rules-store.ts'
import { createSaveStore } from './save-store.ts'
import { publishSchema } from './publish-schema.ts'
import { ClassHost } from './class-host.ts'
import { classHostingService } from './class-hosting.ts'
import { createScenarioStore } from './scenario-store.ts'
import { tidyUserData } from './tidy.ts'
import type { ScenarioWatcher } from './scenario-watcher.ts'
import { watchScenarioFolder } from './scenario-watcher.ts'
import { entryUrl, useDevServer } from './app-url.ts'
import { createMainWindow, hardenSession, hardenWebContents } from './window.ts'

const APP_NAME = 'Red Lines'
const QUIT_FLUSH_TIMEOUT_MS = 3000

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
app.enableSandbox()

// The user's files live in "<appData>/Red Lines" (the README promises it), whatever package.json's name is.
// End-to-end tests give each run its own folder instead; a packaged app ignores the variable.
app.setName(APP_NAME)
const testUserData = app.isPackaged ? undefined : process.env.REDLINES_USER_DATA_DIR
app.setPath('userData', testUserData || join(app.getPath('appData'), APP_NAME))

// `npm run dev`: electron-vite serves the renderer with hot reload and names its address; never when packaged.
if (!app.isPackaged && useDevServer(process.env.ELECTRON_RENDERER_URL)) console.log(`Renderer from the dev server ${entryUrl()}`)

const writer = createDurableWriter()
const locations = appLocations(__dirname, app.isPackaged ? { resourcesPath: process.resourcesPath } : null)
let mainWindow: BrowserWindow | null = null
let scenarioWatcher: ScenarioWatcher | null = null
let classHost: ClassHost | null = null

function openMainWindow(): void {
  mainWindow = createMainWindow({ preloadFile: locations.preloadFile, devTools: !app.isPackaged })
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

function start(): void {
  // A released game has no reload that would drop the turn's plan and no developer tools in its menu: no menu at
  // all, except on macOS, where the menu bar carries Cmd+C/V/Q and keeps its standard roles (src/main/app-menu.ts).
  if (app.isPackaged) {
    const template = applicationMenuTemplate(process.platform, APP_NAME)
    Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null)
  }
  hardenSession(session.defaultSession)
  registerBundleProtocol(protocol, locations.rendererDir)
  const layout = userDataLayout(app.getPath('userData'))
  // Temporary files a crash left during a save, and deleted saves past the trash's limits, go (src/main/tidy.ts).
  void tidyUserData(layout).then(
    ({ tempFiles, trashBins }) => {
      if (tempFiles + trashBins > 0) console.log(`[tidy] removed ${tempFiles} temporary files and ${trashBins} old deleted saves`)
    },
    (error: unknown) => console.warn('[tidy] could not tidy the user data folder:', error),
  )
  void publishSchema(locations.shippedScenariosDir, layout.scenariosDir).catch((error: unknown) =>
    console.warn('[scenarios] could not put the scenario schema in the user folder:', error),
  )
  const saves = createSaveStore({ layout, writer })
  // "Host a class": the class server runs in this process, its logs under <userData>/classes; the students'
  // devices load the same renderer the window shows, over HTTP, as the browser edition.
  classHost = new ClassHost({
    userData: app.getPath('userData'),
    scenariosDir: locations.shippedScenariosDir,
    webRoot: locations.rendererDir,
  })
  const scenarios = createScenarioStore({
    shippedDir: locations.shippedScenariosDir,
    userDir: layout.scenariosDir,
    onSkipped: (origin, folder, skipped) =>
      console.warn(`[scenarios] ${origin}/${folder}: skipped ${skipped.map(({ file, reason }) => `${file} (${reason})`).join(', ')}`),
  })
  registerHostHandlers(
    ipcMain,
    {
      saves,
      scenarios,
      rules: createRulesStore({ rulesDir: layout.rulesDir, writer }),
      userScenarioDir: layout.scenariosDir,
      openPath: (path) => shell.openPath(path),
      classes: classHostingService(classHost, (url) => shell.openExternal(url)),
      exportFile: (name, text) =>
        exportFile(
          {
            exportsDir: layout.exportsDir,
            writer,
            showSaveDialog: (request) => (mainWindow ? dialog.showSaveDialog(mainWindow, request) : dialog.showSaveDialog(request)),
          },
          name,
          text,
        ),
    },
    {
      mainFrame: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.mainFrame : null),
      log: (channel, error) => console.error(`[ipc] ${channel} failed:`, error),
    },
  )
  openMainWindow()
  // Only the main window hears about changed scenarios, and only while it is alive.
  scenarioWatcher = watchScenarioFolder(
    layout.scenariosDir,
    (folders) => {
      if (mainWindow && !mainWindow.isDestroyed() && !mainWindow.webContents.isDestroyed())
        mainWindow.webContents.send(HOST_EVENTS.scenariosChanged, folders)
    },
    { onError: (error, next) => console.warn(`[scenarios] watching the user folder (${next}):`, error) },
  )
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow()
  })
  // A save being written when the player quits is finished first (bounded, so quitting never hangs).
  let flushed = false
  app.on('before-quit', (event) => {
    if (flushed) return
    event.preventDefault()
    const timeout = new Promise<void>((done) => setTimeout(done, QUIT_FLUSH_TIMEOUT_MS))
    void Promise.race([writer.idle(), timeout]).finally(() => {
      flushed = true
      app.quit()
    })
  })
  app.on('will-quit', () => {
    scenarioWatcher?.close()
    void classHost?.stop()
  })
  void app.whenReady().then(start)
}
