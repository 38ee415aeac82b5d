// The user's own scenarios in the browser edition: what an import is made of, and the folder it is
// kept under (named from the scenario's id, so that importing the same scenario again replaces it).
import type { HostResult, ScenarioFilesText, ScenarioListing } from '../../shared/host.ts'

/** A scenario file the user picked: scenario.json, or a source text. */
export interface PickedFile {
  name: string
  text: string
}

/** An edition that keeps the user's scenarios (the browser one; the desktop reads a folder instead). */
export interface ScenarioImporter {
  importScenario(files: ScenarioFilesText): Promise<HostResult<ScenarioListing>>
}

export function canImportScenarios(host: object): host is ScenarioImporter {
  return typeof (host as Partial<ScenarioImporter>).importScenario === 'function'
}

/** The files of a scenario from the files picked: scenario.json at the top, every .txt under sources/. */
export function scenarioFilesOf(picked: readonly PickedFile[]): { files: ScenarioFilesText; ignored: string[] } {
  const files: ScenarioFilesText = {}
  const ignored: string[] = []
  for (const file of picked) {
    const name = file.name.split(/[\\/]/).pop() ?? file.name
    if (name === 'scenario.json') files['scenario.json'] = file.text
    else if (/\.txt$/i.test(name)) files[`sources/${name}`] = file.text
    else ignored.push(name)
  }
  return { files, ignored }
}

/**
 * The folder a scenario is kept under: its id made safe; "untitled" when scenario.json gives no id (it
 * is kept all the same, so that its problems are listed); null when there is no scenario.json.
 */
const UNTITLED = 'untitled'

export function userFolderOf(files: ScenarioFilesText): string | null {
  const text = files['scenario.json']
  if (text === undefined) return null
  let id: unknown
  try {
    const parsed: unknown = JSON.parse(text)
    id = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>).id : undefined
  } catch {
    return UNTITLED
  }
  if (typeof id !== 'string') return UNTITLED
  const folder = id
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 64)
  return folder === '' ? UNTITLED : folder
}
