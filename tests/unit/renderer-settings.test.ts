// Settings files of every earlier version load: a field added later (the scenario writer tools) takes its
// default, and a bad value falls back to it without losing the rest.
import { describe, expect, it } from 'vitest'
import { defaultSettings, loadSettings } from '../../src/renderer/session/settings.ts'
import type { Host } from '../../src/shared/host.ts'

const hostWith = (text: string | null) => ({ readSettings: () => Promise.resolve({ ok: true, value: text }) }) as unknown as Host

describe('settings', () => {
  it('keep the scenario writer tools off by default', () => {
    expect(defaultSettings().writerTools).toBe(false)
  })

  it('load a settings file written before the writer tools existed, with the tools off and the rest kept', async () => {
    const old = { textSize: 'large', colourBlindSafe: true, reducedMotion: true, animationSpeed: 1.5, singleKeyShortcuts: false }
    expect(await loadSettings(hostWith(JSON.stringify(old)))).toEqual({ ...old, writerTools: false })
  })

  it('keep the writer tools on when the file says so, and off when it says nonsense', async () => {
    const base = { textSize: 'normal', colourBlindSafe: false, reducedMotion: false, animationSpeed: 1, singleKeyShortcuts: true }
    expect((await loadSettings(hostWith(JSON.stringify({ ...base, writerTools: true })))).writerTools).toBe(true)
    const nonsense = await loadSettings(hostWith(JSON.stringify({ ...base, textSize: 'large', writerTools: 'yes' })))
    expect(nonsense).toMatchObject({ textSize: 'large', writerTools: false })
  })
})
