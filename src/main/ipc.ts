// One guarded handler per Host operation, on the fixed channels, delegating to the stores. (onScenariosChanged
// is an event main sends, not a request, and edition is a constant of the preload: neither has a handler.)
import type { ClassHosting, HostResult } from '../shared/host.ts'
import { MAX_KEPT_RULES_CHARS, MAX_SAVE_BYTES } from '../shared/host.ts'
import { HOST_CHANNELS } from '../shared/channels.ts'
import type { HostOperation } from '../shared/channels.ts'
import { MAX_EXPORT_BYTES } from './export-file.ts'
import type { ChannelSpec, GuardContext, GuardedHandler } from './ipc-guard.ts'
import { guardHandler } from './ipc-guard.ts'
import type { RulesStore } from './rules-store.ts'
import { isRulesHash } from './rules-store.ts'
import type { SaveStore } from './save-store.ts'
import { isSlotId } from './save-store.ts'
import type { ScenarioStore } from './scenario-store.ts'
import { isScenarioFolderName } from './scenario-store.ts'
import type { OpenPath } from './user-scenario-folder.ts'
import { openUserScenarioFolder, userScenarioFolder } from './user-scenario-folder.ts'

const slot = { kind: 'string', maxLength: 40, check: isSlotId } as const
const saveText = { kind: 'string', maxLength: MAX_SAVE_BYTES } as const
const rulesHash = { kind: 'string', maxLength: 64, check: isRulesHash } as const

export const CHANNEL_SPECS: Record<HostOperation, ChannelSpec> = {
  listScenarios: { args: [] },
  readScenario: {
    args: [
      { kind: 'enum', values: ['shipped', 'user'] },
      { kind: 'string', maxLength: 64, check: isScenarioFolderName },
    ],
  },
  userScenarioFolder: { args: [] },
  openUserScenarioFolder: { args: [] },
  keepRules: { args: [rulesHash, { kind: 'string', maxLength: MAX_KEPT_RULES_CHARS }] },
  readRules: { args: [rulesHash] },
  listSaves: { args: [] },
  writeSave: { args: [slot, saveText] },
  readSave: { args: [slot] },
  deleteSave: { args: [slot] },
  exportFile: {
    args: [
      { kind: 'string', maxLength: 1024 },
      { kind: 'string', maxLength: MAX_EXPORT_BYTES },
    ],
  },
  readSettings: { args: [] },
  writeSettings: { args: [saveText] },
  hostClass: { args: [{ kind: 'enum', values: ['loopback', 'lan'] }] },
  stopHostingClass: { args: [] },
}

export interface HostServices {
  saves: SaveStore
  scenarios: ScenarioStore
  rules: RulesStore
  /** `<userData>/scenarios`: the only folder the page can ask to see in the file manager. */
  userScenarioDir: string
  /** Electron's shell.openPath. */
  openPath: OpenPath
  exportFile: (suggestedName: string, text: string) => Promise<HostResult<null>>
  /** Hosting a class on this computer (src/main/class-host.ts behind it). */
  classes: {
    host: (network: 'loopback' | 'lan') => Promise<HostResult<ClassHosting>>
    stop: () => Promise<HostResult<null>>
  }
}

/** The parts of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: GuardedHandler): void
}

type Handlers = { [K in HostOperation]: (...args: never[]) => Promise<HostResult<unknown>> }

export function hostHandlers({ saves, scenarios, rules, userScenarioDir, openPath, exportFile, classes }: HostServices): Handlers {
  return {
    listScenarios: () => scenarios.listScenarios(),
    readScenario: (origin: 'shipped' | 'user', folder: string) => scenarios.readScenario(origin, folder),
    userScenarioFolder: () => userScenarioFolder(userScenarioDir),
    openUserScenarioFolder: () => openUserScenarioFolder(userScenarioDir, openPath),
    keepRules: (hash: string, text: string) => rules.keepRules(hash, text),
    readRules: (hash: string) => rules.readRules(hash),
    listSaves: () => saves.listSaves(),
    writeSave: (slot: string, text: string) => saves.writeSave(slot, text),
    readSave: (slot: string) => saves.readSave(slot),
    deleteSave: (slot: string) => saves.deleteSave(slot),
    exportFile: (name: string, text: string) => exportFile(name, text),
    readSettings: () => saves.readSettings(),
    writeSettings: (text: string) => saves.writeSettings(text),
    hostClass: (network: 'loopback' | 'lan') => classes.host(network),
    stopHostingClass: () => classes.stop(),
  }
}

/** Registers every Host channel; returns the channel names registered. */
export function registerHostHandlers(ipcMain: IpcMainLike, services: HostServices, context: GuardContext): string[] {
  const handlers = hostHandlers(services)
  return (Object.keys(HOST_CHANNELS) as HostOperation[]).map((operation) => {
    const channel = HOST_CHANNELS[operation]
    const handler = handlers[operation] as (...args: unknown[]) => Promise<HostResult<unknown>>
    ipcMain.handle(channel, guardHandler(channel, CHANNEL_SPECS[operation], context, handler))
    return channel
  })
}
