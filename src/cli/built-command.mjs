// Whether the command's JavaScript build (out/cli, made by build-cli.mjs) may run instead of the sources:
// only when it exists and no file it was made from has changed since the build started.
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** The file that records what a build was made from and when. */
export const MANIFEST = 'manifest.json'

/**
 * The URL of the build's entry in `buildDir` when it is at least as new as every input it lists (paths
 * relative to `root`), else null with the reason. A missing or unreadable manifest or input is "not fresh".
 */
export function freshBuild(root, buildDir) {
  let manifest
  try {
    manifest = JSON.parse(readFileSync(join(buildDir, MANIFEST), 'utf8'))
  } catch {
    return { entry: null, reason: `there is no build in ${buildDir}` }
  }
  const { startedMs, entry, inputs } = manifest ?? {}
  if (typeof startedMs !== 'number' || typeof entry !== 'string' || !Array.isArray(inputs))
    return { entry: null, reason: `${join(buildDir, MANIFEST)} is not a build manifest` }
  for (const input of inputs) {
    const info = statSync(join(root, input), { throwIfNoEntry: false })
    if (!info) return { entry: null, reason: `${input} is gone since the build` }
    if (info.mtimeMs > startedMs) return { entry: null, reason: `${input} changed after the build` }
  }
  return { entry: pathToFileURL(join(buildDir, entry)).href, reason: null }
}
