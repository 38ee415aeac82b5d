// The browser edition's Host: bundled scenarios, saves and settings in IndexedDB (keeping previous
// generations of every slot), exports as downloads.
import type {
  ClassHosting,
  Host,
  HostResult,
  SaveGeneration,
  ScenarioFilesText,
  ScenarioListing,
  ScenarioOrigin,
  ScenarioRead,
  SkippedFile,
  SlotId,
  SlotListing,
  UserScenarioFolder,
} from '../../shared/host.ts'
import {
  MAX_KEPT_RULES_CHARS,
  MAX_SAVE_BYTES,
  RULES_HASH_PATTERN,
  SLOT_ID_PATTERN,
  TOO_MANY_SLOTS_MESSAGE,
  isOverSlotLimit,
  isSlotName,
  withoutByteOrderMark,
} from '../../shared/host.ts'
import { bundledFolders, bundledScenario } from './bundled-scenarios.ts'
import type { ScenarioImporter } from './user-scenarios.ts'
import { userFolderOf } from './user-scenarios.ts'

const DATABASE = 'red-lines'
const SAVES = 'saves'
const SETTINGS = 'settings'
/** The user's own scenarios (added in version 2 of the database). */
const USER_SCENARIOS = 'user-scenarios'
/** The exact rules of saved games, by hash (added in version 3). */
const KEPT_RULES = 'kept-rules'
const DATABASE_VERSION = 3
/** Tells the other tabs of this game that the imported scenarios changed. */
const CHANGES_CHANNEL = 'red-lines-user-scenarios'
/** The most a user's scenario may take, all its files together. */
const MAX_SCENARIO_BYTES = 8 * 1024 * 1024
const GENERATIONS_KEPT = 4

interface StoredScenario {
  folder: string
  files: ScenarioFilesText
  /** Files left out of the import, with why (absent in scenarios imported before version 3). */
  skipped?: SkippedFile[]
  imported: string
}

interface StoredSave {
  slot: SlotId
  /** Newest first. */
  generations: { text: string; modified: string }[]
}

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length

const ok = <T>(value: T): HostResult<T> => ({ ok: true, value })
const fail = (code: Extract<HostResult<never>, { ok: false }>['code'], message: string): HostResult<never> => ({ ok: false, code, message })

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DATABASE, DATABASE_VERSION)
    // Creates only the stores missing, so that upgrading an older database keeps its saves and settings.
    open.onupgradeneeded = () => {
      const db = open.result
      if (!db.objectStoreNames.contains(SAVES)) db.createObjectStore(SAVES, { keyPath: 'slot' })
      if (!db.objectStoreNames.contains(SETTINGS)) db.createObjectStore(SETTINGS)
      if (!db.objectStoreNames.contains(USER_SCENARIOS)) db.createObjectStore(USER_SCENARIOS, { keyPath: 'folder' })
      if (!db.objectStoreNames.contains(KEPT_RULES)) db.createObjectStore(KEPT_RULES)
    }
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })
}

export class BrowserHost implements Host, ScenarioImporter {
  readonly edition = 'browser' as const
  private database: Promise<IDBDatabase> | null = null
  private readonly listeners = new Set<(folders: string[]) => void>()
  private changes: BroadcastChannel | null = null

  /** Tells this tab's listeners now, and the other tabs through a broadcast channel. */
  private scenariosChanged(folders: string[]): void {
    for (const listener of [...this.listeners]) listener(folders)
    this.changes?.postMessage(folders)
  }

  onScenariosChanged(listener: (folders: string[]) => void): () => void {
    this.listeners.add(listener)
    if (!this.changes && typeof BroadcastChannel === 'function') {
      this.changes = new BroadcastChannel(CHANGES_CHANNEL)
      this.changes.onmessage = (event: MessageEvent<unknown>) => {
        const folders = Array.isArray(event.data) ? event.data.filter((folder): folder is string => typeof folder === 'string') : []
        for (const each of [...this.listeners]) each(folders)
      }
    }
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) {
        this.changes?.close()
        this.changes = null
      }
    }
  }

  private async store(name: string, mode: IDBTransactionMode): Promise<IDBObjectStore> {
    this.database ??= openDatabase()
    return (await this.database).transaction(name, mode).objectStore(name)
  }

  private async guarded<T>(work: () => Promise<HostResult<T>>): Promise<HostResult<T>> {
    try {
      return await work()
    } catch (error) {
      return fail('io-error', `the browser's storage failed: ${(error as Error)?.message ?? 'unknown error'}`)
    }
  }

  async listScenarios(): Promise<HostResult<ScenarioListing[]>> {
    const shipped = bundledFolders()
      .sort()
      .map((folder) => ({ folder, origin: 'shipped' as const, location: `bundled: ${folder}` }))
    // The shipped scenarios are listed even when the browser's storage cannot be read.
    const user = await this.guarded(async () => {
      const stored = (await request((await this.store(USER_SCENARIOS, 'readonly')).getAll())) as StoredScenario[]
      return ok(
        stored
          .map((scenario) => ({
            folder: scenario.folder,
            origin: 'user' as const,
            location: `imported into this browser: ${scenario.folder}`,
          }))
          .sort((a, b) => a.folder.localeCompare(b.folder)),
      )
    })
    return ok([...shipped, ...(user.ok ? user.value : [])])
  }

  async readScenario(origin: ScenarioOrigin, folder: string): Promise<HostResult<ScenarioRead>> {
    if (origin === 'user') {
      return this.guarded(async () => {
        const stored = (await request((await this.store(USER_SCENARIOS, 'readonly')).get(folder))) as StoredScenario | undefined
        if (!stored) return fail('not-found', `no scenario "${folder}"`)
        return ok({ files: { ...stored.files }, skipped: [...(stored.skipped ?? [])] })
      })
    }
    if (origin !== 'shipped') return fail('not-found', `no scenario "${folder}"`)
    try {
      const files = await bundledScenario(folder)
      return files ? ok({ files, skipped: [] }) : fail('not-found', `no scenario "${folder}"`)
    } catch (error) {
      // Its files are parts of the page, fetched on first use: a network failure shows here.
      return fail('io-error', `the shipped scenario "${folder}" could not be loaded: ${(error as Error)?.message ?? 'unknown error'}`)
    }
  }

  async userScenarioFolder(): Promise<HostResult<UserScenarioFolder>> {
    return ok({ location: "this browser's own storage (import a scenario's files on the Scenarios screen)", canOpen: false })
  }

  async hostClass(): Promise<HostResult<ClassHosting>> {
    return fail('unavailable', 'A browser cannot host a class. On the teacher’s computer, run the class server: npm run classroom.')
  }

  async stopHostingClass(): Promise<HostResult<null>> {
    return ok(null)
  }

  async openUserScenarioFolder(): Promise<HostResult<null>> {
    return fail('unavailable', 'The browser edition keeps imported scenarios in its own storage, not in a folder.')
  }

  /** Keeps a scenario as the user's own, under a folder named from its id (replacing one with that id). */
  async importScenario({ files, skipped }: ScenarioRead): Promise<HostResult<ScenarioListing>> {
    const folder = userFolderOf(files)
    if (folder === null) return fail('invalid-argument', 'Choose the scenario.json file too (and its source .txt files).')
    const bytes = Object.values(files).reduce((sum, text) => sum + utf8Bytes(text), 0)
    if (bytes > MAX_SCENARIO_BYTES) return fail('too-large', 'The scenario is too large.')
    const result = await this.guarded(async () => {
      const stored: StoredScenario = { folder, files: { ...files }, skipped: [...skipped], imported: new Date().toISOString() }
      await request((await this.store(USER_SCENARIOS, 'readwrite')).put(stored))
      return ok({ folder, origin: 'user' as const, location: `imported into this browser: ${folder}` })
    })
    if (result.ok) this.scenariosChanged([folder])
    return result
  }

  async deleteScenario(folder: string): Promise<HostResult<null>> {
    const result = await this.guarded(async () => {
      const store = await this.store(USER_SCENARIOS, 'readwrite')
      if ((await request(store.getKey(folder))) === undefined) return fail('not-found', `no scenario "${folder}"`)
      await request(store.delete(folder))
      return ok(null)
    })
    if (result.ok) this.scenariosChanged([folder])
    return result
  }

  async keepRules(hash: string, text: string): Promise<HostResult<null>> {
    if (!RULES_HASH_PATTERN.test(hash)) return fail('invalid-argument', 'bad rules hash')
    if (text.length > MAX_KEPT_RULES_CHARS) return fail('too-large', 'The rules are too large to keep.')
    return this.guarded(async () => {
      const store = await this.store(KEPT_RULES, 'readwrite')
      // Rules kept under a hash never change: the first copy stays.
      if ((await request(store.getKey(hash))) === undefined) await request(store.put(text, hash))
      return ok(null)
    })
  }

  async readRules(hash: string): Promise<HostResult<string>> {
    if (!RULES_HASH_PATTERN.test(hash)) return fail('invalid-argument', 'bad rules hash')
    return this.guarded(async () => {
      const text = (await request((await this.store(KEPT_RULES, 'readonly')).get(hash))) as string | undefined
      return typeof text === 'string' ? ok(text) : fail('not-found', 'those rules were not kept')
    })
  }

  async listSaves(): Promise<HostResult<SlotListing[]>> {
    return this.guarded(async () => {
      const saves = (await request((await this.store(SAVES, 'readonly')).getAll())) as StoredSave[]
      return ok(
        saves
          .filter((save) => save.generations.length > 0)
          .map((save) => ({ slot: save.slot, modified: save.generations[0].modified, bytes: utf8Bytes(save.generations[0].text) })),
      )
    })
  }

  async writeSave(slot: SlotId, text: string): Promise<HostResult<null>> {
    if (!isSlotName(slot)) {
      return fail(
        'invalid-argument',
        'a save slot name uses lower-case letters, digits and hyphens, and is not a device name such as "con"',
      )
    }
    if (utf8Bytes(text) > MAX_SAVE_BYTES) return fail('too-large', 'The save is too large.')
    return this.guarded(async () => {
      const store = await this.store(SAVES, 'readwrite')
      const existing = (await request(store.get(slot))) as StoredSave | undefined
      if (!existing && isOverSlotLimit(slot, (await request(store.getAllKeys())) as string[]))
        return fail('too-large', TOO_MANY_SLOTS_MESSAGE)
      const generations = [{ text, modified: new Date().toISOString() }, ...(existing?.generations ?? [])].slice(0, GENERATIONS_KEPT)
      await request(store.put({ slot, generations } satisfies StoredSave))
      return ok(null)
    })
  }

  async readSave(slot: SlotId): Promise<HostResult<SaveGeneration[]>> {
    if (!SLOT_ID_PATTERN.test(slot)) return fail('invalid-argument', 'bad slot name')
    return this.guarded(async () => {
      const save = (await request((await this.store(SAVES, 'readonly')).get(slot))) as StoredSave | undefined
      if (!save || save.generations.length === 0) return fail('not-found', `no save "${slot}"`)
      return ok(save.generations.map((generation, index) => ({ generation: index, text: withoutByteOrderMark(generation.text) })))
    })
  }

  async deleteSave(slot: SlotId): Promise<HostResult<null>> {
    if (!SLOT_ID_PATTERN.test(slot)) return fail('invalid-argument', 'bad slot name')
    return this.guarded(async () => {
      await request((await this.store(SAVES, 'readwrite')).delete(slot))
      return ok(null)
    })
  }

  async exportFile(suggestedName: string, text: string): Promise<HostResult<null>> {
    const url = URL.createObjectURL(new Blob([text], { type: suggestedName.endsWith('.csv') ? 'text/csv' : 'application/json' }))
    const link = document.createElement('a')
    link.href = url
    link.download = suggestedName.replace(/[^A-Za-z0-9._-]/g, '_')
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return ok(null)
  }

  async readSettings(): Promise<HostResult<string | null>> {
    return this.guarded(async () => {
      const text = (await request((await this.store(SETTINGS, 'readonly')).get('settings'))) as string | undefined
      return ok(typeof text === 'string' ? withoutByteOrderMark(text) : null)
    })
  }

  async writeSettings(text: string): Promise<HostResult<null>> {
    if (utf8Bytes(text) > MAX_SAVE_BYTES) return fail('too-large', 'The settings are too large.')
    return this.guarded(async () => {
      await request((await this.store(SETTINGS, 'readwrite')).put(text, 'settings'))
      return ok(null)
    })
  }
}
