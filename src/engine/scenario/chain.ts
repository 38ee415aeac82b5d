// Resolves what an extension builds on: each base is found through the caller's resolver, read once,
// checked against the version range, and built (bases may extend further bases) into one working scenario.
import type { JsonObject } from '../ingest/json.ts'
import { didYouMean } from './diagnostics.ts'
import type { Diagnostic } from './diagnostics.ts'
import { checkLayerShape, readLayer } from './scenario-layer.ts'
import type { LayerShape, ScenarioLayer } from './scenario-layer.ts'
import { applyExtension, locationOf } from './extend.ts'
import { combineBranches } from './combine.ts'
import type { Branch } from './combine.ts'
import type { ScenarioFiles } from './files.ts'
import type { FormatMigration } from './migrations.ts'
import type { BaseRefData } from './schema-extension.ts'
import { describeRange, parseRange, parseVersion, satisfies } from './semver.ts'
import { workingFromScenario } from './working.ts'
import type { Working } from './working.ts'

export interface BaseFiles {
  /** The base's scenario.json and its source files, by path relative to the base's folder. */
  files: ScenarioFiles
  /** Where the base's folder is, relative to the extension's folder (e.g. "../pin-pricks-2021"); names its files in diagnostics. */
  location: string
  /** Path of the scenario file among `files`; default "scenario.json". */
  main?: string
}

/** Finds a base scenario by id, or returns undefined when there is none. */
export type ResolveBase = (id: string) => BaseFiles | undefined

export interface ChainOptions {
  resolveBase?: ResolveBase
  /** Ids that could be bases, for "did you mean" hints. */
  knownBaseIds?: readonly string[]
  maxBytes: number
  migrations?: readonly FormatMigration[]
}

interface StackFrame {
  id: string
  layer: ScenarioLayer
  pointer: string
}

interface CachedBase {
  layer: ScenarioLayer
  shape: LayerShape
  working: Working | undefined
}

export class ChainResolver {
  /** Every layer read, in order (the main one first). */
  readonly layers: ScenarioLayer[] = []
  private readonly cache = new Map<string, CachedBase | null>()

  constructor(
    private readonly options: ChainOptions,
    /** Where read and parse failures of base files go. */
    private readonly diagnostics: Diagnostic[],
  ) {}

  build(layer: ScenarioLayer, shape: LayerShape, stack: StackFrame[] = []): Working | undefined {
    if (!this.layers.includes(layer)) this.layers.push(layer)
    if (shape.kind === 'scenario') return workingFromScenario(layer.value as JsonObject, layer)
    const refs = Array.isArray(shape.data.extends) ? shape.data.extends : [shape.data.extends]
    const pointerOf = (index: number) => (Array.isArray(shape.data.extends) ? `/extends/${index}` : '/extends')
    const branches: Branch[] = []
    refs.forEach((ref, index) => {
      const frame: StackFrame = { id: shape.data.id, layer, pointer: pointerOf(index) }
      const working = this.resolve(ref, [...stack, frame])
      if (working) branches.push({ id: ref.id, working })
    })
    if (branches.length < refs.length) return undefined
    const working =
      branches.length === 1
        ? cloneWorking(branches[0].working)
        : combineBranches(branches, (index) => ({ layer, pointer: `${pointerOf(index)}/id` }))
    if (!working) return undefined
    applyExtension(working, layer, refs.map((ref) => ref.id).join('" + "'))
    if (!working.layers.includes(layer)) working.layers.push(layer)
    return working
  }

  private resolve(ref: BaseRefData, stack: StackFrame[]): Working | undefined {
    const frame = stack[stack.length - 1]
    const { layer, pointer } = frame
    const cycleStart = stack.findIndex((earlier) => earlier.id === ref.id)
    if (cycleStart >= 0) {
      const path = [...stack.slice(cycleStart).map((earlier) => earlier.id), ref.id].join(' → ')
      layer.sink.error('extends-cycle', `${pointer}/id`, `extensions form a cycle: ${path}`, 'a scenario cannot build on itself', [
        locationOf({ layer: stack[cycleStart].layer, pointer: `${stack[cycleStart].pointer}/id` }),
      ])
      return undefined
    }
    const base = this.readBase(ref.id, frame)
    if (!base) return undefined
    const baseVersion = base.shape.data.version
    const range = parseRange(ref.version)
    const version = parseVersion(baseVersion)
    if (range && version && !satisfies(version, range)) {
      layer.sink.error(
        'base-version-mismatch',
        `${pointer}/version`,
        `base "${ref.id}" is version ${baseVersion}, outside the range "${ref.version}" (${describeRange(range)})`,
        `widen the range (e.g. "^${version[0]}.${version[1]}.0") after checking that the changes still fit, or use a version of the base in the range`,
        [locationOf({ layer: base.layer, pointer: '/version' })],
      )
      return undefined
    }
    if (base.working === undefined && !this.cache.has(`built:${ref.id}`)) {
      this.cache.set(`built:${ref.id}`, null)
      base.working = this.build(base.layer, base.shape, stack)
    }
    if (!base.working) {
      layer.sink.error('base-invalid', `${pointer}/id`, `base "${ref.id}" has errors, listed at its own files`, undefined, [
        locationOf({ layer: base.layer, pointer: '' }),
      ])
    }
    return base.working
  }

  private readBase(id: string, frame: StackFrame): CachedBase | undefined {
    const cached = this.cache.get(id)
    if (cached !== undefined) return cached ?? undefined
    const { layer, pointer } = frame
    const found = this.options.resolveBase?.(id)
    if (!found) {
      this.cache.set(id, null)
      const known = (this.options.knownBaseIds ?? []).filter((candidate) => candidate !== frame.id)
      layer.sink.error(
        'base-missing',
        `${pointer}/id`,
        `base scenario "${id}" was not found`,
        didYouMean(id, known) ?? "put the base scenario's folder next to this one (or in your own scenarios folder)",
      )
      return undefined
    }
    const baseLayer = readLayer(
      {
        files: found.files,
        main: found.main ?? 'scenario.json',
        label: found.location,
        hashPrefix: `bases/${id}/`,
        maxBytes: this.options.maxBytes,
        migrations: this.options.migrations,
      },
      this.diagnostics,
    )
    const shape = baseLayer && checkLayerShape(baseLayer)
    if (baseLayer) this.layers.push(baseLayer)
    if (!baseLayer || !shape) {
      this.cache.set(id, null)
      const related = baseLayer ? [locationOf({ layer: baseLayer, pointer: '' })] : []
      layer.sink.error('base-invalid', `${pointer}/id`, `base "${id}" has errors, listed at its own files`, undefined, related)
      return undefined
    }
    if (shape.data.id !== id) {
      this.cache.set(id, null)
      layer.sink.error(
        'base-id-mismatch',
        `${pointer}/id`,
        `the scenario found for base "${id}" has the id "${shape.data.id}"`,
        "a scenario's folder name and its id should agree",
        [locationOf({ layer: baseLayer, pointer: '/id' })],
      )
      return undefined
    }
    const base: CachedBase = { layer: baseLayer, shape, working: undefined }
    this.cache.set(id, base)
    return base
  }
}

/** A copy that can be changed without changing the cached base (entries themselves are never mutated). */
export function cloneWorking(working: Working): Working {
  return {
    collections: new Map([...working.collections].map(([name, list]) => [name, [...list]])),
    sections: new Map(working.sections),
    removed: new Map(working.removed),
    layers: [...working.layers],
    root: working.root,
  }
}
