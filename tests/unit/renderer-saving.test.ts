// Naming a save in the game: a slot from the name the player types.
import { describe, expect, it } from 'vitest'
import { isSlotName } from '../../src/shared/host.ts'
import { slotFromName } from '../../src/renderer/ui/saving.ts'

describe('slotFromName', () => {
  it('turns a name into a slot of lower-case letters, digits and hyphens', () => {
    expect(slotFromName('Pin Pricks turn 3')).toBe('pin-pricks-turn-3')
    expect(slotFromName('  !!  ')).toBe('save')
  })

  it('saves a game named after a Windows device under a usable slot', () => {
    expect(slotFromName('Con')).toBe('con-save')
    expect(slotFromName('LPT1')).toBe('lpt1-save')
    expect(slotFromName('Con game')).toBe('con-game')
    for (const name of ['con', 'NUL', 'Aux', 'com1', 'lpt9']) expect(isSlotName(slotFromName(name))).toBe(true)
  })
})
