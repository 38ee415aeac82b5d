// The map's palettes: the switch to Okabe–Ito, and the colour helpers.
import { describe, expect, it } from 'vitest'
import {
  COLOUR_BLIND_PALETTE,
  DEFAULT_PALETTE,
  OKABE_ITO,
  hexToInt,
  intToHex,
  mixHex,
  paletteFor,
  rgba,
  type MapPalette,
} from '../../src/renderer/map/palette.ts'

const roles = (p: MapPalette): string[] => Object.values(p).flatMap((v) => (Array.isArray(v) ? v : [v]))

describe('map palette', () => {
  it('switches to Okabe–Ito when colour-blind safe is on', () => {
    expect(paletteFor({ colourBlindSafe: false })).toBe(DEFAULT_PALETTE)
    expect(paletteFor({ colourBlindSafe: true })).toBe(COLOUR_BLIND_PALETTE)
  })

  it('uses only Okabe–Ito hues for everything that carries meaning in the safe palette', () => {
    const okabe = new Set(Object.values(OKABE_ITO).map((c) => c.toLowerCase()))
    const p = COLOUR_BLIND_PALETTE
    for (const c of [...p.blocs, p.rivalWeak, p.rivalStrong, p.friendWeak, p.friendStrong, p.hot, p.pinPrick, p.incident]) {
      expect(okabe.has(c.toLowerCase()), c).toBe(true)
    }
    expect(p.rivalStrong).toBe(OKABE_ITO.vermillion)
    expect(p.friendStrong).toBe(OKABE_ITO.blue)
  })

  it('gives every role a #rrggbb colour and the two blocs different colours', () => {
    for (const p of [DEFAULT_PALETTE, COLOUR_BLIND_PALETTE]) {
      for (const c of roles(p)) expect(c).toMatch(/^#[0-9a-f]{6}$/i)
      expect(p.blocs[0].toLowerCase()).not.toBe(p.blocs[1].toLowerCase())
      // Link colours are not reused for blocs, so a link's colour never reads as membership.
      for (const b of p.blocs) expect([p.rivalStrong, p.friendStrong]).not.toContain(b)
    }
  })

  it('converts and mixes colours', () => {
    expect(hexToInt('#0072B2')).toBe(0x0072b2)
    expect(intToHex(0x0072b2)).toBe('#0072b2')
    expect(mixHex('#000000', '#ffffff', 0)).toBe('#000000')
    expect(mixHex('#000000', '#ffffff', 1)).toBe('#ffffff')
    expect(mixHex('#000000', '#ffffff', 0.5)).toBe('#808080')
    expect(mixHex('#102030', '#102030', 0.3)).toBe('#102030')
    expect(mixHex('#000000', '#ffffff', 7)).toBe('#ffffff')
    expect(rgba('#ff8000', 0.5)).toBe('rgba(255,128,0,0.5)')
    expect(() => hexToInt('red')).toThrow()
  })
})
