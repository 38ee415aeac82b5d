// A scenario folder loaded from disk with everything it needs: its files, the bases it extends, and the
// engine's verdict; and diagnostics named as the user named the folder.
import { isAbsolute, join } from 'node:path'
import type { CompiledScenario } from '../engine/index.ts'
import { compileScenario } from '../engine/index.ts'
import type { Diagnostic, LoadResult, RelatedLocation } from '../engine/scenario/index.ts'
import { formatDiagnostic, loadScenario } from '../engine/scenario/index.ts'
import { CliError } from './errors.ts'
import { nativeSha256 } from './native-hash.ts'
import { readScenarioFromDisk } from './read-scenario.ts'
import type { RefusedFile, ScenarioOnDisk } from './read-scenario.ts'
import { baseLoadOptions, defaultSearchFolders, gatherBases } from './resolve-base.ts'
import type { ResolvedBases, ScenarioTarget } from './resolve-base.ts'

/** A path the engine gave relative to the scenario folder, as the user would type it. */
export function shownPath(shownFolder: string, file: string): string {
  return isAbsolute(file) ? file : join(shownFolder, file)
}

function shownLocation<At extends RelatedLocation>(at: At, shownFolder: string, mainName: string): At {
  return { ...at, file: shownPath(shownFolder, at.file === 'scenario.json' ? mainName : at.file) }
}

/** Formats diagnostics with paths as the user named them (`mainName`: the scenario file's real name). */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], shownFolder: string, mainName = 'scenario.json'): string[] {
  return diagnostics.map((d) =>
    formatDiagnostic({
      ...shownLocation(d, shownFolder, mainName),
      ...(d.related ? { related: d.related.map((at) => shownLocation(at, shownFolder, mainName)) } : {}),
    }),
  )
}

export interface CheckedScenario {
  disk: ScenarioOnDisk
  bases: ResolvedBases
  result: LoadResult
  /** One line for each file of the scenario or its bases that was refused, naming the file and why. */
  refused: string[]
}

/** `folder/file: error: not read: why`, in the form of the loader's diagnostics. */
export function refusedLines(refused: readonly RefusedFile[], shownFolder: string): string[] {
  return refused.map(({ file, why }) => `${shownPath(shownFolder, file)}: error: not read: ${why}`)
}

/** Reads a scenario folder and the bases it names, and runs the loader; throws a CliError only when there is no scenario to read. */
export async function checkScenarioOnDisk(target: string, alsoSearch: readonly string[] = []): Promise<CheckedScenario> {
  const disk = await readScenarioFromDisk(target)
  const bases = await gatherBases(disk.folder, disk.files['scenario.json'], [
    ...new Set([...defaultSearchFolders(disk.folder), ...alsoSearch]),
  ])
  const result = loadScenario(disk.files, { ...baseLoadOptions(bases, disk.folder), sha256: nativeSha256 })
  const refused = [
    ...refusedLines(disk.refused, disk.shownFolder),
    ...[...bases.bases.values()].flatMap((base) => refusedLines(base.refused, base.folder)),
  ]
  return { disk, bases, result, refused }
}

export interface LoadedScenario {
  scenario: CompiledScenario
  warnings: string[]
  checked: CheckedScenario
}

/** Loads and compiles a scenario, or throws a CliError listing every diagnostic. */
export async function loadScenarioFromDisk(target: string | ScenarioTarget): Promise<LoadedScenario> {
  const { target: folder, alsoSearch } = typeof target === 'string' ? { target, alsoSearch: [] } : target
  const checked = await checkScenarioOnDisk(folder, alsoSearch)
  const { disk, result } = checked
  if (!result.ok) {
    const lines = [...checked.refused, ...formatDiagnostics(result.diagnostics, disk.shownFolder, disk.mainName)]
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length
    throw new CliError(`${folder}: invalid scenario (${errors} error${errors === 1 ? '' : 's'})`, lines)
  }
  return {
    scenario: compileScenario(result.scenario, result.sources, result.hash),
    warnings: [...checked.refused, ...formatDiagnostics(result.diagnostics, disk.shownFolder, disk.mainName)],
    checked,
  }
}
