// Finds the Electron binary the way the electron package does, but without its download fallback: a test run
// must never fetch 100 MB. ELECTRON_OVERRIDE_DIST_PATH points at a preinstalled Electron (as in CI images).
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export const projectRoot = join(import.meta.dirname, '..', '..')

export function findElectronBinary(): string | null {
  try {
    const packageDir = dirname(createRequire(join(projectRoot, 'package.json')).resolve('electron/package.json'))
    const pathFile = join(packageDir, 'path.txt')
    const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
    const binary = override ? join(override, relative || 'electron') : relative ? join(packageDir, 'dist', relative) : null
    return binary && existsSync(binary) ? binary : null
  } catch {
    return null
  }
}
