// Turns zod issues into diagnostics a scenario author can act on: placed at the offending value (or key),
// worded in the author's terms, with "did you mean" hints.
import type * as z from 'zod'
import { escapePointerToken, pointerOf } from '../ingest/json.ts'
import { didYouMean } from './diagnostics.ts'
import type { DiagnosticSink, PositionLookup } from './diagnostics.ts'

type Issue = z.core.$ZodIssue
type Path = readonly PropertyKey[]

interface SchemaDef {
  type: string
  shape?: Record<string, SchemaNode>
  element?: SchemaNode
  items?: SchemaNode[]
  innerType?: SchemaNode
  options?: SchemaNode[]
  values?: unknown[]
  entries?: Record<string, unknown>
}
interface SchemaNode {
  _zod: { def: SchemaDef }
}

function own(object: object, key: PropertyKey): boolean {
  return Object.prototype.hasOwnProperty.call(object, key)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The value at a path of the parsed json, if there is one. */
function valueAt(data: unknown, path: Path): { found: boolean; value: unknown } {
  let value = data
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number' && segment < value.length) value = value[segment]
    else if (isRecord(value) && typeof segment === 'string' && own(value, segment)) value = value[segment]
    else return { found: false, value: undefined }
  }
  return { found: true, value }
}

function literalValues(def: SchemaDef): unknown[] | undefined {
  if (def.type === 'literal') return def.values
  if (def.type === 'enum' && def.entries) return Object.values(def.entries)
  return undefined
}

/** Of a union, the object option whose literal fields (such as `kind`) match the data. */
function resolve(node: SchemaNode | undefined, value: unknown): SchemaNode | undefined {
  while (node && (node._zod.def.type === 'optional' || node._zod.def.type === 'union')) {
    const def: SchemaDef = node._zod.def
    if (def.type === 'optional') {
      node = def.innerType
      continue
    }
    node = (def.options ?? []).find((option) => {
      const shape = option._zod.def.shape
      if (!shape || !isRecord(value)) return false
      return Object.entries(shape).every(([key, field]) => {
        const allowed = literalValues(field._zod.def)
        return allowed === undefined || allowed.includes(value[key])
      })
    })
  }
  return node
}

/** The schema that applies at a path; with `resolveLast` false, a union there is returned as is. */
function schemaAt(root: SchemaNode, data: unknown, path: Path, resolveLast = true): SchemaNode | undefined {
  let node: SchemaNode | undefined = root
  let value = data
  for (const segment of path) {
    const def: SchemaDef | undefined = resolve(node, value)?._zod.def
    if (!def) return undefined
    if (def.type === 'object' && def.shape && typeof segment === 'string' && own(def.shape, segment)) node = def.shape[segment]
    else if (def.type === 'array') node = def.element
    else if (def.type === 'tuple' && typeof segment === 'number') node = def.items?.[segment]
    else return undefined
    value = valueAt(value, [segment]).value
  }
  return resolveLast ? resolve(node, value) : node
}

/** The fixed words a union of words and patterns (such as a Ref: "actor" … or an actor id) accepts. */
function wordAlternatives(root: SchemaNode, data: unknown, path: Path): string[] {
  let node = schemaAt(root, data, path, false)
  while (node?._zod.def.type === 'optional') node = node._zod.def.innerType
  if (node?._zod.def.type !== 'union') return []
  return (node._zod.def.options ?? []).flatMap((option) => (literalValues(option._zod.def) ?? []).map(String))
}

export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value)
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value)
  return Array.isArray(value) ? 'an array' : 'an object'
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return 'a string'
  if (typeof value === 'number') return 'a number'
  return `a ${typeof value}`
}

const EXPECTED: Readonly<Record<string, string>> = {
  int: 'a whole number',
  tuple: 'an array',
  array: 'an array',
  object: 'an object',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function sizeMessage(issue: Extract<Issue, { code: 'too_big' | 'too_small' }>, path: Path, value: unknown): string {
  const small = issue.code === 'too_small'
  const limit = Number(small ? issue.minimum : issue.maximum)
  const last = path[path.length - 1]
  const subject = typeof last === 'string' ? last : 'the value'
  if (issue.origin === 'string' && typeof value === 'string') {
    if (small && limit === 1) return `${subject} must not be empty`
    return `${subject} must be ${small ? 'at least' : 'at most'} ${plural(limit, 'character')} long, got ${value.length}`
  }
  if (issue.origin === 'array' && Array.isArray(value)) {
    return `${subject} must have ${small ? 'at least' : 'at most'} ${plural(limit, 'item')}, got ${value.length}`
  }
  const bound = small ? (issue.inclusive ? 'at least' : 'greater than') : issue.inclusive ? 'at most' : 'less than'
  return `${subject} must be ${bound} ${limit}, got ${show(value)}`
}

/** The wording of one issue at the value itself, as a part of a sentence about that value. */
function describeAlternative(issue: Issue): string | undefined {
  if (issue.path.length > 0) return undefined
  if (issue.code === 'invalid_value') return issue.values.length === 1 ? show(issue.values[0]) : `one of: ${issue.values.join(', ')}`
  if (issue.code === 'invalid_format') return issue.message.replace(/^must be /, '')
  if (issue.code === 'invalid_type') return EXPECTED[issue.expected] ?? issue.expected
  return undefined
}

export class SchemaIssueReporter {
  private readonly root: SchemaNode

  constructor(
    root: z.ZodType,
    private readonly data: unknown,
    private readonly positions: PositionLookup,
    private readonly sink: DiagnosticSink,
  ) {
    this.root = root
  }

  report(issues: readonly Issue[], base: Path = []): void {
    for (const issue of issues) this.reportOne(issue, [...base, ...issue.path])
  }

  private reportOne(issue: Issue, path: Path): void {
    const pointer = pointerOf(path)
    const { found, value } = valueAt(this.data, path)
    const sink = this.sink
    switch (issue.code) {
      case 'invalid_type': {
        if (!found) return this.missing(path)
        const got = issue.expected === 'int' && typeof value === 'number' ? String(value) : kindOf(value)
        return sink.error('schema-type', pointer, `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${got}`)
      }
      case 'too_big':
      case 'too_small':
        return sink.error('schema-range', pointer, sizeMessage(issue, path, value))
      case 'invalid_format': {
        const words = typeof value === 'string' ? wordAlternatives(this.root, this.data, path) : []
        if (words.length > 0 && typeof value === 'string') {
          const message = `${show(value)} is not one of: ${words.join(', ')}, nor ${issue.message.replace(/^must be /, '')}`
          return sink.error('schema-value', pointer, message, didYouMean(value, words))
        }
        const sentence = issue.message.startsWith('must') ? issue.message : `is not valid: ${issue.message}`
        return sink.error('schema-format', pointer, `${show(value)} ${sentence}`)
      }
      case 'invalid_value': {
        if (!found) return this.missing(path)
        if (issue.values.length === 1) return sink.error('schema-value', pointer, `expected ${show(issue.values[0])}, got ${show(value)}`)
        const hint = typeof value === 'string' ? didYouMean(value, issue.values.map(String)) : undefined
        return sink.error('schema-value', pointer, `${show(value)} is not one of: ${issue.values.join(', ')}`, hint)
      }
      case 'unrecognized_keys': {
        const present = isRecord(value) ? Object.keys(value) : []
        const known = Object.keys(schemaAt(this.root, this.data, path)?._zod.def.shape ?? {})
        const absent = known.filter((key) => !present.includes(key))
        for (const key of issue.keys) {
          const keyPointer = pointer + '/' + escapePointerToken(key)
          const at = this.positions.key(keyPointer)
          sink.add('error', 'schema-unknown-key', keyPointer, `unknown key ${show(key)}`, didYouMean(key, absent), at)
        }
        return
      }
      case 'invalid_union':
        return this.union(issue, path, found, value)
      default:
        return sink.error('schema-invalid', pointer, issue.message)
    }
  }

  private missing(path: Path): void {
    const parent = pointerOf(path.slice(0, -1))
    const name = path[path.length - 1]
    const message = typeof name === 'number' ? `missing item ${name}` : `missing required key ${show(String(name))}`
    this.sink.add('error', 'schema-missing-key', pointerOf(path), message, undefined, this.positions.nearestValue(parent))
  }

  private union(issue: Extract<Issue, { code: 'invalid_union' }>, path: Path, found: boolean, value: unknown): void {
    const pointer = pointerOf(path)
    if (!found) return this.missing(path)
    if (issue.errors.length === 0) {
      // A discriminated union whose discriminator (here always `kind`) matches no option.
      const options = ('options' in issue ? (issue.options ?? []) : []).map(String)
      const owner = path[path.length - 3] === 'rules' ? 'rule ' : path[path.length - 2] === 'measure' ? 'measure ' : ''
      const hint = (typeof value === 'string' ? didYouMean(value, options) : undefined) ?? `expected one of: ${options.join(', ')}`
      return this.sink.error('schema-unknown-kind', pointer, `unknown ${owner}${issue.discriminator ?? 'kind'} ${show(value)}`, hint)
    }
    const branches = issue.errors
    const alternatives = branches.map((branch) => (branch.length === 1 ? describeAlternative(branch[0]) : undefined))
    if (alternatives.every((text) => text !== undefined)) {
      const unique = [...new Set(alternatives)]
      if (branches.some((branch) => branch[0].code === 'invalid_type')) {
        return this.sink.error('schema-type', pointer, `expected ${unique.join(' or ')}, got ${kindOf(value)}`)
      }
      const words = branches.flatMap((branch) => (branch[0].code === 'invalid_value' ? branch[0].values.map(String) : []))
      const hint = typeof value === 'string' ? didYouMean(value, words) : undefined
      return this.sink.error('schema-value', pointer, `${show(value)} is not ${unique.join(', nor ')}`, hint)
    }
    // Object options told apart by a field such as `variable`: when no option accepts that field, say so once.
    const fieldIssue = (branch: readonly Issue[], key: string) =>
      branch.find((candidate) => candidate.code === 'invalid_value' && candidate.path.length === 1 && candidate.path[0] === key)
    const firstKeys = branches[0].filter((candidate) => candidate.path.length === 1).map((candidate) => candidate.path[0])
    const discriminator = firstKeys.find((key) => typeof key === 'string' && branches.every((branch) => fieldIssue(branch, key)))
    if (typeof discriminator === 'string') {
      const allowed = branches.flatMap((branch) => {
        const found = fieldIssue(branch, discriminator)
        return found?.code === 'invalid_value' ? found.values.map(String) : []
      })
      const fieldPath = [...path, discriminator]
      const fieldValue = valueAt(this.data, fieldPath)
      if (!fieldValue.found) return this.missing(fieldPath)
      const hint = typeof fieldValue.value === 'string' ? didYouMean(fieldValue.value, allowed) : undefined
      return this.sink.error('schema-value', pointerOf(fieldPath), `${show(fieldValue.value)} is not one of: ${allowed.join(', ')}`, hint)
    }
    // Otherwise the option that failed least, counting a wrong tag field (such as `variable`) as worst.
    const score = (branch: readonly Issue[]) =>
      branch.filter((candidate) => candidate.code === 'invalid_value' && candidate.path.length === 1).length * 1000 + branch.length
    const closest = branches.reduce((best, branch) => (score(branch) < score(best) ? branch : best))
    this.report(closest, path)
  }
}
