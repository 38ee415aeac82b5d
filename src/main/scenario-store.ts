// Scenarios on disk: the shipped ones (read-only, from the app) and the user's own folder. A scenario is
// a folder holding scenario.json and, under sources/, the .txt files it cites. Everything here is untrusted:
// only regular files inside the folder are read, each under a size cap; anything else is skipped with a
// reason. Validation of the content is the engine's job in the renderer.
import { constants } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { dirname, join, sep } from 'node:path'
import type {
  HostResult,
  ScenarioFilesText,
  ScenarioListing,
  ScenarioOrigin,
  ScenarioRead,
  SkipReason,
  SkippedFile,
} from '../shared/host.ts'
import { fail, fileFailure, ok } from './host-result.ts'

export const MAX_SCENARIO_FILE_BYTES = 5 * 1024 * 1024
export const MAX_SCENARIO_TOTAL_BYTES = 32 * 1024 * 1024
export const MAX_SCENARIO_FILES = 256
export const MAX_SOURCES_DEPTH = 4
export const SCENARIO_MAIN_FILE = 'scenario.json'
export const SCENARIO_SOURCES_DIR = 'sources'

export interface ScenarioStoreOptions {
  shippedDir: string
  userDir: string
  /** Told about every skipped file, for the log (the Host result carries them too). */
  onSkipped?: (origin: ScenarioOrigin, folder: string, skipped: readonly SkippedFile[]) => void
  /** Injected in tests to simulate a path swapped for a link between listing and reading. */
  realpath?: (path: string) => Promise<string>
}

export interface ScenarioStore {
  listScenarios(): Promise<HostResult<ScenarioListing[]>>
  readScenario(origin: ScenarioOrigin, folder: string): Promise<HostResult<ScenarioRead>>
}

/** A plain folder name: no separators, no dot names, no control or reserved characters, at most 64 chars. */
export function isScenarioFolderName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.length >= 1 &&
    name.length <= 64 &&
    !name.startsWith('.') &&
    !/[\\/:*?"<>|\u0000-\u001f\u007f]/.test(name) &&
    name.trim() === name
  )
}

// Opening a FIFO would block without O_NONBLOCK; O_NOFOLLOW refuses a final symlink swapped in after lstat.
// Both are 0 (absent) on Windows, where lstat alone decides.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

type FileOutcome = { ok: true; text: string; bytes: number } | { ok: false; reason: SkipReason }

function isInside(realFolder: string, realPath: string): boolean {
  return realPath.startsWith(realFolder + sep)
}

async function readContainedFile(path: string, realFolder: string, realpath: (p: string) => Promise<string>): Promise<FileOutcome> {
  const info = await fsp.lstat(path).catch(() => null)
  if (!info) return { ok: false, reason: 'unreadable' }
  if (info.isSymbolicLink()) return { ok: false, reason: 'symlink' }
  if (!info.isFile()) return { ok: false, reason: 'not-a-regular-file' }
  if (info.size > MAX_SCENARIO_FILE_BYTES) return { ok: false, reason: 'too-large' }
  const real = await realpath(path).catch(() => null)
  if (real === null) return { ok: false, reason: 'unreadable' }
  if (!isInside(realFolder, real)) return { ok: false, reason: 'outside-folder' }
  let handle: fsp.FileHandle | null = null
  try {
    handle = await fsp.open(path, READ_FLAGS)
    const opened = await handle.stat()
    if (!opened.isFile() || opened.ino !== info.ino || opened.dev !== info.dev) return { ok: false, reason: 'changed-while-reading' }
    if (opened.size > MAX_SCENARIO_FILE_BYTES) return { ok: false, reason: 'too-large' }
    const bytes = await handle.readFile()
    if (bytes.length > MAX_SCENARIO_FILE_BYTES) return { ok: false, reason: 'too-large' }
    try {
      return { ok: true, text: utf8.decode(bytes), bytes: bytes.length }
    } catch {
      return { ok: false, reason: 'not-utf8' }
    }
  } catch (error) {
    return { ok: false, reason: (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'symlink' : 'unreadable' }
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

const MAIN_FILE_PROBLEMS: Record<SkipReason, string> = {
  symlink: 'scenario.json is a link; only plain files are read.',
  'not-a-regular-file': 'scenario.json is not a plain file.',
  'outside-folder': 'scenario.json is not inside the scenario folder.',
  'changed-while-reading': 'scenario.json changed while it was being read.',
  'too-large': `scenario.json is larger than ${MAX_SCENARIO_FILE_BYTES} bytes.`,
  'too-many-files': 'The scenario has too many files.',
  'too-deep': 'The scenario folder is nested too deeply.',
  'not-utf8': 'scenario.json is not UTF-8 text.',
  unreadable: 'scenario.json could not be read.',
  // Never produced for scenario.json by this reader; listed because the reasons are shared with imports.
  'not-a-scenario-file': 'scenario.json is not a scenario file.',
  duplicate: 'scenario.json appears twice.',
}

/** Reads scenario.json and sources/**\/*.txt from `<root>/<folder>`. */
export async function readScenarioFolder(
  root: string,
  folder: string,
  realpath: (path: string) => Promise<string> = fsp.realpath,
): Promise<HostResult<ScenarioRead>> {
  if (!isScenarioFolderName(folder)) return fail('invalid-argument', 'That is not a valid scenario folder name.')
  const folderPath = join(root, folder)
  const folderInfo = await fsp.lstat(folderPath).catch(() => null)
  if (!folderInfo?.isDirectory()) return fail('not-found', 'There is no scenario folder with that name.')
  let realFolder: string
  try {
    const realRoot = await realpath(root)
    realFolder = await realpath(folderPath)
    if (dirname(realFolder) !== realRoot) return fail('forbidden', 'The scenario folder is not where it should be.')
  } catch (error) {
    return fileFailure(error, 'read', 'the scenario folder')
  }

  const main = await readContainedFile(join(folderPath, SCENARIO_MAIN_FILE), realFolder, realpath)
  if (!main.ok) {
    if (main.reason === 'unreadable' && !(await fsp.lstat(join(folderPath, SCENARIO_MAIN_FILE)).catch(() => null)))
      return fail('not-found', 'The scenario folder has no scenario.json.')
    return fail(
      main.reason === 'too-large' ? 'too-large' : main.reason === 'unreadable' ? 'io-error' : 'forbidden',
      MAIN_FILE_PROBLEMS[main.reason],
    )
  }
  const files: ScenarioFilesText = { [SCENARIO_MAIN_FILE]: main.text }
  const skipped: SkippedFile[] = []
  let total = main.bytes
  let count = 1

  const sourcesInfo = await fsp.lstat(join(folderPath, SCENARIO_SOURCES_DIR)).catch(() => null)
  if (sourcesInfo?.isSymbolicLink()) skipped.push({ file: SCENARIO_SOURCES_DIR, reason: 'symlink' })
  else if (sourcesInfo?.isDirectory()) {
    // Iterative walk, sorted, so the order and the caps do not depend on the platform's readdir order.
    const pending: { relative: string; depth: number }[] = [{ relative: SCENARIO_SOURCES_DIR, depth: 1 }]
    while (pending.length > 0) {
      const { relative, depth } = pending.shift()!
      const entries = await fsp.readdir(join(folderPath, relative), { withFileTypes: true }).catch(() => null)
      if (!entries) {
        skipped.push({ file: relative, reason: 'unreadable' })
        continue
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      for (const entry of entries) {
        const key = `${relative}/${entry.name}`
        if (entry.isDirectory()) {
          if (depth >= MAX_SOURCES_DEPTH) skipped.push({ file: key, reason: 'too-deep' })
          else pending.push({ relative: key, depth: depth + 1 })
          continue
        }
        if (!entry.name.toLowerCase().endsWith('.txt')) {
          if (entry.isSymbolicLink()) skipped.push({ file: key, reason: 'symlink' })
          continue
        }
        if (count >= MAX_SCENARIO_FILES) {
          skipped.push({ file: key, reason: 'too-many-files' })
          continue
        }
        const read = await readContainedFile(join(folderPath, ...key.split('/')), realFolder, realpath)
        if (!read.ok) skipped.push({ file: key, reason: read.reason })
        else if (total + read.bytes > MAX_SCENARIO_TOTAL_BYTES) skipped.push({ file: key, reason: 'too-large' })
        else {
          files[key] = read.text
          total += read.bytes
          count++
        }
      }
    }
  } else if (sourcesInfo) skipped.push({ file: SCENARIO_SOURCES_DIR, reason: 'not-a-regular-file' })
  return ok({ files, skipped })
}

/** Top-level entries of a scenarios folder examined per listing; any beyond (in name order) are not listed. */
export const MAX_LISTED_ENTRIES = 500
// Sub-folders probed for a misplaced scenario.json, so a folder of many folders stays cheap to list.
const MAX_PROBED_SUBFOLDERS = 20
const MAX_LABEL_LENGTH = 64

const LINK_PROBLEM = 'This is a link. Only real folders inside your scenarios folder are read: copy the scenario in instead of linking it.'
const NAME_PROBLEM = "The folder name cannot be used: rename it with letters, digits, '-' or '_' (at most 64 characters)."
const NO_MAIN_FILE_PROBLEM = 'This folder has no scenario.json.'
const UNREADABLE_PROBLEM = 'The game cannot open this folder.'

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** A name fit to show: control characters become '?', and a cut to 64 characters ends in '?'. */
function printable(name: string): string {
  const shown = name.replace(/\p{Cc}/gu, '?')
  if (shown.length <= MAX_LABEL_LENGTH) return shown
  let cut = ''
  for (const char of shown) {
    if (cut.length + char.length > MAX_LABEL_LENGTH - 1) break
    cut += char
  }
  return `${cut}?`
}

/**
 * The label of a folder whose name fails isScenarioFolderName: every forbidden character, and leading or
 * trailing white space, becomes '?'. Every way to fail leaves a '?' (a too-long name is cut with one), and '?'
 * is itself forbidden, so a label never equals a valid folder name.
 */
function labelOf(name: string): string {
  return printable(name.replace(/[\\/:*?"<>|]/g, '?').replace(/^\s+|\s+$/g, (spaces) => '?'.repeat(spaces.length)))
}

/** Why a real folder with a valid name cannot be read as a scenario, or null when it can. */
async function problemOf(folderPath: string): Promise<string | null> {
  // lstat by name, as readScenarioFolder does, so a folder is listed as good exactly when it could be read
  // (on a case-insensitive disk, Scenario.json is then simply found).
  const main = await fsp.lstat(join(folderPath, SCENARIO_MAIN_FILE)).catch((error: NodeJS.ErrnoException) => error)
  if (!(main instanceof Error)) {
    if (main.isFile()) return null
    return MAIN_FILE_PROBLEMS[main.isSymbolicLink() ? 'symlink' : 'not-a-regular-file']
  }
  if (main.code !== 'ENOENT') return UNREADABLE_PROBLEM
  const entries = await fsp.readdir(folderPath, { withFileTypes: true }).catch(() => null)
  if (!entries) return UNREADABLE_PROBLEM
  entries.sort((a, b) => byName(a.name, b.name))
  const nested: string[] = []
  for (const entry of entries.filter((e) => e.isDirectory()).slice(0, MAX_PROBED_SUBFOLDERS)) {
    const inner = await fsp.lstat(join(folderPath, entry.name, SCENARIO_MAIN_FILE)).catch(() => null)
    if (inner?.isFile()) nested.push(entry.name)
  }
  if (nested.length === 1)
    return `There is no scenario.json at the top of this folder; one is in ${printable(nested[0])}/: move that folder's contents up one level.`
  const miscased = entries.find((e) => e.isFile() && e.name.toLowerCase() === SCENARIO_MAIN_FILE)
  if (miscased) return `Found ${printable(miscased.name)}: rename it ${SCENARIO_MAIN_FILE} (all lower case).`
  return NO_MAIN_FILE_PROBLEM
}

/**
 * Every folder and link at the top of `root` (dot-names and other files aside), each with the problem that
 * keeps it from being read, if any. The shipped folder lists only good scenarios: its broken ones are ours.
 */
async function listRoot(root: string, origin: ScenarioOrigin): Promise<ScenarioListing[]> {
  const entries = await fsp.readdir(root, { withFileTypes: true }).catch(() => [])
  // Dirent types come from lstat (or d_type): a link is seen as a link and never followed.
  const candidates = entries
    .filter((entry) => !entry.name.startsWith('.') && (entry.isDirectory() || entry.isSymbolicLink()))
    .sort((a, b) => byName(a.name, b.name))
    .slice(0, MAX_LISTED_ENTRIES)
  const listings: ScenarioListing[] = []
  const labels = new Set<string>()
  for (const entry of candidates) {
    const location = join(root, entry.name)
    const validName = isScenarioFolderName(entry.name)
    let folder = validName ? entry.name : labelOf(entry.name)
    // Only labels can repeat; suffixed ones keep their '?', so they cannot take a valid folder's name either.
    for (let n = 2; labels.has(folder); n++) folder = `${labelOf(entry.name)} (${n})`
    labels.add(folder)
    const problem = entry.isSymbolicLink() ? LINK_PROBLEM : !validName ? NAME_PROBLEM : await problemOf(location)
    if (problem === null) listings.push({ folder, origin, location })
    else if (origin === 'user') listings.push({ folder, origin, location, problem })
  }
  return listings.sort((a, b) => byName(a.folder, b.folder))
}

export function createScenarioStore(options: ScenarioStoreOptions): ScenarioStore {
  const { shippedDir, userDir, onSkipped, realpath = fsp.realpath } = options
  const rootOf = (origin: ScenarioOrigin) => (origin === 'shipped' ? shippedDir : userDir)
  return {
    async listScenarios() {
      // The user's folder is created so there is somewhere to put their own scenarios.
      await fsp.mkdir(userDir, { recursive: true }).catch(() => undefined)
      return ok([...(await listRoot(shippedDir, 'shipped')), ...(await listRoot(userDir, 'user'))])
    },
    async readScenario(origin, folder) {
      if (origin !== 'shipped' && origin !== 'user') return fail('invalid-argument', 'Unknown scenario origin.')
      const result = await readScenarioFolder(rootOf(origin), folder, realpath)
      if (result.ok && result.value.skipped.length > 0) onSkipped?.(origin, folder, result.value.skipped)
      return result
    },
  }
}
