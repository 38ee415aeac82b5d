// `redlines batch --from SAVE [--games N] [--choose ROLE=action[:targets][+partners]]... [--json]`: the game's
// "What could happen?" from the command. N games from the save's position to the end with one power's plan for
// the next turn (the --choose flags; none: passing) and N passing, side by side: the engine's whatCouldHappen,
// so the numbers are those the game shows for the same save, plan and N.
import type { Choice, CompiledScenario, EndingDistribution, OutcomePlan } from '../engine/index.ts'
import {
  DEFAULT_OUTCOME_GAMES,
  MAX_OUTCOME_GAMES,
  compareOutcomes,
  outcomeProblem,
  outcomeSamples,
  playOutcomeGame,
} from '../engine/index.ts'
import { describeChoice } from '../engine/debrief/index.ts'
import type { BatchFlags } from './batch.ts'
import { parseChoose, rolesOf } from './counterfactual.ts'
import { CliError, UsageError } from './errors.ts'
import { integerFlag } from './options.ts'
import type { Output } from './output.ts'
import { openSavedGame } from './saved-game.ts'

/** Flags of a plain batch that a saved game fixes or that do not apply to it, and why. */
const NOT_WITH_SAVE: [keyof BatchFlags, string][] = [
  ['runs', 'use --games N for the number of games from the save'],
  ['seed', 'the save fixes the seed (each game’s seed derives from it)'],
  ['turns', 'the save fixes the number of turns'],
  ['difficulty', 'the save fixes the computer players’ level'],
  ['level', 'the save fixes the computer players’ levels'],
  ['script', 'give the plan with --choose'],
  ['others', 'the computer plays everyone after the next turn'],
  ['lens', 'the save names the scenario it was played on'],
  ['jsonl', 'use --json'],
  ['csv', 'use --json'],
  ['workers', 'the games from a save are played in this process'],
]

export interface BatchFromFlags {
  from?: string
  games?: string
  choose?: string[]
}

/** The plan the --choose flags give: one power's choices (none, or ROLE=pass: passing). */
function planOf(scn: CompiledScenario, raw: readonly string[], humans: readonly string[]): OutcomePlan {
  const roles = rolesOf(scn, raw.map(parseChoose))
  if (roles.length > 1) throw new UsageError(`--choose names ${roles.map((role) => role.actor).join(' and ')}: the plan is one power’s`)
  const actor = roles[0]?.actor ?? humans[0]
  return { actor, choices: roles[0]?.choices ?? [] }
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`.padStart(7)
const score = (side: EndingDistribution, role: string) => {
  const spread = side.scores[role]
  return `${spread.mean.toFixed(1)} ± ${spread.spread.toFixed(1)}`.padStart(13)
}

export async function batchFrom(flags: BatchFlags & BatchFromFlags, out: Output): Promise<number> {
  if (flags.from === '') throw new UsageError('--from needs a save file')
  for (const [flag, why] of NOT_WITH_SAVE)
    if (flags[flag] !== undefined) throw new UsageError(`--${flag} cannot be used with --from: ${why}`)
  const games = integerFlag('games', flags.games, DEFAULT_OUTCOME_GAMES, 1, MAX_OUTCOME_GAMES)
  for (const raw of flags.choose ?? []) parseChoose(raw)
  const saved = await openSavedGame(flags.from!, flags.scenario)
  for (const warning of saved.warnings) out.err(warning)
  const { scenario: scn, match, payload } = saved
  if (match.state.outcome) throw new CliError(`${flags.from}: the saved game is over; there is nothing left to play`)
  const plan = planOf(scn, flags.choose ?? [], match.setup.humans)
  const problem = outcomeProblem(scn, match, plan, games)
  if (problem) throw new UsageError(`${flags.from}: ${problem}`)
  const samples = outcomeSamples(games)
  out.progress(0, samples.length)
  const endings = samples.map((sample, k) => {
    const ending = playOutcomeGame(scn, match, plan, sample.side, sample.index)
    out.progress(k + 1, samples.length)
    return ending
  })
  const comparison = compareOutcomes(scn, match, plan, endings)
  if (flags.json) {
    out.line(
      JSON.stringify({
        scenario: { id: scn.id, version: scn.version, hash: scn.hash },
        save: { name: payload.name, turnsPlayed: match.turns.length, humans: match.setup.humans },
        seed: match.setup.seed,
        planned: plan.choices,
        ...comparison,
      }),
    )
    return 0
  }
  const planText = plan.choices.length > 0 ? plan.choices.map((choice: Choice) => describeChoice(scn, choice)).join('; ') : 'passing'
  out.line(
    `${scn.file.title} (${scn.id} ${scn.version}): the save "${payload.name}", from turn ${comparison.fromTurn}; ${games} games to the end each way, seeds derived from the game's seed ${match.setup.seed}`,
  )
  out.line(`Plan of ${plan.actor}: ${planText}`)
  out.line(`                      ${'the plan'.padStart(13)}  ${'passing'.padStart(13)}`)
  const rows: [string, keyof EndingDistribution['endings']][] = [
    ['rigid blocs', 'rigidBlocs'],
    ['impasse', 'impasse'],
    ['quasi-alliance', 'quasiAlliance'],
    ['armed clash', 'armedClash'],
  ]
  for (const [name, key] of rows)
    out.line(
      `  ${name.padEnd(20)}${percent(comparison.plan.endings[key]).padStart(13)}  ${percent(comparison.passing.endings[key]).padStart(13)}`,
    )
  for (const role of scn.roles)
    out.line(`  score ${role.actor.padEnd(14)}${score(comparison.plan, role.id)}  ${score(comparison.passing, role.id)}`)
  out.line(
    `  mean turns played   ${comparison.plan.meanTurns.toFixed(1).padStart(13)}  ${comparison.passing.meanTurns.toFixed(1).padStart(13)}`,
  )
  return 0
}
