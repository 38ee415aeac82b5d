// The watcher of the user scenario folder on real files: which folders it reports, once per burst, what it
// ignores, how it survives the folder vanishing and the watcher failing (polling instead), and that close()
// leaves nothing running. Waits poll with generous timeouts; no test relies on a fixed delay to pass.
import { EventEmitter } from 'node:events'
import { mkdirSync, writeFileSync } from 'node:fs'
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_SOURCES_DEPTH } from '../../src/main/scenario-store.ts'
import { changedFolders, fingerprintFolder, fingerprintScenarioFolders } from '../../src/main/scenario-fingerprint.ts'
import type { ScenarioWatcher, ScenarioWatcherOptions, WatchFunction } from '../../src/main/scenario-watcher.ts'
import { eventSubject, watchScenarioFolder } from '../../src/main/scenario-watcher.ts'

const WAIT = { timeout: 5000, interval: 20 }

let dir: string
let root: string
const started: ScenarioWatcher[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rl-watch-'))
  root = join(dir, 'userData', 'scenarios')
})
afterEach(async () => {
  for (const watcher of started.splice(0)) watcher.close()
  await rm(dir, { recursive: true, force: true })
})

async function scenario(folder: string, files: Record<string, string> = {}): Promise<void> {
  await mkdir(join(root, folder, 'sources'), { recursive: true })
  await writeFile(join(root, folder, 'scenario.json'), '{"id":"x"}')
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(root, folder, name, '..'), { recursive: true })
    await writeFile(join(root, folder, name), content)
  }
}

async function start(options: ScenarioWatcherOptions = {}) {
  const reports: string[][] = []
  const watcher = watchScenarioFolder(root, (folders) => reports.push(folders), { debounceMs: 50, retryMs: 50, ...options })
  started.push(watcher)
  await watcher.ready
  return { watcher, reports }
}

const heard = (reports: string[][], folder: string) => reports.some((folders) => folders.includes(folder))

/** Lets real time pass (for checks that something does NOT happen). */
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms))

describe('what a change is about', () => {
  it.each([
    ['alpha/scenario.json', { folder: 'alpha' }],
    ['alpha/sources/deep/a.txt', { folder: 'alpha' }],
    ['alpha\\sources\\a.txt', { folder: 'alpha' }],
    ['alpha', { folder: 'alpha' }],
    ['.hidden', 'ignored'],
    ['.git/index', 'ignored'],
    ['bad:name/x', 'ignored'],
    ['', 'every-folder'],
    [null, 'every-folder'],
    ['/absolute', 'every-folder'],
  ] as const)('%j → %j', (filename, subject) => {
    expect(eventSubject(filename)).toEqual(subject)
  })
})

describe('watching the user scenario folder', () => {
  it('creates the folder when missing and is ready to report', async () => {
    const { watcher } = await start()
    expect((await stat(root)).isDirectory()).toBe(true)
    expect(watcher.mode()).toBe('watching')
  })

  it("reports a scenario's folder when its scenario.json is written", async () => {
    await scenario('alpha')
    await scenario('beta')
    const { reports } = await start()
    await writeFile(join(root, 'alpha', 'scenario.json'), '{"id":"changed"}')
    await vi.waitFor(() => expect(reports).toEqual([['alpha']]), WAIT)
  })

  it('reports the folder when a file in sources/ changes or appears, however deep', async () => {
    await scenario('alpha', { 'sources/a.txt': 'one', 'sources/deep/b.txt': 'two' })
    const { reports } = await start()
    await writeFile(join(root, 'alpha', 'sources', 'a.txt'), 'changed')
    await vi.waitFor(() => expect(reports).toEqual([['alpha']]), WAIT)
    await writeFile(join(root, 'alpha', 'sources', 'deep', 'b.txt'), 'changed')
    await vi.waitFor(() => expect(reports).toEqual([['alpha'], ['alpha']]), WAIT)
    await mkdir(join(root, 'alpha', 'sources', 'new', 'er'), { recursive: true })
    await writeFile(join(root, 'alpha', 'sources', 'new', 'er', 'c.txt'), 'new')
    await vi.waitFor(() => expect(reports.length).toBeGreaterThanOrEqual(3), WAIT)
    expect(reports.flat().every((folder) => folder === 'alpha')).toBe(true)
  })

  it('reports a folder that appears and one that is removed', async () => {
    await scenario('alpha')
    const { reports } = await start()
    await scenario('beta', { 'sources/a.txt': 'a' })
    await vi.waitFor(() => expect(heard(reports, 'beta')).toBe(true), WAIT)
    await rm(join(root, 'alpha'), { recursive: true })
    await vi.waitFor(() => expect(heard(reports, 'alpha')).toBe(true), WAIT)
  })

  it('reports a folder renamed as both its old and its new name', async () => {
    await scenario('alpha')
    const { reports } = await start()
    await rename(join(root, 'alpha'), join(root, 'gamma'))
    await vi.waitFor(() => expect(heard(reports, 'alpha') && heard(reports, 'gamma')).toBe(true), WAIT)
  })

  it('gathers a burst of writes into one report, sorted', async () => {
    await scenario('beta')
    await scenario('alpha')
    const { reports } = await start({ debounceMs: 200 })
    for (let n = 0; n < 30; n++) {
      writeFileSync(join(root, n % 2 ? 'alpha' : 'beta', 'sources', `${n}.txt`), `${n}`)
      writeFileSync(join(root, 'alpha', 'scenario.json'), `{"n":${n}}`)
    }
    await vi.waitFor(() => expect(reports).toEqual([['alpha', 'beta']]), WAIT)
    await pause(500)
    expect(reports).toEqual([['alpha', 'beta']])
  })

  it('a steady stream of changes is still reported, no later than maxDelayMs after it began', async () => {
    await scenario('alpha')
    const { reports } = await start({ debounceMs: 200, maxDelayMs: 400 })
    let n = 0
    await vi.waitFor(() => {
      // A write every 20 ms: the quiet time alone would never pass before the wait gives up.
      writeFileSync(join(root, 'alpha', 'scenario.json'), `{"n":${n++}}`)
      expect(reports).toEqual([['alpha']])
    }, WAIT)
  })

  it('ignores dot-files and plain files at the top, and dot-folders', async () => {
    await scenario('alpha')
    const { reports } = await start()
    await writeFile(join(root, '.DS_Store'), 'x')
    await writeFile(join(root, 'notes.txt'), 'not a scenario')
    mkdirSync(join(root, '.trash', 'old'), { recursive: true })
    await writeFile(join(root, '.trash', 'old', 'scenario.json'), '{}')
    // A change that counts, after the ignored ones: its report must be alone.
    await writeFile(join(root, 'alpha', 'scenario.json'), '{"id":"changed"}')
    await vi.waitFor(() => expect(reports.length).toBeGreaterThan(0), WAIT)
    await pause(200)
    expect(reports).toEqual([['alpha']])
  })

  it('survives the user folder being deleted and made again', async () => {
    await scenario('alpha')
    const { watcher, reports } = await start()
    await rm(root, { recursive: true })
    await vi.waitFor(() => expect(heard(reports, 'alpha')).toBe(true), WAIT)

    await scenario('beta')
    await vi.waitFor(() => expect(heard(reports, 'beta')).toBe(true), WAIT)
    // And the folder made again is watched: a later edit is reported too.
    reports.length = 0
    let n = 0
    await vi.waitFor(async () => {
      await writeFile(join(root, 'beta', 'sources', 'later.txt'), `${n++}`)
      expect(reports).toContainEqual(['beta'])
    }, WAIT)
    expect(watcher.mode()).toBe('watching')
  })

  it('close() stops reporting and leaves no watcher or timer behind', async () => {
    const before = activeHandles()
    await scenario('alpha', { 'sources/a.txt': 'a' })
    const { watcher, reports } = await start()
    expect(activeHandles().watchers).toBeGreaterThan(before.watchers)
    await writeFile(join(root, 'alpha', 'scenario.json'), '{"n":1}')
    // Closed with a report pending: it never arrives.
    watcher.close()
    watcher.close()
    expect(watcher.mode()).toBe('closed')
    await writeFile(join(root, 'alpha', 'sources', 'a.txt'), 'b')
    await scenario('beta')
    await pause(300)
    expect(reports).toEqual([])
    await settles(() => {
      const after = activeHandles()
      return after.watchers <= before.watchers && after.timers <= before.timers
    })
  })
})

describe('when watching fails', () => {
  const enospc = () => Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' })

  it('falls back to polling after watch() keeps throwing, and polling reports every kind of change', async () => {
    await scenario('alpha', { 'sources/a.txt': 'a' })
    await scenario('beta')
    const watch = vi.fn<WatchFunction>(() => {
      throw enospc()
    })
    const onError = vi.fn()
    const polls = heldPolls()
    const { watcher, reports } = await start({
      watch,
      onError,
      retryMs: 10,
      maxWatchFailures: 3,
      pollMs: 40,
      fingerprints: polls.fingerprints,
    })
    expect(watcher.mode()).toBe('polling')
    expect(watch).toHaveBeenCalledTimes(3)
    expect(onError.mock.calls.map(([, next]) => next)).toEqual(['retrying', 'retrying', 'polling'])
    // Never watched, so nothing was missed: polling starts quietly.
    await polls.twiceMore()
    expect(reports).toEqual([])

    await expectPolledOnce(polls, reports, ['alpha'], () => writeFile(join(root, 'alpha', 'scenario.json'), '{"id":"a longer text"}'))
    await expectPolledOnce(polls, reports, ['alpha'], () => writeFile(join(root, 'alpha', 'sources', 'a.txt'), 'b'))
    await expectPolledOnce(polls, reports, ['gamma'], () => scenario('gamma'))
    await expectPolledOnce(polls, reports, ['beta'], () => rm(join(root, 'beta'), { recursive: true }))
    const count = reports.length
    await polls.between(async () => {
      await writeFile(join(root, '.hidden'), 'x')
      await writeFile(join(root, 'notes.txt'), 'x')
    })
    await polls.twiceMore()
    expect(reports).toHaveLength(count)
    expect(watch).toHaveBeenCalledTimes(3)
  })

  it('polling notices the user folder vanishing and coming back', async () => {
    await scenario('alpha')
    const polls = heldPolls()
    const { reports } = await start({
      watch: () => {
        throw enospc()
      },
      retryMs: 5,
      maxWatchFailures: 1,
      pollMs: 40,
      fingerprints: polls.fingerprints,
    })
    await expectPolledOnce(polls, reports, ['alpha'], () => rm(root, { recursive: true }))
    await expectPolledOnce(polls, reports, ['alpha'], () => scenario('alpha'))
  })

  it("a watcher that emits 'error' is closed and retried, then polling takes over and reports what may have been missed", async () => {
    await scenario('alpha')
    const handles: (EventEmitter & { close: ReturnType<typeof vi.fn> })[] = []
    const watch: WatchFunction = () => {
      const handle = Object.assign(new EventEmitter(), { close: vi.fn() })
      handles.push(handle)
      return handle
    }
    const onError = vi.fn()
    const { watcher, reports } = await start({ watch, onError, retryMs: 10, maxWatchFailures: 3, pollMs: 40 })
    expect(watcher.mode()).toBe('watching')
    for (let failures = 1; failures <= 3; failures++) {
      await vi.waitFor(() => expect(handles).toHaveLength(failures), WAIT)
      handles.at(-1)!.emit('error', enospc())
    }
    await vi.waitFor(() => expect(watcher.mode()).toBe('polling'), WAIT)
    expect(handles.every((handle) => handle.close.mock.calls.length >= 1)).toBe(true)
    expect(onError.mock.calls.map(([, next]) => next)).toEqual(['retrying', 'retrying', 'polling'])
    await vi.waitFor(() => expect(reports).toContainEqual(['alpha']), WAIT)
  })

  it('close() during the retries stops them: no further watch() and no timer left', async () => {
    const before = activeHandles()
    const watch = vi.fn<WatchFunction>(() => {
      throw enospc()
    })
    const watcher = watchScenarioFolder(root, () => undefined, { watch, retryMs: 100, maxWatchFailures: 100 })
    await vi.waitFor(() => expect(watch).toHaveBeenCalledTimes(1), WAIT)
    watcher.close()
    await watcher.ready
    await pause(300)
    expect(watch).toHaveBeenCalledTimes(1)
    await settles(() => activeHandles().timers <= before.timers)
  })

  it('close() while polling stops the polling', async () => {
    const before = activeHandles()
    await scenario('alpha')
    const { watcher, reports } = await start({
      watch: () => {
        throw enospc()
      },
      retryMs: 5,
      maxWatchFailures: 1,
      pollMs: 20,
    })
    expect(watcher.mode()).toBe('polling')
    watcher.close()
    await writeFile(join(root, 'alpha', 'scenario.json'), '{"id":"changed after close"}')
    await pause(200)
    expect(reports).toEqual([])
    await settles(() => activeHandles().timers <= before.timers)
  })
})

describe('fingerprints (what polling compares)', () => {
  it('change with scenario.json and sources/ within the depth cap, not with other files', async () => {
    const deepest = ['sources', ...Array.from({ length: MAX_SOURCES_DEPTH - 1 }, (_, n) => `d${n}`)].join('/')
    await scenario('alpha', { [`${deepest}/in.txt`]: 'a', [`${deepest}/below/out.txt`]: 'a', 'notes.md': 'a' })
    const folder = join(root, 'alpha')
    const first = await fingerprintFolder(folder)
    await writeFile(join(folder, 'notes.md'), 'changed')
    await writeFile(join(folder, ...deepest.split('/'), 'below', 'out.txt'), 'changed, longer')
    expect(await fingerprintFolder(folder)).toBe(first)
    await writeFile(join(folder, ...deepest.split('/'), 'in.txt'), 'changed, longer')
    expect(await fingerprintFolder(folder)).not.toBe(first)
  })

  it('compare folder by folder', async () => {
    await scenario('alpha')
    await scenario('beta')
    const before = await fingerprintScenarioFolders(root)
    expect([...before.keys()]).toEqual(['alpha', 'beta'])
    await writeFile(join(root, 'beta', 'scenario.json'), '{"id":"longer"}')
    await rm(join(root, 'alpha'), { recursive: true })
    await scenario('gamma')
    expect(changedFolders(before, await fingerprintScenarioFolders(root))).toEqual(['alpha', 'beta', 'gamma'])
    expect(await fingerprintScenarioFolders(join(dir, 'nowhere'))).toEqual(new Map())
  })
})

type HeldPolls = ReturnType<typeof heldPolls>

/**
 * Polling's fingerprints (the real ones), held back while the test changes files: no poll runs during a change,
 * so a poll sees each change whole, before or after, and what it reports does not depend on timing.
 */
function heldPolls() {
  let gate: Promise<void> = Promise.resolve()
  let running: Promise<unknown> = Promise.resolve()
  let finished = 0
  const fingerprints = async (folder: string): Promise<Map<string, string>> => {
    // Waits for the gate that is current when it wakes (the test may have closed another meanwhile).
    for (let current = gate; ; current = gate) {
      await current
      if (current === gate) break
    }
    const taking = fingerprintScenarioFolders(folder)
    running = taking.catch(() => undefined)
    const prints = await taking
    finished++
    return prints
  }
  return {
    fingerprints,
    /** Runs `change` while no poll is under way; polls due meanwhile wait for it. */
    async between(change: () => Promise<unknown>): Promise<void> {
      let open!: () => void
      gate = new Promise((resolve) => (open = resolve))
      try {
        await running
        await change()
      } finally {
        open()
      }
    },
    /**
     * Waits for two more polls to finish: the second starts only after the first's result was compared and
     * reported, so everything made before this call has been seen and reported.
     */
    async twiceMore(): Promise<void> {
      const target = finished + 2
      await vi.waitFor(() => expect(finished).toBeGreaterThanOrEqual(target), WAIT)
    },
  }
}

/** Makes `change` between polls, then expects exactly one report of it, `folders`, and no other after it. */
async function expectPolledOnce(polls: HeldPolls, reports: string[][], folders: string[], change: () => Promise<unknown>): Promise<void> {
  const mark = reports.length
  await polls.between(change)
  await vi.waitFor(() => expect(reports.length).toBeGreaterThan(mark), WAIT)
  await polls.twiceMore()
  expect(reports.slice(mark)).toEqual([folders])
}

function activeHandles(): { watchers: number; timers: number } {
  const resources = process.getActiveResourcesInfo()
  return {
    watchers: resources.filter((name) => name === 'FSEventWrap' || name === 'StatWatcher').length,
    timers: resources.filter((name) => name === 'Timeout').length,
  }
}

/** Waits, with its own short sleeps (not vi.waitFor, whose timers would be counted), until `done` holds. */
async function settles(done: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 250 && !done(); attempt++) await pause(20)
  expect(done()).toBe(true)
}
