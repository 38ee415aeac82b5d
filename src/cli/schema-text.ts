// The scenario JSON Schema as the files we publish hold it (scenarios/scenario.schema.json, and beside new scenarios).
import { scenarioJsonSchema } from '../engine/index.ts'

export function schemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`
}
