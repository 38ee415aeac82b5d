// Bloc outlines: convex hull, spanning tree and the honest choice between them.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  blocShape,
  convexHull,
  distanceToConvexPolygon,
  distanceToSegment,
  distanceToShape,
  spanningTree,
  type Pt,
} from '../../src/renderer/map/hull.ts'

const point = fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) })

function connected(n: number, edges: [number, number][]): boolean {
  const seen = new Set([0])
  let grew = true
  while (grew) {
    grew = false
    for (const [a, b] of edges) {
      if (seen.has(a) !== seen.has(b)) {
        seen.add(a)
        seen.add(b)
        grew = true
      }
    }
  }
  return seen.size === n
}

describe('convex hull', () => {
  it('contains every input point and uses only input points as vertices', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 40 }), (pts) => {
        const hull = convexHull(pts)
        for (const p of pts) expect(distanceToConvexPolygon(p, hull)).toBeLessThan(1e-9)
        for (const v of hull) expect(pts.some((p) => p.x === v.x && p.y === v.y)).toBe(true)
      }),
    )
  })

  it('drops interior, duplicate and collinear points', () => {
    const square = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 10 },
    ]
    const hull = convexHull([...square, { x: 5, y: 5 }, { x: 0, y: 0 }, { x: 5, y: 0 }])
    expect(hull).toHaveLength(4)
    expect(distanceToConvexPolygon({ x: 20, y: 5 }, hull)).toBeCloseTo(10)
    expect(convexHull([{ x: 1, y: 1 }])).toEqual([{ x: 1, y: 1 }])
  })
})

describe('spanning tree', () => {
  it('joins every point with n − 1 edges', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 20 }), (pts) => {
        const edges = spanningTree(pts)
        expect(edges).toHaveLength(pts.length - 1)
        expect(connected(pts.length, edges)).toBe(true)
      }),
    )
  })
})

describe('bloc shape', () => {
  it('covers every member, whichever shape it takes', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 10 }), fc.array(point, { maxLength: 10 }), (members, outsiders) => {
        const shape = blocShape(members, outsiders, 18, 20)!
        for (const m of members) expect(distanceToShape(m, shape)).toBe(0)
      }),
    )
    expect(blocShape([], [{ x: 0, y: 0 }], 18, 20)).toBeNull()
  })

  it('takes the rounded convex hull when no outsider is inside it', () => {
    const members = [
      { x: 0, y: 0 },
      { x: 200, y: 0 },
      { x: 100, y: 150 },
    ]
    const shape = blocShape(members, [{ x: 600, y: 600 }], 18, 20)
    expect(shape?.kind).toBe('hull')
  })

  it('never swallows an outsider: a member ring around China keeps China outside', () => {
    // Screen positions like the Western bloc around Beijing on a 1280×800 map.
    const west: Pt[] = [
      { x: 34, y: 132 }, // GBR (edge marker)
      { x: 331, y: 283 }, // IND
      { x: 605, y: 223 }, // KOR
      { x: 673, y: 236 }, // JPN
      { x: 724, y: 708 }, // AUS
      { x: 1246, y: 215 }, // USA (edge marker)
    ]
    const beijing = { x: 549, y: 208 }
    const moscow = { x: 172, y: 105 }
    expect(distanceToConvexPolygon(beijing, convexHull(west))).toBe(0)
    const shape = blocShape(west, [beijing, moscow], 18, 22)!
    expect(shape.kind).toBe('tree')
    expect(distanceToShape(beijing, shape)).toBeGreaterThan(0)
    expect(distanceToShape(moscow, shape)).toBeGreaterThan(0)
  })

  it('measures distance to a segment', () => {
    expect(distanceToSegment({ x: 5, y: 5 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5)
    expect(distanceToSegment({ x: -3, y: 4 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5)
    expect(distanceToSegment({ x: 3, y: 4 }, { x: 0, y: 0 }, { x: 0, y: 0 })).toBe(5)
  })
})
