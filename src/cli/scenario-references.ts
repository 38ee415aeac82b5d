// The files and bases a scenario file names, read once per file's bytes: the engine parses the whole file (with
// positions) to find them, and one command asks about the same file several times (reading its sources,
// gathering its bases, naming its lens), each a large share of the command's start for the shipped scenario.
import { fileReferences } from '../engine/scenario/index.ts'

export interface ScenarioReferences {
  readonly sourceFiles: readonly string[]
  readonly baseIds: readonly string[]
  readonly lensOf?: string
}

const known = new WeakMap<Uint8Array, ScenarioReferences>()

/** fileReferences(bytes), remembered for these bytes (frozen: copy a list to change it). */
export function scenarioReferences(bytes: Uint8Array): ScenarioReferences {
  let references = known.get(bytes)
  if (!references) {
    const found = fileReferences(bytes)
    references = Object.freeze({ ...found, sourceFiles: Object.freeze(found.sourceFiles), baseIds: Object.freeze(found.baseIds) })
    known.set(bytes, references)
  }
  return references
}
