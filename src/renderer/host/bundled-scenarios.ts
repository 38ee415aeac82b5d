// The shipped scenarios, bundled into the browser edition at build time (data only, as text). Each file is a
// chunk of its own, loaded the first time its scenario is read: the title screen needs only their names.
import type { ScenarioFilesText } from '../../shared/host.ts'

const files = import.meta.glob<string>(['../../../scenarios/*/scenario.json', '../../../scenarios/*/sources/*.txt'], {
  query: '?raw',
  import: 'default',
})

/** Folder name → its files keyed relative to the folder, each a loader of its text. */
const byFolder = new Map<string, [relative: string, load: () => Promise<string>][]>()
for (const [path, load] of Object.entries(files)) {
  const match = /scenarios\/([^/]+)\/(.+)$/.exec(path)
  if (!match) continue
  const [, folder, relative] = match
  byFolder.set(folder, [...(byFolder.get(folder) ?? []), [relative, load]])
}

/** The shipped scenarios' folders. */
export function bundledFolders(): string[] {
  return [...byFolder.keys()]
}

/** A shipped scenario's files keyed relative to its folder, or undefined when there is no such folder. */
export async function bundledScenario(folder: string): Promise<ScenarioFilesText | undefined> {
  const entries = byFolder.get(folder)
  if (!entries) return undefined
  const texts = await Promise.all(entries.map(async ([relative, load]) => [relative, await load()] as const))
  return Object.fromEntries(texts)
}
