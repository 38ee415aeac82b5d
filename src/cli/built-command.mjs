// Whether the command's JavaScript build (out/cli, made by build-cli.mjs) may run instead of the sources:
// only when it exists and every project file it was made from still holds the bytes it was made from. Files
// untouched since the build started are taken on their time alone; a file touched since (an edit, a checkout,
// an install from the packed tarball, which does not keep file times) is compared by its SHA-1.
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** The file that records what a build was made from and when. */
export const MANIFEST = 'manifest.json'

/** The SHA-1 of a file's bytes, as build-cli.mjs records it. */
export function digestOf(bytes) {
  // node:crypto loaded only when a file needs its digest: most starts of the command take every file on its time.
  return process.getBuiltinModule('node:crypto').createHash('sha1').update(bytes).digest('hex')
}

/**
 * The URL of the build's entry in `buildDir` when every input it lists (paths relative to `root`, each with its
 * digest) is unchanged, else null with the reason. A missing or unreadable manifest or input is "not fresh".
 */
export function freshBuild(root, buildDir) {
  let manifest
  try {
    manifest = JSON.parse(readFileSync(join(buildDir, MANIFEST), 'utf8'))
  } catch {
    return { entry: null, reason: `there is no build in ${buildDir}` }
  }
  const { startedMs, entry, inputs } = manifest ?? {}
  if (typeof startedMs !== 'number' || typeof entry !== 'string' || typeof inputs !== 'object' || inputs === null || Array.isArray(inputs))
    return { entry: null, reason: `${join(buildDir, MANIFEST)} is not a build manifest` }
  for (const [input, digest] of Object.entries(inputs)) {
    const path = join(root, input)
    const info = statSync(path, { throwIfNoEntry: false })
    if (!info) return { entry: null, reason: `${input} is gone since the build` }
    if (info.mtimeMs > startedMs && digestOf(readFileSync(path)) !== digest)
      return { entry: null, reason: `${input} changed after the build` }
  }
  return { entry: pathToFileURL(join(buildDir, entry)).href, reason: null }
}
