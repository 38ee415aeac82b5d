// app://bundle/<path> → a file under the built renderer folder, served with a strict Content-Security-Policy.
// The UI is never loaded from file:// (which has extra privileges in Electron and allows no CSP header).
// Resolution rejects rather than repairs: any dot segment, encoded separator or dot, backslash, NUL,
// drive letter, empty segment or other host is refused, even where the URL parser would have normalised it.
import * as fsp from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { APP_HOST, APP_SCHEME } from './app-url.ts'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

/** The privileges the scheme is registered with before the app is ready (no bypassCSP, no corsEnabled). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.m4a': 'audio/mp4',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.wasm': 'application/wasm',
}

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

export type BundleResolution = { ok: true; path: string } | { ok: false; reason: string }

const reject = (reason: string): BundleResolution => ({ ok: false, reason })

/** Maps app://bundle/<path> to an absolute path inside `root`, or says why not. Pure: no file-system access. */
export function resolveBundlePath(url: string, root: string): BundleResolution {
  if (typeof url !== 'string' || url.length > 4096) return reject('malformed')
  const prefix = `${APP_SCHEME}://${APP_HOST}/`
  // Checked on the raw text: the URL parser would silently resolve "..", "%2e%2e" and backslashes.
  if (!url.toLowerCase().startsWith(prefix)) return reject('other-origin')
  const rawPath = url.slice(prefix.length).split(/[?#]/, 1)[0]
  if (/[\\\0]|%(?:2e|2f|5c|00)/i.test(rawPath)) return reject('encoded-or-backslash')
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return reject('malformed')
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password || parsed.port)
    return reject('other-origin')
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return reject('malformed')
  }
  if (decoded.includes('%') || decoded.includes('\0') || decoded.includes('\\')) return reject('encoded-or-backslash')
  const segments = decoded === '' ? ['index.html'] : decoded.split('/')
  if (decoded.endsWith('/')) segments[segments.length - 1] = 'index.html'
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return reject('dot-or-empty-segment')
    if (segment.includes(':') || /[\u0000-\u001f\u007f]/.test(segment)) return reject('absolute-or-control')
  }
  const base = resolve(root)
  const path = resolve(base, ...segments)
  const inside = relative(base, path)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return reject('outside-root')
  return { ok: true, path }
}

export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') })
}

/** Serves one request from the renderer folder: regular files whose real path stays inside it. */
export async function handleBundleRequest(request: { url: string; method: string }, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed')
  const resolved = resolveBundlePath(request.url, root)
  if (!resolved.ok) return plain(resolved.reason === 'other-origin' ? 403 : 400, 'Bad request')
  try {
    const [realRoot, realPath] = await Promise.all([fsp.realpath(root), fsp.realpath(resolved.path)])
    if (!realPath.startsWith(realRoot + sep)) return plain(404, 'Not found')
    const info = await fsp.stat(realPath)
    if (!info.isFile()) return plain(404, 'Not found')
    const body = request.method === 'HEAD' ? null : await fsp.readFile(realPath)
    return new Response(body, { status: 200, headers: securityHeaders(mimeTypeFor(realPath)) })
  } catch {
    return plain(404, 'Not found')
  }
}

/** The parts of Electron's protocol module used here. */
export interface ProtocolLike {
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void
}

export function registerBundleProtocol(protocol: ProtocolLike, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => handleBundleRequest(request, rendererDir))
}
