// Kept rules on real files in a temporary folder: stored once under their hash, read back exactly, and
// refused when the hash, the size or the thing on disk is not what it should be.
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_KEPT_RULES_CHARS } from '../../src/shared/host.ts'
import { createDurableWriter } from '../../src/main/durable-write.ts'
import { userDataLayout } from '../../src/main/paths.ts'
import type { RulesStore } from '../../src/main/rules-store.ts'
import {
  MAX_KEPT_RULES_BYTES,
  MAX_KEPT_RULES_FILES,
  MAX_KEPT_RULES_TOTAL_BYTES,
  createRulesStore,
  isRulesHash,
} from '../../src/main/rules-store.ts'

const HASH = '0123456789abcdef'.repeat(4)
let dir: string
let rulesDir: string
let store: RulesStore

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rl-rules-'))
  rulesDir = userDataLayout(dir).rulesDir
  store = createRulesStore({ rulesDir, writer: createDurableWriter() })
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const fileOf = (hash: string) => join(rulesDir, `${hash}.json`)

describe('kept rules', () => {
  it('live at <userData>/rules/<hash>.json and read back exactly, non-ASCII and byte-order mark included', async () => {
    expect(rulesDir).toBe(join(dir, 'rules'))
    const text = '\uFEFF{"name":"Pin Pricks — “2021”","flag":"🇪🇺"}'
    expect(await store.keepRules(HASH, text)).toEqual({ ok: true, value: null })
    expect(await store.readRules(HASH)).toEqual({ ok: true, value: text })
    expect(await readFile(fileOf(HASH), 'utf8')).toBe(text)
    // The durable write leaves no temporary file behind.
    expect(await readdir(rulesDir)).toEqual([`${HASH}.json`])
  })

  it('keeping the same hash twice keeps the first copy: rules under a hash never change', async () => {
    expect(await store.keepRules(HASH, 'first')).toEqual({ ok: true, value: null })
    expect(await store.keepRules(HASH, 'second')).toEqual({ ok: true, value: null })
    expect(await store.readRules(HASH)).toEqual({ ok: true, value: 'first' })
  })

  it('a hash that was never kept is not-found', async () => {
    expect(await store.readRules(HASH)).toMatchObject({ ok: false, code: 'not-found' })
  })

  it('refuses a bad hash on both operations, touching nothing', async () => {
    for (const hash of [
      '',
      HASH.toUpperCase(),
      HASH.slice(1),
      `${HASH}0`,
      `../${HASH.slice(3)}`,
      `${HASH.slice(5)}.json`,
      'g'.repeat(64),
    ]) {
      expect(isRulesHash(hash), hash).toBe(false)
      expect(await store.keepRules(hash, 'x'), hash).toMatchObject({ ok: false, code: 'invalid-argument' })
      expect(await store.readRules(hash), hash).toMatchObject({ ok: false, code: 'invalid-argument' })
    }
    expect(await store.keepRules(42 as unknown as string, 'x')).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(await store.keepRules(HASH, null as unknown as string)).toMatchObject({ ok: false, code: 'invalid-argument' })
    await expect(readdir(rulesDir)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('refuses rules longer than MAX_KEPT_RULES_CHARS and accepts exactly that many', async () => {
    expect(await store.keepRules(HASH, 'x'.repeat(MAX_KEPT_RULES_CHARS + 1))).toMatchObject({ ok: false, code: 'too-large' })
    await expect(readdir(rulesDir)).rejects.toMatchObject({ code: 'ENOENT' })
    const largest = 'x'.repeat(MAX_KEPT_RULES_CHARS)
    expect(await store.keepRules(HASH, largest)).toEqual({ ok: true, value: null })
    const read = await store.readRules(HASH)
    expect(read.ok && read.value.length).toBe(MAX_KEPT_RULES_CHARS)
  })

  it('refuses text with a lone surrogate, which could not be read back as it was given', async () => {
    expect(await store.keepRules(HASH, 'a\uD800b')).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(await store.keepRules(HASH, 'a\uDC00')).toMatchObject({ ok: false, code: 'invalid-argument' })
    expect(await store.keepRules(HASH, 'pair \uD83C\uDDEA')).toEqual({ ok: true, value: null })
  })

  it('refuses an oversized file on disk without reading it', async () => {
    await mkdir(rulesDir, { recursive: true })
    await writeFile(fileOf(HASH), '')
    await truncate(fileOf(HASH), MAX_KEPT_RULES_BYTES + 1)
    expect(await store.readRules(HASH)).toMatchObject({ ok: false, code: 'too-large' })
  })

  it('refuses a folder or a symlink in the place of the rules, for reading and for keeping', async () => {
    await mkdir(fileOf(HASH), { recursive: true })
    expect(await store.readRules(HASH)).toMatchObject({ ok: false, code: 'forbidden' })
    expect(await store.keepRules(HASH, 'x')).toMatchObject({ ok: false, code: 'forbidden' })

    const other = 'f'.repeat(64)
    await writeFile(join(dir, 'secret.txt'), 'secret')
    await symlink(join(dir, 'secret.txt'), fileOf(other))
    const read = await store.readRules(other)
    expect(read).toMatchObject({ ok: false, code: 'forbidden' })
    expect(JSON.stringify(read)).not.toMatch(/secret|rl-rules|\//)
    expect(await store.keepRules(other, 'x')).toMatchObject({ ok: false, code: 'forbidden' })
    expect(await readFile(join(dir, 'secret.txt'), 'utf8')).toBe('secret')
  })

  it.skipIf(process.platform === 'win32')('refuses a FIFO in the place of the rules without blocking on it', async () => {
    await mkdir(rulesDir, { recursive: true })
    execFileSync('mkfifo', [fileOf(HASH)])
    expect(await store.readRules(HASH)).toMatchObject({ ok: false, code: 'forbidden' })
  })
})

describe('the folder of kept rules is bounded', () => {
  const FULL = {
    ok: false,
    code: 'too-large',
    message: 'The game keeps no more copies of scenario rules: the folder of kept rules is full.',
  }
  const hashOf = (n: number) => n.toString(16).padStart(64, '0')
  const capped = (caps: { maxTotalBytes?: number; maxFiles?: number }) =>
    createRulesStore({ rulesDir, writer: createDurableWriter(), ...caps })

  it('defaults to 512 MiB and 2000 files', () => {
    expect(MAX_KEPT_RULES_TOTAL_BYTES).toBe(512 * 1024 * 1024)
    expect(MAX_KEPT_RULES_FILES).toBe(2000)
  })

  it('writes up to the byte cap exactly, counting UTF-8 bytes, and refuses past it', async () => {
    const small = capped({ maxTotalBytes: 10 })
    expect(await small.keepRules(hashOf(1), 'abcd')).toEqual({ ok: true, value: null })
    expect(await small.keepRules(hashOf(2), 'é€')).toEqual({ ok: true, value: null }) // 5 bytes: 9 in all
    expect(await small.keepRules(hashOf(3), 'xy')).toEqual(FULL)
    expect(await small.keepRules(hashOf(4), 'x')).toEqual({ ok: true, value: null })
    expect((await readdir(rulesDir)).sort()).toEqual([`${hashOf(1)}.json`, `${hashOf(2)}.json`, `${hashOf(4)}.json`])
  })

  it('refuses a new file past the count cap; other files in the folder do not count', async () => {
    const few = capped({ maxFiles: 2 })
    await mkdir(rulesDir, { recursive: true })
    await writeFile(join(rulesDir, 'notes.txt'), 'not rules')
    await mkdir(join(rulesDir, 'folder.json'))
    expect(await few.keepRules(hashOf(1), 'a')).toEqual({ ok: true, value: null })
    expect(await few.keepRules(hashOf(2), 'b')).toEqual({ ok: true, value: null })
    expect(await few.keepRules(hashOf(3), 'c')).toEqual(FULL)
    expect(await few.readRules(hashOf(3))).toMatchObject({ ok: false, code: 'not-found' })
  })

  it('still answers ok for rules already kept when the folder is full', async () => {
    const one = capped({ maxFiles: 1, maxTotalBytes: 5 })
    expect(await one.keepRules(hashOf(1), 'first')).toEqual({ ok: true, value: null })
    expect(await one.keepRules(hashOf(2), 'x')).toEqual(FULL)
    expect(await one.keepRules(hashOf(1), 'first')).toEqual({ ok: true, value: null })
    expect(await one.readRules(hashOf(1))).toEqual({ ok: true, value: 'first' })
  })

  it('counts files kept concurrently, so a burst cannot pass the cap together', async () => {
    const few = capped({ maxFiles: 3 })
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => few.keepRules(hashOf(i + 1), `rules ${i}`)))
    expect(results.filter((r) => r.ok)).toHaveLength(3)
    expect(await readdir(rulesDir)).toHaveLength(3)
  })
})
