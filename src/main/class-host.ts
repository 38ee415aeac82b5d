// "Host a class" in the desktop edition: starts and stops the class server in the main process, its class logs
// under the user data folder (<userData>/classes). Colyseus is loaded only when a class is first hosted. The
// renderer reaches it through two IPC operations (start with { lan }, stop) and opens the returned teacher's
// address in the system browser or a window of its own.
import { join } from 'node:path'
import type { ClassServer, ClassServerOptions } from '../classroom/server.ts'

export interface ClassHostPaths {
  /** Electron's app.getPath('userData'). */
  userData: string
  /** The shipped scenarios (see paths.ts: <app root>/scenarios, or <resources>/scenarios when packaged). */
  scenariosDir: string
  /** The built browser edition the students' devices load. */
  webRoot: string
}

export interface HostedClassServer {
  /** The teacher's console on this machine. */
  teacherUrl: string
  port: number
  network: 'loopback' | 'lan'
  /** Where students' devices reach the server (on the local network when asked for). */
  joinBase: string
  lanAddresses: string[]
  dataDir: string
}

export interface HostRequest {
  /** Listen on the local network (students' own devices), not only on this machine. */
  lan: boolean
  /** Default 2567; 0 picks a free port. */
  port?: number
}

type Start = (options: ClassServerOptions) => Promise<ClassServer>

const loadServer: Start = async (options) => (await import('../classroom/server.ts')).startClassServer(options)

export class ClassHost {
  private running: { server: ClassServer; request: HostRequest; hosted: HostedClassServer } | null = null
  private pending: Promise<HostedClassServer> | null = null

  constructor(
    private readonly paths: ClassHostPaths,
    private readonly start: Start = loadServer,
  ) {}

  get dataDir(): string {
    return join(this.paths.userData, 'classes')
  }

  status(): HostedClassServer | null {
    return this.running?.hosted ?? null
  }

  /** Starts the server, or gives the one running if it was asked for the same network; otherwise restarts it. */
  async host(request: HostRequest): Promise<HostedClassServer> {
    if (this.pending) await this.pending.catch(() => {})
    const same = this.running && this.running.request.lan === request.lan && (request.port ?? 2567) === (this.running.request.port ?? 2567)
    if (this.running && same) return this.running.hosted
    await this.stop()
    this.pending = this.launch(request)
    try {
      return await this.pending
    } finally {
      this.pending = null
    }
  }

  private async launch(request: HostRequest): Promise<HostedClassServer> {
    const server = await this.start({
      port: request.port ?? 2567,
      host: request.lan ? '0.0.0.0' : '127.0.0.1',
      dataDir: this.dataDir,
      scenariosDir: this.paths.scenariosDir,
      webRoot: this.paths.webRoot,
    })
    const hosted: HostedClassServer = {
      teacherUrl: `${server.url}/?teach`,
      port: server.port,
      network: server.network,
      joinBase: server.joinBase,
      lanAddresses: server.lanAddresses,
      dataDir: this.dataDir,
    }
    this.running = { server, request, hosted }
    return hosted
  }

  async stop(): Promise<void> {
    const running = this.running
    this.running = null
    await running?.server.close()
  }
}
