// Where the Electron binary is, if it is already on disk. Never downloads: the electron package fetches its
// binary lazily on first require, which hangs or fails on a machine without access to its release server.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The binary the electron package would run (a path that may not exist yet), or null without the package. */
export function installedElectron(root) {
  try {
    const require = createRequire(join(root, 'package.json'))
    const packageDir = dirname(require.resolve('electron/package.json'))
    const pathFile = join(packageDir, 'path.txt')
    const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null
    if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    return relative ? join(packageDir, 'dist', relative) : null
  } catch {
    return null
  }
}

/** The folder holding the Electron distribution (what electron-builder packages), when its binary is on disk. */
export function electronDistFolder(root) {
  const binary = installedElectron(root)
  if (!binary || !existsSync(binary)) return null
  return (
    process.env.ELECTRON_OVERRIDE_DIST_PATH ??
    join(dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json')), 'dist')
  )
}
