// Mutations of a scenario document that each break it in a known way, for property tests: delete a
// required key, change a value's type, break a reference, alter a quote. Each says where it broke it.
type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export interface Site {
  pointer: string
  /** The key (or index) of the value in its parent. */
  key: string
  value: Json
  parent: Json[] | { [key: string]: Json }
}

export function sitesOf(document: Json): Site[] {
  const sites: Site[] = []
  const walk = (value: Json, pointer: string) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        sites.push({ pointer: `${pointer}/${index}`, key: String(index), value: item, parent: value })
        walk(item, `${pointer}/${index}`)
      })
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`
        sites.push({ pointer: child, key, value: item, parent: value })
        walk(item, child)
      }
    }
  }
  walk(document, '')
  return sites
}

const parentKey = (site: Site) => site.pointer.split('/').slice(-2)[0]

/** Keys whose absence the schema reports inside an override too (those of complete sub-objects). */
const REQUIRED_IN_OVERRIDES = new Set([
  'id',
  'pair',
  'actor',
  'source',
  'paragraph',
  'quote',
  'variable',
  'delta',
  'measure',
  'goal',
  'weight',
])
/** Keys whose absence the schema always reports in a complete scenario. */
const REQUIRED_KEYS = new Set([...REQUIRED_IN_OVERRIDES, 'kind', 'value', 'title', 'version', 'up', 'down'])

export function deletableSites(document: Json): Site[] {
  return sitesOf(document)
    .filter((site) => {
      if (Array.isArray(site.parent)) return false
      if (site.pointer.startsWith('/override/')) {
        // A measure's kind is required; a rule override's kind is not.
        return REQUIRED_IN_OVERRIDES.has(site.key) || (site.key === 'kind' && parentKey(site) === 'measure')
      }
      return REQUIRED_KEYS.has(site.key) && !site.pointer.startsWith('/extends')
    })
    .concat(sitesOf(document).filter((site) => site.pointer === '/extends/id' || site.pointer === '/extends/version'))
}

export function leafSites(document: Json): Site[] {
  return sitesOf(document).filter((site) => site.value === null || typeof site.value !== 'object')
}

const ACTOR_ID = /^[A-Z][A-Z0-9]{1,7}$/
const ACTOR_LISTS = new Set(['actors', 'targets', 'from', 'with', 'pair', 'between'])

/** Strings that name something defined elsewhere, with a replacement that names nothing. */
export function referenceSites(document: Json): { site: Site; replacement: string }[] {
  const found: { site: Site; replacement: string }[] = []
  for (const site of leafSites(document)) {
    if (typeof site.value !== 'string') continue
    const parent = Array.isArray(site.parent) ? parentKey(site) : site.key
    if (ACTOR_ID.test(site.value) && (ACTOR_LISTS.has(parent) || ['actor', 'of', 'toward'].includes(site.key))) {
      found.push({ site, replacement: 'ZZZ' })
    } else if (site.key === 'source' && !Array.isArray(site.parent)) {
      found.push({ site, replacement: 'no-such-source' })
    } else if (parent === 'actions' && site.pointer.includes('/when/')) {
      found.push({ site, replacement: 'no-such-action' })
    } else if (
      site.pointer === '/extends/id' ||
      /^\/remove\/[a-z]+\/\d+$/.test(site.pointer) ||
      /^\/override\/[a-z]+\/\d+\/id$/.test(site.pointer)
    ) {
      found.push({ site, replacement: 'no-such-item' })
    }
  }
  return found
}

export function quoteSites(document: Json): Site[] {
  return leafSites(document).filter((site) => site.key === 'quote' && typeof site.value === 'string')
}

export function setAt(site: Site, value: Json | undefined): void {
  if (Array.isArray(site.parent)) site.parent[Number(site.key)] = value as Json
  else if (value === undefined) delete site.parent[site.key]
  else site.parent[site.key] = value
}

/** A value of another JSON type than `value`. */
export function otherType(value: Json): Json {
  if (typeof value === 'string') return 42
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  return 'text'
}

/** The quote with its first word replaced by one no text contains. */
export function alteredQuote(quote: string): string {
  const space = quote.indexOf(' ')
  return space < 0 ? `zqx${quote}` : `zqxv${quote.slice(space)}`
}

/** Whether a diagnostic at `reported` is at (or contains, or lies inside) the mutated place; the whole document does not count. */
export function atPlace(reported: string, mutated: string): boolean {
  if (reported === mutated) return true
  if (reported !== '' && mutated.startsWith(`${reported}/`)) return true
  return reported.startsWith(`${mutated}/`)
}
