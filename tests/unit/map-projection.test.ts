// The projection: the region fills the canvas, and every capital is either drawn where it is or
// pinned to the edge with an arrow pointing at where it is.
import { describe, expect, it } from 'vitest'
import { EDGE_MARGIN, VIEW_EXTENT, createProjection, placePoint, projectPoint, uiScale } from '../../src/renderer/map/projection.ts'

const CAPITALS: Record<string, [number, number]> = {
  CHN: [116.4, 39.9],
  RUS: [37.6, 55.8],
  USA: [-77.0, 38.9],
  JPN: [139.7, 35.7],
  KOR: [127.0, 37.6],
  AUS: [149.1, -35.3],
  GBR: [-0.1, 51.5],
  IND: [77.2, 28.6],
}
const SIZES: [number, number][] = [
  [1280, 800],
  [1920, 1080],
  [1024, 768],
  [800, 560],
  [600, 860],
  [2560, 900],
  [320, 240],
]
// The region of play: always drawn in place, never as an edge marker.
const ALWAYS_ON_MAP = ['CHN', 'RUS', 'JPN', 'KOR', 'AUS', 'IND']

describe('map projection', () => {
  for (const [w, h] of SIZES) {
    it(`places every capital inside a ${w}×${h} canvas or on its edge`, () => {
      const projection = createProjection(w, h)
      for (const [id, [lon, lat]] of Object.entries(CAPITALS)) {
        const p = placePoint(projection, lon, lat, w, h)
        expect(p.x, id).toBeGreaterThanOrEqual(0)
        expect(p.x, id).toBeLessThanOrEqual(w)
        expect(p.y, id).toBeGreaterThanOrEqual(0)
        expect(p.y, id).toBeLessThanOrEqual(h)
        const [px, py] = projectPoint(projection, lon, lat)
        if (p.onMap) {
          expect([p.x, p.y]).toEqual([px, py])
        } else {
          // The arrow points from the marker towards the true position, which is off the canvas.
          expect(px < EDGE_MARGIN || px > w - EDGE_MARGIN || py < EDGE_MARGIN || py > h - EDGE_MARGIN, id).toBe(true)
          const along = (px - p.x) * Math.cos(p.angle) + (py - p.y) * Math.sin(p.angle)
          expect(along, id).toBeGreaterThan(0)
        }
      }
      for (const id of ALWAYS_ON_MAP) {
        const [lon, lat] = CAPITALS[id]
        expect(placePoint(projection, lon, lat, w, h).onMap, id).toBe(true)
      }
    })
  }

  it('puts London to the west and Washington to the east of the Pacific-centred view', () => {
    const projection = createProjection(1280, 800)
    const london = placePoint(projection, ...CAPITALS.GBR, 1280, 800)
    const washington = placePoint(projection, ...CAPITALS.USA, 1280, 800)
    expect(london.onMap).toBe(false)
    expect(Math.cos(london.angle)).toBeLessThan(0)
    expect(washington.onMap).toBe(false)
    expect(Math.cos(washington.angle)).toBeGreaterThan(0)
    // Beijing sits west of Tokyo, Tokyo west of the US west coast.
    expect(projectPoint(projection, ...CAPITALS.CHN)[0]).toBeLessThan(projectPoint(projection, ...CAPITALS.JPN)[0])
    expect(projectPoint(projection, ...CAPITALS.JPN)[0]).toBeLessThan(projectPoint(projection, -122.4, 37.8)[0])
  })

  it('fits the whole region of play inside the canvas', () => {
    for (const [w, h] of SIZES) {
      const projection = createProjection(w, h)
      for (const lon of [VIEW_EXTENT.west, 100, 180, VIEW_EXTENT.east]) {
        for (const lat of [VIEW_EXTENT.south, 0, VIEW_EXTENT.north]) {
          const [x, y] = projectPoint(projection, lon > 180 ? lon - 360 : lon, lat)
          expect(x).toBeGreaterThanOrEqual(-0.5)
          expect(x).toBeLessThanOrEqual(w + 0.5)
          expect(y).toBeGreaterThanOrEqual(-0.5)
          expect(y).toBeLessThanOrEqual(h + 0.5)
        }
      }
    }
  })

  it('survives a zero-sized canvas and scales the UI within limits', () => {
    const projection = createProjection(0, 0)
    const p = placePoint(projection, 116.4, 39.9, 1, 1)
    expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true)
    expect(uiScale(1280, 760)).toBe(1)
    expect(uiScale(100, 100)).toBe(0.7)
    expect(uiScale(10000, 10000)).toBe(1.35)
  })
})
