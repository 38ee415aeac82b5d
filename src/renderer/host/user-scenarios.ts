// The user's own scenarios in the browser edition: what an import is made of, and the folder it is
// kept under (named from the scenario's id, so that importing the same scenario again replaces it).
import type { HostResult, ScenarioFilesText, ScenarioListing, ScenarioRead, SkippedFile } from '../../shared/host.ts'

/** A file the user picked: scenario.json, a source text, or something that does not belong. */
export interface PickedFile {
  name: string
  bytes: Uint8Array
}

/** The largest file an import takes, as the desktop edition's folder reader. */
export const MAX_IMPORTED_FILE_BYTES = 5 * 1024 * 1024

/** An edition that keeps the user's scenarios (the browser one; the desktop reads a folder instead). */
export interface ScenarioImporter {
  /** Keeps the files read, and the files left out with why (shown with the scenario's problems). */
  importScenario(read: ScenarioRead): Promise<HostResult<ScenarioListing>>
  deleteScenario(folder: string): Promise<HostResult<null>>
}

export function canImportScenarios(host: object): host is ScenarioImporter {
  const importer = host as Partial<ScenarioImporter>
  return typeof importer.importScenario === 'function' && typeof importer.deleteScenario === 'function'
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * The files of a scenario from the files picked: scenario.json at the top, every .txt under sources/;
 * every other file is left out with a reason, as the desktop edition does for a folder.
 */
export function scenarioFilesOf(picked: readonly PickedFile[]): ScenarioRead {
  const read: ScenarioRead = { files: {}, skipped: [] }
  const skip = (file: string, reason: SkippedFile['reason']) => read.skipped.push({ file, reason })
  for (const file of picked) {
    const name = file.name.split(/[\\/]/).pop() ?? file.name
    const key = name === 'scenario.json' ? name : /\.txt$/i.test(name) ? `sources/${name}` : null
    if (key === null) skip(name, 'not-a-scenario-file')
    else if (key in read.files) skip(name, 'duplicate')
    else if (file.bytes.length > MAX_IMPORTED_FILE_BYTES) skip(name, 'too-large')
    else {
      try {
        read.files[key] = utf8.decode(file.bytes)
      } catch {
        skip(name, 'not-utf8')
      }
    }
  }
  return read
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
