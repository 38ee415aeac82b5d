// A class client for this page: the Colyseus transport of the page's own origin and the host's scenarios.
import type { App } from '../ui/app.ts'
import { ClassClient } from './class-client.ts'
import { classScenario } from './scenario.ts'
import { colyseusTransport } from './transport.ts'

export function classClientFor(app: App): ClassClient {
  return new ClassClient({
    transport: colyseusTransport(location.origin),
    loadScenario: (wanted) => classScenario(app.host, wanted),
  })
}
