// Timing and shape of event animations, as pure functions of elapsed time, so the scene only has
// to draw what these return. Pin pricks: a small ring that ripples out. Incidents: a flash, a
// burst of spokes, a ring and a label; severe ones are bigger and last longer. With reduced
// motion nothing moves: a static marker shows for a couple of seconds and then fades.

import type { MapEvent, MapSettings } from './map-view.ts'

/** Base durations in ms at animationSpeed 1. */
export const BASE_DURATION = {
  pinPrick: 1800,
  incident: 2800,
  severeIncident: 4200,
  /** How long the static marker stays with reduced motion. */
  still: 2600,
} as const

/** Delay between successive events of one turn, so a burst of them reads as a sequence. */
export const BASE_STAGGER = 260

export interface ScheduledEvent {
  event: MapEvent
  /** ms after the turn's animations start. */
  delay: number
  duration: number
}

export function clampSpeed(speed: number): number {
  return Number.isFinite(speed) ? Math.min(2, Math.max(0.5, speed)) : 1
}

export function eventDuration(event: MapEvent, settings: MapSettings): number {
  const base = settings.reducedMotion
    ? BASE_DURATION.still
    : event.kind === 'pin-prick'
      ? BASE_DURATION.pinPrick
      : event.severity === 2
        ? BASE_DURATION.severeIncident
        : BASE_DURATION.incident
  return base / clampSpeed(settings.animationSpeed)
}

export function scheduleEvents(events: readonly MapEvent[], settings: MapSettings): ScheduledEvent[] {
  const stagger = settings.reducedMotion ? 0 : BASE_STAGGER / clampSpeed(settings.animationSpeed)
  return events.map((event, i) => ({ event, delay: i * stagger, duration: eventDuration(event, settings) }))
}

/** When the whole turn's animation is over, in ms after it started. */
export function scheduleEnd(schedule: readonly ScheduledEvent[]): number {
  return schedule.reduce((end, s) => Math.max(end, s.delay + s.duration), 0)
}

export interface EventFrame {
  /** Expanding ring(s): radius in px (before ui scale) and alpha. */
  rings: { radius: number; alpha: number; width: number }[]
  /** Filled flash at the centre. */
  flash: { radius: number; alpha: number }
  /** Radial burst lines (incidents only). */
  spokes: { count: number; inner: number; outer: number; alpha: number }
  /** The centre mark (a small dot for pin pricks, a diamond for incidents). */
  core: { size: number; alpha: number }
  labelAlpha: number
}

const easeOut = (t: number): number => 1 - (1 - t) * (1 - t) * (1 - t)
const clamp01 = (t: number): number => Math.min(1, Math.max(0, t))
/** 0 → 1 over [a, b]. */
const phase = (t: number, a: number, b: number): number => clamp01((t - a) / (b - a))

/**
 * The look of an event `elapsed` ms into its `duration`, or null before it starts / after it ends.
 * Sizes are in unscaled pixels; the scene multiplies them by its ui scale.
 */
export function eventFrame(event: MapEvent, elapsed: number, duration: number, reducedMotion: boolean): EventFrame | null {
  if (elapsed < 0 || elapsed >= duration || duration <= 0) return null
  const t = elapsed / duration
  const severe = event.kind === 'incident' && event.severity === 2
  const size = event.kind === 'pin-prick' ? 1 : severe ? 1.75 : 1.25
  const none = { radius: 0, alpha: 0 }
  const noSpokes = { count: 0, inner: 0, outer: 0, alpha: 0 }

  if (reducedMotion) {
    // Static: full strength, then a short fade (opacity only, no movement).
    const alpha = 1 - phase(t, 0.85, 1)
    return {
      rings: [{ radius: 13 * size, alpha: 0.9 * alpha, width: severe ? 3 : 2 }],
      flash: none,
      spokes: noSpokes,
      core: { size: 4 * size, alpha },
      labelAlpha: event.kind === 'incident' ? alpha : 0,
    }
  }

  if (event.kind === 'pin-prick') {
    const ripple = (start: number): { radius: number; alpha: number; width: number } => {
      const p = phase(t, start, start + 0.65)
      return { radius: 3 + 15 * easeOut(p), alpha: p > 0 && p < 1 ? 0.95 * (1 - p) : 0, width: 2 }
    }
    return {
      rings: [ripple(0), ripple(0.3)],
      flash: none,
      spokes: noSpokes,
      core: { size: 3, alpha: 1 - phase(t, 0.7, 1) },
      labelAlpha: 0,
    }
  }

  const burst = phase(t, 0, 0.35)
  const rings = [{ radius: 6 + 26 * size * easeOut(phase(t, 0, 0.55)), alpha: 0.95 * (1 - phase(t, 0.05, 0.6)), width: severe ? 3 : 2.2 }]
  if (severe) {
    const p = phase(t, 0.18, 0.75)
    rings.push({ radius: 6 + 34 * size * easeOut(p), alpha: p > 0 ? 0.8 * (1 - p) : 0, width: 2 })
  }
  return {
    rings,
    flash: { radius: (9 + 6 * easeOut(burst)) * size, alpha: 0.95 * (1 - phase(t, 0, 0.28)) },
    spokes: {
      count: severe ? 12 : 8,
      inner: (7 + 12 * easeOut(burst)) * size,
      outer: (12 + 20 * easeOut(burst)) * size,
      alpha: 1 - phase(t, 0.12, 0.4),
    },
    core: { size: 5 * size * (severe ? 1.1 : 1), alpha: 1 - phase(t, 0.85, 1) },
    labelAlpha: phase(t, 0.05, 0.15) * (1 - phase(t, 0.85, 1)),
  }
}
