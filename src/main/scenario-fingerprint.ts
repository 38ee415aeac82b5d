// Cheap fingerprints of the user's scenario folders, for noticing changes without a file-system watcher:
// names, types, sizes, modification times and inode numbers of scenario.json and of sources/** (walked with
// the store's depth cap). Nothing is read; a change of content that keeps size, time and inode is missed,
// as are entries past MAX_FINGERPRINT_ENTRIES in one folder.
import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import { MAX_SCENARIO_FILES, MAX_SOURCES_DEPTH, SCENARIO_MAIN_FILE, SCENARIO_SOURCES_DIR, isScenarioFolderName } from './scenario-store.ts'

export const MAX_FINGERPRINT_ENTRIES = 4 * MAX_SCENARIO_FILES

/** The scenario folders directly in `root` (plain folders with a valid name; links are not followed), sorted. */
export async function listScenarioFolders(root: string): Promise<string[]> {
  const entries = await fsp.readdir(root, { withFileTypes: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isDirectory() && isScenarioFolderName(entry.name))
    .map((entry) => entry.name)
    .sort()
}

async function stamp(path: string, name: string): Promise<string> {
  const info = await fsp.lstat(path, { bigint: true }).catch(() => null)
  if (!info) return `${name}:-`
  const kind = info.isFile() ? 'f' : info.isDirectory() ? 'd' : info.isSymbolicLink() ? 'l' : 'o'
  return `${name}:${kind}:${info.size}:${info.mtimeNs}:${info.ino}`
}

export async function fingerprintFolder(folderPath: string): Promise<string> {
  const parts = [await stamp(join(folderPath, SCENARIO_MAIN_FILE), SCENARIO_MAIN_FILE)]
  parts.push(await stamp(join(folderPath, SCENARIO_SOURCES_DIR), SCENARIO_SOURCES_DIR))
  const pending = [{ relative: SCENARIO_SOURCES_DIR, depth: 1 }]
  let count = 0
  while (pending.length > 0 && count < MAX_FINGERPRINT_ENTRIES) {
    const { relative, depth } = pending.shift()!
    const entries = await fsp.readdir(join(folderPath, relative), { withFileTypes: true }).catch(() => [])
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (++count > MAX_FINGERPRINT_ENTRIES) break
      const key = `${relative}/${entry.name}`
      parts.push(await stamp(join(folderPath, key), key))
      if (entry.isDirectory() && depth < MAX_SOURCES_DEPTH) pending.push({ relative: key, depth: depth + 1 })
    }
  }
  return parts.join('\n')
}

/** Every scenario folder in `root` with its fingerprint; an unreadable or missing root has none. */
export async function fingerprintScenarioFolders(root: string): Promise<Map<string, string>> {
  const prints = new Map<string, string>()
  for (const folder of await listScenarioFolders(root)) prints.set(folder, await fingerprintFolder(join(root, folder)))
  return prints
}

/** The folders added, removed or changed between two fingerprints, sorted. */
export function changedFolders(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const changed = new Set<string>()
  for (const [folder, print] of after) if (before.get(folder) !== print) changed.add(folder)
  for (const folder of before.keys()) if (!after.has(folder)) changed.add(folder)
  return [...changed].sort()
}
