// Reads a scenario folder (or its scenario.json) from disk into the engine's loader, safely, by the rule every
// edition follows: nothing outside the scenario folder is read. Only plain files are read, links are never
// followed (a linked sources/ folder or source file is refused, as the desktop refuses it), every file's real
// path must lie inside the folder's real path, and each is under the size cap. A refused file is named with
// why, for the user to fix.
import { constants } from 'node:fs'
import type { Stats } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { scenarioReferences } from './scenario-references.ts'
import { CliError } from './errors.ts'

export const MAX_FILE_BYTES = 5 * 1024 * 1024
const MAIN_FILE = 'scenario.json'

// O_NOFOLLOW refuses a link swapped in after the checks; O_NONBLOCK keeps a FIFO from blocking the open.
// Both are absent (0) on Windows, where lstat alone decides.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/** A file the scenario names that was not read, and why. */
export interface RefusedFile {
  /** As the scenario names it, relative to its folder ("sources/a.txt"). */
  file: string
  /** Why, in words the user can act on. */
  why: string
}

export interface ScenarioOnDisk {
  folder: string
  /** How the user named the folder, for messages. */
  shownFolder: string
  /** The scenario file's own name: the loader always sees it as "scenario.json". */
  mainName: string
  files: Record<string, Uint8Array>
  /** Files the scenario names that were refused (the loader then reports them missing). */
  refused: RefusedFile[]
}

const THE_RULE = 'only files inside the scenario folder are read, and links are not followed'

/** What a non-regular file is, for messages. */
export function describeKind(info: Stats): string {
  if (info.isDirectory()) return 'a folder'
  if (info.isSymbolicLink()) return 'a link'
  if (info.isFIFO()) return 'a named pipe (FIFO)'
  if (info.isSocket()) return 'a socket'
  if (info.isBlockDevice() || info.isCharacterDevice()) return 'a device'
  return 'not a regular file'
}

function isInside(realFolder: string, realPath: string): boolean {
  return realPath.startsWith(realFolder.endsWith(sep) ? realFolder : realFolder + sep)
}

/** Why a link at `path` (shown as `shown`) is refused: where it leads, and whether that is outside. */
async function linkProblem(path: string, shown: string, realFolder: string): Promise<string> {
  const real = await fsp.realpath(path).catch(() => null)
  if (real === null) return `${shown} is a link (to nothing that exists); ${THE_RULE}`
  return isInside(realFolder, real)
    ? `${shown} is a link; ${THE_RULE} (copy the file in instead of linking it)`
    : `${shown} is a link to ${real}, outside the scenario folder; ${THE_RULE}`
}

type ContainedRead = { ok: true; bytes: Uint8Array } | { ok: false; missing: true } | { ok: false; missing: false; why: string }

/**
 * Reads `file` (relative, with forward slashes) from `folder`, whose real path is `realFolder`: every step of
 * the path a real folder, the file itself plain, its real path inside, no larger than the cap.
 */
export async function readContainedFile(folder: string, realFolder: string, file: string): Promise<ContainedRead> {
  const path = resolve(folder, file)
  const inside = relative(folder, path)
  if (inside === '' || isAbsolute(inside) || inside.split(sep)[0] === '..')
    return { ok: false, missing: false, why: `the path leads out of the scenario folder; ${THE_RULE}` }
  const steps = inside.split(sep)
  let info: Stats | null = null
  for (let n = 1; n <= steps.length; n++) {
    const shown = steps.slice(0, n).join('/')
    const at = join(folder, ...steps.slice(0, n))
    info = await fsp.lstat(at).catch(() => null)
    if (!info) return { ok: false, missing: true }
    if (info.isSymbolicLink()) return { ok: false, missing: false, why: await linkProblem(at, shown, realFolder) }
    if (n < steps.length && !info.isDirectory()) return { ok: false, missing: true }
  }
  if (!info!.isFile()) return { ok: false, missing: false, why: `it is ${describeKind(info!)}; only plain files are read` }
  if (info!.size > MAX_FILE_BYTES)
    return { ok: false, missing: false, why: `it is ${info!.size} bytes, over the ${MAX_FILE_BYTES}-byte limit` }
  const real = await fsp.realpath(path).catch(() => null)
  if (real === null) return { ok: false, missing: true }
  if (!isInside(realFolder, real))
    return { ok: false, missing: false, why: `it resolves to ${real}, outside the scenario folder; ${THE_RULE}` }
  let handle: fsp.FileHandle | null = null
  try {
    handle = await fsp.open(path, READ_FLAGS)
    const opened = await handle.stat()
    if (!opened.isFile() || opened.ino !== info!.ino || opened.dev !== info!.dev)
      return { ok: false, missing: false, why: 'it changed while it was being read' }
    const bytes = await handle.readFile()
    if (bytes.length > MAX_FILE_BYTES) return { ok: false, missing: false, why: `it is over the ${MAX_FILE_BYTES}-byte limit` }
    return { ok: true, bytes }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP') return { ok: false, missing: false, why: `it became a link while it was being read; ${THE_RULE}` }
    return { ok: false, missing: false, why: `it cannot be read (${code ?? (error as Error).message})` }
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/** The main file's bytes, or a CliError that says what is there instead (a link, a FIFO, a folder, nothing). */
async function readMainFile(path: string, shown: string): Promise<Uint8Array> {
  const info = await fsp.lstat(path).catch(() => null)
  if (!info) throw new CliError(`${shown}: no such file (a scenario folder holds ${MAIN_FILE})`)
  if (info.isSymbolicLink()) {
    const real = await fsp.realpath(path).catch(() => null)
    throw new CliError(
      `${shown}: is a link${real ? ` to ${real}` : ''}; only plain files are read (copy the file in instead of linking it)`,
    )
  }
  if (!info.isFile()) throw new CliError(`${shown}: is ${describeKind(info)}, not a plain file`)
  if (info.size > MAX_FILE_BYTES) throw new CliError(`${shown}: file is ${info.size} bytes, over the ${MAX_FILE_BYTES}-byte limit`)
  let handle: fsp.FileHandle | null = null
  try {
    handle = await fsp.open(path, READ_FLAGS)
    const opened = await handle.stat()
    if (!opened.isFile() || opened.ino !== info.ino || opened.dev !== info.dev)
      throw new CliError(`${shown}: changed while it was being read; try again`)
    const bytes = await handle.readFile()
    if (bytes.length > MAX_FILE_BYTES) throw new CliError(`${shown}: file is over the ${MAX_FILE_BYTES}-byte limit`)
    return bytes
  } catch (error) {
    if (error instanceof CliError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new CliError(
      `${shown}: ${code === 'ELOOP' ? 'became a link while it was being read' : `cannot be read (${code ?? 'unknown error'})`}`,
    )
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

export async function readScenarioFromDisk(target: string): Promise<ScenarioOnDisk> {
  const absolute = resolve(target)
  const info = await fsp.lstat(absolute).catch(() => null)
  if (!info) throw new CliError(`${target}: no such file or folder`)
  if (info.isSymbolicLink()) {
    const real = await fsp.realpath(absolute).catch(() => null)
    throw new CliError(`${target}: is a link${real ? `; name what it leads to instead: ${real}` : ' to nothing that exists'}`)
  }
  if (!info.isFile() && !info.isDirectory()) throw new CliError(`${target}: is ${describeKind(info)}, not a scenario file or folder`)
  const folder = info.isFile() ? dirname(absolute) : absolute
  const shownFolder = info.isFile() ? dirname(target) : target
  const mainName = info.isFile() ? basename(absolute) : MAIN_FILE
  const files: Record<string, Uint8Array> = {
    [MAIN_FILE]: await readMainFile(info.isFile() ? absolute : join(folder, MAIN_FILE), join(shownFolder, mainName)),
  }
  const realFolder = await fsp.realpath(folder)
  const refused: RefusedFile[] = []
  for (const file of scenarioReferences(files[MAIN_FILE]).sourceFiles) {
    const read = await readContainedFile(folder, realFolder, file)
    if (read.ok) files[file] = read.bytes
    else if (!read.missing) refused.push({ file, why: read.why })
  }
  return { folder, shownFolder, mainName, files, refused }
}
