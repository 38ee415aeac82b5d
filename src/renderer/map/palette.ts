// Colours for the map. Two palettes with the same roles: the default one, and Okabe–Ito for
// colour-blind players. Every role that carries meaning is also drawn with a second cue (dash,
// shape, size or label), so nothing depends on telling two colours apart.

export interface MapPalette {
  /** Canvas clear colour behind everything. */
  sea: string
  /** Lighter sea near the centre of the view. */
  seaGlow: string
  graticule: string
  land: string
  coast: string
  border: string
  /** The two blocs, indexed by `MapActor.bloc`. */
  blocs: readonly [string, string]
  /** Link colours: rivalry from weak to strong, friendship from weak to strong. */
  rivalWeak: string
  rivalStrong: string
  friendWeak: string
  friendStrong: string
  /** Glow under pairs whose tension is high. */
  hot: string
  pinPrick: string
  incident: string
  /** Severe incidents' flash core. */
  flash: string
  human: string
  /** The power or pair the player points at or focuses (the page's focus colour). */
  focus: string
  label: string
  labelDim: string
  /** Dark halo behind text and marker outlines. */
  halo: string
}

export const DEFAULT_PALETTE: MapPalette = {
  sea: '#08111d',
  seaGlow: '#0d1a2b',
  graticule: '#13223a',
  land: '#1d2b3c',
  coast: '#3a5069',
  border: '#2e4057',
  blocs: ['#f2a93b', '#2ec4b6'],
  rivalWeak: '#f59e0b',
  rivalStrong: '#ef3f4a',
  friendWeak: '#93c5fd',
  friendStrong: '#3b82f6',
  hot: '#ff5a36',
  pinPrick: '#fbbf24',
  incident: '#ff4d4f',
  flash: '#fff4d6',
  human: '#ffffff',
  focus: '#ffd166',
  label: '#e6edf5',
  labelDim: '#8fa3bb',
  halo: '#060c15',
}

/** Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision deficiencies. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const

export const COLOUR_BLIND_PALETTE: MapPalette = {
  ...DEFAULT_PALETTE,
  blocs: [OKABE_ITO.yellow, OKABE_ITO.bluishGreen],
  rivalWeak: OKABE_ITO.orange,
  rivalStrong: OKABE_ITO.vermillion,
  friendWeak: OKABE_ITO.skyBlue,
  friendStrong: OKABE_ITO.blue,
  hot: OKABE_ITO.vermillion,
  pinPrick: OKABE_ITO.orange,
  incident: OKABE_ITO.vermillion,
  flash: '#ffffff',
  human: '#ffffff',
}

export function paletteFor(settings: { colourBlindSafe: boolean }): MapPalette {
  return settings.colourBlindSafe ? COLOUR_BLIND_PALETTE : DEFAULT_PALETTE
}

/** '#rrggbb' → 0xrrggbb, for Phaser's numeric colours. */
export function hexToInt(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex)
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`)
  return parseInt(m[1], 16)
}

export function intToHex(value: number): string {
  return '#' + (value & 0xffffff).toString(16).padStart(6, '0')
}

/** Linear blend of two '#rrggbb' colours in sRGB, t in 0..1. */
export function mixHex(from: string, to: string, t: number): string {
  const a = hexToInt(from)
  const b = hexToInt(to)
  const k = Math.min(1, Math.max(0, t))
  const channel = (shift: number): number => {
    const x = (a >> shift) & 0xff
    const y = (b >> shift) & 0xff
    return Math.round(x + (y - x) * k)
  }
  return intToHex((channel(16) << 16) | (channel(8) << 8) | channel(0))
}

/** '#rrggbb' with an alpha, as a CSS colour for canvas 2D drawing. */
export function rgba(hex: string, alpha: number): string {
  const v = hexToInt(hex)
  return `rgba(${(v >> 16) & 0xff},${(v >> 8) & 0xff},${v & 0xff},${Math.min(1, Math.max(0, alpha))})`
}
