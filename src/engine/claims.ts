// Claims as tests: each claim of a scenario is played as paired games (the same seeds under the policy and
// its baseline), and holds when the mean effect is large enough and its 95% interval is on the claimed side.
// Sensitivity replays every claim with each assumed number moved ±20%, one at a time and jointly.
// Pure and deterministic: the work is a generator that yields after every game, so a caller can spread it
// over frames, show progress or stop; nothing here reads a clock.
import type { CompiledScenario } from './compiled.ts'
import { compileScenario, pairIndex } from './compiled.ts'
import type { GameRecord, ScriptedTurn } from './game.ts'
import { playGame } from './game.ts'
import { uniform } from './rng.ts'
import type { ParameterName, RuleKind, ScenarioFile } from './scenario/schema.ts'
import type { ClaimData, ClaimMeasureData, PolicyData } from './scenario/schema-claims.ts'
import { QUIET_BASELINE } from './scenario/schema-claims.ts'
import { policyChoices, scriptedTurnOf } from './policies.ts'

export { QUIET_BASELINE }
export type { ClaimData, PolicyData }

/** Mean, spread and a 95% interval of a sample (Student's t for small samples). */
export interface Interval {
  n: number
  mean: number
  sd: number
  se: number
  low: number
  high: number
}

// Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom.
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
]

/** The 0.975 quantile of Student's t with `df` degrees of freedom (tabled to 30, then a close series). */
export function tQuantile975(df: number): number {
  if (df < 1) return Infinity
  if (df <= 30) return T_975[Math.floor(df) - 1]
  const z = 1.959964
  // Cornish–Fisher expansion: within 0.001 of the exact value from 30 degrees of freedom up.
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df)
}

export function intervalOf(values: readonly number[]): Interval {
  const n = values.length
  if (n === 0) return { n, mean: NaN, sd: NaN, se: NaN, low: NaN, high: NaN }
  const mean = values.reduce((sum, x) => sum + x, 0) / n
  const sd = n > 1 ? Math.sqrt(values.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1)) : 0
  const se = sd / Math.sqrt(n)
  const half = se === 0 ? 0 : tQuantile975(n - 1) * se
  return { n, mean, sd, se, low: mean - half, high: mean + half }
}

/**
 * With a baseline: the effect (policy − baseline) is at least `minEffect` in the claimed direction and its
 * interval excludes 0. Without: the interval of the mean stays on the claimed side of `limit`.
 */
export function claimHolds(claim: ClaimData, interval: Interval): boolean {
  if (!Number.isFinite(interval.mean)) return false
  if (claim.baseline !== undefined) {
    const sign = claim.direction === 'higher' ? 1 : -1
    const minEffect = claim.minEffect ?? 0
    const excludesZero = claim.direction === 'higher' ? interval.low > 0 : interval.high < 0
    return sign * interval.mean >= minEffect && excludesZero
  }
  const limit = claim.limit ?? 0
  return claim.direction === 'lower' ? interval.high <= limit : interval.low >= limit
}

/** A claim's measure in one finished game, in the model's raw units. */
export function measureGame(scn: CompiledScenario, measure: ClaimMeasureData, record: GameRecord): number {
  const final = record.final
  const outcome = final.outcome
  switch (measure.kind) {
    case 'alignment':
      return final.alignment[pairIndex(scn, measure.pair[0], measure.pair[1])]
    case 'interdependence':
      return final.interdependence[pairIndex(scn, measure.pair[0], measure.pair[1])]
    case 'mean-tension': {
      const states = record.turns.length > 0 ? record.turns.map((turn) => turn.result.state) : [record.start]
      const pair = measure.pair ? pairIndex(scn, measure.pair[0], measure.pair[1]) : -1
      const of = (tension: readonly number[]) =>
        pair >= 0 ? tension[pair] : tension.reduce((sum, x) => sum + x, 0) / Math.max(1, tension.length)
      return states.reduce((sum, state) => sum + of(state.tension), 0) / states.length
    }
    case 'incidents':
      return record.turns.reduce((sum, turn) => sum + turn.result.incidents.length, 0) / Math.max(1, record.turns.length)
    case 'rigidity':
      return final.rigidity
    case 'rigid-blocs':
      return outcome?.rigidBlocs ? 1 : 0
    case 'quasi-alliance':
      return outcome?.quasiAlliance ? 1 : 0
    case 'armed-clash':
      return outcome?.armedClash ? 1 : 0
    case 'impasse':
      return outcome?.impasse ? 1 : 0
    case 'score':
      return outcome?.scores[measure.role] ?? 0
  }
}

/** The two sides of a claim: what the scripted actors do under the policy and under the baseline. */
export interface ClaimArms {
  policy: ScriptedTurn
  /** Null for an absolute claim. */
  baseline: ScriptedTurn | null
}

export function claimArms(file: ScenarioFile, claim: ClaimData): ClaimArms {
  const byId = new Map((file.policies ?? []).map((policy) => [policy.id, policy]))
  const policy = byId.get(claim.policy)
  const baseline = claim.baseline === undefined || claim.baseline === QUIET_BASELINE ? undefined : byId.get(claim.baseline)
  // Every actor either side names is scripted on both sides (passing where its side does not name it).
  const actors = [...new Set([...Object.keys(policy?.choices ?? {}), ...Object.keys(baseline?.choices ?? {})])]
  return {
    policy: scriptedTurnOf(policyChoices(policy), actors),
    baseline: claim.baseline === undefined ? null : scriptedTurnOf(policyChoices(baseline), actors),
  }
}

/** One game of one side of a claim, reduced to its measure. */
export function playClaimGame(scn: CompiledScenario, claim: ClaimData, side: ScriptedTurn, seed: number): number {
  const record = playGame(scn, {
    seed,
    turns: claim.turns,
    ledger: false,
    seats: { computer: new Set(claim.others === 'computer' ? scn.actorIds : []), difficulty: 'normal' },
    script: () => side,
  })
  return measureGame(scn, claim.measure, record)
}

export interface ClaimOutcome {
  claim: string
  holds: boolean
  /** The effect (policy − baseline) with a baseline; the policy's mean without. */
  effect: Interval
  policyMean: number
  baselineMean: number | null
}

/** Plays a claim for `runs` paired seeds from `seed`, yielding after every game. */
export function* runClaim(scn: CompiledScenario, claim: ClaimData, runs: number, seed: number): Generator<void, ClaimOutcome> {
  const arms = claimArms(scn.file, claim)
  const policyValues: number[] = []
  const baselineValues: number[] = []
  for (let k = 0; k < runs; k++) {
    const gameSeed = (seed + k) >>> 0
    policyValues.push(playClaimGame(scn, claim, arms.policy, gameSeed))
    yield
    if (arms.baseline) {
      baselineValues.push(playClaimGame(scn, claim, arms.baseline, gameSeed))
      yield
    }
  }
  const mean = (values: number[]) => values.reduce((sum, x) => sum + x, 0) / Math.max(1, values.length)
  const effect = intervalOf(arms.baseline ? policyValues.map((x, k) => x - baselineValues[k]) : policyValues)
  return {
    claim: claim.id,
    holds: claimHolds(claim, effect),
    effect,
    policyMean: mean(policyValues),
    baselineMean: arms.baseline ? mean(baselineValues) : null,
  }
}

/** A number the designer assumed (a parameter, or an effect of an item whose grounding states an assumption). */
export interface AssumedNumber {
  /** JSON pointer of the number in the scenario file. */
  pointer: string
  label: string
  value: number
  /** A count (turns, capital): moved to the next whole number, so that a perturbation always changes it. */
  whole?: true
}

/** Parameters that only one kind of rule reads: moving them tests nothing where the scenario lacks the rule. */
const PARAMETER_RULES: Partial<Record<ParameterName, readonly RuleKind[]>> = {
  balanceRate: ['balance'],
  stressAmplifier: ['balance'],
  interestPull: ['interests'],
  pactPull: ['pacts'],
  armsReactivity: ['arms'],
  armsCost: ['arms'],
  armsBase: ['arms'],
  tensionCooling: ['tension-cooling'],
  hostilityHeat: ['tension-hostility'],
  grievanceFading: ['grievance-fading'],
  standingFading: ['standing-fading'],
  autonomyCap: ['autonomy-cap'],
  autonomyMargin: ['autonomy-ceiling'],
  interdependenceFloor: ['interdependence-floor'],
  quasiAllianceThreshold: ['quasi-alliance'],
  rigidityThreshold: ['rigid-blocs'],
  rigidTurns: ['rigid-blocs'],
  impasseTension: ['impasse'],
  impasseMovement: ['impasse'],
  impasseTurns: ['impasse'],
  impasseSurcharge: ['impasse'],
}

/** Parameters that count whole things (turns, capital). */
const WHOLE_PARAMETERS: ReadonlySet<string> = new Set<ParameterName>(['rigidTurns', 'impasseTurns', 'impasseSurcharge'])

/** Sections of numbers that are each grounded like a parameter; only `parameters` is required. */
const PARAMETER_SECTIONS = ['parameters', 'computer'] as const

export function assumedNumbers(file: ScenarioFile): AssumedNumber[] {
  const numbers: AssumedNumber[] = []
  const loose = file as unknown as Record<string, unknown>
  for (const section of PARAMETER_SECTIONS) {
    const entries = loose[section]
    if (typeof entries !== 'object' || entries === null) continue
    for (const [name, entry] of Object.entries(entries as Record<string, { value?: unknown; assumption?: string }>)) {
      // Every parameter counts; other sections only where they state an assumption.
      if (typeof entry?.value !== 'number' || (section !== 'parameters' && entry.assumption === undefined)) continue
      const readBy = section === 'parameters' ? PARAMETER_RULES[name as ParameterName] : undefined
      if (readBy && !file.rules.some((rule) => readBy.includes(rule.kind) && rule.enabled !== false)) continue
      numbers.push({
        pointer: `/${section}/${name}/value`,
        label: `${section === 'parameters' ? 'parameter' : section} ${name}`,
        value: entry.value,
        ...(section === 'parameters' && WHOLE_PARAMETERS.has(name) ? { whole: true as const } : {}),
      })
    }
  }
  const effects = (
    kind: 'action' | 'rule',
    items: readonly { id: string; assumption?: string; effects?: readonly { delta: number }[] }[],
    base: string,
  ) =>
    items.forEach((item, i) => {
      if (item.assumption === undefined) return
      item.effects?.forEach((effect, k) =>
        numbers.push({ pointer: `${base}/${i}/effects/${k}/delta`, label: `${kind} ${item.id} effect ${k + 1}`, value: effect.delta }),
      )
    })
  effects('action', file.actions, '/actions')
  effects('rule', file.rules, '/rules')
  return numbers
}

/** A scenario with some assumed numbers scaled; the original is not changed. */
export function scaledFile(file: ScenarioFile, numbers: readonly AssumedNumber[], factors: ReadonlyMap<number, number>): ScenarioFile {
  const copy = JSON.parse(JSON.stringify(file)) as ScenarioFile
  for (const [index, factor] of factors) {
    const path = numbers[index].pointer.split('/').slice(1)
    let node = copy as unknown as Record<string, unknown>
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>
    const { value, whole } = numbers[index]
    const scaled = value * factor
    node[path[path.length - 1]] = whole ? (factor < 1 ? Math.floor(scaled) : Math.ceil(scaled)) : scaled
  }
  return copy
}

export interface Perturbation {
  kind: 'one' | 'joint'
  label: string
  /** Index into the assumed numbers → factor. */
  factors: Map<number, number>
}

export const PERTURBATION = 0.2

/** Each number ×0.8 and ×1.2 alone, then `joint` points with every number ×U(0.8, 1.2) drawn from `seed`. */
export function perturbations(numbers: readonly AssumedNumber[], joint: number, seed: number): Perturbation[] {
  const list: Perturbation[] = []
  numbers.forEach((number, index) => {
    for (const factor of [1 - PERTURBATION, 1 + PERTURBATION])
      list.push({ kind: 'one', label: `${number.label} ×${factor.toFixed(1)}`, factors: new Map([[index, factor]]) })
  })
  for (let point = 0; point < joint; point++) {
    const factors = new Map(numbers.map((_, index) => [index, 1 - PERTURBATION + 2 * PERTURBATION * uniform(seed, 0x5e75, point, index)]))
    list.push({ kind: 'joint', label: `joint sample ${point + 1}`, factors })
  }
  return list
}

export interface Sensitivity {
  oneAtATime: { total: number; holding: number; share: number; broken: string[] }
  joint: { total: number; holding: number; share: number }
}

export interface ClaimReport extends ClaimOutcome {
  statement: string
  sensitivity?: Sensitivity
}

export interface ClaimsReport {
  scenario: { id: string; version: string; hash: string }
  runs: number
  seed: number
  claims: ClaimReport[]
  /** With sensitivity: how many numbers were moved, and the size of the joint sample. */
  assumed?: { numbers: number; joint: number }
}

export interface ClaimsOptions {
  runs: number
  seed: number
  sensitivity?: boolean
  /** Points of the joint sample (default 64). */
  joint?: number
  /** Only these claims (by id); all when omitted. */
  only?: readonly string[]
}

export interface ClaimsProgress {
  done: number
  total: number
}

function gamesPerClaim(claim: ClaimData, runs: number): number {
  return claim.baseline === undefined ? runs : 2 * runs
}

/**
 * Tests the scenario's claims (and with `sensitivity`, under every perturbation), yielding progress after
 * every game; the return value is the report. Each perturbed scenario is compiled once for all claims.
 */
export function* testClaims(scn: CompiledScenario, options: ClaimsOptions): Generator<ClaimsProgress, ClaimsReport> {
  const claims = (scn.file.claims ?? []).filter((claim) => !options.only || options.only.includes(claim.id))
  const numbers = options.sensitivity ? assumedNumbers(scn.file) : []
  const joint = options.joint ?? 64
  const variants = options.sensitivity ? perturbations(numbers, joint, options.seed) : []
  const perVariant = claims.reduce((sum, claim) => sum + gamesPerClaim(claim, options.runs), 0)
  const progress: ClaimsProgress = { done: 0, total: perVariant * (1 + variants.length) }

  const reports: ClaimReport[] = []
  for (const claim of claims) {
    const run = runClaim(scn, claim, options.runs, options.seed)
    let step = run.next()
    while (!step.done) {
      progress.done += 1
      yield { ...progress }
      step = run.next()
    }
    reports.push({ ...step.value, statement: claim.statement })
  }
  if (options.sensitivity) {
    const tallies = claims.map(() => ({ one: 0, oneHolding: 0, broken: [] as string[], joint: 0, jointHolding: 0 }))
    for (const variant of variants) {
      const compiled = compileScenario(scaledFile(scn.file, numbers, variant.factors), scn.sources, scn.hash)
      for (const [c, claim] of claims.entries()) {
        const run = runClaim(compiled, claim, options.runs, options.seed)
        let step = run.next()
        while (!step.done) {
          progress.done += 1
          yield { ...progress }
          step = run.next()
        }
        const tally = tallies[c]
        if (variant.kind === 'one') {
          tally.one += 1
          if (step.value.holds) tally.oneHolding += 1
          else tally.broken.push(variant.label)
        } else {
          tally.joint += 1
          if (step.value.holds) tally.jointHolding += 1
        }
      }
    }
    tallies.forEach((tally, c) => {
      reports[c].sensitivity = {
        oneAtATime: {
          total: tally.one,
          holding: tally.oneHolding,
          share: tally.one > 0 ? tally.oneHolding / tally.one : 1,
          broken: tally.broken,
        },
        joint: { total: tally.joint, holding: tally.jointHolding, share: tally.joint > 0 ? tally.jointHolding / tally.joint : 1 },
      }
    })
  }
  return {
    scenario: { id: scn.id, version: scn.version, hash: scn.hash },
    runs: options.runs,
    seed: options.seed,
    claims: reports,
    ...(options.sensitivity ? { assumed: { numbers: numbers.length, joint } } : {}),
  }
}

/** Runs a generator to its end (for callers that need not yield). */
export function finish<Result>(work: Generator<unknown, Result>): Result {
  for (;;) {
    const step = work.next()
    if (step.done) return step.value
  }
}
