// Screen layout of a MapView: links, markers, labels and bloc outlines.
import { describe, expect, it } from 'vitest'
import type { MapActor, MapLink, MapView } from '../../src/renderer/map/map-view.ts'
import { layoutMap } from '../../src/renderer/map/layout.ts'
import { arcPath, placeLabels, spreadEdgeMarkers, type LabelBox } from '../../src/renderer/map/placement.ts'
import { RingRecorder } from '../../src/renderer/map/land-label.ts'
import { distanceToShape } from '../../src/renderer/map/hull.ts'
import { DEFAULT_PALETTE } from '../../src/renderer/map/palette.ts'
import { createProjection } from '../../src/renderer/map/projection.ts'
import { territoryOf } from '../../src/renderer/map/territory.ts'

const CAPITALS: [string, string, number, number][] = [
  ['CHN', 'China', 116.4, 39.9],
  ['RUS', 'Russia', 37.6, 55.8],
  ['USA', 'United States', -77.0, 38.9],
  ['JPN', 'Japan', 139.7, 35.7],
  ['KOR', 'South Korea', 127.0, 37.6],
  ['AUS', 'Australia', 149.1, -35.3],
  ['GBR', 'United Kingdom', -0.1, 51.5],
  ['IND', 'India', 77.2, 28.6],
]
const actors: MapActor[] = CAPITALS.map(([id, name, lon, lat]) => ({
  id,
  name,
  lon,
  lat,
  bloc: id === 'CHN' || id === 'RUS' ? 0 : 1,
  readiness: 0.5,
  human: id === 'JPN',
  details: [name],
}))
const links: MapLink[] = [
  { a: 'CHN', b: 'RUS', alignment: 0.6, tension: 0, details: [] },
  { a: 'USA', b: 'CHN', alignment: -0.7, tension: 0.6, details: [] },
  { a: 'JPN', b: 'KOR', alignment: 0.1, tension: 0, details: [] },
  { a: 'JPN', b: 'ZZZ', alignment: 0.9, tension: 0, details: [] },
]
const view: MapView = { actors, links, events: [], turn: 3 }

function overlap(a: LabelBox, b: LabelBox): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

describe('map layout', () => {
  const [w, h] = [1280, 800]
  const layout = layoutMap(view, createProjection(w, h), w, h, DEFAULT_PALETTE)

  it('draws only links at or above the threshold between known actors, endpoints at the markers', () => {
    expect(layout.links.map((l) => `${l.a}-${l.b}`).sort()).toEqual(['CHN-RUS', 'CHN-USA'])
    for (const l of layout.links) {
      const a = layout.actors.find((x) => x.actor.id === l.a)!
      const b = layout.actors.find((x) => x.actor.id === l.b)!
      expect(l.path[0]).toEqual({ x: a.x, y: a.y })
      expect(l.path[l.path.length - 1]).toEqual({ x: b.x, y: b.y })
    }
    expect(layout.links.find((l) => l.a === 'CHN' && l.b === 'USA')?.style.hot).toBe(true)
  })

  it('keeps every marker and label on the canvas, and labels clear of each other', () => {
    for (const a of layout.actors) {
      expect(a.x).toBeGreaterThanOrEqual(0)
      expect(a.x).toBeLessThanOrEqual(w)
      expect(a.label.x).toBeGreaterThanOrEqual(0)
      expect(a.label.x + a.label.w).toBeLessThanOrEqual(w)
      expect(a.label.y).toBeGreaterThanOrEqual(0)
      expect(a.label.y + a.label.h).toBeLessThanOrEqual(h)
    }
    const boxes = layout.actors.map((a) => a.label)
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j])).toBe(0)
    expect(layout.large).toBe(true)
    expect(layout.actors.find((a) => a.actor.id === 'KOR')?.subtitle).toBe('South Korea')
  })

  it('outlines each bloc by its members’ land when every member has a territory', () => {
    for (const [id, name] of CAPITALS) expect(territoryOf({ id, name }).length, id).toBeGreaterThan(0)
    expect(layout.blocs.map((b) => b.bloc)).toEqual([0, 1])
    for (const b of layout.blocs) {
      expect(b.shape).toBeNull()
      expect(b.territories.length).toBeGreaterThanOrEqual(actors.filter((a) => a.bloc === b.bloc).length)
      expect(b.label.x).toBeGreaterThan(0)
      expect(b.label.x).toBeLessThan(w)
      expect(b.label.y).toBeGreaterThan(0)
      expect(b.label.y).toBeLessThan(h)
    }
    expect(layout.blocs.map((b) => b.label.text)).toEqual(['Bloc A', 'Bloc B'])
  })

  it('falls back to a rounded outline around the capitals for a member without territory, never over an outsider', () => {
    const pirates: MapActor = {
      id: 'XYZ',
      name: 'Free Pacific League',
      lon: 160,
      lat: 5,
      bloc: 1,
      readiness: 0.2,
      human: false,
      details: [],
    }
    expect(territoryOf(pirates)).toEqual([])
    const l = layoutMap({ ...view, actors: [...actors, pirates] }, createProjection(w, h), w, h, DEFAULT_PALETTE)
    const west = l.blocs.find((b) => b.bloc === 1)!
    expect(west.shape).not.toBeNull()
    for (const a of l.actors) {
      const d = distanceToShape(a, west.shape!)
      if (a.actor.bloc === 1) expect(d, a.actor.id).toBe(0)
      else expect(d, a.actor.id).toBeGreaterThan(0)
    }
    expect(l.blocs.find((b) => b.bloc === 0)!.shape).toBeNull()
  })

  it('is deterministic and drops names on small canvases', () => {
    expect(layoutMap(view, createProjection(w, h), w, h, DEFAULT_PALETTE)).toEqual(layout)
    const small = layoutMap(view, createProjection(800, 500), 800, 500, DEFAULT_PALETTE)
    expect(small.large).toBe(false)
    expect(small.actors.every((a) => a.subtitle === null)).toBe(true)
  })
})

describe('map layout edge cases', () => {
  it('lays out an empty view and survives bad numbers', () => {
    const empty = layoutMap({ actors: [], links: [], events: [], turn: 0 }, createProjection(640, 480), 640, 480, DEFAULT_PALETTE)
    expect(empty.actors).toEqual([])
    expect(empty.links).toEqual([])
    expect(empty.blocs).toEqual([])
    const odd: MapActor = { id: 'ODD', name: 'Odd', lon: Number.NaN, lat: 400, bloc: 0, readiness: Number.NaN, human: false, details: [] }
    const l = layoutMap({ actors: [odd], links: [], events: [], turn: 0 }, createProjection(640, 480), 640, 480, DEFAULT_PALETTE)
    const a = l.actors[0]
    expect(Number.isFinite(a.x) && Number.isFinite(a.y) && Number.isFinite(a.ringRadius)).toBe(true)
    expect(l.blocs[0].shape?.kind).toBe('hull')
  })
})

describe('layout helpers', () => {
  it('spreads markers pinned to the same edge', () => {
    const items = [
      { x: 30, y: 100, onMap: false },
      { x: 30, y: 110, onMap: false },
      { x: 500, y: 105, onMap: true },
    ]
    spreadEdgeMarkers(items, 40, 800)
    expect(items[1].y - items[0].y).toBeGreaterThanOrEqual(40)
    expect(items[2].y).toBe(105)
  })

  it('keeps labels inside the canvas even when crowded at a corner', () => {
    const markers = Array.from({ length: 5 }, (_, i) => ({ x: 795, y: 5 + i * 3, r: 8, w: 60, h: 14, onMap: true, angle: 0 }))
    for (const b of placeLabels(markers, 800, 600)) {
      expect(b.x).toBeGreaterThanOrEqual(0)
      expect(b.x + b.w).toBeLessThanOrEqual(800)
      expect(b.y).toBeGreaterThanOrEqual(0)
    }
  })

  it('tests points against traced rings with the even–odd rule (holes are outside)', () => {
    const rings = new RingRecorder()
    const square = (x0: number, y0: number, size: number): void => {
      rings.moveTo(x0, y0)
      rings.lineTo(x0 + size, y0)
      rings.lineTo(x0 + size, y0 + size)
      rings.lineTo(x0, y0 + size)
      rings.closePath()
    }
    square(0, 0, 100)
    square(40, 40, 20)
    expect(rings.contains({ x: 10, y: 10 })).toBe(true)
    expect(rings.contains({ x: 50, y: 50 })).toBe(false)
    expect(rings.contains({ x: 150, y: 50 })).toBe(false)
  })

  it('bows arcs away from the centre and draws a–b like b–a', () => {
    const centre = { x: 500, y: 500 }
    const a = { x: 100, y: 100 }
    const b = { x: 900, y: 100 }
    const ab = arcPath(a, b, centre)
    const ba = arcPath(b, a, centre)
    expect(ab[12].y).toBeLessThan(100)
    expect(ba[12].y).toBeCloseTo(ab[12].y)
  })
})
