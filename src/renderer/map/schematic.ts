// A scenario whose powers are invented has no place on the world map: it is drawn on its own plain
// canvas. Its capitals' lon/lat then only say where the powers sit relative to each other; they are
// stretched to fill the map (each axis on its own, as a diagram, not geography).

import type { PointProjection } from './projection.ts'
import type { MapPalette } from './palette.ts'

export interface SchematicProjection extends PointProjection {
  readonly schematic: true
}

/** Fits the points into the canvas less a margin that leaves room for markers and their labels. */
export function createSchematicProjection(
  points: readonly { lon: number; lat: number }[],
  width: number,
  height: number,
  scale: number,
): SchematicProjection {
  const w = Math.max(1, width)
  const h = Math.max(1, height)
  const mx = Math.min(w / 2, Math.max(70 * scale, w * 0.14))
  const my = Math.min(h / 2, Math.max(50 * scale, h * 0.14))
  const lons = points.map((p) => p.lon)
  const lats = points.map((p) => p.lat)
  const west = lons.length ? Math.min(...lons) : 0
  const east = lons.length ? Math.max(...lons) : 0
  const south = lats.length ? Math.min(...lats) : 0
  const north = lats.length ? Math.max(...lats) : 0
  // A single point (or a line) sits in the middle of the axis it has no extent on.
  const axis = (value: number, from: number, to: number, start: number, end: number): number =>
    Math.abs(to - from) < 1e-9 ? (start + end) / 2 : start + ((value - from) / (to - from)) * (end - start)
  const project = ([lon, lat]: [number, number]): [number, number] | null => {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null
    return [axis(lon, west, east, mx, w - mx), axis(lat, north, south, my, h - my)]
  }
  return Object.assign(project, { schematic: true as const })
}

export function isSchematic(projection: PointProjection): projection is SchematicProjection {
  return 'schematic' in projection
}

/** The schematic's ground: the sea's glow and a faint square grid, no coastlines. */
export function drawSchematicBase(ctx: CanvasRenderingContext2D, width: number, height: number, palette: MapPalette, scale: number): void {
  ctx.save()
  ctx.clearRect(0, 0, width, height)
  const glow = ctx.createRadialGradient(width / 2, height / 2, 0, width / 2, height / 2, Math.max(width, height) * 0.7)
  glow.addColorStop(0, palette.seaGlow)
  glow.addColorStop(1, palette.sea)
  ctx.fillStyle = glow
  ctx.fillRect(0, 0, width, height)
  const step = Math.max(24, 48 * scale)
  ctx.beginPath()
  for (let x = (width % step) / 2; x <= width; x += step) {
    ctx.moveTo(x, 0)
    ctx.lineTo(x, height)
  }
  for (let y = (height % step) / 2; y <= height; y += step) {
    ctx.moveTo(0, y)
    ctx.lineTo(width, y)
  }
  ctx.strokeStyle = palette.graticule
  ctx.lineWidth = 0.6
  ctx.stroke()
  ctx.restore()
}
