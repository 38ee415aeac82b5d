// Where each item of a loaded scenario is written: its own file, a base it inherits from, or an extension
// that replaced, overrode or added it.
import type { RelatedLocation } from './diagnostics.ts'
import type { ScenarioLayer } from './scenario-layer.ts'
import { locationOf } from './extend.ts'
import { COLLECTIONS, describeItem } from './working.ts'
import type { Origin, Working } from './working.ts'

export type ProvenanceChange = 'own' | 'inherited' | 'replaced' | 'overridden' | 'added'

export interface ProvenanceEntry {
  /** "actions", "parameters", "start.tension", "turns"… */
  collection: string
  /** The id, parameter name, pair ("CHN-RUS"), actor, "default", or "" for the turn settings. */
  key: string
  change: ProvenanceChange
  /** Where the item is written (for an overridden item: the item it overrides). */
  at: RelatedLocation
  /** For an overridden item: the fields each override replaced, and where. */
  overrides?: { fields: string[]; at: RelatedLocation }[]
}

/** An item a base had and an extension removed. */
export interface RemovedEntry {
  collection: string
  key: string
  /** The `remove` entry that removed it. */
  by: RelatedLocation
}

export interface BaseInfo {
  id: string
  version: string
  /** The base's scenario file, as named in diagnostics. */
  file: string
}

export function provenanceOf(working: Working, main: ScenarioLayer): ProvenanceEntry[] {
  const entries: ProvenanceEntry[] = []
  for (const spec of COLLECTIONS) {
    for (const entry of working.collections.get(spec.name) ?? []) {
      const change: ProvenanceChange = entry.change === 'own' && entry.origin.layer !== main ? 'inherited' : entry.change
      const provenance: ProvenanceEntry = { collection: spec.name, key: entry.key, change, at: locationOf(entry.origin) }
      const byOrigin = new Map<Origin, string[]>()
      for (const [field, origin] of Object.entries(entry.fields)) {
        const same = [...byOrigin.keys()].find((known) => known.layer === origin.layer && known.pointer === origin.pointer)
        if (same) byOrigin.get(same)!.push(field)
        else byOrigin.set(origin, [field])
      }
      if (byOrigin.size > 0) {
        provenance.overrides = [...byOrigin].map(([origin, fields]) => ({ fields: fields.sort(), at: locationOf(origin) }))
      }
      entries.push(provenance)
    }
  }
  return entries
}

export function removedOf(working: Working): RemovedEntry[] {
  return [...working.removed].map(([name, origin]) => {
    const slash = name.indexOf('/')
    return { collection: name.slice(0, slash), key: name.slice(slash + 1), by: locationOf(origin) }
  })
}

/** `action "sanctions"`, `parameter balanceRate`, `the default of start.tension`, `turn settings`. */
export function describeProvenanceItem(entry: Pick<ProvenanceEntry, 'collection' | 'key'>): string {
  const spec = COLLECTIONS.find((candidate) => candidate.name === entry.collection)
  return spec ? describeItem(spec, entry.key) : `${entry.collection} ${entry.key}`
}
