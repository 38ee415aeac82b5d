// The shipped scenarios, bundled into the browser edition at build time (data only, as text).
import type { ScenarioFilesText } from '../../shared/host.ts'

const files = import.meta.glob(['../../../scenarios/*/scenario.json', '../../../scenarios/*/sources/*.txt'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

/** Folder name → its files keyed relative to the folder. */
export function bundledScenarios(): Map<string, ScenarioFilesText> {
  const byFolder = new Map<string, ScenarioFilesText>()
  for (const [path, text] of Object.entries(files)) {
    const match = /scenarios\/([^/]+)\/(.+)$/.exec(path)
    if (!match) continue
    const [, folder, relative] = match
    let entry = byFolder.get(folder)
    if (!entry) byFolder.set(folder, (entry = {}))
    entry[relative] = text
  }
  return byFolder
}
