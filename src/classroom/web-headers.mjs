// What every server of the browser edition sends beside its files: the type of each file and the security
// headers, one table and one policy for `npm run web` (src/launch/web-server.mjs) and the class server
// (http-routes.ts), so that the two cannot drift apart. Plain JavaScript with its types beside it
// (web-headers.d.mts): the web server runs under Node without compiling TypeScript. It lives with the class
// server because the launchers may import the class server's code and not the other way round.
import { extname } from 'node:path'

/** The Content-Type of each kind of file the build holds. */
export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
})

/** The Content-Type a file is sent with: by its extension, else application/octet-stream (never sniffed). */
export function contentTypeOf(path) {
  return Object.hasOwn(MIME_TYPES, extname(path)) ? MIME_TYPES[extname(path)] : 'application/octet-stream'
}

/**
 * The Content-Security-Policy: everything from this origin only, no plug-ins, frames or forms; `connect`
 * adds sources that scripts may connect to besides this origin (the class server's WebSockets).
 */
export function contentSecurityPolicy(...connect) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    ["connect-src 'self'", ...connect].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ')
}

/** The headers sent with every answer, with the policy given (by default the one of `npm run web`). */
export function securityHeaders(policy = contentSecurityPolicy()) {
  return { 'Content-Security-Policy': policy, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' }
}
