// Scenario folders on real files: only regular files inside the folder are read, each skip has a reason,
// and both shipped and user scenarios are listed.
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { realpath } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readScenarioFromDisk } from '../../src/cli/read-scenario.ts'
import { loadScenario } from '../../src/engine/scenario/index.ts'
import type { SkippedFile } from '../../src/shared/host.ts'
import type { ScenarioListing } from '../../src/shared/host.ts'
import {
  MAX_LISTED_ENTRIES,
  MAX_SCENARIO_FILE_BYTES,
  createScenarioStore,
  isScenarioFolderName,
  readScenarioFolder,
} from '../../src/main/scenario-store.ts'

let dir: string
let shipped: string
let user: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rl-scenarios-'))
  shipped = join(dir, 'app', 'scenarios')
  user = join(dir, 'userData', 'scenarios')
  await mkdir(shipped, { recursive: true })
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function scenario(root: string, folder: string, files: Record<string, string | Buffer> = {}): Promise<string> {
  const path = join(root, folder)
  await mkdir(join(path, 'sources'), { recursive: true })
  await writeFile(join(path, 'scenario.json'), '{"id":"x"}')
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(path, name, '..'), { recursive: true })
    await writeFile(join(path, name), content)
  }
  return path
}

async function read(root: string, folder: string) {
  const result = await readScenarioFolder(root, folder)
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`)
  return result.value
}

describe('reading a scenario folder', () => {
  it('reads scenario.json and every .txt under sources/, keyed with forward slashes', async () => {
    await scenario(shipped, 'demo', { 'sources/a.txt': 'alpha', 'sources/deeper/b.TXT': 'beta', 'sources/notes.md': 'ignored' })
    const { files, skipped } = await read(shipped, 'demo')
    expect(files).toEqual({ 'scenario.json': '{"id":"x"}', 'sources/a.txt': 'alpha', 'sources/deeper/b.TXT': 'beta' })
    expect(skipped).toEqual([])
  })

  it('keeps the text exactly, byte-order mark included, so the content hash matches the command line', async () => {
    await scenario(shipped, 'bom', { 'sources/a.txt': '\uFEFFquote — “x”' })
    expect((await read(shipped, 'bom')).files['sources/a.txt']).toBe('\uFEFFquote — “x”')
  })

  it('skips a symlinked source file, even one pointing inside the folder', async () => {
    const path = await scenario(shipped, 'links', { 'sources/real.txt': 'real' })
    await writeFile(join(dir, 'secret.txt'), 'secret')
    await symlink(join(dir, 'secret.txt'), join(path, 'sources', 'outside.txt'))
    await symlink(join(path, 'sources', 'real.txt'), join(path, 'sources', 'inside.txt'))
    const { files, skipped } = await read(shipped, 'links')
    expect(Object.keys(files).sort()).toEqual(['scenario.json', 'sources/real.txt'])
    expect(skipped).toEqual<SkippedFile[]>([
      { file: 'sources/inside.txt', reason: 'symlink' },
      { file: 'sources/outside.txt', reason: 'symlink' },
    ])
    expect(JSON.stringify(files)).not.toContain('secret')
  })

  it('skips a symlinked folder under sources/ and a symlinked sources/ itself', async () => {
    const outside = join(dir, 'elsewhere')
    await mkdir(outside)
    await writeFile(join(outside, 'leak.txt'), 'secret')
    const path = await scenario(shipped, 'dirlink')
    await symlink(outside, join(path, 'sources', 'sub'))
    expect((await read(shipped, 'dirlink')).skipped).toEqual([{ file: 'sources/sub', reason: 'symlink' }])

    const other = join(shipped, 'srclink')
    await mkdir(other)
    await writeFile(join(other, 'scenario.json'), '{}')
    await symlink(outside, join(other, 'sources'))
    const { files, skipped } = await read(shipped, 'srclink')
    expect(files).toEqual({ 'scenario.json': '{}' })
    expect(skipped).toEqual([{ file: 'sources', reason: 'symlink' }])
  })

  it('skips a file whose real path turns out to be outside the folder (swapped after listing)', async () => {
    await scenario(shipped, 'race', { 'sources/a.txt': 'fine', 'sources/b.txt': 'swapped' })
    const swapped = async (path: string) => (path.endsWith('b.txt') ? resolve(dir, 'elsewhere', 'b.txt') : realpath(path))
    const result = await readScenarioFolder(shipped, 'race', swapped)
    expect(result.ok && result.value.skipped).toEqual([{ file: 'sources/b.txt', reason: 'outside-folder' }])
    expect(result.ok && Object.keys(result.value.files)).toEqual(['scenario.json', 'sources/a.txt'])
  })

  it('skips a source over 5 MiB and accepts one of exactly 5 MiB', async () => {
    await scenario(shipped, 'big', {
      'sources/exact.txt': Buffer.alloc(MAX_SCENARIO_FILE_BYTES, 0x61),
      'sources/over.txt': Buffer.alloc(MAX_SCENARIO_FILE_BYTES + 1, 0x61),
    })
    const { files, skipped } = await read(shipped, 'big')
    expect(files['sources/exact.txt']).toHaveLength(MAX_SCENARIO_FILE_BYTES)
    expect(skipped).toEqual([{ file: 'sources/over.txt', reason: 'too-large' }])
  })

  it.skipIf(process.platform === 'win32')('skips a special file (a FIFO) without blocking on it', async () => {
    const path = await scenario(shipped, 'fifo', { 'sources/a.txt': 'a' })
    execFileSync('mkfifo', [join(path, 'sources', 'pipe.txt')])
    const { files, skipped } = await read(shipped, 'fifo')
    expect(Object.keys(files)).toEqual(['scenario.json', 'sources/a.txt'])
    expect(skipped).toEqual([{ file: 'sources/pipe.txt', reason: 'not-a-regular-file' }])
  })

  it('skips a source that is not UTF-8 rather than guessing', async () => {
    await scenario(shipped, 'latin1', { 'sources/a.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9]) })
    expect((await read(shipped, 'latin1')).skipped).toEqual([{ file: 'sources/a.txt', reason: 'not-utf8' }])
  })

  it('a scenario.json that is missing, a symlink or too large fails with a code and a plain message', async () => {
    await mkdir(join(shipped, 'empty'))
    expect(await readScenarioFolder(shipped, 'empty')).toMatchObject({ ok: false, code: 'not-found' })

    const linked = join(shipped, 'linked')
    await mkdir(linked)
    await writeFile(join(dir, 'x.json'), '{}')
    await symlink(join(dir, 'x.json'), join(linked, 'scenario.json'))
    const result = await readScenarioFolder(shipped, 'linked')
    expect(result).toMatchObject({ ok: false, code: 'forbidden' })
    expect(JSON.stringify(result)).not.toContain(dir)

    const huge = join(shipped, 'huge')
    await mkdir(huge)
    await writeFile(join(huge, 'scenario.json'), Buffer.alloc(MAX_SCENARIO_FILE_BYTES + 1, 0x20))
    expect(await readScenarioFolder(shipped, 'huge')).toMatchObject({ ok: false, code: 'too-large' })
  })

  it('refuses folder names that are paths, and a scenario folder that is itself a symlink', async () => {
    for (const name of ['..', '.', '../app', 'a/b', 'a\\b', '', '.hidden', 'x'.repeat(65), 'nul\0', ' padded', 'c:'])
      expect(isScenarioFolderName(name), name).toBe(false)
    expect(isScenarioFolderName('Pin Pricks (2021)')).toBe(true)
    expect(await readScenarioFolder(shipped, '../app')).toMatchObject({ ok: false, code: 'invalid-argument' })

    const real = await scenario(join(dir, 'outside'), 'real')
    await symlink(real, join(shipped, 'alias'))
    expect(await readScenarioFolder(shipped, 'alias')).toMatchObject({ ok: false, code: 'not-found' })
  })
})

describe('the store', () => {
  it('lists shipped then user scenarios, only folders with a scenario.json, and creates the user folder', async () => {
    await scenario(shipped, 'b-shipped')
    await scenario(shipped, 'a-shipped')
    await mkdir(join(shipped, 'no-scenario-json'))
    await writeFile(join(shipped, 'scenario.schema.json'), '{}')
    await symlink(join(shipped, 'a-shipped'), join(shipped, 'c-link'))
    const store = createScenarioStore({ shippedDir: shipped, userDir: user })
    expect(await store.listScenarios()).toEqual({
      ok: true,
      value: [
        { folder: 'a-shipped', origin: 'shipped', location: join(shipped, 'a-shipped') },
        { folder: 'b-shipped', origin: 'shipped', location: join(shipped, 'b-shipped') },
      ],
    })
    await scenario(user, 'mine')
    const listed = await store.listScenarios()
    expect(listed.ok && listed.value.map((s) => `${s.origin}/${s.folder}`)).toEqual(['shipped/a-shipped', 'shipped/b-shipped', 'user/mine'])
  })

  it('a missing shipped folder lists as empty', async () => {
    const store = createScenarioStore({ shippedDir: join(dir, 'nowhere'), userDir: user })
    expect(await store.listScenarios()).toEqual({ ok: true, value: [] })
  })

  it('reads from the right root and reports skips both in the result and to the log hook', async () => {
    await scenario(shipped, 'same', { 'sources/s.txt': 'shipped text' })
    const mine = await scenario(user, 'same', { 'sources/u.txt': 'user text' })
    await symlink(join(mine, 'sources', 'u.txt'), join(mine, 'sources', 'again.txt'))
    const logged: string[] = []
    const store = createScenarioStore({
      shippedDir: shipped,
      userDir: user,
      onSkipped: (origin, folder, skipped) => logged.push(`${origin}/${folder}: ${skipped.map((s) => s.reason).join()}`),
    })
    expect(await store.readScenario('shipped', 'same')).toEqual({
      ok: true,
      value: { files: { 'scenario.json': '{"id":"x"}', 'sources/s.txt': 'shipped text' }, skipped: [] },
    })
    expect(await store.readScenario('user', 'same')).toEqual({
      ok: true,
      value: {
        files: { 'scenario.json': '{"id":"x"}', 'sources/u.txt': 'user text' },
        skipped: [{ file: 'sources/again.txt', reason: 'symlink' }],
      },
    })
    expect(logged).toEqual(['user/same: symlink'])
    expect(await store.readScenario('other' as 'user', 'same')).toMatchObject({ ok: false, code: 'invalid-argument' })
  })

  it('reads the real shipped Pin Pricks scenario from the project', async () => {
    const store = createScenarioStore({ shippedDir: resolve('scenarios'), userDir: user })
    const listed = await store.listScenarios()
    expect(listed.ok && listed.value.some((s) => s.folder === 'pin-pricks-2021' && s.origin === 'shipped')).toBe(true)
    const read = await store.readScenario('shipped', 'pin-pricks-2021')
    expect(read.ok).toBe(true)
    if (read.ok) {
      expect(Object.keys(read.value.files)).toContain('scenario.json')
      expect(Object.keys(read.value.files).some((f) => /^sources\/.+\.txt$/.test(f))).toBe(true)
      expect(read.value.skipped).toEqual([])
      // The text handed to the renderer loads to the same scenario hash as the command line's byte read.
      const fromText = loadScenario(read.value.files)
      const fromDisk = loadScenario((await readScenarioFromDisk('scenarios/pin-pricks-2021')).files)
      expect(fromText.ok && fromDisk.ok).toBe(true)
      if (fromText.ok && fromDisk.ok) expect(fromText.hash).toBe(fromDisk.hash)
    }
  })
})

describe('listing the user folder', () => {
  async function userListings(): Promise<ScenarioListing[]> {
    const result = await createScenarioStore({ shippedDir: shipped, userDir: user }).listScenarios()
    if (!result.ok) throw new Error(result.message)
    return result.value.filter((listing) => listing.origin === 'user')
  }
  async function problemOf(folder: string): Promise<string | undefined> {
    const listing = (await userListings()).find((l) => l.folder === folder)
    if (!listing) throw new Error(`${folder} is not listed`)
    return listing.problem
  }

  beforeEach(async () => {
    await mkdir(user, { recursive: true })
  })

  it('lists a good folder without a problem, and ignores plain files and dot-names at the top', async () => {
    await scenario(user, 'good')
    await writeFile(join(user, 'README.txt'), 'read me')
    await writeFile(join(user, 'scenario.json'), '{}')
    await mkdir(join(user, '.git'))
    await scenario(user, '.hidden')
    expect(await userListings()).toEqual([{ folder: 'good', origin: 'user', location: join(user, 'good') }])
  })

  it('lists a linked folder, or a link to anything, as a link without following it', async () => {
    const elsewhere = await scenario(join(dir, 'elsewhere'), 'real')
    await symlink(elsewhere, join(user, 'linked'))
    await symlink(join(elsewhere, 'scenario.json'), join(user, 'file-link'))
    await symlink(join(dir, 'nothing-here'), join(user, 'dangling'))
    const listings = await userListings()
    expect(listings.map((l) => l.folder)).toEqual(['dangling', 'file-link', 'linked'])
    for (const listing of listings) {
      expect(listing.problem).toBe(
        'This is a link. Only real folders inside your scenarios folder are read: copy the scenario in instead of linking it.',
      )
      expect(listing.location).toBe(join(user, listing.folder))
    }
    // Asked anyway, the reader still refuses it.
    expect(await createScenarioStore({ shippedDir: shipped, userDir: user }).readScenario('user', 'linked')).toMatchObject({
      ok: false,
      code: 'not-found',
    })
  })

  it('points at a scenario.json one level down, when exactly one sub-folder has one', async () => {
    await scenario(join(user, 'unzipped'), 'my-scenario')
    await mkdir(join(user, 'unzipped', 'other'))
    expect(await problemOf('unzipped')).toBe(
      "There is no scenario.json at the top of this folder; one is in my-scenario/: move that folder's contents up one level.",
    )
    // Two candidates: no single folder to point at.
    await scenario(join(user, 'unzipped'), 'second')
    expect(await problemOf('unzipped')).toBe('This folder has no scenario.json.')
    // Only one level down is looked at.
    await scenario(join(user, 'deep', 'a'), 'b')
    expect(await problemOf('deep')).toBe('This folder has no scenario.json.')
  })

  it.skipIf(process.platform === 'darwin' || process.platform === 'win32')('names a scenario.json with the wrong case', async () => {
    await mkdir(join(user, 'cased'))
    await writeFile(join(user, 'cased', 'Scenario.JSON'), '{}')
    expect(await problemOf('cased')).toBe('Found Scenario.JSON: rename it scenario.json (all lower case).')
  })

  it('says so when a folder has no scenario.json', async () => {
    await mkdir(join(user, 'empty'))
    await mkdir(join(user, 'sources-only', 'sources'), { recursive: true })
    expect(await problemOf('empty')).toBe('This folder has no scenario.json.')
    expect(await problemOf('sources-only')).toBe('This folder has no scenario.json.')
  })

  it('refuses a scenario.json that is a link or not a plain file', async () => {
    await mkdir(join(user, 'linked-main'))
    await writeFile(join(dir, 'x.json'), '{}')
    await symlink(join(dir, 'x.json'), join(user, 'linked-main', 'scenario.json'))
    await mkdir(join(user, 'folder-main', 'scenario.json'), { recursive: true })
    expect(await problemOf('linked-main')).toBe('scenario.json is a link; only plain files are read.')
    expect(await problemOf('folder-main')).toBe('scenario.json is not a plain file.')
  })

  it.skipIf(process.platform === 'win32')('labels a folder whose name cannot be used, never with a valid name', async () => {
    await scenario(user, 'a:b')
    await scenario(user, 'a|b')
    await scenario(user, 'trailing ')
    await scenario(user, 'trailing')
    await scenario(user, 'tab\there')
    await scenario(user, 'x'.repeat(65))
    await scenario(user, 'x'.repeat(64))
    const listings = await userListings()
    const problem = "The folder name cannot be used: rename it with letters, digits, '-' or '_' (at most 64 characters)."
    expect(listings).toEqual([
      { folder: 'a?b', origin: 'user', location: join(user, 'a:b'), problem },
      { folder: 'a?b (2)', origin: 'user', location: join(user, 'a|b'), problem },
      { folder: 'tab?here', origin: 'user', location: join(user, 'tab\there'), problem },
      { folder: 'trailing', origin: 'user', location: join(user, 'trailing') },
      { folder: 'trailing?', origin: 'user', location: join(user, 'trailing '), problem },
      { folder: 'x'.repeat(63) + '?', origin: 'user', location: join(user, 'x'.repeat(65)), problem },
      { folder: 'x'.repeat(64), origin: 'user', location: join(user, 'x'.repeat(64)) },
    ])
    for (const listing of listings) expect(isScenarioFolderName(listing.folder), listing.folder).toBe(listing.problem === undefined)
    // A label is never read, even if asked.
    const store = createScenarioStore({ shippedDir: shipped, userDir: user })
    for (const listing of listings.filter((l) => l.problem))
      expect(await store.readScenario('user', listing.folder), listing.folder).toMatchObject({ ok: false, code: 'invalid-argument' })
  })

  it('keeps the shipped folder to its good scenarios', async () => {
    await scenario(shipped, 'fine')
    await mkdir(join(shipped, 'broken'))
    await symlink(join(shipped, 'fine'), join(shipped, 'alias'))
    const result = await createScenarioStore({ shippedDir: shipped, userDir: user }).listScenarios()
    expect(result).toEqual({ ok: true, value: [{ folder: 'fine', origin: 'shipped', location: join(shipped, 'fine') }] })
  })

  it(`examines at most ${MAX_LISTED_ENTRIES} entries, in name order`, async () => {
    const names = Array.from({ length: MAX_LISTED_ENTRIES + 2 }, (_, i) => `f${String(i).padStart(4, '0')}`)
    await Promise.all(names.map((name) => mkdir(join(user, name))))
    const listings = await userListings()
    expect(listings.map((l) => l.folder)).toEqual(names.slice(0, MAX_LISTED_ENTRIES))
  })
})
