// The whole bridge: one function per Host operation on a fixed channel. No ipcRenderer, no events, no
// process.env, no paths reach the page. Emitted as CommonJS (index.cjs) because sandboxed preloads cannot
// load ES modules.
import { contextBridge, ipcRenderer } from 'electron'
import type { Host, HostResult } from '../shared/host.ts'
import { HOST_CHANNELS } from '../main/channels.ts'
import type { HostChannel } from '../main/channels.ts'

// invoke rejects only when main has no handler or the reply cannot be cloned; the page still gets a value.
function call<T>(channel: HostChannel, ...args: unknown[]): Promise<HostResult<T>> {
  return ipcRenderer
    .invoke(channel, ...args)
    .catch((): HostResult<T> => ({ ok: false, code: 'unavailable', message: 'The desktop app did not answer.' }))
}

const host: Host = {
  edition: 'desktop',
  listScenarios: () => call(HOST_CHANNELS.listScenarios),
  readScenario: (origin, folder) => call(HOST_CHANNELS.readScenario, origin, folder),
  listSaves: () => call(HOST_CHANNELS.listSaves),
  writeSave: (slot, text) => call(HOST_CHANNELS.writeSave, slot, text),
  readSave: (slot) => call(HOST_CHANNELS.readSave, slot),
  deleteSave: (slot) => call(HOST_CHANNELS.deleteSave, slot),
  exportFile: (suggestedName, text) => call(HOST_CHANNELS.exportFile, suggestedName, text),
  readSettings: () => call(HOST_CHANNELS.readSettings),
  writeSettings: (text) => call(HOST_CHANNELS.writeSettings, text),
}

contextBridge.exposeInMainWorld('redLinesHost', host)
