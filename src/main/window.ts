// The one place a BrowserWindow is made, hardened: sandboxed, isolated renderer with no Node, a narrow
// CommonJS preload, no navigation, no new windows, no webviews, no permissions, no network.
import { BrowserWindow } from 'electron'
import type { Session, WebContents } from 'electron'
import { entryUrl, isAllowedRequestUrl } from './app-url.ts'

/** Every permission (camera, notifications, clipboard, openExternal, …) is refused, asked or checked. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/** Cancels any request that is not for our bundle (or inline data/blob): the game never uses the network. */
export function blockNetwork(session: Session): void {
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }))
}

export function hardenSession(session: Session): void {
  denyAllPermissions(session)
  blockNetwork(session)
}

/** Applied to every web contents the app creates (the window, and DevTools). */
export function hardenWebContents(contents: WebContents): void {
  const prevent = (event: { preventDefault(): void }) => event.preventDefault()
  // The game is a single page: nothing may navigate, redirect or attach a webview.
  contents.on('will-navigate', prevent)
  contents.on('will-frame-navigate', prevent)
  contents.on('will-redirect', prevent)
  contents.on('will-attach-webview', prevent)
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

export interface MainWindowOptions {
  preloadFile: string
  /** Developer tools: for development only, never in a packaged app (off unless asked). */
  devTools?: boolean
}

export function createMainWindow({ preloadFile, devTools = false }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Red Lines',
    backgroundColor: '#101418',
    // Written out here, not built elsewhere, so static scanners (Electronegativity) can see every option.
    webPreferences: {
      preload: preloadFile,
      devTools,
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
      // Middle-click would otherwise open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  hardenWebContents(window.webContents)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(entryUrl())
  return window
}
