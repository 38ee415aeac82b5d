// Test helpers: the default scenario, compiled once, and edited copies of it (rules switched off,
// starting values changed, a subset of the actors) for isolating one rule at a time.
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CompiledScenario, RuleData, ScenarioFile } from '../../src/engine/index.ts'
import { Scenario, compileScenario } from '../../src/engine/index.ts'
import { formatDiagnostic, loadScenario } from '../../src/engine/scenario/index.ts'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const DEFAULT_SCENARIO_DIR = join(ROOT, 'scenarios', 'pin-pricks-2021')

interface Loaded {
  file: ScenarioFile
  sources: Record<string, readonly string[]>
  hash: string
}

/** The files of a scenario folder as the loader takes them: scenario.json plus every listed source. */
export function scenarioFiles(folder: string): Record<string, Uint8Array> {
  const main = readFileSync(join(folder, 'scenario.json'))
  const files: Record<string, Uint8Array> = { 'scenario.json': new Uint8Array(main) }
  const data = JSON.parse(main.toString('utf8')) as { sources?: { file?: string }[] }
  for (const source of data.sources ?? []) {
    if (typeof source.file === 'string') files[source.file] = new Uint8Array(readFileSync(join(folder, source.file)))
  }
  return files
}

/** Loads a scenario folder with the engine's loader (schema, quote checks, content hash), or throws. */
export function loadFolder(folder: string): Loaded {
  const result = loadScenario(scenarioFiles(folder))
  if (!result.ok) throw new Error(`${folder} does not load:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`)
  return { file: result.scenario, sources: result.sources, hash: result.hash }
}

const loaded = loadFolder(DEFAULT_SCENARIO_DIR)
const compiled = compileScenario(loaded.file, loaded.sources, loaded.hash)

/** The default scenario, compiled once (treat it as read-only). */
export function defaultScenario(): CompiledScenario {
  return compiled
}

/** A fresh, freely editable copy of the default scenario file. */
export function defaultFile(): ScenarioFile {
  return structuredClone(loaded.file)
}

/** Compiles an edited copy of the default scenario; the copy must still pass the schema. */
export function variant(edit: (file: ScenarioFile) => void): CompiledScenario {
  const file = defaultFile()
  edit(file)
  return compileScenario(Scenario.parse(file), loaded.sources, `${loaded.hash}-variant`)
}

/** Switches off every rule except those whose ids are listed. */
export function onlyRules(file: ScenarioFile, ...keep: string[]): void {
  for (const id of keep) {
    if (!file.rules.some((rule) => rule.id === id)) throw new Error(`no rule "${id}" in the scenario`)
  }
  for (const rule of file.rules) rule.enabled = keep.includes(rule.id)
}

/** Switches off the rules whose ids are listed. */
export function disableRules(file: ScenarioFile, ...ids: string[]): void {
  for (const id of ids) {
    const rule = file.rules.find((r) => r.id === id)
    if (!rule) throw new Error(`no rule "${id}" in the scenario`)
    rule.enabled = false
  }
}

/** The id of the (first) rule of a kind in the default scenario. */
export function ruleIdOfKind(kind: RuleData['kind']): string {
  const rule = loaded.file.rules.find((r) => r.kind === kind)
  if (!rule) throw new Error(`no rule of kind "${kind}" in the scenario`)
  return rule.id
}

type PairTable = ScenarioFile['start']['alignment']

/** Sets the value of one pair in a pair table (replacing an entry in either order, or adding one). */
export function setPair(table: PairTable, a: string, b: string, value: number): void {
  const entry = table.pairs.find((e) => (e.pair[0] === a && e.pair[1] === b) || (e.pair[0] === b && e.pair[1] === a))
  if (entry) entry.value = value
  else table.pairs.push({ pair: [a, b], value, assumption: 'a value set by a test' })
}

/** Sets every pair of a table to one value. */
export function setAllPairs(table: PairTable, value: number): void {
  table.default.value = value
  table.pairs = []
}

/** Sets one actor's starting readiness. */
export function setReadiness(file: ScenarioFile, actor: string, value: number): void {
  const entry = file.start.readiness.actors.find((e) => e.actor === actor)
  if (entry) entry.value = value
  else file.start.readiness.actors.push({ actor, value, assumption: 'a value set by a test' })
}

/**
 * A scenario of only the listed actors: pair tables, contacts and role objectives are cut down to them,
 * only structural rules (and rules of pairs still present) are kept, and only actions among them
 * that name no absent actor.
 */
export function subsetFile(ids: readonly string[]): ScenarioFile {
  const file = defaultFile()
  const keep = new Set(ids)
  const bothKept = (pair: readonly string[]) => keep.has(pair[0]) && keep.has(pair[1])
  file.actors = file.actors.filter((actor) => keep.has(actor.id))
  for (const table of [file.static.baseline, file.start.alignment, file.start.tension, file.start.commitment, file.start.interdependence]) {
    table.pairs = table.pairs.filter((entry) => bothKept(entry.pair))
  }
  file.static.contact = file.static.contact.filter((entry) => bothKept(entry.pair))
  file.start.readiness.actors = file.start.readiness.actors.filter((entry) => keep.has(entry.actor))
  const refsKept = (ref: string) => !/^[A-Z]/.test(ref) || keep.has(ref)
  file.actions = file.actions
    .map((action) => ({
      ...action,
      actors: action.actors.filter((id) => keep.has(id)),
      ...(action.partners ? { partners: { ...action.partners, from: action.partners.from.filter((id) => keep.has(id)) } } : {}),
      ...(action.targets?.from ? { targets: { ...action.targets, from: action.targets.from.filter((id) => keep.has(id)) } } : {}),
    }))
    .filter(
      (action) =>
        action.actors.length > 0 &&
        (!action.partners || action.partners.from.length > action.partners.min) &&
        (!action.targets?.from || action.targets.from.length >= action.targets.min) &&
        action.effects.every((effect) =>
          'between' in effect ? effect.between.every(refsKept) : refsKept(effect.of) && (!('toward' in effect) || refsKept(effect.toward)),
        ),
    )
  file.rules = file.rules.filter((rule) => {
    if (rule.kind === 'reaction' || rule.kind === 'double-containment') return false
    if (rule.kind === 'autonomy-cap' || rule.kind === 'quasi-alliance') return bothKept(rule.pair)
    return true
  })
  file.roles = [
    {
      id: 'test-role',
      actor: ids[0],
      name: 'Test role',
      description: 'Keeps the ladder low.',
      objectives: [
        { id: 'calm', description: 'Stay calm', weight: 1, measure: { kind: 'rung' }, goal: 'low', assumption: 'a test objective' },
      ],
    },
  ]
  return file
}

/** Compiles a subset scenario (see subsetFile), after an optional edit. */
export function subsetScenario(ids: readonly string[], edit?: (file: ScenarioFile) => void): CompiledScenario {
  const file = subsetFile(ids)
  edit?.(file)
  return compileScenario(Scenario.parse(file), loaded.sources, `${loaded.hash}-subset`)
}
