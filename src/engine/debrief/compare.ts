// Compare groups: several games of the same scenario and seed side by side — where they first diverged,
// how their outcomes differ, and which rules made the difference (the rules whose total effects over the
// game differ most between the games, each with its passage).
import type { CompiledScenario } from '../compiled.ts'
import { quasiAlliancePair, pairIndex } from '../compiled.ts'
import type { Match } from '../match.ts'
import { debriefOutcome } from './build.ts'
import { consequencesOf } from './consequences.ts'
import type { Divergence } from './divergence.ts'
import { divergenceOf } from './divergence.ts'
import type { CauseRef, DebriefOutcome, Passages } from './types.ts'
import { normalisedSize, passagesOf } from './words.ts'

export interface ComparedGame {
  /** How the teacher knows the game: a save's name, a group's name. */
  label: string
  match: Match
}

export interface GameSummary {
  label: string
  humans: string[]
  turnsPlayed: number
  outcome: DebriefOutcome
  scores: Record<string, number>
  /** Alignment of the scenario's quasi-alliance pair at the end, when it has one. */
  quasiPairAlignment: number | null
  meanTension: number
  hottest: { pair: [string, string]; tension: number }
}

export interface RuleDifference {
  rule: CauseRef
  /** How far apart the games' total effects of the rule are, summed over what it changed (common 0..1 scale). */
  spread: number
  /** The variable on which the games differ most, with each game's total effect on it. */
  largest: { variable: string; owners: string[]; perGame: number[] }
  passages: Passages
}

export interface GroupComparison {
  scenario: { id: string; version: string; hash: string; title: string }
  seed: number
  games: GameSummary[]
  /** Every pair of games (by index into `games`) and where they diverged. */
  pairs: ({ a: number; b: number } & Divergence)[]
  /** The earliest divergence among all pairs. */
  first: Divergence
  rules: RuleDifference[]
}

/** Why these games cannot be compared, or null. */
export function compareProblem(scn: CompiledScenario, games: readonly ComparedGame[]): string | null {
  if (games.length < 2) return 'choose at least two games to compare'
  const other = games.find((game) => game.match.start.scenario.hash !== scn.hash)
  if (other) return `“${other.label}” was played on other rules than “${games[0].label}”`
  const seed = games[0].match.setup.seed
  const reseeded = games.find((game) => game.match.setup.seed !== seed)
  if (reseeded) return `“${reseeded.label}” has seed ${reseeded.match.setup.seed}, not ${seed} like “${games[0].label}”`
  const empty = games.find((game) => game.match.turns.length === 0)
  if (empty) return `“${empty.label}” has no turn played`
  return null
}

function summary(scn: CompiledScenario, game: ComparedGame): GameSummary {
  const state = game.match.state
  const quasi = quasiAlliancePair(scn)
  let hottest = 0
  scn.pairActors.forEach((_, p) => {
    if (state.tension[p] > state.tension[hottest]) hottest = p
  })
  const [i, j] = scn.pairActors[hottest]
  return {
    label: game.label,
    humans: [...game.match.setup.humans],
    turnsPlayed: game.match.turns.length,
    outcome: debriefOutcome(scn, game.match),
    scores: { ...state.scores },
    quasiPairAlignment: quasi ? state.alignment[pairIndex(scn, quasi[0], quasi[1])] : null,
    meanTension: state.tension.reduce((sum, x) => sum + x, 0) / Math.max(1, state.tension.length),
    hottest: { pair: [scn.actorIds[i], scn.actorIds[j]], tension: state.tension[hottest] },
  }
}

/** Each rule's total effect over a game, per variable and owners. */
function ruleTotals(scn: CompiledScenario, match: Match): Map<string, Map<string, number>> {
  const totals = new Map<string, Map<string, number>>()
  for (const consequence of consequencesOf(scn, match)) {
    if (consequence.cause.kind !== 'rule') continue
    let byKey = totals.get(consequence.cause.id)
    if (!byKey) totals.set(consequence.cause.id, (byKey = new Map<string, number>()))
    for (const change of consequence.changes) {
      const key = `${change.variable}|${change.owners.join('|')}`
      byKey.set(key, (byKey.get(key) ?? 0) + change.delta)
    }
  }
  return totals
}

function ruleDifferences(scn: CompiledScenario, games: readonly ComparedGame[]): RuleDifference[] {
  const perGame = games.map((game) => ruleTotals(scn, game.match))
  const differences: RuleDifference[] = []
  for (const rule of scn.file.rules) {
    const keys = new Set(perGame.flatMap((totals) => [...(totals.get(rule.id)?.keys() ?? [])]))
    let spread = 0
    let largest: RuleDifference['largest'] | null = null
    let largestSize = -1
    for (const key of keys) {
      const values = perGame.map((totals) => totals.get(rule.id)?.get(key) ?? 0)
      const [variable, ...owners] = key.split('|')
      const size = normalisedSize(scn, variable, Math.max(...values) - Math.min(...values))
      spread += size
      if (size > largestSize) {
        largestSize = size
        largest = { variable, owners, perGame: values }
      }
    }
    if (spread > 0 && largest)
      differences.push({ rule: { id: rule.id, kind: 'rule', name: rule.name }, spread, largest, passages: passagesOf(scn, rule) })
  }
  return differences.sort((a, b) => b.spread - a.spread)
}

export function compareGames(scn: CompiledScenario, games: readonly ComparedGame[], topRules = 8): GroupComparison {
  const problem = compareProblem(scn, games)
  if (problem) throw new Error(problem)
  const pairs: GroupComparison['pairs'] = []
  for (let a = 0; a < games.length; a++) {
    for (let b = a + 1; b < games.length; b++) pairs.push({ a, b, ...divergenceOf(games[a].match, games[b].match) })
  }
  const earliest = (values: (number | null)[]) => {
    const found = values.filter((value): value is number => value !== null)
    return found.length > 0 ? Math.min(...found) : null
  }
  return {
    scenario: { id: scn.id, version: scn.version, hash: scn.hash, title: scn.file.title },
    seed: games[0].match.setup.seed,
    games: games.map((game) => summary(scn, game)),
    pairs,
    first: {
      firstDecisionTurn: earliest(pairs.map((pair) => pair.firstDecisionTurn)),
      firstStateTurn: earliest(pairs.map((pair) => pair.firstStateTurn)),
    },
    rules: ruleDifferences(scn, games).slice(0, topRules),
  }
}
