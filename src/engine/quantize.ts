// Every state value lives on a binary grid of 2^-32. Sums and differences of grid values
// below 2^20 are exact in float64, so "start + every ledger delta = end" holds exactly.
const SCALE = 2 ** 32

export function quantize(value: number): number {
  return Math.round(value * SCALE) / SCALE
}

export function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value
}
