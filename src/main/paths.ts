// Where the desktop edition keeps things. Everything the user owns lives under Electron's userData folder:
//
//   <userData>/saves/<slot>.json            newest save of a slot
//   <userData>/saves/<slot>.<n>.json        previous generations, n = 1 … KEPT_SAVE_GENERATIONS (1 is the newest)
//   <userData>/saves/trash/<slot>-<stamp>/  deleted slots, kept 30 days within 50 MB in all (src/main/tidy.ts)
//   <userData>/settings.json (+ settings.1.json)
//   <userData>/scenarios/<folder>/…         the user's own scenarios (watched for changes while the app runs)
//   <userData>/rules/<hash>.json            the exact rules a game was played with, under their SHA-256; never rewritten
//   <userData>/exports/                     the default folder offered when exporting
//
// Shipped scenarios are read from `<app root>/scenarios` in development (the project's own scenarios/ folder,
// found from the built main file at out/main/index.js) and from `<resources>/scenarios` in a packaged app,
// where the packager copies them (electron-builder: extraResources [{ from: "scenarios", to: "scenarios" }]).
import { join, resolve } from 'node:path'
import type { SlotId } from '../shared/host.ts'

export const KEPT_SAVE_GENERATIONS = 3
export const KEPT_SETTINGS_GENERATIONS = 1

export interface UserDataLayout {
  root: string
  savesDir: string
  trashDir: string
  settingsFile: string
  scenariosDir: string
  rulesDir: string
  exportsDir: string
}

export function userDataLayout(userData: string): UserDataLayout {
  const root = resolve(userData)
  const savesDir = join(root, 'saves')
  return {
    root,
    savesDir,
    trashDir: join(savesDir, 'trash'),
    settingsFile: join(root, 'settings.json'),
    scenariosDir: join(root, 'scenarios'),
    rulesDir: join(root, 'rules'),
    exportsDir: join(root, 'exports'),
  }
}

/** `<dir>/<name>.json` for generation 0, `<dir>/<name>.<n>.json` for older ones. */
export function generationFile(dir: string, name: string, generation: number): string {
  return join(dir, generation === 0 ? `${name}.json` : `${name}.${generation}.json`)
}

/** The paths of a slot's generations, newest (0) first. The slot id must already be validated. */
export function slotFiles(layout: UserDataLayout, slot: SlotId): string[] {
  return Array.from({ length: KEPT_SAVE_GENERATIONS + 1 }, (_, n) => generationFile(layout.savesDir, slot, n))
}

export function settingsFiles(layout: UserDataLayout): string[] {
  return Array.from({ length: KEPT_SETTINGS_GENERATIONS + 1 }, (_, n) => generationFile(layout.root, 'settings', n))
}

/** Recognises `<slot>.json` and `<slot>.<n>.json` file names in the saves folder. */
export function parseSaveFileName(name: string): { slot: string; generation: number } | null {
  const match = /^([a-z0-9][a-z0-9-]*?)(?:\.([1-9]))?\.json$/.exec(name)
  if (!match) return null
  const generation = match[2] === undefined ? 0 : Number(match[2])
  return generation <= KEPT_SAVE_GENERATIONS ? { slot: match[1], generation } : null
}

export interface AppLocations {
  /** The folder holding the built renderer (index.html and assets). */
  rendererDir: string
  preloadFile: string
  shippedScenariosDir: string
}

/**
 * Locations of the app's own files, from the folder of the built main file (out/main). In development the
 * app root is two levels up; packaged, shipped scenarios come from the resources folder.
 */
export function appLocations(mainDir: string, packaged: { resourcesPath: string } | null): AppLocations {
  const appRoot = resolve(mainDir, '..', '..')
  return {
    rendererDir: resolve(mainDir, '..', 'renderer'),
    preloadFile: resolve(mainDir, '..', 'preload', 'index.cjs'),
    shippedScenariosDir: packaged ? join(packaged.resourcesPath, 'scenarios') : join(appRoot, 'scenarios'),
  }
}
