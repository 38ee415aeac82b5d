// The published JSON Schema (scenarios/scenario.schema.json): a complete scenario, or — when the file has
// `extends` — an extension, both generated from the zod schemas so editors check what the loader checks.
import * as z from 'zod'
import { Scenario } from './schema.ts'
import { extensionSchema } from './schema-extension.ts'

export function scenarioJsonSchema(): Record<string, unknown> {
  const both = z.toJSONSchema(z.union([Scenario, extensionSchema()]), { target: 'draft-2020-12', reused: 'ref' }) as Record<string, unknown>
  const { anyOf, $schema, $defs, ...rest } = both as { anyOf: unknown[]; $schema: string; $defs?: unknown }
  const [complete, extension] = anyOf
  return {
    $schema,
    $id: 'https://redlines.invalid/scenario.schema.json',
    title: 'Red Lines scenario',
    description: 'A complete scenario, or (with `extends`) an extension of another one. See scenarios/MODDING.md.',
    ...rest,
    if: { required: ['extends'] },
    then: extension,
    else: complete,
    ...($defs ? { $defs } : {}),
  }
}
