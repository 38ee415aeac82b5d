// The Host operations of "Host a class": start (or reuse) the class server, open the teacher's console in the
// system's browser, and stop it; every failure becomes a HostResult the page can show.
import type { ClassHosting, HostResult } from '../shared/host.ts'
import type { ClassHost } from './class-host.ts'
import { fail, ok } from './host-result.ts'

export interface ClassHostingService {
  host: (network: 'loopback' | 'lan') => Promise<HostResult<ClassHosting>>
  stop: () => Promise<HostResult<null>>
}

export function classHostingService(
  classes: Pick<ClassHost, 'host' | 'stop'>,
  openExternal: (url: string) => Promise<void>,
): ClassHostingService {
  return {
    async host(network) {
      try {
        const hosted = await classes.host({ lan: network === 'lan' })
        await openExternal(hosted.teacherUrl).catch(() => undefined)
        const { teacherUrl, joinBase, lanAddresses } = hosted
        return ok({ teacherUrl, joinBase, network: hosted.network, lanAddresses })
      } catch (error) {
        const reason =
          (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'its port (2567) is taken by another program' : (error as Error).message
        return fail('io-error', `The class server could not start: ${reason}.`)
      }
    },
    async stop() {
      await classes.stop()
      return ok(null)
    },
  }
}
