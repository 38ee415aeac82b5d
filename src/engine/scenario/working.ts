// A scenario being merged from a base and its extensions: every item (action, rule, table entry,
// parameter…) as an entry that knows where it — and each field an extension replaced — is written.
import type { JsonObject, JsonValue } from '../ingest/json.ts'
import type { Located, PositionLookup } from './diagnostics.ts'
import type { ScenarioLayer } from './scenario-layer.ts'
import { isJsonObject } from './scenario-layer.ts'

export interface Origin {
  layer: ScenarioLayer
  /** Pointer into the layer's file. */
  pointer: string
}

export type ChangeKind = 'own' | 'replaced' | 'overridden' | 'added'

export interface Entry {
  key: string
  value: JsonObject
  /** Where the item is written; for an overridden item, the item it overrides. */
  origin: Origin
  /** Fields written elsewhere than `origin`: by an override. */
  fields: Record<string, Origin>
  change: ChangeKind
  /** The replacement, override or addition that last changed the entry. */
  changedAt?: Origin
}

export const SECTIONS = [
  'sources',
  'actors',
  'static',
  'start',
  'parameters',
  'computer',
  'ladder',
  'actions',
  'rules',
  'injects',
  'roles',
  'turns',
  'policies',
  'claims',
  'context',
  'glossary',
] as const
export type SectionName = (typeof SECTIONS)[number]
/** Sections a scenario may leave out (an empty list is left out too). */
const OPTIONAL_SECTIONS: ReadonlySet<SectionName> = new Set(['injects', 'policies', 'claims', 'context', 'glossary'])

export interface CollectionSpec {
  name: string
  path: string
  section: SectionName
  shape: 'list' | 'table' | 'map' | 'single'
  keyField?: 'id' | 'pair' | 'actor'
  /** For tables: the list of exceptions. */
  entriesField?: 'pairs' | 'actors'
  noun: string
}

const list = (section: SectionName, noun: string): CollectionSpec => ({
  name: section,
  path: `/${section}`,
  section,
  shape: 'list',
  keyField: 'id',
  noun,
})
const pairTable = (section: 'static' | 'start', table: string): CollectionSpec => ({
  name: `${section}.${table}`,
  path: `/${section}/${table}`,
  section,
  shape: 'table',
  keyField: 'pair',
  entriesField: 'pairs',
  noun: `${section}.${table} entry`,
})

const actorTable = (table: 'readiness' | 'standing'): CollectionSpec => ({
  name: `start.${table}`,
  path: `/start/${table}`,
  section: 'start',
  shape: 'table',
  keyField: 'actor',
  entriesField: 'actors',
  noun: `start.${table} entry`,
})

export const COLLECTIONS: readonly CollectionSpec[] = [
  list('sources', 'source'),
  list('actors', 'actor'),
  pairTable('static', 'baseline'),
  { name: 'static.contact', path: '/static/contact', section: 'static', shape: 'list', keyField: 'pair', noun: 'contact' },
  pairTable('start', 'alignment'),
  pairTable('start', 'tension'),
  actorTable('readiness'),
  actorTable('standing'),
  pairTable('start', 'commitment'),
  pairTable('start', 'interdependence'),
  { name: 'parameters', path: '/parameters', section: 'parameters', shape: 'map', noun: 'parameter' },
  { name: 'computer', path: '/computer', section: 'computer', shape: 'map', noun: 'computer weight' },
  list('ladder', 'rung'),
  list('actions', 'action'),
  list('rules', 'rule'),
  list('injects', 'inject'),
  list('roles', 'role'),
  { name: 'turns', path: '/turns', section: 'turns', shape: 'single', noun: 'turn settings' },
  list('policies', 'policy'),
  list('claims', 'claim'),
  { name: 'context', path: '/context', section: 'context', shape: 'single', noun: 'context note' },
  { name: 'glossary', path: '/glossary', section: 'glossary', shape: 'single', noun: 'glossary' },
]

export const DEFAULT_KEY = 'default'

/** `action "sanctions"`, `parameter balanceRate`, `the default of start.tension`, `turn settings`. */
export function describeItem(spec: CollectionSpec, key: string): string {
  if (spec.shape === 'single') return spec.noun
  if (spec.shape === 'table' && key === DEFAULT_KEY) return `the default of ${spec.name}`
  if (spec.shape === 'map') return `${spec.noun} ${key}`
  return `${spec.noun} "${key}"`
}

export function pairKey(pair: JsonValue): string {
  return Array.isArray(pair) ? pair.map(String).sort().join('-') : String(pair)
}

export function entryKey(spec: CollectionSpec, value: JsonObject): string {
  return spec.keyField === 'pair' ? pairKey(value.pair) : String(value[spec.keyField ?? 'id'])
}

export function valueAt(json: JsonValue, path: string): JsonValue | undefined {
  let value: JsonValue | undefined = json
  for (const segment of path.split('/').slice(1)) value = isJsonObject(value) ? value[segment] : undefined
  return value
}

/** The entries of one collection as written at `base` (the collection's own path, or a replacement's). */
export function entriesOf(spec: CollectionSpec, written: JsonValue | undefined, origin: Origin, change: ChangeKind): Entry[] {
  const entry = (key: string, value: JsonValue, pointer: string): Entry => ({
    key,
    value: isJsonObject(value) ? value : {},
    origin: { layer: origin.layer, pointer },
    fields: {},
    change,
    ...(change === 'own' ? {} : { changedAt: { layer: origin.layer, pointer } }),
  })
  const at = origin.pointer
  if (spec.shape === 'single') return written === undefined ? [] : [entry('', written, at)]
  if (spec.shape === 'map') {
    if (!isJsonObject(written)) return []
    return Object.keys(written).map((name) => entry(name, written[name], `${at}/${name}`))
  }
  if (spec.shape === 'list') {
    if (!Array.isArray(written)) return []
    return written.map((item, index) => entry(isJsonObject(item) ? entryKey(spec, item) : '', item, `${at}/${index}`))
  }
  if (!isJsonObject(written)) return []
  const exceptions = written[spec.entriesField!]
  return [
    entry(DEFAULT_KEY, written.default, `${at}/default`),
    ...(Array.isArray(exceptions) ? exceptions : []).map((item, index) =>
      entry(isJsonObject(item) ? entryKey(spec, item) : '', item, `${at}/${spec.entriesField}/${index}`),
    ),
  ]
}

export interface Working {
  collections: Map<string, Entry[]>
  /** Where each section was last written whole. */
  sections: Map<SectionName, Origin>
  /** What removed an item, by `collection/key`, for conflict reports. */
  removed: Map<string, Origin>
  /** Every layer that contributed, base first. */
  layers: ScenarioLayer[]
  /** The complete scenario at the bottom of the chain. */
  root: ScenarioLayer
}

/** A complete scenario's sections (or an extension's whole-section replacements) as entries. */
export function setSections(working: Working, json: JsonObject, layer: ScenarioLayer, change: ChangeKind): void {
  for (const section of SECTIONS) {
    if (!Object.prototype.hasOwnProperty.call(json, section)) continue
    working.sections.set(section, { layer, pointer: `/${section}` })
    for (const spec of COLLECTIONS.filter((candidate) => candidate.section === section)) {
      working.collections.set(spec.name, entriesOf(spec, valueAt(json, spec.path), { layer, pointer: spec.path }, change))
    }
  }
}

export function workingFromScenario(json: JsonObject, layer: ScenarioLayer): Working {
  const working: Working = { collections: new Map(), sections: new Map(), removed: new Map(), layers: [layer], root: layer }
  setSections(working, json, layer, 'own')
  return working
}

/** The merged json, and where each of its parts is written. */
export interface Assembled {
  json: JsonObject
  /** Document pointer of each entry. */
  entries: Map<string, Entry>
  positions: PositionLookup
}

export function assemble(working: Working, meta: JsonObject, main: ScenarioLayer): Assembled {
  const merged: JsonObject = { ...meta }
  const entries = new Map<string, Entry>()
  const sectionPaths = new Map<string, Origin>()
  for (const section of SECTIONS) {
    const origin = working.sections.get(section)
    if (origin) sectionPaths.set(`/${section}`, origin)
  }
  for (const spec of COLLECTIONS) {
    const list = working.collections.get(spec.name)
    // An optional section exists once an extension adds to it, and goes when every item is removed.
    const optional = OPTIONAL_SECTIONS.has(spec.section)
    if (optional && (!list || list.length === 0)) continue
    const section = working.sections.get(spec.section) ?? (optional ? { layer: main, pointer: spec.path } : undefined)
    if (!list || !section) continue
    const origin = { layer: section.layer, pointer: section.pointer + spec.path.slice(spec.section.length + 1) }
    sectionPaths.set(spec.path, origin)
    const [sectionKey, tableKey] = spec.path.slice(1).split('/')
    const parent = tableKey === undefined ? merged : ((merged[sectionKey] ??= {}) as JsonObject)
    const key = tableKey ?? sectionKey
    const place = (pointer: string, entry: Entry) => entries.set(pointer, entry)
    if (spec.shape === 'single') {
      if (list[0]) {
        parent[key] = list[0].value
        place(spec.path, list[0])
      }
    } else if (spec.shape === 'map') {
      const map: JsonObject = (parent[key] = {})
      for (const entry of list) {
        map[entry.key] = entry.value
        place(`${spec.path}/${entry.key}`, entry)
      }
    } else if (spec.shape === 'list') {
      parent[key] = list.map((entry) => entry.value)
      list.forEach((entry, index) => place(`${spec.path}/${index}`, entry))
    } else {
      const [first, ...rest] = list
      const table: JsonObject = (parent[key] = {})
      if (first) {
        table.default = first.value
        place(`${spec.path}/default`, first)
      }
      table[spec.entriesField!] = rest.map((entry) => entry.value)
      sectionPaths.set(`${spec.path}/${spec.entriesField}`, { layer: origin.layer, pointer: `${origin.pointer}/${spec.entriesField}` })
      rest.forEach((entry, index) => place(`${spec.path}/${spec.entriesField}/${index}`, entry))
    }
  }
  return { json: merged, entries, positions: new MergedPositions(entries, sectionPaths, main) }
}

function parentPointer(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'))
}

/** Finds the file and place of any pointer of the merged json. */
class MergedPositions implements PositionLookup {
  constructor(
    private readonly entries: ReadonlyMap<string, Entry>,
    private readonly sections: ReadonlyMap<string, Origin>,
    private readonly main: ScenarioLayer,
  ) {}

  translate(pointer: string): Origin {
    for (let prefix = pointer; ; prefix = parentPointer(prefix)) {
      const entry = this.entries.get(prefix)
      if (entry) {
        const suffix = pointer.slice(prefix.length)
        const field = suffix.split('/')[1]
        const origin = (field !== undefined && entry.fields[field]) || entry.origin
        return { layer: origin.layer, pointer: origin.pointer + suffix }
      }
      const section = this.sections.get(prefix)
      if (section) return { layer: section.layer, pointer: section.pointer + pointer.slice(prefix.length) }
      if (prefix === '') return { layer: this.main, pointer }
    }
  }

  nearestValue(pointer: string): Located {
    const { layer, pointer: translated } = this.translate(pointer)
    const { line, column } = layer.positions.nearestValue(translated)
    return { line, column, file: layer.file, pointer: translated }
  }

  key(pointer: string): Located | undefined {
    const { layer, pointer: translated } = this.translate(pointer)
    const found = layer.positions.key(translated)
    return found && { line: found.line, column: found.column, file: layer.file, pointer: translated }
  }
}
