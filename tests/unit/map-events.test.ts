// Event animation timing and shapes: severity, speed and reduced motion.
import { describe, expect, it } from 'vitest'
import type { MapEvent, MapSettings } from '../../src/renderer/map/map-view.ts'
import { BASE_DURATION, eventDuration, eventFrame, scheduleEnd, scheduleEvents } from '../../src/renderer/map/event-anim.ts'

const prick: MapEvent = { kind: 'pin-prick', severity: 1, lon: 135, lat: 40, label: 'Pin prick: Sea of Japan' }
const minor: MapEvent = { kind: 'incident', severity: 1, lon: 114, lat: 12, label: 'Incident: CHN–USA, South China Sea' }
const severe: MapEvent = { ...minor, severity: 2 }
const normal: MapSettings = { reducedMotion: false, animationSpeed: 1, colourBlindSafe: false }
const still: MapSettings = { ...normal, reducedMotion: true }

function samples(event: MapEvent, settings: MapSettings) {
  const d = eventDuration(event, settings)
  return [0.02, 0.2, 0.4, 0.6, 0.8].map((t) => eventFrame(event, t * d, d, settings.reducedMotion)!)
}

describe('event animation', () => {
  it('makes severe incidents bigger and longer than minor ones, and incidents longer than pin pricks', () => {
    expect(eventDuration(severe, normal)).toBeGreaterThan(eventDuration(minor, normal))
    expect(eventDuration(minor, normal)).toBeGreaterThan(eventDuration(prick, normal))
    const biggest = (e: MapEvent) => Math.max(...samples(e, normal).flatMap((f) => f.rings.map((r) => r.radius)))
    expect(biggest(severe)).toBeGreaterThan(biggest(minor))
    expect(biggest(minor)).toBeGreaterThan(biggest(prick))
  })

  it('scales durations by the animation speed, clamped to 0.5–2', () => {
    const base = eventDuration(minor, normal)
    expect(eventDuration(minor, { ...normal, animationSpeed: 2 })).toBeCloseTo(base / 2)
    expect(eventDuration(minor, { ...normal, animationSpeed: 0.5 })).toBeCloseTo(base * 2)
    expect(eventDuration(minor, { ...normal, animationSpeed: 10 })).toBeCloseTo(base / 2)
    expect(eventDuration(minor, { ...normal, animationSpeed: Number.NaN })).toBeCloseTo(base)
  })

  it('with reduced motion, shows a static marker for a couple of seconds: nothing grows or bursts', () => {
    for (const e of [prick, minor, severe]) {
      expect(eventDuration(e, still)).toBe(BASE_DURATION.still)
      const frames = samples(e, still)
      const radii = new Set(frames.flatMap((f) => f.rings.map((r) => r.radius)))
      expect(radii.size).toBe(1)
      expect(new Set(frames.map((f) => f.core.size)).size).toBe(1)
      for (const f of frames) {
        expect(f.spokes.count).toBe(0)
        expect(f.flash.alpha).toBe(0)
        expect(f.core.alpha).toBe(1)
      }
    }
    expect(scheduleEvents([prick, minor, severe], still).map((s) => s.delay)).toEqual([0, 0, 0])
  })

  it('animates pin pricks as an expanding ring and incidents as a labelled burst', () => {
    const [p0, p1] = samples(prick, normal)
    expect(p1.rings[0].radius).toBeGreaterThan(p0.rings[0].radius)
    expect(p0.spokes.count).toBe(0)
    expect(Math.max(...samples(prick, normal).map((f) => f.labelAlpha))).toBe(0)
    const inc = samples(minor, normal)
    expect(inc[0].flash.alpha).toBeGreaterThan(0)
    expect(inc[0].spokes.count).toBeGreaterThan(0)
    expect(Math.max(...inc.map((f) => f.labelAlpha))).toBeGreaterThan(0.9)
  })

  it('has nothing to draw before an event starts or after it ends', () => {
    const d = eventDuration(minor, normal)
    expect(eventFrame(minor, -1, d, false)).toBeNull()
    expect(eventFrame(minor, d, d, false)).toBeNull()
    expect(eventFrame(minor, 0, d, false)).not.toBeNull()
  })

  it('staggers a turn’s events and ends when the last one does', () => {
    const schedule = scheduleEvents([prick, minor, severe], normal)
    expect(schedule.map((s) => s.delay)).toEqual([0, 260, 520])
    expect(scheduleEnd(schedule)).toBe(520 + eventDuration(severe, normal))
    expect(scheduleEnd([])).toBe(0)
  })
})
