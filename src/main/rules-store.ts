// The rules a game was played with, kept under their hash so a save can still be opened after its scenario
// changes: <userData>/rules/<hash>.json. Main stores and returns the text as given and never interprets it;
// the renderer checks it by hashing it again. Rules under a hash never change, so a kept file is never
// rewritten.
import { constants } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import type { HostResult } from '../shared/host.ts'
import { MAX_KEPT_RULES_CHARS, RULES_HASH_PATTERN } from '../shared/host.ts'
import type { DurableWriter } from './durable-write.ts'
import { fail, fileFailure, ok } from './host-result.ts'

/** UTF-8 takes at most 3 bytes per UTF-16 code unit, so no file of kept rules is larger than this. */
export const MAX_KEPT_RULES_BYTES = 3 * MAX_KEPT_RULES_CHARS
/** Caps on the folder of kept rules, so a page cannot fill the disk by keeping ever new hashes. */
export const MAX_KEPT_RULES_TOTAL_BYTES = 512 * 1024 * 1024
export const MAX_KEPT_RULES_FILES = 2000

export interface RulesStore {
  keepRules(hash: string, text: string): Promise<HostResult<null>>
  readRules(hash: string): Promise<HostResult<string>>
}

export interface RulesStoreOptions {
  rulesDir: string
  writer: DurableWriter
  /** Injected in tests; MAX_KEPT_RULES_TOTAL_BYTES otherwise. */
  maxTotalBytes?: number
  /** Injected in tests; MAX_KEPT_RULES_FILES otherwise. */
  maxFiles?: number
}

export function isRulesHash(value: unknown): value is string {
  return typeof value === 'string' && RULES_HASH_PATTERN.test(value)
}

// A lone surrogate would be written as U+FFFD, and the rules read back would no longer match their hash.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

// O_NOFOLLOW refuses a link swapped in after lstat; O_NONBLOCK keeps a FIFO from blocking the open.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

const FULL_MESSAGE = 'The game keeps no more copies of scenario rules: the folder of kept rules is full.'

/** The number and total size of the kept rules (regular *.json files); a missing folder holds none. */
async function measure(rulesDir: string): Promise<{ files: number; bytes: number }> {
  const entries = await fsp.readdir(rulesDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw error
  })
  let files = 0
  let bytes = 0
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.json')) continue
    const info = await fsp.lstat(join(rulesDir, entry.name)).catch(() => null)
    if (!info?.isFile()) continue
    files++
    bytes += info.size
  }
  return { files, bytes }
}

export function createRulesStore(options: RulesStoreOptions): RulesStore {
  const { rulesDir, writer, maxTotalBytes = MAX_KEPT_RULES_TOTAL_BYTES, maxFiles = MAX_KEPT_RULES_FILES } = options
  const fileOf = (hash: string) => join(rulesDir, `${hash}.json`)
  // New keeps run one at a time: concurrent ones would all measure the folder before any wrote, and pass the
  // caps together.
  let keeping: Promise<unknown> = Promise.resolve()
  const oneAtATime = <T>(job: () => Promise<T>): Promise<T> => {
    const run = keeping.then(job)
    keeping = run.catch(() => undefined)
    return run
  }
  return {
    async keepRules(hash, text) {
      if (!isRulesHash(hash)) return fail('invalid-argument', 'That is not a valid rules hash.')
      if (typeof text !== 'string') return fail('invalid-argument', 'The rules must be text.')
      if (text.length > MAX_KEPT_RULES_CHARS) return fail('too-large', `The rules are longer than ${MAX_KEPT_RULES_CHARS} characters.`)
      if (LONE_SURROGATE.test(text)) return fail('invalid-argument', 'The rules are not valid text.')
      const target = fileOf(hash)
      return oneAtATime(async () => {
        const existing = await fsp.lstat(target).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : error))
        if (existing instanceof Error) return fileFailure(existing, 'read', 'the kept rules')
        if (existing) return existing.isFile() ? ok(null) : fail('forbidden', 'Something other than the kept rules is in their place.')
        const bytes = Buffer.from(text, 'utf8')
        let kept: { files: number; bytes: number }
        try {
          kept = await measure(rulesDir)
        } catch (error) {
          return fileFailure(error, 'read', 'the kept rules')
        }
        if (kept.files + 1 > maxFiles || kept.bytes + bytes.length > maxTotalBytes) return fail('too-large', FULL_MESSAGE)
        try {
          await writer.write(target, bytes)
          return ok(null)
        } catch (error) {
          return fileFailure(error, 'write', 'the rules')
        }
      })
    },

    async readRules(hash) {
      if (!isRulesHash(hash)) return fail('invalid-argument', 'That is not a valid rules hash.')
      const path = fileOf(hash)
      const info = await fsp.lstat(path).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : error))
      if (info === null) return fail('not-found', 'No rules were kept under that hash.')
      if (info instanceof Error) return fileFailure(info, 'read', 'the kept rules')
      if (!info.isFile()) return fail('forbidden', 'The kept rules are not a plain file.')
      if (info.size > MAX_KEPT_RULES_BYTES) return fail('too-large', 'The kept rules are too large.')
      let handle: fsp.FileHandle | null = null
      try {
        handle = await fsp.open(path, READ_FLAGS)
        const opened = await handle.stat()
        if (!opened.isFile()) return fail('forbidden', 'The kept rules are not a plain file.')
        if (opened.size > MAX_KEPT_RULES_BYTES) return fail('too-large', 'The kept rules are too large.')
        const bytes = await handle.readFile()
        const text = bytes.length > MAX_KEPT_RULES_BYTES ? null : bytes.toString('utf8')
        return text === null || text.length > MAX_KEPT_RULES_CHARS ? fail('too-large', 'The kept rules are too large.') : ok(text)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ELOOP') return fail('forbidden', 'The kept rules are not a plain file.')
        return fileFailure(error, 'read', 'the kept rules')
      } finally {
        await handle?.close().catch(() => undefined)
      }
    },
  }
}
