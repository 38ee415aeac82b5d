// A small deterministic generator (xorshift), so each game of a property test is reproducible from its number.
export function pseudoRandom(seed: number): () => number {
  let x = seed * 2654435761 + 1
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 2 ** 32
  }
}
