// The class server's HTTP side (express inside Colyseus): the class API and the built browser edition, served
// with the same security headers as `npm run web`, never following a link out of its folder.
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { join, normalize, resolve, sep } from 'node:path'
import type { Application, NextFunction, Request, Response } from 'express'
import express from 'express'
import { CLASS_CODE, JOIN_ERRORS } from '../shared/classroom-protocol.ts'
import type { ClassStore } from './class-store.ts'
import { contentSecurityPolicy, contentTypeOf, securityHeaders } from './web-headers.mjs'

/** The policy of `npm run web`, plus WebSocket connections to this server (or, across processes, to any). */
export function classContentSecurityPolicy(host: string, anyWebSocket: boolean): string {
  return anyWebSocket ? contentSecurityPolicy('ws:', 'wss:') : contentSecurityPolicy(`ws://${host}`)
}

export interface ClassListing {
  roomId: string
  metadata?: { code?: string; title?: string; teams?: string[] }
}

export interface RoutesOptions {
  store: ClassStore
  webRoot: string
  /** Whether a teacher on another machine may create classes (otherwise only this machine may). */
  lanTeachers: boolean
  /** Whether WebSockets may go to another process of the server (several processes share a Redis). */
  severalProcesses: boolean
  now: () => number
  joinUrl: (code: string) => string
  /** Starts hosting a class just created; gives its room id. */
  host: (code: string) => Promise<string>
  /** The class's room, wherever it is hosted (any process of the server). */
  find: (code: string) => Promise<ClassListing | undefined>
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

export function installRoutes(app: Application, options: RoutesOptions): void {
  app.disable('x-powered-by')
  app.use((request: Request, response: Response, next: NextFunction) => {
    // Colyseus answers every origin for its matchmaking; the class's own routes are for this origin only.
    response.removeHeader('Access-Control-Allow-Origin')
    response.removeHeader('Access-Control-Allow-Credentials')
    const policy = classContentSecurityPolicy(request.headers.host ?? '', options.severalProcesses)
    for (const [name, value] of Object.entries(securityHeaders(policy))) response.setHeader(name, value)
    next()
  })

  app.post('/api/classes', express.json({ limit: '64kb', strict: true }), async (request, response) => {
    if (!options.lanTeachers && !LOOPBACK.has(request.socket.remoteAddress ?? '')) {
      response
        .status(403)
        .json({ error: 'Classes are created on the machine that runs the server (start it with --lan-teachers to allow others).' })
      return
    }
    const created = await options.store.create(request.body, options.now())
    if (!created.ok) {
      response.status(400).json({ error: 'The class setup has problems.', errors: created.errors })
      return
    }
    const { code } = created.live
    const roomId = await options.host(code)
    response.status(201).json({ code, key: created.key, joinUrl: options.joinUrl(code), roomId })
  })

  app.get('/api/classes/:code', async (request, response) => {
    const code = request.params.code.toUpperCase()
    const unavailable = options.store.unavailable.get(code)
    if (unavailable) {
      response.status(503).json({ error: `This class cannot be resumed: ${unavailable}` })
      return
    }
    const listing = CLASS_CODE.test(code) ? await options.find(code) : undefined
    if (!listing && options.store.finished.has(code)) {
      response.status(410).json({ error: 'This class has finished: its game is over.' })
      return
    }
    if (!listing) {
      response.status(404).json({ error: JOIN_ERRORS.unknownClass.message })
      return
    }
    response.json({ code, title: listing.metadata?.title ?? '', teams: listing.metadata?.teams ?? [], roomId: listing.roomId })
  })

  app.use('/api', (_request, response) => {
    response.status(404).json({ error: 'There is no such API route.' })
  })

  app.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error)
    const status = (error as { status?: number }).status ?? 500
    const text = status === 413 ? 'The request is too large.' : status < 500 ? 'The request body is not valid JSON.' : 'The server failed.'
    response.status(status).json({ error: text })
  })

  app.use(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.status(405).end()
      return
    }
    const file = await servedFile(options.webRoot, request.path)
    if (!file) {
      const missing = request.path === '/' || request.path === '/index.html'
      response
        .status(missing ? 503 : 404)
        .type('text/plain')
        .send(missing ? 'The browser edition is not built: run `npm run build:web`, then reload.' : 'Not found')
      return
    }
    response.status(200)
    response.setHeader('Content-Type', contentTypeOf(file.path))
    response.setHeader('Content-Length', String(file.size))
    response.setHeader('Cache-Control', file.path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable')
    if (request.method === 'HEAD') response.end()
    else
      createReadStream(file.path)
        .on('error', () => response.destroy())
        .pipe(response)
  })
}

/** The regular file under the root that a request path names, never one reached through a link out of it. */
export async function servedFile(webRoot: string, urlPath: string): Promise<{ path: string; size: number } | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const root = await realpath(webRoot).catch(() => null)
  if (!root) return null
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^[/\\]+/, '')
  const real = await realpath(resolve(root, relative)).catch(() => null)
  if (!real || !(real === root || real.startsWith(root + sep))) return null
  const info = await stat(real).catch(() => null)
  return info?.isFile() ? { path: join(real), size: info.size } : null
}
