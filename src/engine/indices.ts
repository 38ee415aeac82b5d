// Derived indices: the two blocs, their rigidity and the heat of the hottest cross-bloc pair.
import type { CompiledScenario } from './compiled.ts'

export interface BlocSplit {
  /** side[i] is 0 or 1; the side holding the first actor is 0. */
  side: number[]
  /** Capability-weighted frustrated share, 0 (perfectly balanced) .. 1. */
  frustration: number
}

/**
 * The split of the actors into two camps with the least capability-weighted frustration
 * (a positive pair split apart or a negative pair kept together), checked exactly over all
 * 2^(n-1) bipartitions. Ties go to the lowest mask, so the result is deterministic.
 */
export function bestSplit(scn: CompiledScenario, alignment: readonly number[]): BlocSplit {
  const { n, capability } = scn
  const { first, second } = pairEnds(scn)
  const pairs = first.length
  const weights = WEIGHTS.length >= pairs ? WEIGHTS : (WEIGHTS = new Float64Array(pairs))
  // Per pair: 1 when frustrated on the same side (a < 0), 0 when frustrated apart (a > 0), -1 never (a = 0).
  const frustratedWhenSame = SAME.length >= pairs ? SAME : (SAME = new Int8Array(pairs))
  let total = 0
  for (let p = 0; p < pairs; p++) {
    const a = alignment[p]
    weights[p] = capability[first[p]] * capability[second[p]] * Math.abs(a)
    total += weights[p]
    frustratedWhenSame[p] = a < 0 ? 1 : a > 0 ? 0 : -1
  }
  let bestMask = 0
  let bestEnergy = Infinity
  for (let mask = 0; mask < 1 << (n - 1); mask++) {
    // Actor 0 is always on side 0, so bit k of the mask is the side of actor k + 1: bit i of `sides` is actor i's.
    const sides = mask << 1
    let energy = 0
    for (let p = 0; p < pairs; p++) {
      const same = ((sides >> first[p]) ^ (sides >> second[p])) & 1 ? 0 : 1
      if (frustratedWhenSame[p] === same) energy += weights[p]
      if (energy >= bestEnergy) break
    }
    if (energy < bestEnergy) {
      bestEnergy = energy
      bestMask = mask
    }
  }
  const side = new Array<number>(n)
  for (let k = 0; k < n; k++) side[k] = k === 0 ? 0 : (bestMask >> (k - 1)) & 1
  return { side, frustration: total > 0 ? bestEnergy / total : 0 }
}

// Working arrays of bestSplit, reused across calls.
let WEIGHTS = new Float64Array(64)
let SAME = new Int8Array(64)

const endsByScenario = new WeakMap<CompiledScenario, { first: Int32Array; second: Int32Array }>()

/** Each pair's two actors as typed arrays (made once per scenario). */
function pairEnds(scn: CompiledScenario): { first: Int32Array; second: Int32Array } {
  let ends = endsByScenario.get(scn)
  if (!ends) {
    ends = { first: Int32Array.from(scn.pairActors, ([i]) => i), second: Int32Array.from(scn.pairActors, ([, j]) => j) }
    endsByScenario.set(scn, ends)
  }
  return ends
}

/** Weighted share of balanced triads: Σ max(0, a_ij a_jk a_ki) / Σ |a_ij a_jk a_ki|. */
export function balancedTriadShare(scn: CompiledScenario, alignment: readonly number[]): number {
  const { n, pairOf } = scn
  let balanced = 0
  let total = 0
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const aij = alignment[pairOf[i * n + j]]
      for (let k = j + 1; k < n; k++) {
        const product = aij * alignment[pairOf[j * n + k]] * alignment[pairOf[k * n + i]]
        total += Math.abs(product)
        if (product > 0) balanced += product
      }
    }
  }
  return total > 0 ? balanced / total : 1
}

export interface BlocStats {
  withinAlignment: number
  crossAlignment: number
  crossTension: number
  hottestCrossTension: number
}

export function blocStats(
  scn: CompiledScenario,
  side: readonly number[],
  alignment: readonly number[],
  tension: readonly number[],
): BlocStats {
  let within = 0
  let withinCount = 0
  let cross = 0
  let crossTension = 0
  let hottest = 0
  let crossCount = 0
  let hottestAny = 0
  const { pairActors } = scn
  for (let p = 0; p < pairActors.length; p++) {
    const pair = pairActors[p]
    hottestAny = Math.max(hottestAny, tension[p])
    if (side[pair[0]] === side[pair[1]]) {
      within += alignment[p]
      withinCount++
    } else {
      cross += alignment[p]
      crossTension += tension[p]
      hottest = Math.max(hottest, tension[p])
      crossCount++
    }
  }
  return {
    withinAlignment: withinCount > 0 ? within / withinCount : 0,
    crossAlignment: crossCount > 0 ? cross / crossCount : 0,
    crossTension: crossCount > 0 ? crossTension / crossCount : 0,
    // With everyone in one camp there is no cross-bloc pair: the ladder reads the hottest pair of all.
    hottestCrossTension: crossCount > 0 ? hottest : hottestAny,
  }
}

/**
 * Bloc rigidity 0..100 (paragraph 35's "rigid blocs"): how far mean alignment inside the blocs
 * stands above mean alignment across them, times the weighted share of balanced triads.
 */
export function blocRigidity(stats: BlocStats, balancedShare: number, bothSidesOccupied: boolean): number {
  if (!bothSidesOccupied) return 0
  const separation = Math.min(1, Math.max(0, (stats.withinAlignment - stats.crossAlignment) / 2))
  return 100 * separation * balancedShare
}

/** The ladder rung with hysteresis: climb when heat reaches a rung's `up`, fall below its `down`. */
export function ladderRung(ladder: readonly { up: number; down: number }[], current: number, heat: number, maxStepsDown: number): number {
  let rung = Math.min(Math.max(0, current), ladder.length - 1)
  while (rung + 1 < ladder.length && heat >= ladder[rung + 1].up) rung++
  let stepsDown = 0
  while (rung > 0 && heat < ladder[rung].down && stepsDown < maxStepsDown) {
    rung--
    stepsDown++
  }
  return rung
}
