// `redlines simulate`: one game, as readable turn summaries or one JSON document.
import { playGame } from '../engine/index.ts'
import {
  checkTurnsForm,
  difficultyFlag,
  integerFlag,
  levelActorsCheck,
  levelFlags,
  levelsText,
  othersFlag,
  quasiAlliancePair,
  requireScenario,
  turnsFlag,
} from './options.ts'
import { loadScenarioFromDisk } from './load-from-disk.ts'
import { lensTarget } from './resolve-base.ts'
import { gameDocument, turnSummary } from './report.ts'
import type { Script } from './script.ts'
import { readScript, scriptedTurn } from './script.ts'
import type { Output } from './output.ts'
import { counterfactual } from './counterfactual.ts'
import { UsageError } from './errors.ts'

export interface SimulateFlags {
  scenario?: string
  lens?: string
  seed?: string
  turns?: string
  difficulty?: string
  script?: string
  others?: string
  /** The computer's level for one power, ACTOR=LEVEL (repeatable). */
  level?: string[]
  json?: boolean
  /** A saved game to play again from --turn with --choose and --rule-off (see counterfactual.ts). */
  from?: string
  turn?: string
  choose?: string[]
  'rule-off'?: string[]
}

export async function simulate(flags: SimulateFlags, out: Output): Promise<number> {
  if (flags.from !== undefined || flags.turn !== undefined || flags.choose !== undefined || flags['rule-off'] !== undefined) {
    if (flags.level !== undefined) throw new UsageError('--level does not apply to --from: a saved game keeps its levels')
    return counterfactual(flags, out)
  }
  // Every flag that can be checked without the scenario is checked before anything is read.
  const target = requireScenario(flags.scenario)
  const seed = integerFlag('seed', flags.seed, 1, 0, 0xffffffff)
  const difficulty = difficultyFlag(flags.difficulty)
  const computerOthers = othersFlag(flags.others)
  const levels = levelFlags(flags.level)
  checkTurnsForm(flags.turns)
  const { scenario: scn, warnings } = await loadScenarioFromDisk(await lensTarget(target, flags.lens))
  for (const warning of warnings) out.err(warning)
  const turns = turnsFlag(flags.turns, scn)
  levelActorsCheck(levels, scn)
  const script: Script | null = flags.script ? await readScript(flags.script, scn) : null

  const quasiPair = quasiAlliancePair(scn)
  if (!flags.json)
    out.line(
      `${scn.file.title} (${scn.id} ${scn.version}), seed ${seed}, ${turns} turns, computer: ${computerOthers ? `${difficulty}${levelsText(levels)}` : 'none'}`,
    )
  const {
    start,
    turns: played,
    final: state,
  } = playGame(scn, {
    seed,
    turns,
    // The readable summary needs it too: it says what took effect where a limit held a push back.
    ledger: true,
    seats: { computer: new Set(computerOthers ? scn.actorIds : []), difficulty, levels },
    script: (turn) => scriptedTurn(script?.get(turn)),
    onTurn: (turn) => {
      if (!flags.json) for (const line of turnSummary(scn, turn, quasiPair)) out.line(line)
    },
  })
  if (flags.json) {
    out.line(JSON.stringify(gameDocument(scn, seed, start, played, state)))
  } else {
    const o = state.outcome!
    out.line(
      `Outcome: ${o.armedClash ? `ARMED CLASH on turn ${o.turn} — everyone loses` : `turn limit reached after ${o.turn} turns`}; rigid blocs: ${o.rigidBlocs ? 'yes' : 'no'}; impasse: ${o.impasse ? 'yes' : 'no'}; quasi-alliance: ${o.quasiAlliance ? 'yes' : 'no'}`,
    )
  }
  return 0
}
