// The user's scenario folder, as the player sees it: its location, and showing it in the system's file
// manager. The renderer never sends a path; the only folder ever opened is the one main was given.
import * as fsp from 'node:fs/promises'
import { resolve } from 'node:path'
import type { HostResult, UserScenarioFolder } from '../shared/host.ts'
import { fail, ok } from './host-result.ts'

/** Electron's `shell.openPath`: resolves to an error text, or '' when the folder was shown. */
export type OpenPath = (path: string) => Promise<string>

/** Creates the folder if it is missing; true when a folder (or a link to one) is there afterwards. */
async function ensureFolder(dir: string): Promise<boolean> {
  await fsp.mkdir(dir, { recursive: true }).catch(() => undefined)
  const info = await fsp.stat(dir).catch(() => null)
  return info?.isDirectory() === true
}

export async function userScenarioFolder(dir: string): Promise<HostResult<UserScenarioFolder>> {
  const exists = await ensureFolder(dir)
  // A folder that could not be created cannot be shown; the player still learns where it should be.
  return ok({ location: resolve(dir), canOpen: exists })
}

export async function openUserScenarioFolder(dir: string, openPath: OpenPath): Promise<HostResult<null>> {
  // Only ever a folder: openPath on a file would launch it with its default application.
  if (!(await ensureFolder(dir))) return fail('io-error', 'Could not open the folder.')
  try {
    const error = await openPath(resolve(dir))
    return error === '' ? ok(null) : fail('io-error', 'Could not open the folder.')
  } catch {
    return fail('io-error', 'Could not open the folder.')
  }
}
