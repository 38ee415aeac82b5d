// Saves of games with per-power levels (issue 11, part 1): written as format 3 only when there are levels,
// loaded back to the same game with the same levels; saves without levels stay format 2.
import { describe, expect, it } from 'vitest'
import { decodeSave, encodeSave } from '../../src/renderer/session/save-codec.ts'
import { GameSession } from '../../src/renderer/session/session.ts'
import type { ScenarioListing } from '../../src/shared/host.ts'
import { defaultScenario } from '../support/scenarios.ts'

const scenario = defaultScenario()
const listing: ScenarioListing = { origin: 'shipped', folder: 'pin-pricks-2021', location: 'test' }
const decline = async (_partner: string, proposals: unknown[]) => proposals.map(() => false)

async function playedSession(levels?: Record<string, 'easy' | 'normal' | 'hard'>) {
  const session = new GameSession({ listing, scenario, humans: ['USA'], difficulty: 'normal', turnLimit: 4, seed: 31, levels })
  await session.endTurn(decline)
  await session.endTurn(decline)
  return session
}

describe('saves with per-power levels', () => {
  it('round-trip the levels and the game, as format 3', async () => {
    const session = await playedSession({ RUS: 'easy' })
    const text = encodeSave(session.toSavePayload('levels', '2026-01-01T00:00:00Z'))
    expect(JSON.parse(text).formatVersion).toBe(3)
    const decoded = decodeSave(text)
    if (!decoded.ok) throw new Error(decoded.reason)
    expect(decoded.payload.game.levels).toEqual({ RUS: 'easy' })
    const loaded = GameSession.fromSave(decoded.payload, scenario, listing)
    if (typeof loaded === 'string') throw new Error(loaded)
    expect(loaded.match.setup.levels).toEqual({ RUS: 'easy' })
    expect(loaded.state).toEqual(session.state)
  })

  it('leave saves without levels as they were (format 2, no levels field)', async () => {
    const session = await playedSession()
    const text = encodeSave(session.toSavePayload('plain', '2026-01-01T00:00:00Z'))
    expect(JSON.parse(text).formatVersion).toBe(2)
    expect(JSON.parse(text).payload.game).not.toHaveProperty('levels')
  })

  it('refuses a save whose level is unknown', async () => {
    const session = await playedSession({ RUS: 'easy' })
    const text = encodeSave(session.toSavePayload('bad', '2026-01-01T00:00:00Z')).replace('"RUS": "easy"', '"RUS": "brutal"')
    expect(decodeSave(text)).toEqual({ ok: false, reason: expect.stringMatching(/^not a Red Lines save \(Invalid option/) as unknown })
  })
})
