// Link styling: which pairs are drawn, and how alignment maps to colour, width and dash.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { HOT_TENSION, LINK_MAX_WIDTH, LINK_MIN_WIDTH, LINK_THRESHOLD, linkStyle } from '../../src/renderer/map/link-style.ts'
import { COLOUR_BLIND_PALETTE, DEFAULT_PALETTE } from '../../src/renderer/map/palette.ts'

const link = (alignment: number, tension = 0) => ({ a: 'CHN', b: 'RUS', alignment, tension })

describe('link style', () => {
  it('hides pairs below |alignment| 0.15 and shows those at or above it', () => {
    expect(linkStyle(link(0), DEFAULT_PALETTE)).toBeNull()
    expect(linkStyle(link(0.149), DEFAULT_PALETTE)).toBeNull()
    expect(linkStyle(link(-0.149), DEFAULT_PALETTE)).toBeNull()
    expect(linkStyle(link(LINK_THRESHOLD), DEFAULT_PALETTE)).not.toBeNull()
    expect(linkStyle(link(-LINK_THRESHOLD), DEFAULT_PALETTE)).not.toBeNull()
    expect(linkStyle(link(Number.NaN), DEFAULT_PALETTE)).toBeNull()
  })

  it('draws friends solid and rivals dashed, so the sign never rests on colour alone', () => {
    expect(linkStyle(link(0.6), DEFAULT_PALETTE)?.dash).toEqual([])
    expect(linkStyle(link(0.6), DEFAULT_PALETTE)?.rival).toBe(false)
    const rival = linkStyle(link(-0.6), DEFAULT_PALETTE)
    expect(rival?.rival).toBe(true)
    expect(rival?.dash.length).toBe(2)
    expect(rival?.dash.every((d) => d > 0)).toBe(true)
  })

  it('colours from rival (red/orange) to friend (blue) at the ends of the scale', () => {
    for (const p of [DEFAULT_PALETTE, COLOUR_BLIND_PALETTE]) {
      const colour = (a: number): string | undefined => linkStyle(link(a), p)?.colour.toLowerCase()
      expect(colour(-1)).toBe(p.rivalStrong.toLowerCase())
      expect(colour(-LINK_THRESHOLD)).toBe(p.rivalWeak.toLowerCase())
      expect(colour(1)).toBe(p.friendStrong.toLowerCase())
      expect(colour(LINK_THRESHOLD)).toBe(p.friendWeak.toLowerCase())
    }
  })

  it('switches colours with the palette and keeps widths and dashes', () => {
    const d = linkStyle(link(-0.8), DEFAULT_PALETTE)
    const c = linkStyle(link(-0.8), COLOUR_BLIND_PALETTE)
    expect(c?.colour).not.toBe(d?.colour)
    expect(c?.width).toBe(d?.width)
    expect(c?.dash).toEqual(d?.dash)
    expect(linkStyle(link(-1), COLOUR_BLIND_PALETTE)?.colour).toBe('#d55e00')
    expect(linkStyle(link(1), COLOUR_BLIND_PALETTE)?.colour).toBe('#0072b2')
  })

  it('widens with |alignment|, within bounds, the same for both signs', () => {
    fc.assert(
      fc.property(
        fc.double({ min: LINK_THRESHOLD, max: 1, noNaN: true }),
        fc.double({ min: LINK_THRESHOLD, max: 1, noNaN: true }),
        (x, y) => {
          const a = linkStyle(link(x), DEFAULT_PALETTE)!
          const b = linkStyle(link(y), DEFAULT_PALETTE)!
          expect(a.width).toBeGreaterThanOrEqual(LINK_MIN_WIDTH - 1e-9)
          expect(a.width).toBeLessThanOrEqual(LINK_MAX_WIDTH + 1e-9)
          if (x < y) expect(a.width).toBeLessThanOrEqual(b.width)
          expect(linkStyle(link(-x), DEFAULT_PALETTE)!.width).toBeCloseTo(a.width, 9)
        },
      ),
    )
    expect(linkStyle(link(1), DEFAULT_PALETTE)?.width).toBe(LINK_MAX_WIDTH)
    expect(linkStyle(link(LINK_THRESHOLD), DEFAULT_PALETTE)?.width).toBe(LINK_MIN_WIDTH)
    expect(linkStyle(link(1), DEFAULT_PALETTE, 2)?.width).toBe(2 * LINK_MAX_WIDTH)
  })

  it('marks pairs hot from tension 0.4', () => {
    expect(linkStyle(link(-0.5, HOT_TENSION - 0.01), DEFAULT_PALETTE)?.hot).toBe(false)
    expect(linkStyle(link(-0.5, HOT_TENSION), DEFAULT_PALETTE)?.hot).toBe(true)
    expect(linkStyle(link(0.5, 0.9), DEFAULT_PALETTE)?.hot).toBe(true)
  })
})
