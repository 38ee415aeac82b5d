// The extension fixtures: each folder of tests/fixtures/extensions, loaded with a resolver that finds
// bases among those folders and a few scenario fixtures, each named "../<id>" in diagnostics.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { LoadOptions, LoadResult, ScenarioFiles } from '../../src/engine/scenario/index.ts'
import { loadScenario } from '../../src/engine/scenario/index.ts'
import { ROOT } from './scenarios.ts'

export const EXTENSION_FIXTURES = join(ROOT, 'tests', 'fixtures', 'extensions')
const SCENARIO_FIXTURES = join(ROOT, 'tests', 'fixtures', 'scenarios')

/** Base ids that are not extension fixtures, and the folder each resolves to. */
const OTHER_BASES: Readonly<Record<string, string>> = {
  minimal: join(SCENARIO_FIXTURES, 'minimal'),
  'tarn-rock': join(SCENARIO_FIXTURES, 'modding-tutorial'),
  malformed: join(SCENARIO_FIXTURES, 'broken', 'malformed-json'),
  // A folder whose scenario has another id than the one asked for.
  renamed: join(SCENARIO_FIXTURES, 'minimal'),
}

/** Every file of a folder, by path relative to it. */
export function folderFiles(folder: string, prefix = ''): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {}
  for (const entry of readdirSync(join(folder, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`
    if (entry.isDirectory()) Object.assign(files, folderFiles(folder, path))
    else files[path] = new Uint8Array(readFileSync(join(folder, path)))
  }
  return files
}

export function fixtureFolder(id: string): string | undefined {
  if (Object.hasOwn(OTHER_BASES, id)) return OTHER_BASES[id]
  const folder = join(EXTENSION_FIXTURES, id)
  return existsSync(join(folder, 'scenario.json')) ? folder : undefined
}

export const fixtureResolver: Required<Pick<LoadOptions, 'resolveBase' | 'knownBaseIds'>> = {
  resolveBase: (id) => {
    const folder = fixtureFolder(id)
    return folder ? { files: folderFiles(folder), location: `../${id}` } : undefined
  },
  knownBaseIds: ['minimal', 'tarn-rock', ...readdirSync(EXTENSION_FIXTURES)],
}

export function loadExtensionFixture(name: string, files?: ScenarioFiles, options: LoadOptions = {}): LoadResult {
  return loadScenario(files ?? folderFiles(join(EXTENSION_FIXTURES, name)), { ...fixtureResolver, ...options })
}
