// Counter-based chance: every draw is a pure hash of (seed, counter or tags), so adding
// a choice never shifts another draw, and the generator's whole state is two integers.

function mix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x7feb352d)
  h ^= h >>> 15
  h = Math.imul(h, 0x846ca68b)
  h ^= h >>> 16
  return h >>> 0
}

/** A uniform number in [0, 1) determined by the seed and the integer keys alone. */
export function uniform(seed: number, ...keys: number[]): number {
  let h = mix32(seed ^ 0x9e3779b9)
  for (const key of keys) h = mix32((h + Math.imul(key | 0, 0x85ebca6b)) ^ 0xc2b2ae35)
  const high = mix32(h ^ 0x27d4eb2f) >>> 11 // 21 bits
  const low = mix32(h + 0x165667b1) // 32 bits
  return (high * 0x100000000 + low) / 2 ** 53
}

export interface RngState {
  seed: number
  counter: number
}

/** Draws from a sequential stream whose position lives in the game state. */
export function nextUniform(rng: RngState, stream: number): number {
  const value = uniform(rng.seed, stream, rng.counter)
  rng.counter += 1
  return value
}

export const RNG_TAGS = { incident: 1, severity: 2, clash: 3, ai: 4 } as const

/** Normalises any user-given seed to an unsigned 32-bit integer. */
export function normaliseSeed(seed: number): number {
  if (!Number.isFinite(seed)) return 0
  return Math.trunc(seed) >>> 0
}
