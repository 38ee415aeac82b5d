// Finds the bases an extension names in `extends`: among the sibling folders of its own folder (the shipped
// scenarios/ for a shipped one) and in the user's scenario folder, read with the same care as any scenario.
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { LoadOptions } from '../engine/scenario/index.ts'
import { fileReferences } from '../engine/scenario/index.ts'
import { CliError } from './errors.ts'
import { MAX_FILE_BYTES, readScenarioFromDisk } from './read-scenario.ts'
import { userScenariosFolder } from './user-paths.ts'

export interface DiskBase {
  id: string
  folder: string
  files: Record<string, Uint8Array>
}

export interface ResolvedBases {
  bases: Map<string, DiskBase>
  /** Ids of every scenario found in the search folders, for "did you mean" hints. */
  knownIds: string[]
}

const MAX_CHAIN = 32

function parseLeniently(bytes: Uint8Array | undefined): Record<string, unknown> | undefined {
  if (!bytes) return undefined
  try {
    const value: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

async function scenarioIdIn(folder: string): Promise<string | undefined> {
  try {
    const path = join(folder, 'scenario.json')
    const info = await stat(path)
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined
    const id = parseLeniently(await readFile(path))?.id
    return typeof id === 'string' ? id : undefined
  } catch {
    return undefined
  }
}

async function subfolders(root: string): Promise<string[]> {
  try {
    const entries = await readdir(root, { withFileTypes: true })
    return entries.filter((entry) => entry.isDirectory()).map((entry) => join(root, entry.name))
  } catch {
    return []
  }
}

/** The default search folders: the scenario's parent folder, then the user's scenario folder. */
export function defaultSearchFolders(scenarioFolder: string): string[] {
  return [...new Set([dirname(resolve(scenarioFolder)), userScenariosFolder()])]
}

export async function gatherBases(
  scenarioFolder: string,
  mainFile: Uint8Array | undefined,
  searchFolders: readonly string[] = defaultSearchFolders(scenarioFolder),
): Promise<ResolvedBases> {
  const self = resolve(scenarioFolder)
  const folderById = new Map<string, string>()
  for (const root of searchFolders) {
    for (const folder of await subfolders(root)) {
      const id = await scenarioIdIn(folder)
      if (id === undefined) continue
      // The first folder found for an id wins (siblings before the user's folder), unless a later one is named as the id.
      const existing = folderById.get(id)
      if (!existing || (basename(folder) === id && basename(existing) !== id)) folderById.set(id, folder)
    }
  }
  const bases = new Map<string, DiskBase>()
  const queue = mainFile ? fileReferences(mainFile).baseIds : []
  for (let steps = 0; queue.length > 0 && steps < MAX_CHAIN; steps++) {
    const id = queue.shift()!
    const folder = folderById.get(id)
    if (bases.has(id) || folder === undefined) continue
    try {
      const { files } = await readScenarioFromDisk(folder)
      bases.set(id, { id, folder, files })
      if (resolve(folder) !== self) queue.push(...fileReferences(files['scenario.json']).baseIds)
    } catch (error) {
      if (!(error instanceof CliError)) throw error
    }
  }
  return { bases, knownIds: [...folderById.keys()].sort() }
}

/** Loader options that find the gathered bases, each named relative to the scenario's folder when it is near. */
export function baseLoadOptions(resolved: ResolvedBases, scenarioFolder: string): Pick<LoadOptions, 'resolveBase' | 'knownBaseIds'> {
  const from = resolve(scenarioFolder)
  return {
    resolveBase: (id) => {
      const base = resolved.bases.get(id)
      if (!base) return undefined
      const near = relative(from, base.folder)
      const location = isAbsolute(near) || near.split(sep).filter((part) => part === '..').length > 1 ? resolve(base.folder) : near
      return { files: base.files, location: location.split(sep).join('/') }
    },
    knownBaseIds: resolved.knownIds,
  }
}
