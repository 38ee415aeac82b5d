// The game as a security dilemma, measured: for each role, what its scenario-declared policies score
// against the computer players, among passive powers and among hostile ones; whether some firm policy
// beats passing; whether everyone's restraint beats everyone's firmness; and how far a role's choice
// moves the world.
// Pure and deterministic, like the rest of the engine; it yields after every game so that callers can
// show progress or slice the work.
import type { Choice } from './choices.ts'
import type { CompiledScenario } from './compiled.ts'
import { pairIndex, quasiAlliancePair } from './compiled.ts'
import type { GameRecord, ScriptedTurn } from './game.ts'
import { playGame } from './game.ts'
import type { PolicyData } from './scenario/schema-claims.ts'
import { policyChoices, scriptedTurnOf } from './policies.ts'

/**
 * The situations a role's policy is played in: the others played by the computer, all passing, or all
 * taking their most tempting firm policy (found against the computer first).
 */
export const SITUATIONS = ['computer', 'quiet', 'hostile'] as const
export type Situation = (typeof SITUATIONS)[number]

/** The implicit policy of doing nothing. */
export const PASS = 'pass'

export interface PolicyResult {
  policy: string
  name: string
  /** Some act of the policy is tagged hostile or military: a measure that makes others less safe. */
  firm: boolean
  /** Mean whole-game score of the role, by situation. */
  score: Record<Situation, number>
  /** Against the computer players: mean final alignment of the quasi-alliance pair, share of games ending in one. */
  pairAlignment: number
  quasiAlliance: number
  /** Against the computer players: the role's mean tension with the powers it is in contact with, and incidents involving it per turn. */
  neighbourhoodTension: number
  incidents: number
  armedClash: number
}

export interface RoleDilemma {
  role: string
  actor: string
  policies: PolicyResult[]
  /** The best policy in each situation. */
  best: Record<Situation, string>
  /** Some firm policy outscores passing against the computer players. */
  firmPays: boolean
  /** The best policy is not the same in every situation. */
  noSingleBest: boolean
  /** The spread, over the role's policies, of what it moves (against the computer players). */
  spread: { pairAlignment: number; quasiAlliance: number; neighbourhoodTension: number; incidents: number }
}

export interface MutualResult {
  /** Every actor passes every turn. */
  restraint: Record<string, number>
  /** Every actor takes its most tempting firm policy (its best firm policy against the computer). */
  hostility: Record<string, number>
  hostilityPolicies: Record<string, string>
  /** Roles that score more under mutual restraint than under mutual hostility. */
  restraintBetter: string[]
}

export interface DilemmaReport {
  scenario: { id: string; version: string }
  runs: number
  turns: number
  seed: number
  roles: RoleDilemma[]
  mutual: MutualResult
  summary: { roles: number; firmPays: number; restraintBetter: number; noSingleBest: number }
}

export interface DilemmaOptions {
  runs: number
  turns: number
  seed: number
}

export interface DilemmaProgress {
  done: number
  total: number
}

/** The single-actor policies the scenario declares for `actor`, after the implicit "pass". */
export function policiesOf(scn: CompiledScenario, actor: string): PolicyData[] {
  const own = (scn.file.policies ?? []).filter((policy) => {
    const named = Object.keys(policy.choices)
    return named.length === 1 && named[0] === actor
  })
  return [{ id: PASS, name: 'Pass', description: 'Do nothing every turn.', choices: { [actor]: [] } }, ...own]
}

function isFirm(scn: CompiledScenario, choices: readonly Choice[]): boolean {
  return choices.some((choice) => {
    const tags = scn.actionById[choice.action]?.tagSet
    return tags !== undefined && (tags.has('hostile') || tags.has('military'))
  })
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((sum, x) => sum + x, 0) / values.length)

function play(scn: CompiledScenario, turn: ScriptedTurn, computer: boolean, seed: number, turns: number): GameRecord {
  return playGame(scn, {
    seed,
    turns,
    ledger: false,
    seats: { computer: new Set(computer ? scn.actorIds : []), difficulty: 'normal' },
    script: () => turn,
  })
}

function neighbourPairs(scn: CompiledScenario, actor: string): number[] {
  const i = scn.actorIndex[actor]
  const pairs: number[] = []
  for (let j = 0; j < scn.n; j++) if (j !== i && scn.contact[scn.pairOf[i * scn.n + j]]) pairs.push(scn.pairOf[i * scn.n + j])
  return pairs
}

interface GameFacts {
  score: number
  pairAlignment: number
  quasiAlliance: number
  neighbourhoodTension: number
  incidents: number
  armedClash: number
}

function factsOf(record: GameRecord, roleId: string, actor: string, pair: number, neighbours: number[]): GameFacts {
  const turns = Math.max(1, record.turns.length)
  let tension = 0
  let incidents = 0
  for (const { result } of record.turns) {
    if (neighbours.length > 0) tension += mean(neighbours.map((p) => result.state.tension[p]))
    incidents += result.incidents.filter((incident) => incident.actors.includes(actor)).length
  }
  return {
    score: record.final.scores[roleId] ?? 0,
    pairAlignment: pair >= 0 ? record.final.alignment[pair] : 0,
    quasiAlliance: record.final.quasiAlliance ? 1 : 0,
    neighbourhoodTension: tension / turns,
    incidents: incidents / turns,
    armedClash: record.final.clash ? 1 : 0,
  }
}

const spreadOf = (values: number[]) => Math.max(...values) - Math.min(...values)

function bestOf(results: readonly PolicyResult[], situation: Situation): string {
  // Ties go to the first listed (pass first): a policy must do strictly better to be best.
  return results.reduce((best, r) => (r.score[situation] > best.score[situation] ? r : best)).policy
}

interface Arm {
  role: { id: string; actor: string }
  policy: PolicyData
  choices: Choice[]
  facts: Record<Situation, GameFacts[]>
}

/** Plays every role's policies in every situation and the mutual arms; yields after every game. */
export function* analyseDilemma(scn: CompiledScenario, options: DilemmaOptions): Generator<DilemmaProgress, DilemmaReport> {
  const { runs, turns, seed } = options
  const seeds = Array.from({ length: runs }, (_, k) => (seed + k) >>> 0)
  const quasi = quasiAlliancePair(scn)
  const pair = quasi ? pairIndex(scn, quasi[0], quasi[1]) : -1
  const roles = scn.roles.filter((role, k) => scn.roles.findIndex((other) => other.actor === role.actor) === k)
  const arms: Arm[] = roles.flatMap((role) =>
    policiesOf(scn, role.actor).map((policy) => ({
      role: { id: role.id, actor: role.actor },
      policy,
      choices: policyChoices(policy),
      facts: { computer: [], quiet: [], hostile: [] },
    })),
  )
  const total = runs * (arms.length * SITUATIONS.length + 2)
  let done = 0
  const playArm = function* (arm: Arm, situation: Situation, others: readonly Choice[]): Generator<DilemmaProgress> {
    const turn = scriptedTurnOf([...arm.choices, ...others], situation === 'computer' ? [arm.role.actor] : scn.actorIds)
    const neighbours = neighbourPairs(scn, arm.role.actor)
    for (const gameSeed of seeds) {
      const record = play(scn, turn, situation === 'computer', gameSeed, turns)
      arm.facts[situation].push(factsOf(record, arm.role.id, arm.role.actor, pair, neighbours))
      done++
      yield { done, total }
    }
  }
  for (const arm of arms) {
    yield* playArm(arm, 'computer', [])
    yield* playArm(arm, 'quiet', [])
  }
  // Each role's most tempting firm policy: its best firm policy against the computer players.
  const tempting = new Map<string, Arm>()
  for (const arm of arms) {
    if (!isFirm(scn, arm.choices)) continue
    const current = tempting.get(arm.role.actor)
    if (!current || mean(arm.facts.computer.map((f) => f.score)) > mean(current.facts.computer.map((f) => f.score)))
      tempting.set(arm.role.actor, arm)
  }
  const hostileOthers = (actor: string) => [...tempting.values()].filter((arm) => arm.role.actor !== actor).flatMap((arm) => arm.choices)
  for (const arm of arms) yield* playArm(arm, 'hostile', hostileOthers(arm.role.actor))

  const results: RoleDilemma[] = roles.map((role) => {
    const own = arms.filter((arm) => arm.role.actor === role.actor)
    const policyResults: PolicyResult[] = own.map((arm) => {
      const against = arm.facts.computer
      return {
        policy: arm.policy.id,
        name: arm.policy.name,
        firm: isFirm(scn, arm.choices),
        score: {
          computer: mean(against.map((f) => f.score)),
          quiet: mean(arm.facts.quiet.map((f) => f.score)),
          hostile: mean(arm.facts.hostile.map((f) => f.score)),
        },
        pairAlignment: mean(against.map((f) => f.pairAlignment)),
        quasiAlliance: mean(against.map((f) => f.quasiAlliance)),
        neighbourhoodTension: mean(against.map((f) => f.neighbourhoodTension)),
        incidents: mean(against.map((f) => f.incidents)),
        armedClash: mean(against.map((f) => f.armedClash)),
      }
    })
    const passing = policyResults[0]
    const best = Object.fromEntries(SITUATIONS.map((situation) => [situation, bestOf(policyResults, situation)])) as Record<
      Situation,
      string
    >
    return {
      role: role.id,
      actor: role.actor,
      policies: policyResults,
      best,
      firmPays: policyResults.some((r) => r.firm && r.score.computer > passing.score.computer),
      noSingleBest: new Set(Object.values(best)).size > 1,
      spread: {
        pairAlignment: spreadOf(policyResults.map((r) => r.pairAlignment)),
        quasiAlliance: spreadOf(policyResults.map((r) => r.quasiAlliance)),
        neighbourhoodTension: spreadOf(policyResults.map((r) => r.neighbourhoodTension)),
        incidents: spreadOf(policyResults.map((r) => r.incidents)),
      },
    }
  })

  const mutualScores = (choices: readonly Choice[]): Record<string, number> => {
    const totals: Record<string, number[]> = {}
    const turn = scriptedTurnOf(choices, scn.actorIds)
    for (const gameSeed of seeds) {
      const record = play(scn, turn, false, gameSeed, turns)
      for (const role of results) (totals[role.role] ??= []).push(record.final.scores[role.role] ?? 0)
    }
    return Object.fromEntries(Object.entries(totals).map(([id, values]) => [id, mean(values)]))
  }
  const restraint = mutualScores([])
  done += runs
  yield { done, total }
  const hostility = mutualScores([...tempting.values()].flatMap((arm) => arm.choices))
  done += runs
  yield { done, total }
  const restraintBetter = results.filter((r) => restraint[r.role] > hostility[r.role]).map((r) => r.role)
  const hostilityPolicies = Object.fromEntries([...tempting].map(([actor, arm]) => [actor, arm.policy.id]))

  return {
    scenario: { id: scn.id, version: scn.version },
    runs,
    turns,
    seed,
    roles: results,
    mutual: { restraint, hostility, hostilityPolicies, restraintBetter },
    summary: {
      roles: results.length,
      firmPays: results.filter((r) => r.firmPays).length,
      restraintBetter: restraintBetter.length,
      noSingleBest: results.filter((r) => r.noSingleBest).length,
    },
  }
}
