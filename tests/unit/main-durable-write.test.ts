// The durable write under failure: a fault injected at every file-system step (and a crash at every step,
// where nothing afterwards runs) must leave the old save or the new one loadable, byte for byte.
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DurableFileHandle, DurableFs } from '../../src/main/durable-write.ts'
import { DurableWriteError, createDurableWriter, isTempFileName, nodeDurableFs } from '../../src/main/durable-write.ts'
import { KEPT_SAVE_GENERATIONS, slotFiles, userDataLayout } from '../../src/main/paths.ts'
import type { UserDataLayout } from '../../src/main/paths.ts'
import { createSaveStore } from '../../src/main/save-store.ts'

type Op = 'mkdir' | 'open' | 'write' | 'fsync' | 'close' | 'readFile' | 'exists' | 'rename' | 'unlink'

interface Call {
  op: Op
  path: string
}

/** Wraps the real fs: records every call, and makes the chosen call fail (or the process "die" there). */
function faultyFs(plan: { failAt?: number; crash?: boolean; partialWrite?: boolean } = {}) {
  const calls: Call[] = []
  let dead = false
  const enter = (op: Op, path: string) => {
    if (dead) throw Object.assign(new Error('process is gone'), { code: 'EDEAD' })
    calls.push({ op, path })
    if (plan.failAt === calls.length) {
      if (plan.crash) dead = true
      return true
    }
    return false
  }
  const boom = (op: Op) => Object.assign(new Error(`injected failure in ${op}`), { code: op === 'write' ? 'ENOSPC' : 'EIO' })
  const fs: DurableFs = {
    async mkdir(path) {
      if (enter('mkdir', path)) throw boom('mkdir')
      return nodeDurableFs.mkdir(path)
    },
    async open(path, flags, mode) {
      if (enter('open', path)) throw boom('open')
      const real = await nodeDurableFs.open(path, flags, mode)
      const handle: DurableFileHandle = {
        async writeFile(data) {
          if (enter('write', path)) {
            if (plan.partialWrite) await real.writeFile(data.subarray(0, Math.floor(data.length / 2)))
            throw boom('write')
          }
          return real.writeFile(data)
        },
        async sync() {
          if (enter('fsync', path)) throw boom('fsync')
          return real.sync()
        },
        async close() {
          // Even a dead process's descriptors are closed by the kernel.
          if (dead) return real.close()
          if (enter('close', path)) {
            await real.close()
            throw boom('close')
          }
          return real.close()
        },
      }
      return handle
    },
    async readFile(path) {
      if (enter('readFile', path)) throw boom('readFile')
      return nodeDurableFs.readFile(path)
    },
    async rename(from, to) {
      if (enter('rename', `${from} -> ${to}`)) throw boom('rename')
      return nodeDurableFs.rename(from, to)
    },
    async unlink(path) {
      if (enter('unlink', path)) throw boom('unlink')
      return nodeDurableFs.unlink(path)
    },
    async exists(path) {
      if (enter('exists', path)) throw boom('exists')
      return nodeDurableFs.exists(path)
    },
  }
  return { fs, calls }
}

let dir: string
let layout: UserDataLayout

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rl-durable-'))
  layout = userDataLayout(dir)
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const OLD = JSON.stringify({ save: 'old', filler: 'x'.repeat(5000) })
const NEW = JSON.stringify({ save: 'new', filler: 'y'.repeat(7000) })

async function seedOld(): Promise<void> {
  const store = createSaveStore({ layout, writer: createDurableWriter() })
  expect(await store.writeSave('slot-a', 'older')).toEqual({ ok: true, value: null })
  expect(await store.writeSave('slot-a', OLD)).toEqual({ ok: true, value: null })
}

/** What a fresh start of the app would load: the newest readable generation, and all of them. */
async function loadNewest(): Promise<{ newest: string; all: string[] }> {
  const store = createSaveStore({ layout, writer: createDurableWriter() })
  const read = await store.readSave('slot-a')
  if (!read.ok) throw new Error(`nothing loads: ${read.code}`)
  return { newest: read.value[0].text, all: read.value.map((g) => g.text) }
}

async function saveFiles(): Promise<string[]> {
  return (await readdir(layout.savesDir)).sort()
}

describe('durable write: the order of operations', () => {
  it('writes a temp file in the same folder, syncs it, verifies it, rotates, renames, then syncs the folder', async () => {
    await seedOld()
    const { fs, calls } = faultyFs()
    const store = createSaveStore({ layout, writer: createDurableWriter(fs) })
    expect(await store.writeSave('slot-a', NEW)).toEqual({ ok: true, value: null })
    const [target, gen1, gen2] = slotFiles(layout, 'slot-a')
    const temp = calls.find((c) => c.op === 'open')!.path
    expect(temp.startsWith(join(layout.savesDir, '.slot-a.json.'))).toBe(true)
    expect(calls.map((c) => c.op)).toEqual([
      'mkdir',
      'open',
      'write',
      'fsync',
      'close',
      'readFile',
      'exists',
      'exists',
      'exists',
      'rename',
      'rename',
      'rename',
      'open',
      'fsync',
      'close',
    ])
    expect(calls.filter((c) => c.op === 'rename').map((c) => c.path)).toEqual([
      `${gen1} -> ${gen2}`,
      `${target} -> ${gen1}`,
      `${temp} -> ${target}`,
    ])
    expect(calls.at(-3)).toEqual({ op: 'open', path: layout.savesDir })
    expect(await loadNewest()).toEqual({ newest: NEW, all: [NEW, OLD, 'older'] })
  })
})

describe('durable write: a failure at each step', () => {
  const steps: { name: string; op: Op; nth?: number; partialWrite?: boolean; expectNew: boolean }[] = [
    { name: 'creating the folder', op: 'mkdir', expectNew: false },
    { name: 'opening the temp file', op: 'open', expectNew: false },
    { name: 'writing (disk full, half written)', op: 'write', partialWrite: true, expectNew: false },
    { name: 'fsync of the temp file', op: 'fsync', expectNew: false },
    { name: 'closing the temp file', op: 'close', expectNew: false },
    { name: 'reading it back', op: 'readFile', expectNew: false },
    { name: 'rotating the first generation', op: 'rename', nth: 1, expectNew: false },
    { name: 'rotating the second generation', op: 'rename', nth: 2, expectNew: false },
    { name: 'renaming the temp file into place', op: 'rename', nth: 3, expectNew: false },
    { name: 'opening the folder to sync it', op: 'open', nth: 2, expectNew: true },
    { name: 'fsync of the folder', op: 'fsync', nth: 2, expectNew: true },
  ]

  for (const step of steps) {
    it(`${step.name}: reports an error and ${step.expectNew ? 'the new' : 'the old'} save still loads intact`, async () => {
      await seedOld()
      const sequence = await sequenceFor()
      const failAt = sequence.map((op, i) => ({ op, i })).filter((c) => c.op === step.op)[(step.nth ?? 1) - 1].i + 1
      const { fs } = faultyFs({ failAt, partialWrite: step.partialWrite })
      const result = await createSaveStore({ layout, writer: createDurableWriter(fs) }).writeSave('slot-a', NEW)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.code).toBe('io-error')
        expect(result.message).not.toContain(dir)
        expect(result.message).not.toMatch(/injected|EIO|ENOSPC|at /)
        if (step.op === 'write') expect(result.message).toContain('disk is full')
      }
      const loaded = await loadNewest()
      expect(loaded.newest).toBe(step.expectNew ? NEW : OLD)
      expect(loaded.all).toContain(OLD)
      expect((await saveFiles()).filter(isTempFileName)).toEqual([])
    })
  }

  it('the error names the step for the log', async () => {
    const { fs } = faultyFs({ failAt: 3 })
    const error = await createDurableWriter(fs)
      .write(join(dir, 'x.json'), new Uint8Array([1, 2, 3]))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DurableWriteError)
    expect((error as DurableWriteError).step).toBe('write')
    expect((error as DurableWriteError).errno).toBe('ENOSPC')
  })
})

describe('durable write: transient rename failures (Windows antivirus)', () => {
  function busyTwice(): DurableFs {
    let failures = 0
    return {
      ...nodeDurableFs,
      rename: async (from, to) => {
        if (failures++ < 2) throw Object.assign(new Error('busy'), { code: 'EBUSY' })
        return nodeDurableFs.rename(from, to)
      },
    }
  }

  it('are retried when retrying is on, and the save lands', async () => {
    await seedOld()
    const store = createSaveStore({ layout, writer: createDurableWriter(busyTwice(), { retryTransientRenames: true }) })
    expect(await store.writeSave('slot-a', NEW)).toEqual({ ok: true, value: null })
    expect((await loadNewest()).all).toEqual([NEW, OLD, 'older'])
  })

  it('fail at once when retrying is off, leaving the old save', async () => {
    await seedOld()
    const store = createSaveStore({ layout, writer: createDurableWriter(busyTwice(), { retryTransientRenames: false }) })
    expect(await store.writeSave('slot-a', NEW)).toMatchObject({ ok: false, code: 'io-error' })
    expect((await loadNewest()).newest).toBe(OLD)
  })
})

describe('durable write: a crash at each step', () => {
  it('whatever call the process dies at, a restart loads the old or the new save, never nothing', async () => {
    const sequence = await sequenceFor()
    expect(sequence.length).toBeGreaterThan(10)
    for (let k = 1; k <= sequence.length; k++) {
      await rm(layout.root, { recursive: true, force: true })
      await seedOld()
      const { fs } = faultyFs({ failAt: k, crash: true })
      await createSaveStore({ layout, writer: createDurableWriter(fs) }).writeSave('slot-a', NEW)
      const loaded = await loadNewest()
      expect([OLD, NEW], `crash at call ${k} (${sequence[k - 1]})`).toContain(loaded.newest)
      // Until the temp file is renamed into place the old save is the newest; afterwards the new one is.
      const renamedAt = sequence.lastIndexOf('rename') + 1
      expect(loaded.newest, `crash at call ${k}`).toBe(k > renamedAt ? NEW : OLD)
      expect(loaded.all).toContain(OLD)
    }
  })

  it('a stray temp file left by a crash is never taken for a save, and the next save works', async () => {
    await seedOld()
    const sequence = await sequenceFor()
    const { fs } = faultyFs({ failAt: sequence.indexOf('readFile') + 1, crash: true })
    await createSaveStore({ layout, writer: createDurableWriter(fs) }).writeSave('slot-a', NEW)
    expect((await saveFiles()).filter(isTempFileName)).toHaveLength(1)
    const store = createSaveStore({ layout, writer: createDurableWriter() })
    const listed = await store.listSaves()
    expect(listed.ok && listed.value.map((s) => s.slot)).toEqual(['slot-a'])
    expect(await store.writeSave('slot-a', NEW)).toEqual({ ok: true, value: null })
    expect((await loadNewest()).all).toEqual([NEW, OLD, 'older'])
  })
})

describe('durable write: generations', () => {
  it(`keeps the ${KEPT_SAVE_GENERATIONS} previous generations, newest first, and drops older ones`, async () => {
    const store = createSaveStore({ layout, writer: createDurableWriter() })
    for (let n = 1; n <= 7; n++) expect((await store.writeSave('slot-a', `v${n}`)).ok).toBe(true)
    const read = await store.readSave('slot-a')
    expect(read).toEqual({
      ok: true,
      value: [
        { generation: 0, text: 'v7' },
        { generation: 1, text: 'v6' },
        { generation: 2, text: 'v5' },
        { generation: 3, text: 'v4' },
      ],
    })
    expect(await saveFiles()).toEqual(['slot-a.1.json', 'slot-a.2.json', 'slot-a.3.json', 'slot-a.json'])
  })

  it('after a crash left a gap, the next save fills it instead of pushing good generations out', async () => {
    const store = createSaveStore({ layout, writer: createDurableWriter() })
    for (const text of ['v1', 'v2', 'v3']) await store.writeSave('slot-a', text)
    // As if the process died between rotating slot-a.json away and renaming the new file in.
    await rm(slotFiles(layout, 'slot-a')[0])
    expect((await loadNewest()).all).toEqual(['v2', 'v1'])
    await store.writeSave('slot-a', 'v4')
    expect((await loadNewest()).all).toEqual(['v4', 'v2', 'v1'])
  })

  it('concurrent saves to one slot are serialised in call order', async () => {
    const store = createSaveStore({ layout, writer: createDurableWriter() })
    const results = await Promise.all(Array.from({ length: 20 }, (_, n) => store.writeSave('slot-a', `v${n}`)))
    expect(results.every((r) => r.ok)).toBe(true)
    expect((await loadNewest()).all).toEqual(['v19', 'v18', 'v17', 'v16'])
    expect((await saveFiles()).filter(isTempFileName)).toEqual([])
  })

  it('idle() waits for queued writes', async () => {
    const writer = createDurableWriter()
    const target = join(dir, 'q.json')
    void writer.write(target, new TextEncoder().encode('a'))
    void writer.write(target, new TextEncoder().encode('b'))
    await writer.idle()
    expect(await readFile(target, 'utf8')).toBe('b')
  })
})

describe('damaged files are handed over as they are', () => {
  it('a truncated newest generation is returned truncated, with the older ones after it', async () => {
    await seedOld()
    await truncate(slotFiles(layout, 'slot-a')[0], 100)
    const loaded = await loadNewest()
    expect(loaded.newest).toBe(OLD.slice(0, 100))
    expect(loaded.all.slice(1)).toEqual(['older'])
  })

  it('a zeroed file and an empty file are returned as they are, for the renderer to reject', async () => {
    await seedOld()
    const [target, gen1] = slotFiles(layout, 'slot-a')
    await writeFile(target, Buffer.alloc(OLD.length))
    await writeFile(gen1, '')
    const loaded = await loadNewest()
    expect(loaded.all).toEqual(['\0'.repeat(OLD.length), ''])
  })
})

/** The op sequence of a save over an existing slot with two generations (as seedOld leaves it). */
async function sequenceFor(): Promise<Op[]> {
  const scratch = userDataLayout(await mkdtemp(join(tmpdir(), 'rl-seq-')))
  const plain = createSaveStore({ layout: scratch, writer: createDurableWriter() })
  await plain.writeSave('slot-a', 'older')
  await plain.writeSave('slot-a', OLD)
  const probe = faultyFs()
  await createSaveStore({ layout: scratch, writer: createDurableWriter(probe.fs) }).writeSave('slot-a', NEW)
  await rm(scratch.root, { recursive: true, force: true })
  return probe.calls.map((c) => c.op)
}
