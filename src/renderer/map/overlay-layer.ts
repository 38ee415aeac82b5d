// The per-view overlay: bloc outlines (where land can't show them), hot-pair glows, alignment
// links, markers and labels, drawn from a MapLayout into a 2D canvas once per update (never per
// frame), on top of the base map, so the scene shows the whole static picture as one texture.

import type { BlocShape, Pt } from './hull.ts'
import { ID_FONT, NAME_FONT, TITLE_LINE, type ActorLayout, type MapLayout } from './layout.ts'
import type { MapTarget } from './map-view.ts'
import { rgba, type MapPalette } from './palette.ts'
import { arcPath } from './placement.ts'

export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'DejaVu Sans', sans-serif"

function tracePolyline(ctx: CanvasRenderingContext2D, path: readonly Pt[]): void {
  ctx.beginPath()
  ctx.moveTo(path[0].x, path[0].y)
  for (let i = 1; i < path.length; i++) ctx.lineTo(path[i].x, path[i].y)
}

/** Trace a shape's skeleton: filled + stroked at 2·radius with round joins gives the rounded outline. */
function traceShape(ctx: CanvasRenderingContext2D, shape: BlocShape, grow: number): void {
  ctx.lineJoin = 'round'
  ctx.lineCap = 'round'
  ctx.lineWidth = 2 * (shape.radius + grow)
  if (shape.kind === 'hull') {
    const poly = shape.polygon
    ctx.beginPath()
    ctx.moveTo(poly[0].x, poly[0].y)
    for (let i = 1; i < poly.length; i++) ctx.lineTo(poly[i].x, poly[i].y)
    ctx.closePath()
    if (poly.length === 1) ctx.lineTo(poly[0].x + 0.01, poly[0].y)
    ctx.stroke()
    if (poly.length >= 3) ctx.fill()
    return
  }
  ctx.beginPath()
  for (const [i, j] of shape.edges) {
    ctx.moveTo(shape.points[i].x, shape.points[i].y)
    ctx.lineTo(shape.points[j].x, shape.points[j].y)
  }
  for (const p of shape.points) {
    ctx.moveTo(p.x, p.y)
    ctx.lineTo(p.x + 0.01, p.y)
  }
  ctx.stroke()
}

/**
 * Scratch canvases for drawing a bloc's area as one shape (so overlapping strokes don't stack
 * their alpha) and cutting its outline out of a slightly larger copy.
 */
export class BlocPainter {
  private fill = document.createElement('canvas')
  private edge = document.createElement('canvas')

  paint(ctx: CanvasRenderingContext2D, shape: BlocShape, colour: string, width: number, height: number, scale: number): void {
    for (const c of [this.fill, this.edge]) {
      if (c.width !== width || c.height !== height) {
        c.width = width
        c.height = height
      }
    }
    const f = this.fill.getContext('2d')
    const e = this.edge.getContext('2d')
    if (!f || !e) return
    f.clearRect(0, 0, width, height)
    f.fillStyle = colour
    f.strokeStyle = colour
    traceShape(f, shape, 0)

    e.clearRect(0, 0, width, height)
    e.globalCompositeOperation = 'source-over'
    e.fillStyle = colour
    e.strokeStyle = colour
    traceShape(e, shape, 1.4 * scale)
    e.globalCompositeOperation = 'destination-out'
    traceShape(e, shape, 0)
    e.globalCompositeOperation = 'source-over'

    ctx.save()
    // Soft: a blurred wash plus a faint crisp rim.
    ctx.filter = `blur(${Math.round(6 * scale)}px)`
    ctx.globalAlpha = 0.16
    ctx.drawImage(this.fill, 0, 0)
    ctx.filter = 'none'
    ctx.globalAlpha = 0.3
    ctx.drawImage(this.edge, 0, 0)
    ctx.restore()
  }
}

function drawText(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  font: string,
  colour: string,
  halo: string,
  haloWidth: number,
): void {
  ctx.font = font
  ctx.lineJoin = 'round'
  ctx.lineWidth = haloWidth
  ctx.strokeStyle = halo
  ctx.strokeText(text, x, y)
  ctx.fillStyle = colour
  ctx.fillText(text, x, y)
}

function drawActor(ctx: CanvasRenderingContext2D, a: ActorLayout, palette: MapPalette, scale: number, fontScale: number): void {
  const colour = palette.blocs[a.actor.bloc]
  // Readiness ring: its size is the readiness. A faint track shows the full size for comparison.
  ctx.setLineDash([])
  ctx.lineWidth = 1 * scale
  ctx.strokeStyle = rgba(colour, 0.22)
  ctx.beginPath()
  ctx.arc(a.x, a.y, a.radius + 11 * scale, 0, Math.PI * 2)
  ctx.stroke()
  ctx.lineWidth = 1.8 * scale
  ctx.strokeStyle = rgba(colour, 0.85)
  ctx.beginPath()
  ctx.arc(a.x, a.y, a.ringRadius, 0, Math.PI * 2)
  ctx.stroke()

  if (a.actor.human) {
    ctx.lineWidth = 2 * scale
    ctx.strokeStyle = palette.human
    ctx.beginPath()
    ctx.arc(a.x, a.y, a.radius + 14.5 * scale, 0, Math.PI * 2)
    ctx.stroke()
  }

  if (!a.onMap) {
    // Off-map capital: an arrowhead towards where it really is, and a hollow-centred marker.
    const d = a.radius + 15 * scale
    const ax = a.x + Math.cos(a.angle) * d
    const ay = a.y + Math.sin(a.angle) * d
    const s = 6 * scale
    ctx.fillStyle = colour
    ctx.beginPath()
    ctx.moveTo(ax + Math.cos(a.angle) * s, ay + Math.sin(a.angle) * s)
    ctx.lineTo(ax + Math.cos(a.angle + 2.3) * s, ay + Math.sin(a.angle + 2.3) * s)
    ctx.lineTo(ax + Math.cos(a.angle - 2.3) * s, ay + Math.sin(a.angle - 2.3) * s)
    ctx.closePath()
    ctx.fill()
  }

  ctx.beginPath()
  ctx.arc(a.x, a.y, a.radius, 0, Math.PI * 2)
  ctx.fillStyle = colour
  ctx.fill()
  ctx.lineWidth = 2 * scale
  ctx.strokeStyle = palette.halo
  ctx.stroke()
  if (!a.onMap) {
    ctx.beginPath()
    ctx.arc(a.x, a.y, a.radius * 0.45, 0, Math.PI * 2)
    ctx.fillStyle = palette.halo
    ctx.fill()
  }

  const titleColour = a.actor.human ? palette.human : palette.label
  ctx.textBaseline = 'top'
  ctx.textAlign = 'left'
  const idFont = `${a.actor.human ? 800 : 700} ${ID_FONT * fontScale}px ${FONT_STACK}`
  const labelX = a.label.x
  drawText(ctx, a.title, labelX, a.label.y, idFont, titleColour, palette.halo, 3.5 * fontScale)
  if (a.subtitle) {
    drawText(
      ctx,
      a.subtitle,
      labelX,
      a.label.y + TITLE_LINE * fontScale,
      `500 ${NAME_FONT * fontScale}px ${FONT_STACK}`,
      palette.labelDim,
      palette.halo,
      3 * fontScale,
    )
  }
}

export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  layout: MapLayout,
  palette: MapPalette,
  blocs: BlocPainter,
  highlight: MapTarget | null = null,
): void {
  const { width, height, scale, fontScale } = layout
  ctx.save()

  for (const b of layout.blocs) if (b.shape) blocs.paint(ctx, b.shape, palette.blocs[b.bloc], width, height, scale)

  // Hot pairs: a soft glow under the line.
  ctx.lineJoin = 'round'
  ctx.lineCap = 'round'
  ctx.setLineDash([])
  for (const link of layout.links) {
    if (!link.style.hot) continue
    ctx.save()
    ctx.shadowColor = palette.hot
    ctx.shadowBlur = 10 * scale
    ctx.strokeStyle = rgba(palette.hot, 0.32)
    ctx.lineWidth = link.style.width + 5 * scale
    tracePolyline(ctx, link.path)
    ctx.stroke()
    ctx.restore()
  }

  for (const link of layout.links) {
    const s = link.style
    ctx.setLineDash(s.dash)
    ctx.lineCap = s.dash.length ? 'butt' : 'round'
    ctx.lineWidth = s.width
    ctx.strokeStyle = rgba(s.colour, s.alpha)
    tracePolyline(ctx, link.path)
    ctx.stroke()
  }
  ctx.setLineDash([])

  for (const b of layout.blocs) {
    ctx.textAlign = 'center'
    ctx.textBaseline = 'middle'
    const text = b.label.text.toUpperCase().split('').join('\u200A')
    drawText(
      ctx,
      text,
      b.label.x,
      b.label.y,
      `700 ${11 * fontScale}px ${FONT_STACK}`,
      rgba(palette.blocs[b.bloc], 0.95),
      rgba(palette.halo, 0.8),
      3 * scale,
    )
  }

  for (const a of layout.actors) drawActor(ctx, a, palette, scale, fontScale)
  if (highlight) drawHighlight(ctx, layout, palette, highlight)
  ctx.restore()
}

/**
 * The power or pair the player points at or focuses: the rest of the picture dimmed, and on top the
 * target with its links (a power) or its line (a pair), ringed in the focus colour.
 */
function drawHighlight(ctx: CanvasRenderingContext2D, layout: MapLayout, palette: MapPalette, target: MapTarget): void {
  const { width, height, scale, fontScale } = layout
  const byId = new Map(layout.actors.map((a) => [a.actor.id, a]))
  const ends = target.kind === 'actor' ? [target.id] : [target.a, target.b]
  const actors = ends.map((id) => byId.get(id)).filter((a): a is ActorLayout => a !== undefined)
  if (actors.length !== ends.length) return
  const links =
    target.kind === 'actor'
      ? layout.links.filter((l) => l.a === target.id || l.b === target.id)
      : layout.links.filter((l) => (l.a === target.a && l.b === target.b) || (l.a === target.b && l.b === target.a))
  ctx.save()
  ctx.fillStyle = rgba(palette.halo, 0.55)
  ctx.fillRect(0, 0, width, height)
  for (const link of links) {
    ctx.setLineDash(link.style.dash)
    ctx.lineCap = link.style.dash.length ? 'butt' : 'round'
    ctx.lineWidth = link.style.width + 1 * scale
    ctx.strokeStyle = rgba(link.style.colour, 1)
    tracePolyline(ctx, link.path)
    ctx.stroke()
  }
  if (target.kind === 'link' && links.length === 0) {
    // Too weak to be drawn normally: a thin dotted line says which pair this is.
    ctx.setLineDash([2 * scale, 4 * scale])
    ctx.lineWidth = 1.5 * scale
    ctx.strokeStyle = rgba(palette.labelDim, 0.9)
    tracePolyline(ctx, arcPath(actors[0], actors[1], { x: width / 2, y: height / 2 }))
    ctx.stroke()
  }
  ctx.setLineDash([])
  const partners = new Set(links.flatMap((l) => [l.a, l.b]))
  for (const a of layout.actors) if (partners.has(a.actor.id) && !ends.includes(a.actor.id)) drawActor(ctx, a, palette, scale, fontScale)
  for (const a of actors) {
    drawActor(ctx, a, palette, scale, fontScale)
    ctx.lineWidth = 2.5 * scale
    ctx.strokeStyle = palette.focus
    ctx.setLineDash([4 * scale, 3 * scale])
    ctx.beginPath()
    ctx.arc(a.x, a.y, a.extent + 2 * scale, 0, Math.PI * 2)
    ctx.stroke()
    ctx.setLineDash([])
  }
  ctx.restore()
}
