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

/** True only for app://bundle/… with no credentials or port (app://evil@bundle, app://bundle:1 are not ours). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url)
  return (
    parsed !== null &&
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
  return parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'devtools:'
}
