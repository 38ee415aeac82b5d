// Where a bloc's name goes: on its largest visible member's land, at the spot clearest of
// markers, labels and links; or, for a bloc outlined around its capitals, inside that outline.

import { geoPath, type GeoProjection } from 'd3-geo'
import type { Feature, Geometry } from 'geojson'
import type { CountryProps } from './geo-data.ts'
import { distanceToSegment, distanceToShape, type BlocShape, type Pt } from './hull.ts'
import type { LabelBox } from './placement.ts'
import { withCanvasClip } from './projection.ts'

/** Something a label should keep clear of: a marker with its ring and its own label. */
export interface Obstacle {
  x: number
  y: number
  ringRadius: number
  label: LabelBox
}

export interface LandInfo {
  /** Visible (canvas-clipped) area in px². */
  area: number
  centroid: Pt
  /** Grid spots around the centroid that lie on this land, well inside the canvas. */
  spots: Pt[]
}

// Memo of the costly spherical geometry per projection (a new projection per canvas size).
const landMemo = new WeakMap<GeoProjection, Map<string, LandInfo>>()

export function landInfo(
  projection: GeoProjection,
  width: number,
  height: number,
  scale: number,
  key: string,
  land: Feature<Geometry, CountryProps>[],
): LandInfo {
  let memo = landMemo.get(projection)
  if (!memo) {
    memo = new Map()
    landMemo.set(projection, memo)
  }
  const known = memo.get(key)
  if (known) return known
  const collection = { type: 'FeatureCollection' as const, features: land }
  const info = withCanvasClip(projection, width, height, () => {
    const path = geoPath(projection)
    const [cx, cy] = path.centroid(collection)
    const centroid = Number.isFinite(cx) && Number.isFinite(cy) ? { x: cx, y: cy } : { x: width / 2, y: height / 2 }
    // Test spots against the projected outline (planar, even–odd), far cheaper than on the sphere.
    const rings = new RingRecorder()
    geoPath(projection, rings)(collection)
    const spots: Pt[] = []
    const reach = 60 * scale
    for (let dy = -reach; dy <= reach + 1e-9; dy += reach / 4.5) {
      for (let dx = -reach; dx <= reach + 1e-9; dx += reach / 3) {
        const p = { x: centroid.x + dx, y: centroid.y + dy }
        if (p.x < 40 || p.x > width - 40 || p.y < 12 || p.y > height - 12) continue
        if (rings.contains(p)) spots.push(p)
      }
    }
    return { area: path.area(collection), centroid, spots }
  })
  memo.set(key, info)
  return info
}

/** Collects the rings d3-geo traces (as a canvas-like context) for point-in-polygon tests. */
export class RingRecorder {
  readonly rings: Pt[][] = []
  private current: Pt[] | null = null

  beginPath(): void {}
  moveTo(x: number, y: number): void {
    this.current = [{ x, y }]
    this.rings.push(this.current)
  }
  lineTo(x: number, y: number): void {
    this.current?.push({ x, y })
  }
  closePath(): void {
    this.current = null
  }
  arc(): void {}

  /** Even–odd rule over all rings, so holes count as outside. */
  contains(p: Pt): boolean {
    let inside = false
    for (const ring of this.rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[i]
        const b = ring[j]
        if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside
      }
    }
    return inside
  }
}

/** Of the candidate spots, the one farthest from markers, their labels and links (ties: nearest `centre`). */
export function clearestSpot(candidates: readonly Pt[], centre: Pt, actors: readonly Obstacle[], links: readonly { path: Pt[] }[]): Pt {
  let best = candidates[0] ?? centre
  let bestScore = -Infinity
  for (const p of candidates) {
    let clear = 60
    for (const a of actors) {
      clear = Math.min(clear, Math.hypot(a.x - p.x, a.y - p.y) - a.ringRadius)
      const l = a.label
      const ox = Math.max(l.x - p.x, 0, p.x - (l.x + l.w))
      const oy = Math.max(l.y - p.y, 0, p.y - (l.y + l.h))
      clear = Math.min(clear, Math.hypot(ox, oy))
    }
    for (const link of links) {
      for (let i = 1; i < link.path.length; i++) clear = Math.min(clear, distanceToSegment(p, link.path[i - 1], link.path[i]))
    }
    const score = clear - Math.hypot(p.x - centre.x, p.y - centre.y) * 0.05
    if (score > bestScore) {
      bestScore = score
      best = p
    }
  }
  return { x: best.x, y: best.y }
}

/** A spot inside the outline, as far from markers as possible, for the bloc's name. */
export function blocLabelSpot(shape: BlocShape, actors: readonly Pt[], centre: Pt): Pt {
  const candidates: Pt[] = []
  if (shape.kind === 'hull') {
    const n = shape.polygon.length
    const cx = shape.polygon.reduce((s, p) => s + p.x, 0) / n
    const cy = shape.polygon.reduce((s, p) => s + p.y, 0) / n
    candidates.push({ x: cx, y: cy })
    for (const p of shape.polygon) candidates.push({ x: (p.x + cx) / 2, y: (p.y + cy) / 2 })
  } else {
    for (const [i, j] of shape.edges) {
      const a = shape.points[i]
      const b = shape.points[j]
      for (const t of [0.35, 0.5, 0.65]) candidates.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t })
    }
    if (candidates.length === 0) candidates.push({ x: shape.points[0].x, y: shape.points[0].y + shape.radius * 1.6 })
  }
  let best = candidates[0]
  let bestScore = -Infinity
  for (const c of candidates) {
    if (distanceToShape(c, shape) > 0) continue
    let nearest = Infinity
    for (const a of actors) nearest = Math.min(nearest, Math.hypot(a.x - c.x, a.y - c.y))
    // Prefer spots away from markers, then nearer the middle of the map.
    const score = Math.min(nearest, 120) - Math.hypot(c.x - centre.x, c.y - centre.y) * 0.05
    if (score > bestScore) {
      bestScore = score
      best = c
    }
  }
  return best
}
