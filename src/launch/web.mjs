#!/usr/bin/env node
// `npm run web`: builds the browser edition and serves it on 127.0.0.1.
//   --port N     port to listen on (default 4173; 0 picks a free one)
//   --no-open    do not open a browser
//   --no-build   serve the last build as it is
import { spawn } from 'node:child_process'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
const outDir = join(projectRoot, 'out', 'web')

const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

function options() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string' },
        'no-open': { type: 'boolean' },
        'no-build': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    })
    if (values.help) {
      console.log('Usage: npm run web -- [--port N] [--no-open] [--no-build]')
      process.exit(0)
    }
    const port = values.port === undefined ? 4173 : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port must be a whole number from 0 to 65535, got "${values.port}"`)
    return { port, open: !values['no-open'], build: !values['no-build'] }
  } catch (error) {
    console.error(`web: ${error.message}`)
    process.exit(2)
  }
}

/** The file under outDir that a request path names, or null for anything that escapes it. */
export function resolveRequest(urlPath) {
  let decoded
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0])
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^[/\\]+/, '')
  const file = resolve(outDir, relative)
  return file === outDir || file.startsWith(outDir + sep) ? file : null
}

async function serve(port) {
  const server = createServer(async (request, response) => {
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, headers).end()
      return
    }
    const file = resolveRequest(request.url ?? '/')
    const info = file ? await stat(file).catch(() => null) : null
    if (!file || !info?.isFile()) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    response.writeHead(200, {
      ...headers,
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
    })
    if (request.method === 'HEAD') response.end()
    else
      createReadStream(file)
        .on('error', () => response.destroy())
        .pipe(response)
  })
  await new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', done)
  })
  return server
}

const settings = options()
if (settings.build) {
  const { build } = await import('vite')
  await build({ configFile: join(projectRoot, 'src', 'renderer', 'vite.web.config.ts'), logLevel: 'warn' })
}
const server = await serve(settings.port).catch((error) => {
  console.error(`web: cannot listen on 127.0.0.1:${settings.port}: ${error.message}`)
  process.exit(1)
})
const address = `http://127.0.0.1:${server.address().port}/`
console.log(`Red Lines (browser edition) is being served at ${address}`)
console.log('Press Ctrl+C to stop.')
if (settings.open) {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  spawn(opener, [address], { stdio: 'ignore', detached: true })
    .on('error', () => console.log(`Open ${address} in your browser.`))
    .unref()
}
