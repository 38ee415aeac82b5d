// The fixed IPC channels, one per Host operation. Shared by main (handlers) and the preload (invokers);
// a constants-only module so the preload bundle pulls in nothing else from main.
export const HOST_CHANNELS = {
  listScenarios: 'host:listScenarios',
  readScenario: 'host:readScenario',
  listSaves: 'host:listSaves',
  writeSave: 'host:writeSave',
  readSave: 'host:readSave',
  deleteSave: 'host:deleteSave',
  exportFile: 'host:exportFile',
  readSettings: 'host:readSettings',
  writeSettings: 'host:writeSettings',
} as const

export type HostOperation = keyof typeof HOST_CHANNELS
export type HostChannel = (typeof HOST_CHANNELS)[HostOperation]
