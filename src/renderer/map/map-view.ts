// What the map shows, computed by the session from the game state. The map scene only draws this:
// it never reads the engine or decides anything.

export interface MapActor {
  id: string
  name: string
  lon: number
  lat: number
  /** 0 or 1: which of the two blocs the actor is in. */
  bloc: 0 | 1
  /** Readiness 0..1, drawn as the size of the marker's ring. */
  readiness: number
  /** Whether a human plays this actor (highlighted). */
  human: boolean
  /** What hover, focus and the list of powers say about it: a heading line, then facts with last turn's change. */
  details: string[]
}

export interface MapLink {
  a: string
  b: string
  /** −1..1: colour (rival → friend) and weight. */
  alignment: number
  /** 0..1: drawn as a dashed glow on hot pairs. */
  tension: number
  /** What hover, focus and the list of pairs say about it: a heading line, then facts with last turn's change. */
  details: string[]
}

export interface MapEvent {
  kind: 'pin-prick' | 'incident'
  /** 1 minor, 2 severe (incidents); pin pricks are 1. */
  severity: 1 | 2
  lon: number
  lat: number
  /** Short text for the label and the screen-reader summary, e.g. "Incident: CHN–JPN, Sea of Japan". */
  label: string
}

export interface MapView {
  actors: MapActor[]
  links: MapLink[]
  /** Animated once when a new turn's view arrives. */
  events: MapEvent[]
  /** Bumps each time a turn is resolved, so the scene knows to replay the events. */
  turn: number
}

/** The two blocs' names, indexed by `MapActor.bloc`. */
export const BLOC_NAMES = ['Bloc A', 'Bloc B'] as const

/** A power or a pair the player points at or focuses: highlighted on the map, described in words. */
export type MapTarget = { kind: 'actor'; id: string } | { kind: 'link'; a: string; b: string }

export function sameTarget(p: MapTarget | null, q: MapTarget | null): boolean {
  if (!p || !q) return p === q
  if (p.kind === 'actor') return q.kind === 'actor' && p.id === q.id
  if (q.kind === 'actor') return false
  return (p.a === q.a && p.b === q.b) || (p.a === q.b && p.b === q.a)
}

export interface MapSettings {
  reducedMotion: boolean
  /** 0.5 (slow) .. 2 (fast). */
  animationSpeed: number
  /** Okabe–Ito palette instead of the default red/blue. */
  colourBlindSafe: boolean
  /** Labels' size relative to the normal text size (the player's text-size setting); 1 when absent. */
  textScale?: number
}
