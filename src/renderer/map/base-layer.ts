// The base map: sea, graticule, land, coastlines and borders from Natural Earth (1:50m, via
// world-atlas), bundled with the app, no network; and the blocs' land, tinted and outlined.
// Drawn with d3-geo straight into a 2D canvas, and redrawn only when the canvas is resized or a
// bloc's membership (or the palette) changes, because tracing coastlines is the costly part.

import { geoPath, type GeoProjection } from 'd3-geo'
import { geoData } from './geo-data.ts'
import type { Feature, Geometry } from 'geojson'
import type { CountryProps } from './geo-data.ts'
import { rgba, type MapPalette } from './palette.ts'
import { withCanvasClip } from './projection.ts'

export function drawBaseMap(
  ctx: CanvasRenderingContext2D,
  projection: GeoProjection,
  width: number,
  height: number,
  palette: MapPalette,
  blocs: readonly { bloc: 0 | 1; territories: Feature<Geometry, CountryProps>[] }[],
  scale: number,
): void {
  const geo = geoData()
  // Clip to the canvas so off-screen coastline is never traced.
  withCanvasClip(projection, width, height, () => {
    const path = geoPath(projection, ctx)
    ctx.save()
    ctx.clearRect(0, 0, width, height)

    // Outside the globe (visible only on very wide or tall canvases): darkest.
    ctx.fillStyle = palette.halo
    ctx.fillRect(0, 0, width, height)

    // The sea: a soft glow over the western Pacific, darker towards the edges.
    const [cx, cy] = projection([125, 25]) ?? [width / 2, height / 2]
    const glow = ctx.createRadialGradient(cx, cy, 0, cx, cy, Math.max(width, height) * 0.75)
    glow.addColorStop(0, palette.seaGlow)
    glow.addColorStop(1, palette.sea)
    ctx.beginPath()
    path({ type: 'Sphere' })
    ctx.fillStyle = glow
    ctx.fill()

    ctx.beginPath()
    path(geo.graticule)
    ctx.strokeStyle = palette.graticule
    ctx.lineWidth = 0.6
    ctx.stroke()

    ctx.beginPath()
    path(geo.land)
    ctx.fillStyle = palette.land
    ctx.fill()
    ctx.strokeStyle = palette.coast
    ctx.lineWidth = 0.8
    ctx.lineJoin = 'round'
    ctx.stroke()

    ctx.beginPath()
    path(geo.borders)
    ctx.strokeStyle = palette.border
    ctx.lineWidth = 0.6
    ctx.stroke()

    // Members' land: a wash of the bloc's colour and its outline.
    for (const b of blocs) {
      if (b.territories.length === 0) continue
      const colour = palette.blocs[b.bloc]
      ctx.beginPath()
      path({ type: 'FeatureCollection', features: b.territories })
      // 'color' keeps the land's lightness and takes the bloc's hue, so warm and cool blocs
      // read equally strongly on the blue-grey land (a plain wash of amber turns grey).
      ctx.globalCompositeOperation = 'color'
      ctx.fillStyle = rgba(colour, 0.55)
      ctx.fill()
      ctx.globalCompositeOperation = 'source-over'
      ctx.fillStyle = rgba(colour, 0.05)
      ctx.fill()
      ctx.lineJoin = 'round'
      ctx.lineWidth = 1.1 * scale
      ctx.strokeStyle = rgba(colour, 0.55)
      ctx.stroke()
    }
    ctx.restore()
  })
}
