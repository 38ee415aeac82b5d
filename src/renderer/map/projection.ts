// The map's projection: Natural Earth, rotated to centre on the western Pacific and fitted so the
// region of play (Moscow and Delhi to the US west coast, the Arctic coast to Tasmania) fills the
// canvas. Whatever extra room the canvas's shape allows shows more of the world. Capitals that
// still fall outside (London, Washington on most screens) are pinned to the nearest edge with an
// arrow towards their true position, never moved onto somebody else's territory silently.

import { geoNaturalEarth1, type GeoProjection } from 'd3-geo'
import type { MultiPoint } from 'geojson'

/** Longitude at the centre of the view. */
export const VIEW_CENTRE_LON = 125

/** The lon/lat box that must always be visible (east may pass 180 to cross the Pacific). */
export const VIEW_EXTENT = { west: 24, east: 242, south: -46, north: 70 } as const

/** Distance from the canvas edge inside which a point counts as off the map. */
export const EDGE_MARGIN = 34

export interface Placement {
  x: number
  y: number
  /** False when the true position is outside the canvas and (x, y) is an edge marker. */
  onMap: boolean
  /** Direction from (x, y) towards the true position, in radians (0 = east, π/2 = south). */
  angle: number
}

function extentOutline(): MultiPoint {
  const { west, east, south, north } = VIEW_EXTENT
  const coordinates: [number, number][] = []
  for (let lon = west; lon <= east; lon += 5) {
    coordinates.push([normaliseLon(lon), south], [normaliseLon(lon), north])
  }
  for (let lat = south; lat <= north; lat += 5) {
    coordinates.push([normaliseLon(west), lat], [normaliseLon(east), lat])
  }
  return { type: 'MultiPoint', coordinates }
}

function normaliseLon(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180
}

/** A projection fitted to a canvas of the given size (at least 1×1). */
export function createProjection(width: number, height: number): GeoProjection {
  const w = Math.max(1, width)
  const h = Math.max(1, height)
  const pad = Math.min(w, h) * 0.02
  return geoNaturalEarth1()
    .rotate([-VIEW_CENTRE_LON, 0])
    .precision(0.2)
    .fitExtent(
      [
        [pad, pad],
        [Math.max(pad + 1, w - pad), Math.max(pad + 1, h - pad)],
      ],
      extentOutline(),
    )
}

/** Anything that takes lon/lat to canvas pixels: the world's projection or a scenario's own schematic. */
export type PointProjection = (point: [number, number]) => [number, number] | null

/** Project lon/lat to canvas pixels (always a point: the projection has no holes). */
export function projectPoint(projection: PointProjection, lon: number, lat: number): [number, number] {
  const p = projection([lon, lat])
  if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return [0, 0]
  return [p[0], p[1]]
}

/**
 * Where to draw something located at lon/lat: its projected position if it is inside the canvas
 * (less `margin`), otherwise the nearest point on that inset rectangle with an arrow towards it.
 */
export function placePoint(
  projection: PointProjection,
  lon: number,
  lat: number,
  width: number,
  height: number,
  margin = EDGE_MARGIN,
): Placement {
  const [px, py] = projectPoint(projection, lon, lat)
  const m = Math.min(margin, width / 2, height / 2)
  const x = Math.min(width - m, Math.max(m, px))
  const y = Math.min(height - m, Math.max(m, py))
  const onMap = x === px && y === py
  return { x, y, onMap, angle: onMap ? 0 : Math.atan2(py - y, px - x) }
}

/** Scale factor for marker and line sizes: 1 at 1280 px wide, limited both ways. */
export function uiScale(width: number, height: number): number {
  const s = Math.min(width / 1280, height / 760)
  return Math.min(1.35, Math.max(0.7, s))
}

/** Run `draw` with the projection clipped to the canvas (plus a hair), then restore it. */
export function withCanvasClip<T>(projection: GeoProjection, width: number, height: number, draw: () => T): T {
  const previous = projection.clipExtent()
  projection.clipExtent([
    [-4, -4],
    [width + 4, height + 4],
  ])
  try {
    return draw()
  } finally {
    projection.clipExtent(previous)
  }
}
