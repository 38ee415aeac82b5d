// Finds the bases an extension names in `extends`: among the sibling folders of its own folder (the shipped
// scenarios/ for a shipped one) and in the user's scenario folder, read with the same care as any scenario.
import { lstat, readdir, readFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { LoadOptions } from '../engine/scenario/index.ts'
import { scenarioReferences } from './scenario-references.ts'
import { CliError, UsageError } from './errors.ts'
import { MAX_FILE_BYTES, readScenarioFromDisk } from './read-scenario.ts'
import type { RefusedFile } from './read-scenario.ts'
import { userScenariosFolder } from './user-paths.ts'

export interface DiskBase {
  id: string
  folder: string
  files: Record<string, Uint8Array>
  /** Files of the base that were refused (outside its folder, links, too large…). */
  refused: RefusedFile[]
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

/** The bytes of `<folder>/scenario.json` if it is a plain file under the cap (never through a link). */
async function plainScenarioFile(folder: string): Promise<Uint8Array | undefined> {
  try {
    const path = join(folder, 'scenario.json')
    const info = await lstat(path)
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined
    return await readFile(path)
  } catch {
    return undefined
  }
}

async function scenarioIdIn(folder: string): Promise<string | undefined> {
  const id = parseLeniently(await plainScenarioFile(folder))?.id
  return typeof id === 'string' ? id : undefined
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

/**
 * The folder of each scenario id in the search folders. The first folder found for an id wins (siblings before
 * the user's folder), unless a later one is named as the id.
 */
async function scanSearchFolders(searchFolders: readonly string[]): Promise<Map<string, string>> {
  const folderById = new Map<string, string>()
  for (const root of searchFolders) {
    for (const folder of await subfolders(root)) {
      const id = await scenarioIdIn(folder)
      if (id === undefined) continue
      const existing = folderById.get(id)
      if (!existing || (basename(folder) === id && basename(existing) !== id)) folderById.set(id, folder)
    }
  }
  return folderById
}

/**
 * The folder of base `id`: the first search folder's sub-folder named as the id and holding that id, which is
 * what the full scan would pick too; `undefined` when no folder is named so (the caller then scans).
 */
async function folderNamedAs(id: string, searchFolders: readonly string[]): Promise<string | undefined> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) return undefined
  for (const root of searchFolders) {
    const folder = join(root, id)
    const info = await lstat(folder).catch(() => null)
    if (info?.isDirectory() && (await scenarioIdIn(folder)) === id) return folder
  }
  return undefined
}

/**
 * Reads the bases a scenario extends, and theirs, up the chain. Only what is needed is opened: a base is looked
 * for first in a folder named as its id, and the search folders are scanned (every sibling's scenario.json
 * read) only when one is not found that way, which also gives the ids for "did you mean" hints. A scenario
 * that extends nothing opens no other folder.
 */
export async function gatherBases(
  scenarioFolder: string,
  mainFile: Uint8Array | undefined,
  searchFolders: readonly string[] = defaultSearchFolders(scenarioFolder),
): Promise<ResolvedBases> {
  const self = resolve(scenarioFolder)
  let scanned: Map<string, string> | null = null
  const bases = new Map<string, DiskBase>()
  const queue = mainFile ? [...scenarioReferences(mainFile).baseIds] : []
  for (let steps = 0; queue.length > 0 && steps < MAX_CHAIN; steps++) {
    const id = queue.shift()!
    if (bases.has(id)) continue
    let folder = await folderNamedAs(id, searchFolders)
    if (folder === undefined) {
      scanned ??= await scanSearchFolders(searchFolders)
      folder = scanned.get(id)
    }
    if (folder === undefined) continue
    try {
      const { files, refused } = await readScenarioFromDisk(folder)
      bases.set(id, { id, folder, files, refused })
      if (resolve(folder) !== self) queue.push(...scenarioReferences(files['scenario.json']).baseIds)
    } catch (error) {
      if (!(error instanceof CliError)) throw error
    }
  }
  // Hints are only needed for a base that was not found, and then the scan has been done.
  return { bases, knownIds: scanned ? [...scanned.keys()].sort() : [...bases.keys()].sort() }
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

export interface LensOnDisk {
  id: string
  /** The lens's own name ("Values (Gould-Davies)"). */
  name: string
  folder: string
}

/** The lenses of a scenario: extensions of it alone that declare a `lens`, in the same search folders as bases. */
export async function findLenses(
  scenarioFolder: string,
  baseId: string,
  searchFolders: readonly string[] = defaultSearchFolders(scenarioFolder),
): Promise<LensOnDisk[]> {
  const found = new Map<string, LensOnDisk>()
  for (const root of searchFolders) {
    for (const folder of await subfolders(root)) {
      const bytes = await plainScenarioFile(folder)
      if (bytes === undefined) continue
      if (scenarioReferences(bytes).lensOf !== baseId) continue
      const file = parseLeniently(bytes)!
      const lens = file.lens as { name?: unknown }
      if (typeof file.id !== 'string' || found.has(file.id)) continue
      found.set(file.id, { id: file.id, name: typeof lens.name === 'string' ? lens.name : file.id, folder })
    }
  }
  return [...found.values()].sort((a, b) => a.id.localeCompare(b.id))
}

/** A scenario folder to load, and further folders to search for its bases. */
export interface ScenarioTarget {
  target: string
  alsoSearch?: string[]
}

const fold = (text: string) => text.trim().toLowerCase()

/** Whether `wanted` names the lens: its id, its name, the name's first word, or the id's last part ("values"). */
function namesLens(lens: LensOnDisk, wanted: string): boolean {
  const w = fold(wanted)
  const name = fold(lens.name)
  return w === lens.id || w === name || w === name.split(/[\s(]/)[0] || lens.id.endsWith(`-${w}`)
}

/**
 * The folder to load for `--scenario target --lens wanted`: the lens extension of the target's scenario
 * that `wanted` names (by id, name or short name), named as the user would type it; the target itself
 * for "default" or the target's own id or lens name. Wrong names are a usage error listing the lenses.
 */
export async function lensTarget(target: string, wanted: string | undefined): Promise<ScenarioTarget> {
  if (wanted === undefined) return { target }
  const disk = await readScenarioFromDisk(target)
  const own = parseLeniently(disk.files['scenario.json'])
  const id = typeof own?.id === 'string' ? own.id : undefined
  if (id === undefined) throw new CliError(`${target}: the scenario has no id, so it has no lenses`)
  const ownName = own?.lens && typeof (own.lens as { name?: unknown }).name === 'string' ? (own.lens as { name: string }).name : null
  const self: LensOnDisk = { id, name: ownName ?? 'default', folder: disk.folder }
  if (fold(wanted) === 'default' || namesLens(self, wanted)) return { target }
  const lenses = await findLenses(disk.folder, id)
  const matches = lenses.filter((lens) => namesLens(lens, wanted))
  if (matches.length !== 1) {
    const listed = [`default${ownName ? ` "${ownName}"` : ''}`, ...lenses.map((lens) => `${lens.id} "${lens.name}"`)].join(', ')
    const problem = matches.length === 0 ? `no lens of ${id} is called "${wanted}"` : `"${wanted}" names several lenses of ${id}`
    throw new UsageError(`--lens: ${problem} (lenses: ${listed})`)
  }
  const lens = matches[0]
  const near = dirname(lens.folder) === dirname(disk.folder)
  if (near) return { target: join(dirname(disk.shownFolder), basename(lens.folder)) }
  // A lens in the user's folder finds its base where the scenario it reads was found.
  return { target: lens.folder, alsoSearch: [dirname(disk.folder)] }
}
