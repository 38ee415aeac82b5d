// The fixed IPC channels: one invoke channel per Host operation that asks main for something, and the events
// main sends to the page. Shared by main (handlers, senders) and the preload (invokers, listeners); a
// constants-only module in shared/, so the preload imports nothing from main.
export const HOST_CHANNELS = {
  listScenarios: 'host:listScenarios',
  readScenario: 'host:readScenario',
  userScenarioFolder: 'host:userScenarioFolder',
  openUserScenarioFolder: 'host:openUserScenarioFolder',
  keepRules: 'host:keepRules',
  readRules: 'host:readRules',
  listSaves: 'host:listSaves',
  writeSave: 'host:writeSave',
  readSave: 'host:readSave',
  deleteSave: 'host:deleteSave',
  exportFile: 'host:exportFile',
  readSettings: 'host:readSettings',
  writeSettings: 'host:writeSettings',
  hostClass: 'host:hostClass',
  stopHostingClass: 'host:stopHostingClass',
} as const

export type HostOperation = keyof typeof HOST_CHANNELS
export type HostChannel = (typeof HOST_CHANNELS)[HostOperation]

/** Main → page only (webContents.send); never handled in main. */
export const HOST_EVENTS = {
  /** Payload: the changed user scenario folder names, string[]. */
  scenariosChanged: 'host:scenariosChanged',
} as const

export type HostEventChannel = (typeof HOST_EVENTS)[keyof typeof HOST_EVENTS]
