#!/usr/bin/env node
// Makes world-50m.json, the map's geography: Natural Earth 1:50m countries (world-atlas) simplified for the
// scale the map is drawn at, and stored compactly. Run it again (`node src/renderer/map/world/simplify-world.mjs`)
// after changing world-atlas or the settings below; tests/unit/map-world-data.test.ts checks the file is its output.
//
// The map shows the western Pacific at 5-8 CSS pixels per degree (1280-1730 px for ~220 degrees of longitude),
// where 1:50m has a point every ~0.05 degrees. Each arc (a stretch of coast or border that countries share, so
// neighbours stay joined) is simplified by Visvalingam-Whyatt: points are dropped, smallest first, while the
// triangle each makes with its neighbours is under MIN_AREA square degrees (measured with longitude scaled by
// the cosine of the latitude, as it is drawn); rings keep at least three corners, so no island vanishes. Then
// coordinates are rounded to a grid of QUANTIZATION steps across the world and stored as deltas, as TopoJSON.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Square degrees: about a tenth of a square pixel at 8 px per degree, twice that on a high-density screen. */
export const MIN_AREA = 0.02
/** Grid steps across the world's width: 0.036 degrees, half a pixel at the largest scale. */
export const QUANTIZATION = 10_000

const SOURCE = new URL('../../../../node_modules/world-atlas/countries-50m.json', import.meta.url)
const TARGET = new URL('./world-50m.json', import.meta.url)

/** The arcs of a quantized TopoJSON topology as absolute [lon, lat] points. */
function decodeArcs(topology) {
  const [sx, sy] = topology.transform.scale
  const [tx, ty] = topology.transform.translate
  return topology.arcs.map((arc) => {
    let x = 0
    let y = 0
    return arc.map(([dx, dy]) => {
      x += dx
      y += dy
      return [x * sx + tx, y * sy + ty]
    })
  })
}

function triangleArea(a, b, c) {
  const k = Math.cos((b[1] * Math.PI) / 180)
  return Math.abs((b[0] - a[0]) * k * (c[1] - a[1]) - (c[0] - a[0]) * k * (b[1] - a[1])) / 2
}

/** Visvalingam-Whyatt: the points of `points` kept, endpoints always, at least `keep` points. */
function simplify(points, minArea, keep) {
  const n = points.length
  if (n <= keep) return points
  const prev = Array.from({ length: n }, (_, i) => i - 1)
  const next = Array.from({ length: n }, (_, i) => i + 1)
  const area = new Float64Array(n).fill(Infinity)
  const removed = new Uint8Array(n)
  for (let i = 1; i < n - 1; i++) area[i] = triangleArea(points[i - 1], points[i], points[i + 1])
  let left = n
  // n is at most a few thousand per arc: a linear scan for the smallest is fast enough and plainly right.
  for (;;) {
    let smallest = -1
    for (let i = 1; i < n - 1; i++) if (!removed[i] && (smallest < 0 || area[i] < area[smallest])) smallest = i
    if (smallest < 0 || area[smallest] >= minArea || left <= keep) break
    removed[smallest] = 1
    left--
    const p = prev[smallest]
    const q = next[smallest]
    next[p] = q
    prev[q] = p
    // A neighbour never counts as smaller than the point just removed, so removal stays in order of size.
    if (p > 0) area[p] = Math.max(area[smallest], triangleArea(points[prev[p]], points[p], points[q]))
    if (q < n - 1) area[q] = Math.max(area[smallest], triangleArea(points[p], points[q], points[next[q]]))
  }
  return points.filter((_, i) => !removed[i])
}

function isClosed(points) {
  return points.length > 1 && points[0][0] === points.at(-1)[0] && points[0][1] === points.at(-1)[1]
}

/** Twice the signed planar area of a ring given as arc indices (a negative index ~i is arc i reversed). */
function ringArea(arcs, ring) {
  let sum = 0
  for (const index of ring) {
    const points = index >= 0 ? arcs[index] : [...arcs[~index]].reverse()
    for (let k = 0; k < points.length - 1; k++) sum += points[k][0] * points[k + 1][1] - points[k + 1][0] * points[k][1]
  }
  return sum
}

/** Every polygon of an object's geometries, as arrays of rings (the first the outline, the others holes). */
function polygonsOf(object) {
  return object.geometries.flatMap((geometry) =>
    geometry.type === 'Polygon' ? [geometry.arcs] : geometry.type === 'MultiPolygon' ? geometry.arcs : [],
  )
}

/** A ring keeps its way round and at least half its area, or it is not the same shape. */
const keepsShape = (before, after) => Math.sign(before) === Math.sign(after) && Math.abs(after) >= Math.abs(before) / 2

/**
 * The simplified, quantized topology of `source` (a world-atlas countries topology). A ring that simplifying
 * would turn inside out or shrink by half gets its arcs simplified less, down to not at all; a ring still
 * smaller than the grid after that (a islet or microstate of a few hundred metres) is left out, because a
 * ring of no area would be drawn as everything outside it.
 */
export function simplifyWorld(source, minArea = MIN_AREA, quantization = QUANTIZATION) {
  const original = decodeArcs(source)
  const [x0, y0, x1, y1] = source.bbox
  const scale = [(x1 - x0) / (quantization - 1), (y1 - y0) / (quantization - 1)]
  const toGrid = (points) => {
    const grid = points.map(([x, y]) => [Math.round((x - x0) / scale[0]), Math.round((y - y0) / scale[1])])
    const kept = grid.filter((p, i) => i === 0 || i === grid.length - 1 || p[0] !== grid[i - 1][0] || p[1] !== grid[i - 1][1])
    return kept.length >= Math.min(grid.length, isClosed(points) ? 4 : 2) ? kept : grid
  }
  const areas = original.map(() => minArea)
  const simplifyArc = (index) => toGrid(simplify(original[index], areas[index], isClosed(original[index]) ? 4 : 2))
  const arcs = original.map((_, index) => simplifyArc(index))
  const originalGrid = original.map(toGrid)
  const polygons = [...polygonsOf(source.objects.countries), ...polygonsOf(source.objects.land)]
  const rings = polygons.flat()
  for (let round = 0; round < 12; round++) {
    const loosen = new Set()
    for (const ring of rings) {
      if (!keepsShape(ringArea(original, ring), ringArea(arcs, ring) * scale[0] * scale[1]))
        for (const index of ring) if (areas[index > 0 ? index : ~index] > 0) loosen.add(index >= 0 ? index : ~index)
    }
    if (loosen.size === 0) break
    for (const index of loosen) {
      areas[index] = round < 10 ? areas[index] / 4 : 0
      arcs[index] = simplifyArc(index)
    }
  }
  // Rings the grid itself flattens: their area on the grid, at full detail, has not the shape.
  const flattened = new Set(
    rings.filter((ring) => !keepsShape(ringArea(original, ring), ringArea(originalGrid, ring) * scale[0] * scale[1])),
  )
  const encoded = arcs.map((points) => {
    const deltas = []
    let [px, py] = [0, 0]
    for (const [x, y] of points) {
      deltas.push([x - px, y - py])
      ;[px, py] = [x, y]
    }
    return deltas
  })
  const withoutFlattened = (polygon) => (flattened.has(polygon[0]) ? null : polygon.filter((ring) => !flattened.has(ring)))
  const geometries = (object) => ({
    type: object.type,
    geometries: object.geometries.map((geometry) => {
      const name = geometry.properties?.name
      let arcsOf = geometry.arcs
      if (geometry.type === 'Polygon') arcsOf = withoutFlattened(geometry.arcs) ?? []
      if (geometry.type === 'MultiPolygon') arcsOf = geometry.arcs.map(withoutFlattened).filter((polygon) => polygon !== null)
      return {
        type: geometry.type,
        arcs: arcsOf,
        ...(geometry.id !== undefined ? { id: geometry.id } : {}),
        ...(name !== undefined ? { properties: { name } } : {}),
      }
    }),
  })
  return {
    type: 'Topology',
    bbox: source.bbox,
    transform: { scale, translate: [x0, y0] },
    objects: { countries: geometries(source.objects.countries), land: geometries(source.objects.land) },
    arcs: encoded,
  }
}

/** The file's text: one arc per line, so a change shows in a diff. */
export function worldText(topology) {
  const { arcs, ...rest } = topology
  const head = JSON.stringify(rest).slice(0, -1)
  return `${head},"arcs":[\n${arcs.map((arc) => JSON.stringify(arc)).join(',\n')}\n]}\n`
}

export function readSource() {
  return JSON.parse(readFileSync(SOURCE, 'utf8'))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const topology = simplifyWorld(readSource())
  writeFileSync(TARGET, worldText(topology))
  const points = topology.arcs.reduce((sum, arc) => sum + arc.length, 0)
  console.log(`${fileURLToPath(TARGET)}: ${topology.arcs.length} arcs, ${points} points`)
}
