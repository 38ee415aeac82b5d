// The user scenario folder as the player sees it: its absolute location, created when missing, and shown in
// the file manager through an injected shell.openPath, whose error text becomes a plain io-error.
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openUserScenarioFolder, userScenarioFolder } from '../../src/main/user-scenario-folder.ts'

let dir: string
let scenarios: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rl-user-folder-'))
  scenarios = join(dir, 'userData', 'scenarios')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('userScenarioFolder', () => {
  it('gives the absolute path of <userData>/scenarios, creating the folder', async () => {
    expect(await userScenarioFolder(scenarios)).toEqual({ ok: true, value: { location: scenarios, canOpen: true } })
    expect((await stat(scenarios)).isDirectory()).toBe(true)
    const fromRelative = await userScenarioFolder(relative(process.cwd(), scenarios))
    expect(fromRelative.ok && isAbsolute(fromRelative.value.location)).toBe(true)
  })

  it('cannot offer to open a folder that cannot exist (a file is in its place)', async () => {
    await mkdir(join(dir, 'userData'))
    await writeFile(scenarios, 'not a folder')
    expect(await userScenarioFolder(scenarios)).toEqual({ ok: true, value: { location: scenarios, canOpen: false } })
  })
})

describe('openUserScenarioFolder', () => {
  it('creates the folder, then opens exactly it', async () => {
    const openPath = vi.fn(async (_path: string) => '')
    expect(await openUserScenarioFolder(scenarios, openPath)).toEqual({ ok: true, value: null })
    expect(openPath).toHaveBeenCalledWith(scenarios)
    expect((await stat(scenarios)).isDirectory()).toBe(true)
  })

  it("turns shell.openPath's error text, or a rejection, into a plain io-error", async () => {
    const failing = vi.fn(async (path: string) => `Failed to open path ${path}: no file manager`)
    const result = await openUserScenarioFolder(scenarios, failing)
    expect(result).toEqual({ ok: false, code: 'io-error', message: 'Could not open the folder.' })
    const rejecting = vi.fn(async (): Promise<string> => {
      throw new Error(`EACCES ${scenarios}`)
    })
    expect(await openUserScenarioFolder(scenarios, rejecting)).toEqual({
      ok: false,
      code: 'io-error',
      message: 'Could not open the folder.',
    })
  })

  it('never hands a file to openPath (which would launch it)', async () => {
    await mkdir(join(dir, 'userData'))
    await writeFile(scenarios, '#!/bin/sh\necho launched\n')
    const openPath = vi.fn(async (_path: string) => '')
    expect(await openUserScenarioFolder(scenarios, openPath)).toMatchObject({ ok: false, code: 'io-error' })
    expect(openPath).not.toHaveBeenCalled()
  })
})
