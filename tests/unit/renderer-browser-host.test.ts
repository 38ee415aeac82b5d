// The browser edition's Host on an in-memory IndexedDB: the same slot limit and message as the desktop
// (issue 10, finding 3), and the same byte-order-mark rule for reading (finding 8).
// The host bundles the shipped scenarios with Vite's import.meta.glob, which vitest provides.
/// <reference types="vite/client" />
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BrowserHost } from '../../src/renderer/host/browser-host.ts'
import { MAX_SAVE_SLOTS, TOO_MANY_SLOTS_MESSAGE } from '../../src/shared/host.ts'
import { installFakeIndexedDB } from '../support/fake-indexeddb.ts'

let uninstall: () => void
beforeEach(() => {
  uninstall = installFakeIndexedDB()
})
afterEach(() => uninstall())

describe('the browser host', () => {
  it(`refuses a new slot beyond ${MAX_SAVE_SLOTS} with the desktop's message; saving over one and the autosave still work`, async () => {
    const host = new BrowserHost()
    for (let n = 0; n < MAX_SAVE_SLOTS; n++) expect((await host.writeSave(`s${n}`, '{}')).ok).toBe(true)
    expect(await host.writeSave('one-more', '{}')).toEqual({ ok: false, code: 'too-large', message: TOO_MANY_SLOTS_MESSAGE })
    expect(await host.readSave('one-more')).toMatchObject({ ok: false, code: 'not-found' })
    expect(await host.writeSave('s5', '{"again":true}')).toEqual({ ok: true, value: null })
    expect(await host.writeSave('autosave', '{}')).toEqual({ ok: true, value: null })
    expect(await host.deleteSave('s5')).toEqual({ ok: true, value: null })
    expect(await host.writeSave('one-more', '{}')).toEqual({ ok: true, value: null })
    const listed = await host.listSaves()
    expect(listed.ok && listed.value.length).toBe(MAX_SAVE_SLOTS + 1)
  })

  it('cannot host a class, and says where a class server runs instead', async () => {
    const host = new BrowserHost()
    expect(await host.hostClass()).toMatchObject({ ok: false, code: 'unavailable', message: expect.stringContaining('npm run classroom') })
    expect(await host.stopHostingClass()).toEqual({ ok: true, value: null })
  })

  it('reads a save and the settings without a leading byte-order mark', async () => {
    const host = new BrowserHost()
    await host.writeSave('marked', '\uFEFF{"a":1}')
    await host.writeSettings('\uFEFF{"s":1}')
    expect(await host.readSave('marked')).toEqual({ ok: true, value: [{ generation: 0, text: '{"a":1}' }] })
    expect(await host.readSettings()).toEqual({ ok: true, value: '{"s":1}' })
  })
})
