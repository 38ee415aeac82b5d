// Several extensions of one base, combined: each item takes the change the extensions made to it. Two
// extensions that change the same item (field by field) in different ways conflict, and the error names both.
import type { JsonObject, JsonValue } from '../ingest/json.ts'
import { isJsonObject } from './scenario-layer.ts'
import type { ScenarioLayer } from './scenario-layer.ts'
import { locationOf } from './extend.ts'
import { COLLECTIONS, describeItem, workingFromScenario } from './working.ts'
import type { CollectionSpec, Entry, Origin, Working } from './working.ts'

export interface Branch {
  /** The id of the extension, for messages. */
  id: string
  working: Working
}

/** Deep equality of JSON values, ignoring the order of object keys. */
export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, b[index]))
  if (!isJsonObject(a) || !isJsonObject(b)) return false
  const keys = Object.keys(a).filter((key) => a[key] !== undefined)
  if (keys.length !== Object.keys(b).filter((key) => b[key] !== undefined).length) return false
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameJson(a[key], b[key]))
}

class Combiner {
  private failed = false

  constructor(
    private readonly branches: readonly Branch[],
    private readonly root: Working,
  ) {}

  /** Where a branch changed (or removed) an item, or one of its fields. */
  private changeOrigin(branch: Branch, spec: CollectionSpec, key: string, entry: Entry | undefined, field?: string): Origin {
    if (!entry) return branch.working.removed.get(`${spec.name}/${key}`) ?? { layer: branch.working.root, pointer: '' }
    return (field !== undefined ? entry.fields[field] : undefined) ?? entry.changedAt ?? entry.origin
  }

  private conflict(spec: CollectionSpec, key: string, first: number, second: number, entries: (Entry | undefined)[], field?: string): void {
    const [a, b] = [this.branches[first], this.branches[second]]
    const later = this.changeOrigin(b, spec, key, entries[second], field)
    const earlier = this.changeOrigin(a, spec, key, entries[first], field)
    const what = describeItem(spec, key) + (field === undefined ? '' : ` (field "${field}")`)
    later.layer.sink.error(
      'extension-conflict',
      later.pointer,
      `"${a.id}" and "${b.id}" change ${what} in different ways, so they cannot be combined`,
      'make the two changes agree, or override the item in the combining file',
      [locationOf(earlier)],
    )
    this.failed = true
  }

  /** Field by field, for an item both changed and neither removed. */
  private mergeFields(spec: CollectionSpec, key: string, base: Entry, entries: Entry[], changed: number[]): Entry | undefined {
    const fields = new Set([base.value, ...changed.map((i) => entries[i].value)].flatMap((value) => Object.keys(value)))
    const value: JsonObject = {}
    const origins: Record<string, Origin> = {}
    let ok = true
    for (const field of fields) {
      const byBranch = changed.filter((i) => !sameJson(entries[i].value[field], base.value[field]))
      const chosen = byBranch[0]
      const disagreeing = byBranch.find((i) => !sameJson(entries[i].value[field], entries[chosen].value[field]))
      if (disagreeing !== undefined) {
        this.conflict(spec, key, chosen, disagreeing, entries, field)
        ok = false
        continue
      }
      const source = chosen === undefined ? base : entries[chosen]
      if (source.value[field] !== undefined) value[field] = source.value[field]
      const origin = source.fields[field]
      if (origin) origins[field] = origin
    }
    if (!ok) return undefined
    return { ...base, value, fields: origins, change: 'overridden', changedAt: entries[changed[0]].changedAt }
  }

  private combineCollection(spec: CollectionSpec): Entry[] {
    const rootList = this.root.collections.get(spec.name) ?? []
    const lists = this.branches.map((branch) => branch.working.collections.get(spec.name) ?? [])
    const keys = [...new Set([rootList, ...lists].flatMap((list) => list.map((entry) => entry.key)))]
    const result: Entry[] = []
    for (const key of keys) {
      const base = rootList.find((entry) => entry.key === key)
      const entries = lists.map((list) => list.find((entry) => entry.key === key))
      const changed = entries.flatMap((entry, i) => (sameJson(entry?.value, base?.value) ? [] : [i]))
      if (changed.length === 0) {
        const kept = entries.find((entry) => entry) ?? base
        if (kept) result.push(kept)
        continue
      }
      const first = changed[0]
      const disagreeing = changed.find((i) => !sameJson(entries[i]?.value, entries[first]?.value))
      if (disagreeing === undefined) {
        const chosen = entries[first]
        if (chosen) result.push(chosen)
        continue
      }
      const present = changed.every((i) => entries[i] !== undefined)
      if (base && present) {
        const merged = this.mergeFields(spec, key, base, entries as Entry[], changed)
        if (merged) result.push(merged)
      } else {
        this.conflict(spec, key, first, disagreeing, entries)
      }
    }
    return result
  }

  combine(): Working | undefined {
    const [first] = this.branches
    const working: Working = {
      collections: new Map(),
      sections: new Map(this.root.sections),
      removed: new Map(),
      layers: [],
      root: this.root.root,
    }
    for (const spec of COLLECTIONS) working.collections.set(spec.name, this.combineCollection(spec))
    for (const branch of this.branches) {
      for (const [section, origin] of branch.working.sections) {
        if (origin.layer !== this.root.root) working.sections.set(section, origin)
      }
      for (const [key, origin] of branch.working.removed) working.removed.set(key, origin)
      for (const layer of branch.working.layers) if (!working.layers.includes(layer)) working.layers.push(layer)
    }
    return this.failed || !first ? undefined : working
  }
}

/** Combines extensions that share one root scenario; reports a different root or any conflict. */
export function combineBranches(
  branches: readonly Branch[],
  reportAt: (index: number) => { layer: ScenarioLayer; pointer: string },
): Working | undefined {
  const root = branches[0].working.root
  let sameRoot = true
  branches.forEach((branch, index) => {
    if (branch.working.root === root) return
    sameRoot = false
    const { layer, pointer } = reportAt(index)
    layer.sink.error(
      'base-root-mismatch',
      pointer,
      `"${branch.id}" is not built on the same scenario as "${branches[0].id}", so they cannot be combined`,
      'combine only extensions of one common base',
      [locationOf({ layer: branch.working.root, pointer: '/id' }), locationOf({ layer: root, pointer: '/id' })],
    )
  })
  if (!sameRoot) return undefined
  return new Combiner(branches, workingFromScenario(root.value as JsonObject, root)).combine()
}
