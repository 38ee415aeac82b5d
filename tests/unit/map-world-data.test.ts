// The map's geography (src/renderer/map/world/world-50m.json): Natural Earth 1:50m simplified for the scale
// the map is drawn at. It is exactly what its script makes, every country the map may colour is in it, and no
// coast is turned inside out (a ring the wrong way round would be drawn as all the world outside it).
import { readFileSync } from 'node:fs'
import type { Topology } from 'topojson-specification'
import { describe, expect, it } from 'vitest'
import { ISO_NUMERIC } from '../../src/renderer/map/territory.ts'
import { readSource, simplifyWorld, worldText } from '../../src/renderer/map/world/simplify-world.mjs'

const FILE = 'src/renderer/map/world/world-50m.json'
const text = readFileSync(FILE, 'utf8')
const world = JSON.parse(text) as Topology
const source = readSource()

interface Shape {
  type: string
  arcs?: number[][] | number[][][]
  id?: string
  properties?: { name?: string }
}
const shapesOf = (topology: Topology, object: string) => (topology.objects[object] as unknown as { geometries: Shape[] }).geometries

function absoluteArcs(topology: Topology): number[][][] {
  const [sx, sy] = topology.transform!.scale
  const [tx, ty] = topology.transform!.translate
  return topology.arcs.map((arc) => {
    let x = 0
    let y = 0
    return arc.map(([dx, dy]) => [(x += dx) * sx + tx, (y += dy) * sy + ty])
  })
}

function ringArea(arcs: number[][][], ring: number[]): number {
  let sum = 0
  for (const index of ring) {
    const points = index >= 0 ? arcs[index] : [...arcs[~index]].reverse()
    for (let k = 0; k < points.length - 1; k++) sum += points[k][0] * points[k + 1][1] - points[k + 1][0] * points[k][1]
  }
  return sum / 2
}

const ringsOf = (shape: Shape): number[][] =>
  shape.type === 'Polygon' ? (shape.arcs as number[][]) : shape.type === 'MultiPolygon' ? (shape.arcs as number[][][]).flat() : []

describe('the map geography', () => {
  it('is what simplify-world.mjs makes of world-atlas (run it again after changing either)', () => {
    expect(text === worldText(simplifyWorld(source)), `${FILE} is out of date`).toBe(true)
  })

  it('keeps every country, and each power the map may colour has land', () => {
    expect(shapesOf(world, 'countries').map((shape) => shape.properties?.name)).toEqual(
      shapesOf(source, 'countries').map((shape) => shape.properties?.name),
    )
    // Some codes have several shapes (Australia and the Ashmore and Cartier Islands): the largest counts.
    const rings = (numeric: string) =>
      Math.max(0, ...shapesOf(world, 'countries').flatMap((shape) => (shape.id === numeric ? [ringsOf(shape).length] : [])))
    for (const [alpha, numeric] of Object.entries(ISO_NUMERIC)) expect(rings(numeric), alpha).toBeGreaterThan(0)
  })

  it('turns no ring inside out and keeps at least half of the area of each, for every ring it keeps', () => {
    const before = absoluteArcs(source)
    const after = absoluteArcs(world)
    let rings = 0
    for (const object of ['countries', 'land']) {
      for (const shape of shapesOf(world, object)) {
        for (const ring of ringsOf(shape)) {
          const [was, is] = [ringArea(before, ring), ringArea(after, ring)]
          expect(Math.sign(is), `${shape.properties?.name ?? object}: ring ${ring.join(',')}`).toBe(Math.sign(was))
          expect(Math.abs(is)).toBeGreaterThanOrEqual(Math.abs(was) / 2)
          rings++
        }
      }
    }
    expect(rings).toBeGreaterThan(1000)
  })

  it('is a third of the points of 1:50m at most', () => {
    const points = (topology: Topology) => topology.arcs.reduce((sum, arc) => sum + arc.length, 0)
    expect(points(world)).toBeLessThan(points(source) / 3)
  })
})
