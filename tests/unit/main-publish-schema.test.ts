// The scenario schema in the user's scenarios folder, so that "$schema": "../scenario.schema.json" resolves there.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCHEMA_FILE, publishSchema } from '../../src/main/publish-schema.ts'

const shipped = 'scenarios'

describe('publishing the schema to the user scenarios folder', () => {
  it('writes it where a copied shipped scenario looks for it, and only when it differs', async () => {
    const user = join(mkdtempSync(join(tmpdir(), 'redlines-schema-')), 'scenarios')
    expect(await publishSchema(shipped, user)).toBe(true)
    expect(readFileSync(join(user, SCHEMA_FILE), 'utf8')).toBe(readFileSync(join(shipped, SCHEMA_FILE), 'utf8'))
    const copied = JSON.parse(readFileSync(join(shipped, 'tutorial', 'scenario.json'), 'utf8')) as { $schema: string }
    expect(join(user, 'tutorial', copied.$schema)).toBe(join(user, SCHEMA_FILE))
    expect(await publishSchema(shipped, user)).toBe(false)
    writeFileSync(join(user, SCHEMA_FILE), '{"old": true}')
    expect(await publishSchema(shipped, user)).toBe(true)
    expect(readdirSync(user)).toEqual([SCHEMA_FILE])
  })
})
