// The outline of a bloc: a rounded hull around its members' markers. A convex hull is the
// softest shape, but in this region it would swallow whoever sits between the members (the
// Western bloc's hull covers China), which would misstate membership. So a bloc takes its
// rounded convex hull only when no outsider falls inside it; otherwise it takes the rounded
// outline of the shortest tree joining its members, which hugs the members and nothing else.

export interface Pt {
  x: number
  y: number
}

export type BlocShape =
  { kind: 'hull'; polygon: Pt[]; radius: number } | { kind: 'tree'; points: Pt[]; edges: [number, number][]; radius: number }

function cross(o: Pt, a: Pt, b: Pt): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
}

/** Convex hull (Andrew's monotone chain), counter-clockwise in y-up terms, no repeated points. */
export function convexHull(points: readonly Pt[]): Pt[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y)
  const unique = sorted.filter((p, i) => i === 0 || p.x !== sorted[i - 1].x || p.y !== sorted[i - 1].y)
  if (unique.length <= 2) return unique
  const lower: Pt[] = []
  for (const p of unique) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop()
    lower.push(p)
  }
  const upper: Pt[] = []
  for (let i = unique.length - 1; i >= 0; i--) {
    const p = unique[i]
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop()
    upper.push(p)
  }
  lower.pop()
  upper.pop()
  return lower.concat(upper)
}

export function distanceToSegment(p: Pt, a: Pt, b: Pt): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const len2 = dx * dx + dy * dy
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2))
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
}

/** Distance from p to a convex polygon (0 inside). Works for 1- and 2-point "polygons" too. */
export function distanceToConvexPolygon(p: Pt, polygon: readonly Pt[]): number {
  if (polygon.length === 0) return Infinity
  if (polygon.length === 1) return Math.hypot(p.x - polygon[0].x, p.y - polygon[0].y)
  let inside = polygon.length >= 3
  let sign = 0
  let best = Infinity
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]
    const b = polygon[(i + 1) % polygon.length]
    best = Math.min(best, distanceToSegment(p, a, b))
    const c = cross(a, b, p)
    if (c !== 0) {
      if (sign === 0) sign = Math.sign(c)
      else if (Math.sign(c) !== sign) inside = false
    }
  }
  return inside ? 0 : best
}

/** Minimum spanning tree (Prim) over `cost` (Euclidean distance by default); edges as index pairs. */
export function spanningTree(
  points: readonly Pt[],
  cost: (a: Pt, b: Pt) => number = (a, b) => Math.hypot(a.x - b.x, a.y - b.y),
): [number, number][] {
  const n = points.length
  if (n < 2) return []
  const inTree = new Array<boolean>(n).fill(false)
  const best = new Array<number>(n).fill(Infinity)
  const parent = new Array<number>(n).fill(-1)
  const edges: [number, number][] = []
  best[0] = 0
  for (let k = 0; k < n; k++) {
    let u = -1
    for (let i = 0; i < n; i++) if (!inTree[i] && (u === -1 || best[i] < best[u])) u = i
    inTree[u] = true
    if (parent[u] >= 0) edges.push([parent[u], u])
    for (let v = 0; v < n; v++) {
      if (inTree[v]) continue
      const d = cost(points[u], points[v])
      if (d < best[v]) {
        best[v] = d
        parent[v] = u
      }
    }
  }
  return edges
}

/** Distance from p to the area a shape covers (0 inside). */
export function distanceToShape(p: Pt, shape: BlocShape): number {
  if (shape.kind === 'hull') return Math.max(0, distanceToConvexPolygon(p, shape.polygon) - shape.radius)
  let best = Infinity
  for (const q of shape.points) best = Math.min(best, Math.hypot(p.x - q.x, p.y - q.y))
  for (const [i, j] of shape.edges) best = Math.min(best, distanceToSegment(p, shape.points[i], shape.points[j]))
  return Math.max(0, best - shape.radius)
}

/**
 * The outline for one bloc: the rounded convex hull of `members` (padded by `radius`) when no
 * point of `outsiders` comes within `clearance` of it, else the rounded spanning tree, whose
 * edges detour via other members rather than pass over an outsider when they can.
 */
export function blocShape(members: readonly Pt[], outsiders: readonly Pt[], radius: number, clearance: number): BlocShape | null {
  if (members.length === 0) return null
  const polygon = convexHull(members)
  const hull: BlocShape = { kind: 'hull', polygon, radius }
  if (outsiders.every((p) => distanceToShape(p, hull) > clearance)) return hull
  const points = [...members]
  const cost = (a: Pt, b: Pt): number => {
    const d = Math.hypot(a.x - b.x, a.y - b.y)
    const blocked = outsiders.some((p) => distanceToSegment(p, a, b) <= radius + clearance)
    return blocked ? d * 25 : d
  }
  return { kind: 'tree', points, edges: spanningTree(points, cost), radius }
}
