// How an alignment link looks. Colour runs from rival (red/orange) to friend (blue) and width
// grows with |alignment|; the sign is also carried by the dash (rivals dashed, friends solid) so
// the meaning never rests on colour alone. Hot pairs get a glow underneath.

import type { MapLink } from './map-view.ts'
import { mixHex, type MapPalette } from './palette.ts'

/** Links weaker than this are not drawn. */
export const LINK_THRESHOLD = 0.15
/** Pairs at or above this tension glow. */
export const HOT_TENSION = 0.4
export const LINK_MIN_WIDTH = 1
export const LINK_MAX_WIDTH = 5

export interface LinkStyle {
  colour: string
  width: number
  alpha: number
  /** Canvas dash pattern in pixels; empty for a solid line. */
  dash: number[]
  rival: boolean
  hot: boolean
}

export function isLinkVisible(link: Pick<MapLink, 'alignment'>): boolean {
  return Number.isFinite(link.alignment) && Math.abs(link.alignment) >= LINK_THRESHOLD
}

/** Strength 0..1 of a visible link: 0 at the threshold, 1 at |alignment| = 1. */
export function linkStrength(alignment: number): number {
  const a = Math.min(1, Math.abs(alignment))
  return Math.max(0, (a - LINK_THRESHOLD) / (1 - LINK_THRESHOLD))
}

/** Null when the link is too weak to draw. `scale` grows widths on large canvases. */
export function linkStyle(link: Pick<MapLink, 'alignment' | 'tension'>, palette: MapPalette, scale = 1): LinkStyle | null {
  if (!isLinkVisible(link)) return null
  const t = linkStrength(link.alignment)
  const rival = link.alignment < 0
  const colour = rival ? mixHex(palette.rivalWeak, palette.rivalStrong, t) : mixHex(palette.friendWeak, palette.friendStrong, t)
  const width = (LINK_MIN_WIDTH + (LINK_MAX_WIDTH - LINK_MIN_WIDTH) * t) * scale
  // Dashes scale with the width so thick rival lines still read as dashed.
  const dash = rival ? [Math.max(4, width * 2.4), Math.max(3, width * 1.8)] : []
  return {
    colour,
    width,
    alpha: 0.5 + 0.4 * t,
    dash,
    rival,
    hot: Number.isFinite(link.tension) && link.tension >= HOT_TENSION,
  }
}
