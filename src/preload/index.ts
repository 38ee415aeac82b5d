// The whole bridge: one function per Host operation on a fixed channel, and one listener for the single event
// main sends. No ipcRenderer, no event objects, no process.env, no paths reach the page. Emitted as CommonJS
// (index.cjs) because sandboxed preloads cannot load ES modules.
import { contextBridge, ipcRenderer } from 'electron'
import type { Host, HostResult } from '../shared/host.ts'
import { HOST_CHANNELS, HOST_EVENTS } from '../shared/channels.ts'
import type { HostChannel } from '../shared/channels.ts'

const MAX_CHANGED_FOLDERS = 256
const MAX_FOLDER_NAME_LENGTH = 64

// invoke rejects only when main has no handler or the reply cannot be cloned; the page still gets a value.
function call<T>(channel: HostChannel, ...args: unknown[]): Promise<HostResult<T>> {
  return ipcRenderer
    .invoke(channel, ...args)
    .catch((): HostResult<T> => ({ ok: false, code: 'unavailable', message: 'The desktop app did not answer.' }))
}

/** A fresh array of short strings, or [] for anything else. */
function changedFolders(payload: unknown): string[] {
  if (!Array.isArray(payload) || payload.length > MAX_CHANGED_FOLDERS) return []
  const folders: string[] = []
  for (const folder of payload) {
    if (typeof folder !== 'string' || folder.length > MAX_FOLDER_NAME_LENGTH) return []
    folders.push(folder)
  }
  return folders
}

function onScenariosChanged(listener: (folders: string[]) => void): () => void {
  if (typeof listener !== 'function') return () => undefined
  // The IpcRendererEvent (which carries a sender able to send anything) must never reach the page.
  const handler = (_event: unknown, payload: unknown) => listener(changedFolders(payload))
  ipcRenderer.on(HOST_EVENTS.scenariosChanged, handler)
  return () => {
    ipcRenderer.removeListener(HOST_EVENTS.scenariosChanged, handler)
  }
}

const host: Host = {
  edition: 'desktop',
  listScenarios: () => call(HOST_CHANNELS.listScenarios),
  readScenario: (origin, folder) => call(HOST_CHANNELS.readScenario, origin, folder),
  userScenarioFolder: () => call(HOST_CHANNELS.userScenarioFolder),
  openUserScenarioFolder: () => call(HOST_CHANNELS.openUserScenarioFolder),
  onScenariosChanged,
  keepRules: (hash, text) => call(HOST_CHANNELS.keepRules, hash, text),
  readRules: (hash) => call(HOST_CHANNELS.readRules, hash),
  listSaves: () => call(HOST_CHANNELS.listSaves),
  writeSave: (slot, text) => call(HOST_CHANNELS.writeSave, slot, text),
  readSave: (slot) => call(HOST_CHANNELS.readSave, slot),
  deleteSave: (slot) => call(HOST_CHANNELS.deleteSave, slot),
  exportFile: (suggestedName, text) => call(HOST_CHANNELS.exportFile, suggestedName, text),
  readSettings: () => call(HOST_CHANNELS.readSettings),
  writeSettings: (text) => call(HOST_CHANNELS.writeSettings, text),
  hostClass: (network) => call(HOST_CHANNELS.hostClass, network),
  stopHostingClass: () => call(HOST_CHANNELS.stopHostingClass),
}

contextBridge.exposeInMainWorld('redLinesHost', host)
