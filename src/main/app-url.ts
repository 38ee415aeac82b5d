// What counts as "our" page and which requests the window may make. Compared by protocol and host,
// never by URL.origin: for custom schemes origin is the string "null", the same as data: and file:.
export const APP_SCHEME = 'app'
export const APP_HOST = 'bundle'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** electron-vite's dev server, when an unpackaged app runs under `npm run dev` (hot reload); null otherwise. */
let devServer: { protocol: string; host: string } | null = null

/**
 * Serves the renderer from electron-vite's dev server instead of the bundle. Only an http URL on
 * loopback is accepted; anything else (or null) keeps the bundle. Returns whether it is in use.
 */
export function useDevServer(url: string | null | undefined): boolean {
  const parsed = url ? parse(url) : null
  const ok =
    parsed !== null &&
    parsed.protocol === 'http:' &&
    LOOPBACK_HOSTS.has(parsed.hostname) &&
    parsed.username === '' &&
    parsed.password === ''
  devServer = ok ? { protocol: parsed.protocol, host: parsed.host } : null
  return ok
}

/** The page the window loads: the bundle's index, or the dev server's. */
export function entryUrl(): string {
  return devServer ? `${devServer.protocol}//${devServer.host}/` : APP_ENTRY_URL
}

function isDevServerPage(parsed: URL): boolean {
  return (
    devServer !== null &&
    parsed.protocol === devServer.protocol &&
    parsed.host === devServer.host &&
    parsed.username === '' &&
    parsed.password === ''
  )
}

/** True only for app://bundle/… with no credentials or port (app://evil@bundle, app://bundle:1 are not ours), or the dev server in development. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url)
  if (parsed === null) return false
  if (isDevServerPage(parsed)) return true
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  )
}

/** The session's request filter: our bundle, inline data and blobs, and DevTools' own pages; nothing from the network. */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true
  const parsed = parse(url)
  if (parsed === null) return false
  // In development, the dev server's hot-reload socket too.
  if (devServer !== null && parsed.protocol === 'ws:' && parsed.host === devServer.host) return true
  return parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'devtools:'
}
