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
}

export interface MapLink {
  a: string
  b: string
  /** −1..1: colour (rival → friend) and weight. */
  alignment: number
  /** 0..1: drawn as a dashed glow on hot pairs. */
  tension: number
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

export interface MapSettings {
  reducedMotion: boolean
  /** 0.5 (slow) .. 2 (fast). */
  animationSpeed: number
  /** Okabe–Ito palette instead of the default red/blue. */
  colourBlindSafe: boolean
}
