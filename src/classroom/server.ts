// The class server: Colyseus (rooms of messages, no schema state) with express for the class API and the
// browser edition. It listens on loopback unless asked for the local network; it rebuilds every unfinished
// class from its log when it starts. One class server may run in a process at a time (Colyseus keeps its
// matchmaker in module state); close() releases everything it took.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { hostname, networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WebSocket as NodeWebSocket } from 'ws'
import { matchMaker, Server } from '@colyseus/core'
import { WebSocketTransport } from '@colyseus/ws-transport'
import { RedisDriver } from '@colyseus/redis-driver'
import { RedisPresence } from '@colyseus/redis-presence'
import { currentDesktopPaths } from '../cli/user-paths.ts'
import { MAX_CLIENT_MESSAGE_BYTES } from '../shared/classroom-protocol.ts'
import type { ClassListing } from './http-routes.ts'
import { installRoutes } from './http-routes.ts'
import { CLASS_ROOM, classRoomType } from './class-room.ts'
import type { RestoreReport } from './class-store.ts'
import { ClassStore } from './class-store.ts'
import { ShippedScenarios } from './shipped-scenarios.ts'

// Colyseus 0.17 reads the global WebSocket when a client reconnects; Node 20 has none.
;(globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket

export const DEFAULT_PORT = 2567
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../out/web', import.meta.url))

/** Where a class server keeps its logs unless told: the desktop edition's data folder, under classes/. */
export function defaultDataDir(): string {
  return join(currentDesktopPaths().userData, 'classes')
}

export interface ClassServerOptions {
  /** 0 picks a free port (not with publicAddress: the other processes must know it). */
  port: number
  /** 127.0.0.1 unless the teacher asks for the local network (0.0.0.0). */
  host?: string
  dataDir: string
  webRoot?: string
  scenariosDir?: string
  /** host:port at which clients reach this process when several share a Redis. */
  publicAddress?: string
  /** redis:// URL of the presence and driver shared by several processes. */
  redis?: string
  /** Whether machines other than this one may create classes. */
  lanTeachers?: boolean
  now?: () => number
  /** Where the server reports what it restored and what failed (default: stderr). */
  report?: (line: string) => void
}

export interface ClassServer {
  /** The address of this machine's teacher's console and API (loopback). */
  url: string
  port: number
  network: 'loopback' | 'lan'
  /** The addresses of this machine on the local network (empty on loopback). */
  lanAddresses: string[]
  /** The base of the join address students are given. */
  joinBase: string
  restored: RestoreReport
  close(): Promise<void>
}

let running = false

const isLoopbackHost = (host: string) => host === '127.0.0.1' || host === 'localhost' || host === '::1'

export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((info) => info !== undefined && info.family === 'IPv4' && !info.internal)
    .map((info) => info!.address)
}

export async function startClassServer(options: ClassServerOptions): Promise<ClassServer> {
  if (running) throw new Error('a class server is already running in this process')
  if (options.publicAddress && options.port === 0) throw new Error('a public address needs a fixed port, not 0')
  running = true
  try {
    return await start(options)
  } catch (error) {
    running = false
    throw error
  }
}

async function start(options: ClassServerOptions): Promise<ClassServer> {
  const host = options.host ?? '127.0.0.1'
  const network = isLoopbackHost(host) ? 'loopback' : 'lan'
  const now = options.now ?? Date.now
  const report = options.report ?? ((line: string) => console.error(line))
  const store = new ClassStore(options.dataDir, new ShippedScenarios(options.scenariosDir))
  const lan = network === 'lan' ? lanAddresses() : []
  let port = options.port
  const allowedHosts = () => {
    const names = ['127.0.0.1', 'localhost', '[::1]', ...lan, ...(network === 'lan' ? [hostname(), `${hostname()}.local`] : [])]
    const hosts = new Set(names.map((name) => `${name}:${port}`.toLowerCase()))
    if (options.publicAddress) hosts.add(options.publicAddress.toLowerCase())
    return hosts
  }
  const joinBase = () => `http://${options.publicAddress ?? `${lan[0] ?? '127.0.0.1'}:${port}`}`
  const joinUrl = (code: string) => `${joinBase()}/?class=${code}`
  const rooms = new Map<string, string>()
  const find = async (code: string): Promise<ClassListing | undefined> =>
    (await matchMaker.query({ name: CLASS_ROOM, code } as never))[0] as ClassListing | undefined

  const httpServer = createServer()
  const hostAllowed = (request: IncomingMessage) => allowedHosts().has((request.headers.host ?? '').toLowerCase())
  const originAllowed = (request: IncomingMessage) => {
    const origin = request.headers.origin
    return origin === undefined || allowedHosts().has(origin.replace(/^http:\/\//, '').toLowerCase())
  }
  const gameServer = new Server({
    transport: new WebSocketTransport({
      server: httpServer,
      maxPayload: MAX_CLIENT_MESSAGE_BYTES,
      // Across processes a page served by one process opens its WebSocket to another: the Host is checked, not the Origin.
      verifyClient: ({ req }: { req: IncomingMessage }) => hostAllowed(req) && (Boolean(options.redis) || originAllowed(req)),
    }),
    presence: options.redis ? new RedisPresence(options.redis) : undefined,
    driver: options.redis ? new RedisDriver(options.redis) : undefined,
    publicAddress: options.publicAddress,
    // Each class is hosted by the process its teacher created it on (that process holds its log).
    selectProcessIdToCreateRoom: async () => matchMaker.processId,
    greet: false,
    gracefullyShutdown: false,
    express: (app) =>
      installRoutes(app, {
        store,
        webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
        lanTeachers: options.lanTeachers ?? false,
        severalProcesses: Boolean(options.redis),
        now,
        joinUrl,
        host: async (code) => (await matchMaker.createRoom(CLASS_ROOM, { code })).roomId,
        find,
      }),
  })
  gameServer.define(CLASS_ROOM, classRoomType({ store, rooms, joinUrl, network, now, report }))

  try {
    // Colyseus's listen() never settles when the port is taken: the server's own error event says so.
    const failed = new Promise<never>((_, reject) => httpServer.once('error', reject))
    await Promise.race([gameServer.listen(port, host), failed])
  } catch (error) {
    await gameServer.gracefullyShutdown(false).catch(() => {})
    await store.close()
    throw new Error(`cannot listen on ${host}:${port}: ${(error as Error).message}`)
  }
  port = (httpServer.address() as AddressInfo).port
  guardRequests(httpServer, hostAllowed, originAllowed)

  const restored = await store.restoreAll(now(), async (code) => (await find(code)) !== undefined)
  for (const code of restored.restored) await matchMaker.createRoom(CLASS_ROOM, { code })
  for (const { code, what } of restored.dropped) report(`class ${code}: the end of its log was damaged (a crash while writing): ${what}`)
  for (const { problem } of restored.unavailable) report(`class not resumed: ${problem}`)

  let closed: Promise<void> | null = null
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    network,
    lanAddresses: lan,
    joinBase: joinBase(),
    restored,
    close: () =>
      (closed ??= (async () => {
        try {
          await gameServer.gracefullyShutdown(false)
          httpServer.closeAllConnections()
          if (httpServer.listening) await new Promise<void>((done) => httpServer.close(() => done()))
        } finally {
          await store.close()
          running = false
        }
      })()),
  }
}

/** Only joinById and reconnect of Colyseus's matchmaking are open to clients: classes are created by the API. */
const OPEN_MATCHMAKING = /^\/matchmake\/(joinById|reconnect)\//

/**
 * Runs before Colyseus and express: the Host header must name this server (no DNS rebinding), a request that
 * changes something must come from this origin, and clients may not create rooms through the matchmaker.
 */
function guardRequests(
  server: ReturnType<typeof createServer>,
  hostAllowed: (request: IncomingMessage) => boolean,
  originAllowed: (request: IncomingMessage) => boolean,
): void {
  const handlers = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[]
  server.removeAllListeners('request')
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const refuse = (status: number, error: string) =>
      response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify({ code: status, error }))
    if (!hostAllowed(request)) return refuse(421, 'This server does not answer to that host name.')
    const changes = request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS'
    if (changes && !originAllowed(request)) return refuse(403, 'Requests from another site are not accepted.')
    const path = (request.url ?? '/').split('?')[0]
    if (path.startsWith('/matchmake/') && !OPEN_MATCHMAKING.test(path)) return refuse(403, 'Join a class with its code.')
    for (const handler of handlers) handler.call(server, request, response)
  })
}
