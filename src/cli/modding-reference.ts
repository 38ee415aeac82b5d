// The generated parts of scenarios/MODDING.md: a reference of every field, made from the published JSON
// Schema (itself made from the zod schemas and their descriptions), and the table of diagnostic codes.
import { DIAGNOSTIC_CODES, scenarioJsonSchema } from '../engine/scenario/index.ts'

type Schema = { [key: string]: unknown }

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

class FieldReference {
  private readonly defs: Record<string, Schema>
  /** Where each shared definition was first written out (table and path), so it is not repeated. */
  private readonly expanded = new Map<string, { table: string; path: string }>()
  private table = ''
  private rows: string[] = []

  constructor(root: Schema) {
    this.defs = (root.$defs ?? {}) as Record<string, Schema>
  }

  /** Follows `$ref` chains; the outermost description wins. Returns the last definition's name. */
  private deref(input: Schema): { schema: Schema; ref?: string } {
    let schema = input
    let ref: string | undefined
    for (let hops = 0; typeof schema.$ref === 'string' && hops < 20; hops++) {
      ref = schema.$ref.replace('#/$defs/', '')
      const { $ref: _ignored, ...rest } = schema
      const target = this.defs[ref] ?? {}
      schema = { ...target, ...rest, description: rest.description ?? target.description }
    }
    return { schema, ref }
  }

  /** The alternatives of a union, without the `anyOf: [{ required: [...] }]` constraints that only say "one of these keys". */
  private optionsOf(schema: Schema): Schema[] | undefined {
    const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined
    const shaped = options?.filter((option) => Object.keys(option).some((key) => key !== 'required' && key !== 'description'))
    return shaped && shaped.length > 0 ? shaped : undefined
  }

  typeText(input: Schema): string {
    const { schema } = this.deref(input)
    if (schema.const !== undefined) return JSON.stringify(schema.const)
    if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(' | ')
    const options = this.optionsOf(schema)
    if (options) return [...new Set(options.map((option) => this.typeText(option)))].join(' or ')
    const range = (low: unknown, high: unknown, unit = '') =>
      low !== undefined && high !== undefined
        ? ` ${String(low)}–${String(high)}${unit}`
        : low !== undefined
          ? ` ≥ ${String(low)}${unit}`
          : high !== undefined
            ? ` ≤ ${String(high)}${unit}`
            : ''
    switch (schema.type) {
      case 'string':
        return `string${schema.pattern ? ' (pattern)' : ''}${range(schema.minLength, schema.maxLength, ' chars')}`
      case 'number':
        return `number${range(schema.minimum, schema.maximum)}`
      case 'integer':
        return `whole number${range(schema.minimum, schema.maximum)}`
      case 'boolean':
        return 'true or false'
      case 'array': {
        if (Array.isArray(schema.prefixItems)) return `[${(schema.prefixItems as Schema[]).map((item) => this.typeText(item)).join(', ')}]`
        const items = schema.items as Schema | undefined
        return `list of ${items ? this.typeText(items) : 'values'}${range(schema.minItems, schema.maxItems, ' items')}`
      }
      case 'object':
        return 'object'
      default:
        return 'any'
    }
  }

  private row(path: string, schema: Schema, required: boolean): void {
    const description = (this.deref(schema).schema.description as string | undefined) ?? ''
    this.rows.push(
      `| \`${escapeCell(path)}\` | ${escapeCell(this.typeText(schema))} | ${required ? 'yes' : ''} | ${escapeCell(description)} |`,
    )
  }

  /** The rows of one table: every field of `schema`, shared definitions written out once across tables. */
  tableRows(schema: Schema, table: string): string[] {
    this.table = table
    this.rows = []
    this.walk(schema, '')
    return this.rows
  }

  /** Writes the rows for the fields of `input`, found at `path`. */
  private walk(input: Schema, path: string): void {
    const { schema, ref } = this.deref(input)
    if (ref) {
      const first = this.expanded.get(ref)
      const elsewhere = first !== undefined && (first.table !== this.table || first.path !== path)
      if (first !== undefined && elsewhere && this.expandable(schema)) {
        const where = first.table === this.table ? '' : ` in ${first.table}`
        this.rows.push(`| \`${escapeCell(path)}.…\` | | | The fields are those of \`${escapeCell(first.path)}\`${where}. |`)
        return
      }
      if (first === undefined) this.expanded.set(ref, { table: this.table, path })
    }
    if (schema.type === 'array' && schema.items) return this.walk(schema.items as Schema, `${path}[]`)
    const options = this.optionsOf(schema)
    if (options) return this.walkUnion(options, path)
    if (schema.type !== 'object' || !schema.properties) return
    const required = new Set((schema.required ?? []) as string[])
    for (const [key, child] of Object.entries(schema.properties as Record<string, Schema>)) {
      const childPath = path === '' ? key : `${path}.${key}`
      this.row(childPath, child, required.has(key))
      this.walk(child, childPath)
    }
  }

  /** Whether walking the schema writes rows: an object with fields, a list of such, or a union of such. */
  private expandable(input: Schema): boolean {
    const schema = this.deref(input).schema
    if (schema.type === 'object') return Boolean(schema.properties)
    if (schema.type === 'array') return Boolean(schema.items) && this.expandable(schema.items as Schema)
    return Boolean(this.optionsOf(schema)?.some((option) => this.expandable(option)))
  }

  private walkUnion(options: Schema[], path: string): void {
    const objects = options.map((option) => this.deref(option).schema).filter((option) => option.type === 'object' && option.properties)
    if (objects.length === 0) return
    const keysOf = (option: Schema) => Object.keys(option.properties as object)
    const discriminator = keysOf(objects[0]).find((key) =>
      objects.every((option) => {
        const field = this.deref((option.properties as Record<string, Schema>)[key] ?? {}).schema
        return field.const !== undefined || Array.isArray(field.enum)
      }),
    )
    const common = keysOf(objects[0]).filter((key) => key !== discriminator && objects.every((option) => keysOf(option).includes(key)))
    if (objects.length > 1 && common.length > 0) {
      const shared: Schema = {
        type: 'object',
        properties: Object.fromEntries(common.map((key) => [key, (objects[0].properties as Record<string, Schema>)[key]])),
        required: (objects[0].required as string[] | undefined)?.filter((key) => common.includes(key)),
      }
      this.walk(shared, path)
    }
    for (const option of objects) {
      const field = discriminator ? this.deref((option.properties as Record<string, Schema>)[discriminator]).schema : undefined
      const label = field ? ` with ${discriminator} ${this.typeText(field).replace(/ \| /g, ' or ')}` : ''
      if (objects.length > 1) {
        const description = (option.description as string | undefined) ?? ''
        this.rows.push(`| **\`${escapeCell(path)}\`${escapeCell(label)}** | | | ${escapeCell(description)} |`)
      }
      const own: Schema = {
        ...option,
        properties: Object.fromEntries(
          Object.entries(option.properties as Record<string, Schema>).filter(([key]) => objects.length === 1 || !common.includes(key)),
        ),
      }
      this.walk(own, path)
    }
  }
}

const TABLE_HEAD = ['| Field | Type | Required | Description |', '| --- | --- | --- | --- |']

export function fieldReference(): string {
  const schema = scenarioJsonSchema() as Schema
  const reference = new FieldReference(schema)
  const complete = reference.tableRows(schema.else as Schema, 'a complete scenario')
  const extension = reference.tableRows(schema.then as Schema, 'an extension')
  return [
    '### A complete scenario',
    '',
    ((schema.else as Schema).description as string | undefined) ?? '',
    '',
    ...TABLE_HEAD,
    ...complete,
    '',
    '### An extension (a file with `extends`)',
    '',
    ((schema.then as Schema).description as string | undefined) ?? '',
    '',
    ...TABLE_HEAD,
    ...extension,
  ].join('\n')
}

export function diagnosticReference(): string {
  const rows = Object.entries(DIAGNOSTIC_CODES).map(
    ([code, doc]) =>
      `| \`${code}\` | ${doc.severity} | ${doc.stage} | ${escapeCell(doc.meaning)} | \`${escapeCell(doc.example).replace(/`/g, "'")}\` | ${escapeCell(doc.fix)} |`,
  )
  return ['| Code | Severity | Stage | Meaning | Example | Fix |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n')
}

export const GENERATED_SECTIONS: Readonly<Record<string, () => string>> = {
  'field-reference': fieldReference,
  diagnostics: diagnosticReference,
}

const MARKER = /<!-- BEGIN GENERATED ([a-z-]+)[^>]*-->[\s\S]*?<!-- END GENERATED \1 -->/g

/** The document with every generated section rewritten; throws when a section is missing. */
export function updateGeneratedSections(document: string): string {
  const found = new Set<string>()
  const updated = document.replace(MARKER, (whole, name: string) => {
    const generate = GENERATED_SECTIONS[name]
    if (!generate) return whole
    found.add(name)
    const head = whole.slice(0, whole.indexOf('-->') + 3)
    return `${head}\n${generate()}\n<!-- END GENERATED ${name} -->`
  })
  const missing = Object.keys(GENERATED_SECTIONS).filter((name) => !found.has(name))
  if (missing.length > 0) throw new Error(`the document has no generated section ${missing.map((name) => `"${name}"`).join(', ')}`)
  return updated
}
