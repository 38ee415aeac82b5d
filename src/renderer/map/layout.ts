// Screen layout of a MapView: where each marker, label, link and bloc outline goes for a canvas
// of a given size. Pure: the same view and size always give the same layout.

import type { GeoProjection } from 'd3-geo'
import type { Feature, Geometry } from 'geojson'
import type { CountryProps } from './geo-data.ts'
import { BLOC_NAMES, type MapActor, type MapView } from './map-view.ts'
import { blocShape, type BlocShape, type Pt } from './hull.ts'
import { blocLabelSpot, clearestSpot, landInfo } from './land-label.ts'
import { linkStyle, type LinkStyle } from './link-style.ts'
import type { MapPalette } from './palette.ts'
import { arcPath, estimateTextWidth, placeLabels, spreadEdgeMarkers, type LabelBox } from './placement.ts'
import { EDGE_MARGIN, placePoint, uiScale } from './projection.ts'
import { isSchematic, type SchematicProjection } from './schematic.ts'
import { territoryOf } from './territory.ts'

export interface ActorLayout {
  actor: MapActor
  x: number
  y: number
  onMap: boolean
  /** Towards the true position when the marker is pinned to an edge. */
  angle: number
  radius: number
  ringRadius: number
  /** How far from (x, y) anything drawn for the marker reaches (rings, the off-map arrow). */
  extent: number
  /** Where the label goes (top-left corner) and how it reads. */
  label: LabelBox
  title: string
  subtitle: string | null
}

export interface LinkLayout {
  a: string
  b: string
  style: LinkStyle
  /** The curve as a polyline. */
  path: Pt[]
}

export interface BlocLayout {
  bloc: 0 | 1
  /** The members' land, tinted and outlined in the bloc's colour. */
  territories: Feature<Geometry, CountryProps>[]
  /**
   * A rounded outline around the capitals, drawn only when some member has no territory on the
   * map (a bloc is never shown by its capitals' hull alone when its land can show it honestly).
   */
  shape: BlocShape | null
  label: { x: number; y: number; text: string }
}

export interface MapLayout {
  width: number
  height: number
  scale: number
  /** Scale of the labels' text: `scale` times the player's text size. */
  fontScale: number
  /** The world map, or a scenario's own schematic canvas (its powers are invented). */
  geography: 'world' | 'schematic'
  /** Show the actors' full names as well as ids. */
  large: boolean
  actors: ActorLayout[]
  links: LinkLayout[]
  blocs: BlocLayout[]
}

export { BLOC_NAMES }
/** Width from which labels show the name under the id. */
export const LARGE_WIDTH = 1000
export const ID_FONT = 12
export const NAME_FONT = 10.5
/** Line height of a label's title: the subtitle starts this far below it (times the font scale). */
export const TITLE_LINE = 13.5

/** How far a marker's drawing reaches from its centre, in units of `scale` (see overlay-layer's drawActor). */
export function markerExtent(radius: number, scale: number, onMap: boolean, human: boolean): number {
  const track = radius + 11.5 * scale
  const ring = human ? radius + 15.5 * scale : 0
  const arrow = onMap ? 0 : radius + 21.5 * scale
  return Math.max(track, ring, arrow)
}

export interface LayoutOptions {
  /** The player's text size relative to normal (1). */
  textScale?: number
}

export function layoutMap(
  view: MapView,
  projection: GeoProjection | SchematicProjection,
  width: number,
  height: number,
  palette: MapPalette,
  options: LayoutOptions = {},
): MapLayout {
  const scale = uiScale(width, height)
  const textScale = Number.isFinite(options.textScale) && (options.textScale ?? 0) > 0 ? (options.textScale as number) : 1
  const fontScale = scale * textScale
  const geography = isSchematic(projection) ? 'schematic' : 'world'
  const large = width >= LARGE_WIDTH && height >= 560
  const radius = 6.5 * scale

  const actors = [...view.actors].sort((p, q) => Number(q.human) - Number(p.human) || p.id.localeCompare(q.id))
  const placements = actors.map((a) => ({ ...placePoint(projection, a.lon, a.lat, width, height, EDGE_MARGIN * scale) }))
  spreadEdgeMarkers(placements, 44 * scale, height, EDGE_MARGIN * scale)

  const labelSizes = actors.map((a) => {
    const title = a.id
    // The schematic has room, and its invented powers' ids mean nothing without their names.
    const subtitle = (large || geography === 'schematic') && a.name && a.name !== a.id ? a.name : null
    const w = Math.max(estimateTextWidth(title, ID_FONT * fontScale) + 2, subtitle ? estimateTextWidth(subtitle, NAME_FONT * fontScale) : 0)
    const h = (subtitle ? TITLE_LINE + NAME_FONT : ID_FONT) * fontScale + 2
    return { title, subtitle, w, h }
  })
  const ringRadii = actors.map((a) => radius + (3 + 8 * clamp01(a.readiness)) * scale)
  const labels = placeLabels(
    placements.map((p, i) => ({
      x: p.x,
      y: p.y,
      r: ringRadii[i] + 2,
      w: labelSizes[i].w,
      h: labelSizes[i].h,
      onMap: p.onMap,
      angle: p.angle,
    })),
    width,
    height,
  )
  const actorLayouts: ActorLayout[] = actors.map((a, i) => ({
    actor: a,
    x: placements[i].x,
    y: placements[i].y,
    onMap: placements[i].onMap,
    angle: placements[i].angle,
    radius,
    ringRadius: ringRadii[i],
    extent: markerExtent(radius, scale, placements[i].onMap, a.human),
    label: labels[i],
    title: labelSizes[i].title,
    subtitle: labelSizes[i].subtitle,
  }))

  const byId = new Map(actorLayouts.map((a) => [a.actor.id, a]))
  const centre = { x: width / 2, y: height / 2 }
  const links: LinkLayout[] = []
  for (const link of view.links) {
    const a = byId.get(link.a)
    const b = byId.get(link.b)
    if (!a || !b || a === b) continue
    const style = linkStyle(link, palette, scale)
    if (!style) continue
    // Order endpoints by id so a–b and b–a draw the same curve.
    const [p, q] = link.a < link.b ? [a, b] : [b, a]
    links.push({ a: p.actor.id, b: q.actor.id, style, path: arcPath(p, q, centre) })
  }
  // Weak links first so strong ones sit on top.
  links.sort((p, q) => p.style.width - q.style.width)

  const blocs: BlocLayout[] = []
  for (const bloc of [0, 1] as const) {
    const members = actorLayouts.filter((a) => a.actor.bloc === bloc)
    if (members.length === 0) continue
    const outsiders = actorLayouts.filter((a) => a.actor.bloc !== bloc)
    // The schematic shows no countries: its blocs are outlined around their capitals.
    const lands = members.map((m) => (isSchematic(projection) ? [] : territoryOf(m.actor)))
    const visible = members.map((m, i) =>
      lands[i].length && !isSchematic(projection)
        ? landInfo(projection, width, height, scale, `${width}x${height}|${m.actor.id}|${m.actor.name}`, lands[i])
        : null,
    )
    const withLand = visible.filter((v) => v !== null && v.area > 0).length
    const everyMemberHasLand = lands.every((l) => l.length > 0)
    // Clear of outsiders' markers (their readiness rings reach ~17 px) with a little air.
    const shape = everyMemberHasLand ? null : blocShape(members, outsiders, 18 * scale, 22 * scale)
    let label: Pt | null = null
    if (withLand > 0) {
      // On the largest visible member's land, at the spot near its centroid that is clearest of
      // markers, labels and links.
      let best = -1
      visible.forEach((v, i) => {
        if (v && v.area > 0 && (best < 0 || v.area > (visible[best]?.area ?? 0))) best = i
      })
      const info = visible[best]
      if (info) label = clearestSpot(info.spots.length ? info.spots : [info.centroid], info.centroid, actorLayouts, links)
    }
    // A bloc of one has no inside to be named in: its name goes under the marker.
    if (!label && shape && members.length > 1) label = blocLabelSpot(shape, actorLayouts, centre)
    if (!label) {
      const below = members[0].y + members[0].extent + 10 * fontScale
      label = { x: members[0].x, y: below < height - 8 * fontScale ? below : members[0].y - members[0].extent - 10 * fontScale }
    }
    blocs.push({ bloc, territories: lands.flat(), shape, label: { ...label, text: BLOC_NAMES[bloc] } })
  }
  return { width, height, scale, fontScale, geography, large, actors: actorLayouts, links, blocs }
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0
}
