// One guarded handler per Host operation, on the fixed channels, delegating to the stores.
import type { HostResult } from '../shared/host.ts'
import { MAX_SAVE_BYTES } from '../shared/host.ts'
import { HOST_CHANNELS } from './channels.ts'
import type { HostOperation } from './channels.ts'
import { MAX_EXPORT_BYTES } from './export-file.ts'
import type { ChannelSpec, GuardContext, GuardedHandler } from './ipc-guard.ts'
import { guardHandler } from './ipc-guard.ts'
import type { SaveStore } from './save-store.ts'
import { isSlotId } from './save-store.ts'
import type { ScenarioStore } from './scenario-store.ts'
import { isScenarioFolderName } from './scenario-store.ts'

const slot = { kind: 'string', maxLength: 40, check: isSlotId } as const
const saveText = { kind: 'string', maxLength: MAX_SAVE_BYTES } as const

export const CHANNEL_SPECS: Record<HostOperation, ChannelSpec> = {
  listScenarios: { args: [] },
  readScenario: {
    args: [
      { kind: 'enum', values: ['shipped', 'user'] },
      { kind: 'string', maxLength: 64, check: isScenarioFolderName },
    ],
  },
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
}

export interface HostServices {
  saves: SaveStore
  scenarios: ScenarioStore
  exportFile(suggestedName: string, text: string): Promise<HostResult<null>>
}

/** The parts of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: GuardedHandler): void
}

type Handlers = { [K in HostOperation]: (...args: never[]) => Promise<HostResult<unknown>> }

export function hostHandlers({ saves, scenarios, exportFile }: HostServices): Handlers {
  return {
    listScenarios: () => scenarios.listScenarios(),
    readScenario: (origin: 'shipped' | 'user', folder: string) => scenarios.readScenario(origin, folder),
    listSaves: () => saves.listSaves(),
    writeSave: (slot: string, text: string) => saves.writeSave(slot, text),
    readSave: (slot: string) => saves.readSave(slot),
    deleteSave: (slot: string) => saves.deleteSave(slot),
    exportFile: (name: string, text: string) => exportFile(name, text),
    readSettings: () => saves.readSettings(),
    writeSettings: (text: string) => saves.writeSettings(text),
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
