// A small JSON Schema (2020-12) checker for the keywords our published schema uses — enough to test
// that the schema and the loader's zod shape check accept the same documents without adding ajv.
type Schema = boolean | { [keyword: string]: unknown }

const HANDLED = new Set([
  '$schema',
  '$id',
  '$ref',
  '$defs',
  'title',
  'description',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'anyOf',
  'oneOf',
  'allOf',
  'if',
  'then',
  'else',
  'default',
])

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(value)
    case 'array':
      return Array.isArray(value)
    case 'string':
      return typeof value === 'string'
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'null':
      return value === null
    default:
      throw new Error(`unknown type ${type}`)
  }
}

function equalJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

export class JsonSchemaChecker {
  private readonly patterns = new Map<string, RegExp>()

  constructor(private readonly root: Record<string, unknown>) {}

  valid(value: unknown, schema: Schema = this.root): boolean {
    if (schema === true) return true
    if (schema === false) return false
    for (const keyword of Object.keys(schema)) if (!HANDLED.has(keyword)) throw new Error(`unhandled keyword ${keyword}`)
    if (typeof schema.$ref === 'string') {
      const name = schema.$ref.replace('#/$defs/', '')
      const target = (this.root.$defs as Record<string, Schema>)[name]
      if (target === undefined) throw new Error(`unknown $ref ${schema.$ref}`)
      if (!this.valid(value, target)) return false
    }
    if (typeof schema.type === 'string' && !typeMatches(schema.type, value)) return false
    if (Array.isArray(schema.type) && !schema.type.some((type) => typeMatches(type, value))) return false
    if ('const' in schema && !equalJson(schema.const, value)) return false
    if (Array.isArray(schema.enum) && !schema.enum.some((option) => equalJson(option, value))) return false
    if (typeof value === 'number') {
      if (typeof schema.minimum === 'number' && value < schema.minimum) return false
      if (typeof schema.maximum === 'number' && value > schema.maximum) return false
      if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) return false
      if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) return false
    }
    if (typeof value === 'string') {
      const length = Array.from(value).length
      if (typeof schema.minLength === 'number' && length < schema.minLength) return false
      if (typeof schema.maxLength === 'number' && length > schema.maxLength) return false
      if (typeof schema.pattern === 'string' && !this.pattern(schema.pattern).test(value)) return false
    }
    if (Array.isArray(value)) {
      if (typeof schema.minItems === 'number' && value.length < schema.minItems) return false
      if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) return false
      const prefix = (schema.prefixItems ?? []) as Schema[]
      if (!prefix.every((item, index) => index >= value.length || this.valid(value[index], item))) return false
      if (schema.items !== undefined && !value.slice(prefix.length).every((item) => this.valid(item, schema.items as Schema))) return false
    }
    if (isObject(value)) {
      const properties = (schema.properties ?? {}) as Record<string, Schema>
      const required = (schema.required ?? []) as string[]
      if (!required.every((key) => Object.prototype.hasOwnProperty.call(value, key))) return false
      for (const [key, child] of Object.entries(value)) {
        if (schema.propertyNames !== undefined && !this.valid(key, schema.propertyNames as Schema)) return false
        if (Object.prototype.hasOwnProperty.call(properties, key)) {
          if (!this.valid(child, properties[key])) return false
        } else if (schema.additionalProperties !== undefined && !this.valid(child, schema.additionalProperties as Schema)) {
          return false
        }
      }
    }
    if (Array.isArray(schema.allOf) && !schema.allOf.every((option) => this.valid(value, option as Schema))) return false
    if (Array.isArray(schema.anyOf) && !schema.anyOf.some((option) => this.valid(value, option as Schema))) return false
    if (Array.isArray(schema.oneOf) && schema.oneOf.filter((option) => this.valid(value, option as Schema)).length !== 1) return false
    if (schema.if !== undefined) {
      const branch = this.valid(value, schema.if as Schema) ? schema.then : schema.else
      if (branch !== undefined && !this.valid(value, branch as Schema)) return false
    }
    return true
  }

  private pattern(source: string): RegExp {
    let compiled = this.patterns.get(source)
    if (!compiled) this.patterns.set(source, (compiled = new RegExp(source, 'u')))
    return compiled
  }
}
