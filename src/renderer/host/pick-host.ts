// The desktop preload exposes `window.redLinesHost`; anywhere else the browser host serves.
import type { Host } from '../../shared/host.ts'
import { BrowserHost } from './browser-host.ts'

declare global {
  interface Window {
    redLinesHost?: Host
  }
}

export function pickHost(): Host {
  return window.redLinesHost ?? new BrowserHost()
}
