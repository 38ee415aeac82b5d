// Draws one turn's events with a single reused Graphics and a small pool of Text labels. The
// shapes come from `eventFrame`; this file only turns them into draw calls. Nothing is drawn
// (and nothing cleared) while no animation is running.

import * as Phaser from 'phaser'
import type { MapEvent, MapSettings } from './map-view.ts'
import { eventFrame, scheduleEnd, scheduleEvents, type ScheduledEvent } from './event-anim.ts'
import { FONT_STACK } from './overlay-layer.ts'
import { hexToInt, type MapPalette } from './palette.ts'

interface Placed {
  x: number
  y: number
}

export class EventLayer {
  private gfx: Phaser.GameObjects.Graphics
  private labels: Phaser.GameObjects.Text[] = []
  private schedule: ScheduledEvent[] = []
  private positions: Placed[] = []
  private labelFor: (Phaser.GameObjects.Text | null)[] = []
  private start: number | null = null
  private end = 0
  private active = false
  private reducedMotion = false

  constructor(
    private scene: Phaser.Scene,
    depth: number,
  ) {
    this.gfx = scene.add.graphics().setDepth(depth)
  }

  /** Start animating a turn's events at the next frame. */
  play(events: readonly MapEvent[], settings: MapSettings): void {
    this.stop()
    if (events.length === 0) return
    this.schedule = scheduleEvents(events, settings)
    this.end = scheduleEnd(this.schedule)
    this.reducedMotion = settings.reducedMotion
    this.start = null
    this.active = true
  }

  stop(): void {
    this.active = false
    this.schedule = []
    this.positions = []
    this.labelFor = []
    this.gfx.clear()
    for (const t of this.labels) t.setVisible(false)
  }

  isActive(): boolean {
    return this.active
  }

  /** Screen positions and labels for the events (call after play and after every resize). */
  place(project: (lon: number, lat: number) => Placed, palette: MapPalette, scale: number, width: number, textScale = 1): void {
    if (!this.active) return
    this.positions = this.schedule.map((s) => project(s.event.lon, s.event.lat))
    for (const t of this.labels) t.setVisible(false)
    this.labelFor = []
    const boxes: { x: number; y: number; w: number; h: number }[] = []
    let used = 0
    this.schedule.forEach((s, i) => {
      if (s.event.kind !== 'incident' || !s.event.label) {
        this.labelFor.push(null)
        return
      }
      const text = this.label(used++, scale * textScale)
      text.setText(s.event.label)
      text.setColor(palette.label)
      text.setBackgroundColor('rgba(6,12,21,0.88)')
      const p = this.positions[i]
      const w = text.width
      const h = text.height
      // Up and to the right of the event; left if that runs off the canvas; stacked upwards
      // above any label already placed there.
      let x = p.x + 18 * scale
      if (x + w > width - 4) x = p.x - 18 * scale - w
      let y = p.y - 26 * scale - h
      for (let guard = 0; guard < 8; guard++) {
        const hit = boxes.find((b) => x < b.x + b.w && b.x < x + w && y < b.y + b.h && b.y < y + h)
        if (!hit) break
        y = hit.y - h - 4
      }
      if (y < 2) y = p.y + 26 * scale
      boxes.push({ x, y, w, h })
      text.setPosition(Math.round(x), Math.round(y)).setAlpha(0).setVisible(true)
      this.labelFor.push(text)
    })
  }

  private label(index: number, scale: number): Phaser.GameObjects.Text {
    let t = this.labels[index]
    if (!t) {
      t = this.scene.add
        .text(0, 0, '', {
          fontFamily: FONT_STACK,
          fontSize: `${Math.round(12 * scale)}px`,
          fontStyle: '600',
          padding: { x: 7, y: 4 },
        })
        .setDepth(this.gfx.depth + 1)
        .setVisible(false)
      this.labels[index] = t
    } else {
      t.setFontSize(Math.round(12 * scale))
    }
    return t
  }

  /** Advance to `now` (scene time in ms) and draw. */
  draw(now: number, palette: MapPalette, scale: number): void {
    if (!this.active) return
    if (this.start === null) this.start = now
    const elapsed = now - this.start
    const g = this.gfx
    g.clear()
    if (elapsed >= this.end) {
      this.stop()
      return
    }
    const flash = hexToInt(palette.flash)
    const halo = hexToInt(palette.halo)
    this.schedule.forEach((s, i) => {
      const p = this.positions[i]
      const label = this.labelFor[i]
      const frame = p ? eventFrame(s.event, elapsed - s.delay, s.duration, this.reducedMotion) : null
      if (!frame || !p) {
        label?.setAlpha(0)
        return
      }
      const colour = hexToInt(s.event.kind === 'pin-prick' ? palette.pinPrick : palette.incident)
      if (label && frame.labelAlpha > 0) {
        // Leader line from the event to its label.
        const lx = label.x < p.x ? label.x + label.width : label.x
        const ly = label.y + label.height / 2
        g.lineStyle(1.2 * scale, colour, 0.8 * frame.labelAlpha)
        g.lineBetween(p.x, p.y, lx, ly)
      }
      label?.setAlpha(frame.labelAlpha)
      if (frame.flash.alpha > 0) {
        g.fillStyle(colour, 0.35 * frame.flash.alpha)
        g.fillCircle(p.x, p.y, frame.flash.radius * 1.8 * scale)
        g.fillStyle(flash, frame.flash.alpha)
        g.fillCircle(p.x, p.y, frame.flash.radius * scale)
      }
      if (frame.spokes.alpha > 0 && frame.spokes.count > 0) {
        g.lineStyle(2 * scale, colour, frame.spokes.alpha)
        for (let k = 0; k < frame.spokes.count; k++) {
          const a = (k / frame.spokes.count) * Math.PI * 2 + Math.PI / frame.spokes.count
          const c = Math.cos(a)
          const sn = Math.sin(a)
          g.lineBetween(
            p.x + c * frame.spokes.inner * scale,
            p.y + sn * frame.spokes.inner * scale,
            p.x + c * frame.spokes.outer * scale,
            p.y + sn * frame.spokes.outer * scale,
          )
        }
      }
      for (const ring of frame.rings) {
        if (ring.alpha <= 0) continue
        g.lineStyle(ring.width * scale, colour, ring.alpha)
        g.strokeCircle(p.x, p.y, ring.radius * scale)
      }
      if (frame.core.alpha > 0) {
        const r = frame.core.size * scale
        if (s.event.kind === 'pin-prick') {
          g.fillStyle(halo, frame.core.alpha)
          g.fillCircle(p.x, p.y, r + 1.5 * scale)
          g.fillStyle(colour, frame.core.alpha)
          g.fillCircle(p.x, p.y, r)
        } else {
          // Incidents get a diamond, so shape (not only colour) tells them from pin pricks.
          g.fillStyle(halo, frame.core.alpha)
          g.fillTriangle(p.x - r - 2, p.y, p.x, p.y - r - 2, p.x + r + 2, p.y)
          g.fillTriangle(p.x - r - 2, p.y, p.x, p.y + r + 2, p.x + r + 2, p.y)
          g.fillStyle(colour, frame.core.alpha)
          g.fillTriangle(p.x - r, p.y, p.x, p.y - r, p.x + r, p.y)
          g.fillTriangle(p.x - r, p.y, p.x, p.y + r, p.x + r, p.y)
        }
      }
    })
  }

  destroy(): void {
    this.stop()
    this.gfx.destroy()
    for (const t of this.labels) t.destroy()
    this.labels = []
  }
}
