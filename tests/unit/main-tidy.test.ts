// Tidying the user's data folder on start (issue 10, finding 3): temporary files a crash left during a save
// are removed, and saves/trash is kept within its age and size (real files in a temporary folder).
import { mkdir, mkdtemp, readdir, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DurableFs } from '../../src/main/durable-write.ts'
import { createDurableWriter, isTempFileName, nodeDurableFs } from '../../src/main/durable-write.ts'
import { userDataLayout } from '../../src/main/paths.ts'
import type { UserDataLayout } from '../../src/main/paths.ts'
import { createSaveStore } from '../../src/main/save-store.ts'
import { TRASH_MAX_AGE_DAYS, TRASH_MAX_BYTES, pruneTrash, removeStaleTempFiles, tidyUserData } from '../../src/main/tidy.ts'

const DAY = 24 * 60 * 60 * 1000
let dir: string
let layout: UserDataLayout

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rl-tidy-'))
  layout = userDataLayout(dir)
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A writer that dies before its temporary file is renamed into place and never cleans up: a kill -9. */
function crashingWriter() {
  const fs: DurableFs = {
    ...nodeDurableFs,
    rename: async (from, to) => {
      if (isTempFileName(from.split(/[\\/]/).pop()!)) throw Object.assign(new Error('killed'), { code: 'EINTR' })
      return nodeDurableFs.rename(from, to)
    },
    unlink: async () => undefined,
  }
  return createDurableWriter(fs)
}

const ago = async (path: string, ms: number) => {
  const when = new Date(Date.now() - ms)
  await utimes(path, when, when)
}

describe('temporary files left by a crash during a save', () => {
  it('are removed on start from the saves folder, the settings folder and the rules folder, and nothing else is', async () => {
    const crashing = crashingWriter()
    const saves = createSaveStore({ layout, writer: crashing })
    await saves.writeSave('one', '{"a":1}')
    await saves.writeSave('one', '{"a":2}')
    await saves.writeSettings('{"s":1}')
    await crashing.write(join(layout.rulesDir, `${'a'.repeat(64)}.json`), new TextEncoder().encode('{}')).catch(() => undefined)
    const left = async () => [
      ...(await readdir(layout.savesDir)).filter(isTempFileName),
      ...(await readdir(layout.root)).filter(isTempFileName),
      ...(await readdir(layout.rulesDir)).filter(isTempFileName),
    ]
    expect(await left()).toHaveLength(4)
    // A real save and files of the user's beside them stay.
    const good = createSaveStore({ layout, writer: createDurableWriter() })
    await good.writeSave('kept', '{"k":1}')
    await writeFile(join(layout.savesDir, '.notes.tmp'), 'mine')
    // Started two minutes after the crash: the files are older than the start by more than the margin.
    const report = await tidyUserData(layout, new Date(Date.now() + 120_000))
    expect(report.tempFiles).toBe(4)
    expect(await left()).toEqual([])
    expect((await readdir(layout.savesDir)).sort()).toEqual(['.notes.tmp', 'kept.json'])
  })

  it('spares a temporary file younger than the start (a save being written right now)', async () => {
    await mkdir(layout.savesDir, { recursive: true })
    const old = join(layout.savesDir, '.a.json.0123456789ab.tmp')
    const current = join(layout.savesDir, '.b.json.ba9876543210.tmp')
    await writeFile(old, 'x')
    await ago(old, 60_000)
    const startedAt = new Date(Date.now() - 1000)
    await writeFile(current, 'y')
    expect(await removeStaleTempFiles([layout.savesDir], startedAt)).toBe(1)
    expect(await readdir(layout.savesDir)).toEqual(['.b.json.ba9876543210.tmp'])
  })

  it('a link or a folder with a temporary name is left alone, and a missing folder is no error', async () => {
    await mkdir(join(layout.savesDir, '.c.json.0123456789ab.tmp'), { recursive: true })
    expect(await removeStaleTempFiles([layout.savesDir, join(dir, 'missing')], new Date(Date.now() + 60_000))).toBe(0)
    expect(await readdir(layout.savesDir)).toEqual(['.c.json.0123456789ab.tmp'])
  })
})

describe('saves/trash', () => {
  async function bin(name: string, ageDays: number, bytes: number) {
    const folder = join(layout.trashDir, name)
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, 'slot.json'), Buffer.alloc(bytes, 0x20))
    await ago(folder, ageDays * DAY)
    return folder
  }

  it(`keeps deleted saves ${TRASH_MAX_AGE_DAYS} days and at most ${TRASH_MAX_BYTES / 1024 / 1024} MB, the oldest going first`, async () => {
    expect(TRASH_MAX_AGE_DAYS).toBe(30)
    expect(TRASH_MAX_BYTES).toBe(50 * 1024 * 1024)
    await bin('old-2026-01-01', TRASH_MAX_AGE_DAYS + 1, 10)
    await bin('recent-1', 3, 10)
    await bin('recent-2', 2, 10)
    await bin('recent-3', 1, 10)
    await writeFile(join(layout.trashDir, 'stray.txt'), 'not a bin')
    // Age alone.
    expect(await pruneTrash(layout.trashDir, new Date())).toBe(1)
    expect((await readdir(layout.trashDir)).sort()).toEqual(['recent-1', 'recent-2', 'recent-3', 'stray.txt'])
    // Size: over the cap, the oldest bins go until the rest fit.
    expect(await pruneTrash(layout.trashDir, new Date(), { maxBytes: 25 })).toBe(1)
    expect((await readdir(layout.trashDir)).sort()).toEqual(['recent-2', 'recent-3', 'stray.txt'])
  })

  it('deleting a save trims the trash too, and tidying on start does', async () => {
    await bin('ancient', 400, 10)
    const store = createSaveStore({ layout, writer: createDurableWriter() })
    await store.writeSave('gone', '{}')
    expect(await store.deleteSave('gone')).toEqual({ ok: true, value: null })
    const bins = await readdir(layout.trashDir)
    expect(bins).toHaveLength(1)
    expect(bins[0]).toMatch(/^gone-/)
    await bin('ancient-2', 400, 10)
    expect((await tidyUserData(layout)).trashBins).toBe(1)
    expect(await readdir(layout.trashDir)).toEqual(bins)
  })

  it('a link in the trash is left alone, and what it points to stays', async () => {
    const outside = join(dir, 'outside')
    await mkdir(outside)
    await writeFile(join(outside, 'precious.json'), 'x')
    await mkdir(layout.trashDir, { recursive: true })
    await symlink(outside, join(layout.trashDir, 'linked'))
    expect(await pruneTrash(layout.trashDir, new Date(Date.now() + 1000 * DAY))).toBe(0)
    expect((await stat(join(outside, 'precious.json'))).isFile()).toBe(true)
    expect(await readdir(layout.trashDir)).toEqual(['linked'])
  })
})
