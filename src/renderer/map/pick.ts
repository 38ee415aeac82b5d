// What the pointer is on: a power (its marker or its label) before a pair's line, the nearest of each.
// Pure geometry over a MapLayout, so the canvas needs no input system of its own.

import { distanceToSegment, type Pt } from './hull.ts'
import type { MapLayout } from './layout.ts'
import type { MapTarget } from './map-view.ts'

export function pickTarget(layout: MapLayout, x: number, y: number): MapTarget | null {
  const p = { x, y }
  let actor: { id: string; distance: number } | null = null
  for (const a of layout.actors) {
    const l = a.label
    const onLabel = x >= l.x && x <= l.x + l.w && y >= l.y && y <= l.y + l.h
    const distance = onLabel ? 0 : Math.hypot(a.x - x, a.y - y)
    const reach = Math.max(a.ringRadius + 3 * layout.scale, 12)
    if ((onLabel || distance <= reach) && (!actor || distance < actor.distance)) actor = { id: a.actor.id, distance }
  }
  if (actor) return { kind: 'actor', id: actor.id }
  let link: { a: string; b: string; distance: number } | null = null
  for (const l of layout.links) {
    const reach = Math.max(6, l.style.width / 2 + 4 * layout.scale)
    const distance = distanceToPolyline(p, l.path)
    if (distance <= reach && (!link || distance < link.distance)) link = { a: l.a, b: l.b, distance }
  }
  return link ? { kind: 'link', a: link.a, b: link.b } : null
}

/** Where a tooltip about the target points, and how far around that point to keep clear (a power's rings). */
export function targetAnchor(layout: MapLayout, target: MapTarget): (Pt & { clear: number }) | null {
  const byId = (id: string) => layout.actors.find((a) => a.actor.id === id)
  if (target.kind === 'actor') {
    const a = byId(target.id)
    return a ? { x: a.x, y: a.y, clear: a.extent } : null
  }
  const drawn = layout.links.find((l) => (l.a === target.a && l.b === target.b) || (l.a === target.b && l.b === target.a))
  if (drawn) return { ...drawn.path[Math.floor(drawn.path.length / 2)], clear: 6 * layout.scale }
  const a = byId(target.a)
  const b = byId(target.b)
  return a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, clear: 6 * layout.scale } : null
}

function distanceToPolyline(p: Pt, path: readonly Pt[]): number {
  let best = Infinity
  for (let i = 1; i < path.length; i++) best = Math.min(best, distanceToSegment(p, path[i - 1], path[i]))
  return best
}
