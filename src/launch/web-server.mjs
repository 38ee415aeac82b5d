// The server of `npm run web`: the built browser edition as static files on the loopback address, and nothing
// else. Two rules keep other sites and other files out:
//   - only real paths inside the root are served: a link that leads out of it (to a file or a folder) is
//     "Not found", like a path that climbs out with "..";
//   - only requests addressed to this server by its loopback name and port are answered (Host 127.0.0.1:PORT,
//     localhost:PORT or [::1]:PORT): a page on another site that rebinds its DNS name to 127.0.0.1 sends its
//     own name as Host and is refused with 421, so it can never read the game through the browser.
// Text files go out compressed (brotli or gzip, as the request accepts: web-compression.mjs), from the copies
// the build writes beside them when those are current, else compressed here once and kept.
import { constants } from 'node:fs'
import { open, realpath } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, normalize, resolve, sep } from 'node:path'
import { contentSecurityPolicy, contentTypeOf, securityHeaders } from '../classroom/web-headers.mjs'
import { COMPRESSIBLE, CompressedCache, ENCODINGS, chooseEncoding } from './web-compression.mjs'

/** The policy of every answer (web-headers.mjs, shared with the class server). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy()

// O_NOFOLLOW: a path swapped for a link between the check and the open is refused. Absent (0) on Windows.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)

/** The loopback names a request may address this server by. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]']

/** Whether a Host header names this server: a loopback name and the port it listens on (case aside). */
export function isAllowedHost(host, port) {
  if (typeof host !== 'string') return false
  const wanted = host.toLowerCase()
  return LOOPBACK_HOSTS.some((name) => wanted === `${name}:${port}` || (port === 80 && wanted === name))
}

/** The file under `root` that a request path names, or null for anything that climbs out of it. */
export function resolveRequest(root, urlPath) {
  let decoded
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0])
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^[/\\]+/, '')
  const file = resolve(root, relative)
  return file === root || file.startsWith(root + sep) ? file : null
}

const isInside = (realRoot, real) => real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)

/** An open plain file at `path` whose real path lies inside `realRoot`, with its stat; null for anything else. */
async function openInside(realRoot, path) {
  const real = path && realRoot ? await realpath(path).catch(() => null) : null
  const handle = real && isInside(realRoot, real) ? await open(real, READ_FLAGS).catch(() => null) : null
  const info = handle ? await handle.stat().catch(() => null) : null
  if (handle && info?.isFile()) return { real, handle, info }
  await handle?.close().catch(() => undefined)
  return null
}

/** Larger files without the build's compressed copies go out as they are, rather than compressed here. */
const MAX_ON_THE_FLY = 16 * 1024 * 1024

/** An http.Server (not yet listening) that serves `root` by the two rules above. */
export function createWebServer(root) {
  const absoluteRoot = resolve(root)
  const cache = new CompressedCache()
  const server = createServer(async (request, response) => {
    const headers = securityHeaders(CONTENT_SECURITY_POLICY)
    const plain = (status, text) => response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(text)
    const port = server.address()?.port
    if (!isAllowedHost(request.headers.host, port)) {
      plain(421, `Misdirected request: this server answers only at http://127.0.0.1:${port}/ (or localhost:${port}).\n`)
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, headers).end()
      return
    }
    const realRoot = await realpath(absoluteRoot).catch(() => null)
    const found = await openInside(realRoot, resolveRequest(absoluteRoot, request.url ?? '/'))
    if (!found) {
      plain(404, 'Not found')
      return
    }
    const { real, handle, info } = found
    const compressible = COMPRESSIBLE.has(extname(real))
    const fileHeaders = {
      ...headers,
      'Content-Type': contentTypeOf(real),
      'Cache-Control': real.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
      // Caches must keep the encodings apart.
      ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
    }
    const encoding = compressible ? chooseEncoding(request.headers['accept-encoding']) : null
    const send = async (body, size, extra = {}) => {
      response.writeHead(200, { ...fileHeaders, ...extra, 'Content-Length': size })
      if (request.method === 'HEAD') {
        await body.handle?.close().catch(() => undefined)
        response.end()
      } else if (body.bytes) {
        response.end(body.bytes)
      } else {
        body.handle
          .createReadStream({ start: 0 })
          .on('error', () => response.destroy())
          .pipe(response)
      }
    }
    if (encoding) {
      const encoded = await encodedFile(realRoot, found, encoding).catch(() => null)
      if (encoded) {
        await handle.close().catch(() => undefined)
        await send(encoded, encoded.size, { 'Content-Encoding': encoding })
        return
      }
    }
    await send({ handle }, info.size)
  })

  /** The file in `encoding`: the build's copy if it is current, else compressed here (and kept); null when too large. */
  async function encodedFile(realRoot, { real, handle, info }, encoding) {
    const { suffix } = ENCODINGS.find((candidate) => candidate.name === encoding)
    const copy = await openInside(realRoot, real + suffix)
    if (copy && copy.info.mtimeMs >= info.mtimeMs) return { handle: copy.handle, size: copy.info.size }
    await copy?.handle.close().catch(() => undefined)
    if (info.size > MAX_ON_THE_FLY) return null
    const bytes = await handle.readFile()
    const encoded = await cache.encode(real, info, bytes, encoding)
    return { bytes: encoded, size: encoded.length }
  }
  return server
}
