// Applies one extension to the scenario it builds on: whole sections first, then `remove`, `override` and
// `add`, each by id (parameters by name, table entries by pair or actor). Every mistake names both sides.
import type { JsonObject, JsonValue } from '../ingest/json.ts'
import { didYouMean } from './diagnostics.ts'
import type { RelatedLocation } from './diagnostics.ts'
import type { ScenarioLayer } from './scenario-layer.ts'
import { isJsonObject } from './scenario-layer.ts'
import { dropStalePolicies } from './stale-policies.ts'
import { COLLECTIONS, DEFAULT_KEY, describeItem, entryKey, pairKey, setSections, valueAt } from './working.ts'
import type { CollectionSpec, Entry, Origin, Working } from './working.ts'

type Operation = 'remove' | 'override' | 'add'

interface Change {
  operation: Operation
  spec: CollectionSpec
  key: string
  /** The change item (or removed key) in the extension file. */
  pointer: string
  /** Where the key is written, for messages. */
  keyPointer: string
  value: JsonValue
}

export function locationOf(origin: Origin, suffix = ''): RelatedLocation {
  const pointer = origin.pointer + suffix
  const { line, column } = origin.layer.positions.nearestValue(pointer)
  return { file: origin.layer.file, line, column, pointer }
}

function keyPointerOf(spec: CollectionSpec, key: string, pointer: string, operation: Operation): string {
  if (operation === 'remove' || spec.shape === 'map' || spec.shape === 'single') return pointer
  if (spec.shape === 'table' && key === DEFAULT_KEY && pointer.endsWith('/default')) return pointer
  return `${pointer}/${spec.keyField ?? 'id'}`
}

/** Every change the extension makes, in file order: removals, overrides, additions. */
function changesOf(extension: JsonObject): Change[] {
  const changes: Change[] = []
  const push = (operation: Operation, spec: CollectionSpec, key: string, pointer: string, value: JsonValue) =>
    changes.push({ operation, spec, key, pointer, keyPointer: keyPointerOf(spec, key, pointer, operation), value })
  for (const operation of ['remove', 'override', 'add'] as const) {
    for (const spec of COLLECTIONS) {
      const path = `/${operation}${spec.path}`
      const written = valueAt(extension, path)
      if (written === undefined) continue
      if (operation === 'remove') {
        if (Array.isArray(written)) written.forEach((key, index) => push(operation, spec, pairKey(key), `${path}/${index}`, key))
      } else if (spec.shape === 'single') {
        push(operation, spec, '', path, written)
      } else if (spec.shape === 'map' && isJsonObject(written)) {
        for (const name of Object.keys(written)) push(operation, spec, name, `${path}/${name}`, written[name])
      } else if (spec.shape === 'table' && operation === 'override' && isJsonObject(written)) {
        if (written.default !== undefined) push(operation, spec, DEFAULT_KEY, `${path}/default`, written.default)
        const listed = written[spec.entriesField!]
        if (Array.isArray(listed))
          listed.forEach((item, index) =>
            push(operation, spec, entryKey(spec, item as JsonObject), `${path}/${spec.entriesField}/${index}`, item),
          )
      } else if (Array.isArray(written)) {
        written.forEach((item, index) => push(operation, spec, entryKey(spec, item as JsonObject), `${path}/${index}`, item))
      }
    }
  }
  return changes
}

/** An override: the fields it names replace the item's; citations and assumption are replaced together. */
export function overrideEntry(entry: Entry, change: JsonObject, origin: Origin, spec: CollectionSpec): Entry {
  const value: JsonObject = { ...entry.value }
  const fields = { ...entry.fields }
  if ('citations' in change || 'assumption' in change) {
    delete value.citations
    delete value.assumption
    fields.citations = origin
    fields.assumption = origin
  }
  for (const field of Object.keys(change)) {
    if (field === spec.keyField) continue
    value[field] = change[field]
    fields[field] = origin
  }
  return { ...entry, value, fields, change: 'overridden', changedAt: origin }
}

function insert(spec: CollectionSpec, list: Entry[], entry: Entry): void {
  // Rungs go in the order of the ladder: before the first rung that starts higher.
  const up = Number(entry.value.up)
  const at = spec.name === 'ladder' ? list.findIndex((other) => Number(other.value.up) > up) : -1
  if (at < 0) list.push(entry)
  else list.splice(at, 0, entry)
}

/** Applies `layer`'s extension to `working` (in place); `baseName` names the base in messages. */
export function applyExtension(working: Working, layer: ScenarioLayer, baseName: string): void {
  const extension = layer.value as JsonObject
  setSections(working, extension, layer, 'replaced')
  const changes = changesOf(extension)
  const sink = layer.sink
  const seen = new Map<string, Change>()
  const valid = changes.filter((change) => {
    const id = `${change.spec.name}\u0000${change.key}`
    const same = seen.get(`${change.operation}\u0000${id}`)
    const removed = change.operation === 'override' ? seen.get(`remove\u0000${id}`) : undefined
    const earlier = same ?? removed
    if (earlier) {
      const what = describeItem(change.spec, change.key)
      const message = same ? `${what} is changed twice in this file` : `${what} is both removed and overridden in this file`
      sink.error('change-conflict', change.keyPointer, message, 'keep one change per item', [sink.where(earlier.keyPointer)])
      return false
    }
    seen.set(`${change.operation}\u0000${id}`, change)
    return true
  })
  for (const change of valid) {
    const { spec, key } = change
    const list = [...(working.collections.get(spec.name) ?? [])]
    const index = list.findIndex((entry) => entry.key === key)
    const origin: Origin = { layer, pointer: change.pointer }
    const what = describeItem(spec, key)
    const section = working.sections.get(spec.section)
    if (change.operation !== 'add' && index < 0) {
      const known = list.map((entry) => entry.key).filter((candidate) => candidate !== DEFAULT_KEY)
      sink.error(
        'unknown-change-target',
        change.keyPointer,
        `cannot ${change.operation} ${what}: the base "${baseName}" has no such ${spec.noun}`,
        didYouMean(key, known),
        section ? [locationOf({ layer: section.layer, pointer: section.pointer + spec.path.slice(spec.section.length + 1) })] : [],
      )
      continue
    }
    if (change.operation === 'add' && index >= 0) {
      const suffix = spec.keyField ? `/${spec.keyField}` : ''
      sink.error(
        'add-exists',
        change.keyPointer,
        `cannot add ${what}: the base "${baseName}" already has it`,
        `use "override" to change it, or also "remove" it here to replace it whole`,
        [locationOf(list[index].origin, suffix)],
      )
      continue
    }
    if (change.operation === 'remove') {
      list.splice(index, 1)
      working.removed.set(`${spec.name}/${key}`, origin)
    } else if (change.operation === 'override') {
      list[index] = overrideEntry(list[index], change.value as JsonObject, origin, spec)
    } else {
      const value = change.value as JsonObject
      insert(spec, list, { key, value, origin, fields: {}, change: 'added', changedAt: origin })
    }
    working.collections.set(spec.name, list)
  }
  dropStalePolicies(working, layer)
}
