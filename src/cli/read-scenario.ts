// Reads a scenario folder (or its scenario.json) from disk into the engine's loader, safely:
// regular files only, inside the folder, under the size cap.
import { lstat, readFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { fileReferences } from '../engine/scenario/index.ts'
import { CliError } from './errors.ts'

export const MAX_FILE_BYTES = 5 * 1024 * 1024
const MAIN_FILE = 'scenario.json'

export interface ScenarioOnDisk {
  folder: string
  /** How the user named the folder, for messages. */
  shownFolder: string
  /** The scenario file's own name: the loader always sees it as "scenario.json". */
  mainName: string
  files: Record<string, Uint8Array>
}

async function regularFileSize(path: string): Promise<number | null> {
  try {
    const info = await lstat(path)
    return info.isFile() ? info.size : null
  } catch {
    return null
  }
}

export async function readScenarioFromDisk(target: string): Promise<ScenarioOnDisk> {
  const absolute = resolve(target)
  let folder = absolute
  const info = await lstat(absolute).catch(() => null)
  if (!info) throw new CliError(`${target}: no such file or folder`)
  if (info.isFile()) folder = dirname(absolute)
  else if (!info.isDirectory()) throw new CliError(`${target}: not a regular file or folder`)
  const shownFolder = info.isFile() ? dirname(target) : target
  const mainPath = info.isFile() ? absolute : join(folder, MAIN_FILE)
  const mainName = info.isFile() ? basename(absolute) : MAIN_FILE
  const mainSize = await regularFileSize(mainPath)
  if (mainSize === null) throw new CliError(`${join(shownFolder, mainName)}: no such file (a scenario folder holds ${MAIN_FILE})`)
  if (mainSize > MAX_FILE_BYTES)
    throw new CliError(`${join(shownFolder, mainName)}: file is ${mainSize} bytes, over the ${MAX_FILE_BYTES}-byte limit`)
  const files: Record<string, Uint8Array> = { [MAIN_FILE]: await readFile(mainPath) }
  for (const file of fileReferences(files[MAIN_FILE]).sourceFiles) {
    const path = resolve(folder, file)
    const inside = relative(folder, path)
    if (inside.startsWith('..') || inside.includes(`..${sep}`) || resolve(path) !== path) continue
    const size = await regularFileSize(path)
    if (size === null || size > MAX_FILE_BYTES) continue
    files[file] = await readFile(path)
  }
  return { folder, shownFolder, mainName, files }
}
