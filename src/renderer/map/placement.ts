// Screen placement helpers: label boxes that avoid each other, markers pinned to an edge that
// don't overlap, and the gentle arcs links follow. Pure geometry in canvas pixels.

import type { Pt } from './hull.ts'

export interface LabelBox {
  x: number
  y: number
  w: number
  h: number
}

/** Rough text width for layout; the drawing measures for real but places at these boxes. */
export function estimateTextWidth(text: string, fontPx: number): number {
  return text.length * fontPx * 0.62
}

/**
 * Spread markers pinned to the same edge so they don't overlap; keeps their order, and keeps them
 * between `margin` and `height − margin` (closer together than `gap` only when they cannot fit).
 */
export function spreadEdgeMarkers(items: { x: number; y: number; onMap: boolean }[], gap: number, height: number, margin = gap / 2): void {
  const groups = new Map<number, typeof items>()
  for (const it of items) {
    if (it.onMap) continue
    const key = Math.round(it.x)
    const g = groups.get(key) ?? []
    g.push(it)
    groups.set(key, g)
  }
  const top = Math.min(margin, height / 2)
  const bottom = Math.max(top, height - margin)
  for (const g of groups.values()) {
    g.sort((p, q) => p.y - q.y)
    for (let i = 1; i < g.length; i++) g[i].y = Math.max(g[i].y, g[i - 1].y + gap)
    const overflow = g[g.length - 1].y - bottom
    if (overflow > 0) for (const it of g) it.y -= overflow
    if (g[0].y < top) {
      // Too many for the edge at this gap: share it evenly.
      const step = g.length > 1 ? (bottom - top) / (g.length - 1) : 0
      g.forEach((it, i) => (it.y = g.length > 1 ? top + i * step : (top + bottom) / 2))
    }
  }
}

function overlaps(a: LabelBox, b: LabelBox): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

/** Greedy label placement: each label takes the candidate spot that overlaps least. */
export function placeLabels(
  markers: { x: number; y: number; r: number; w: number; h: number; onMap: boolean; angle: number }[],
  width: number,
  height: number,
): LabelBox[] {
  const obstacles: LabelBox[] = markers.map((m) => ({ x: m.x - m.r, y: m.y - m.r, w: 2 * m.r, h: 2 * m.r }))
  const placed: LabelBox[] = []
  return markers.map((m) => {
    const gap = m.r + 4
    const right = { x: m.x + gap, y: m.y - m.h / 2 }
    const left = { x: m.x - gap - m.w, y: m.y - m.h / 2 }
    const above = { x: m.x - m.w / 2, y: m.y - gap - m.h }
    const below = { x: m.x - m.w / 2, y: m.y + gap }
    const diag = [
      { x: m.x + gap * 0.7, y: m.y - gap * 0.7 - m.h },
      { x: m.x - gap * 0.7 - m.w, y: m.y - gap * 0.7 - m.h },
      { x: m.x + gap * 0.7, y: m.y + gap * 0.7 },
      { x: m.x - gap * 0.7 - m.w, y: m.y + gap * 0.7 },
    ]
    // Edge markers read best with the label inboard of the arrow.
    const pointsLeft = !m.onMap && Math.cos(m.angle) < -0.5
    const pointsRight = !m.onMap && Math.cos(m.angle) > 0.5
    const candidates = pointsLeft
      ? [right, below, above, ...diag]
      : pointsRight
        ? [left, below, above, ...diag]
        : [right, left, above, below, ...diag]
    let best: LabelBox | null = null
    let bestCost = Infinity
    candidates.forEach((c, rank) => {
      const box = { x: c.x, y: c.y, w: m.w, h: m.h }
      let cost = rank * 2
      const outside = Math.max(0, -box.x) + Math.max(0, box.x + box.w - width) + Math.max(0, -box.y) + Math.max(0, box.y + box.h - height)
      cost += outside * 40
      for (const o of obstacles) cost += overlaps(box, o) * 3
      for (const o of placed) cost += overlaps(box, o) * 4
      if (cost < bestCost) {
        bestCost = cost
        best = box
      }
    })
    const chosen = best ?? { x: right.x, y: right.y, w: m.w, h: m.h }
    // Never leave a label hanging off the canvas.
    chosen.x = Math.min(Math.max(2, chosen.x), Math.max(2, width - chosen.w - 2))
    chosen.y = Math.min(Math.max(2, chosen.y), Math.max(2, height - chosen.h - 2))
    placed.push(chosen)
    return chosen
  })
}

/** A gentle quadratic arc from a to b, bowed away from `centre`, as a polyline. */
export function arcPath(a: Pt, b: Pt, centre: Pt, bow = 0.12, segments = 24): Pt[] {
  const mx = (a.x + b.x) / 2
  const my = (a.y + b.y) / 2
  const dx = b.x - a.x
  const dy = b.y - a.y
  const len = Math.hypot(dx, dy)
  if (len < 1e-6) return [a, b]
  let nx = -dy / len
  let ny = dx / len
  // Bow away from the centre of the map; straight up when the midpoint is the centre.
  const away = (mx - centre.x) * nx + (my - centre.y) * ny
  if (away < 0 || (away === 0 && ny > 0)) {
    nx = -nx
    ny = -ny
  }
  const cx = mx + nx * len * bow
  const cy = my + ny * len * bow
  const out: Pt[] = []
  for (let i = 0; i <= segments; i++) {
    const t = i / segments
    const u = 1 - t
    out.push({ x: u * u * a.x + 2 * u * t * cx + t * t * b.x, y: u * u * a.y + 2 * u * t * cy + t * t * b.y })
  }
  return out
}
