// The whole debrief of one game, from its scenario and match: a local game at its end, a loaded save, or
// a class's record replayed (rerunMatch on the class's setup and human turns gives the match).
import type { CompiledScenario } from '../compiled.ts'
import type { Match } from '../match.ts'
import { dateOfTurn } from '../state.ts'
import { claimsShownOf } from './claims-shown.ts'
import { causeSummaries, consequencesOf } from './consequences.ts'
import { objectivesOf } from './objectives.ts'
import { questionsOf } from './questions.ts'
import { rationalesOf } from './rationales.ts'
import { redLinesOf } from './red-lines.ts'
import { timelineOf } from './timeline.ts'
import type { Debrief, DebriefOutcome } from './types.ts'
import { listed, rungRef } from './words.ts'

export interface DebriefOptions {
  /** Names to show for actors instead of the scenario's (a class's team names: "Team Blue (United States)"). */
  names?: Readonly<Record<string, string>>
}

export function debriefOutcome(scn: CompiledScenario, match: Match): DebriefOutcome {
  const state = match.state
  const outcome = state.outcome
  const status = outcome ? outcome.reason : 'in-progress'
  const when = dateOfTurn(scn, Math.max(1, state.turn))
  const headline =
    status === 'armed-clash'
      ? `Armed clash in ${when}${state.clash ? ` between ${listed(state.clash.actors)}` : ''}: everyone loses`
      : status === 'turn-limit'
        ? `${when}: the last turn is played`
        : `The game goes on: ${state.turn} of ${state.turnLimit} turns played`
  return {
    status,
    turn: state.turn,
    headline,
    rung: rungRef(scn, state.rung),
    rigidity: state.rigidity,
    rigidBlocs: state.rigidBlocs,
    impasse: state.impasse,
    quasiAlliance: state.quasiAlliance,
    blocs: [[...state.blocs[0]], [...state.blocs[1]]],
  }
}

export function buildDebrief(scn: CompiledScenario, match: Match, options: DebriefOptions = {}): Debrief {
  const consequences = consequencesOf(scn, match)
  const names: Record<string, string> = {}
  for (const actor of scn.file.actors) names[actor.id] = options.names?.[actor.id] ?? actor.name
  return {
    format: 'red-lines-debrief',
    formatVersion: 1,
    scenario: { id: scn.id, version: scn.version, hash: scn.hash, title: scn.file.title },
    setup: {
      seed: match.setup.seed,
      turnLimit: match.setup.turnLimit,
      difficulty: match.setup.difficulty,
      humans: [...match.setup.humans],
    },
    names,
    outcome: debriefOutcome(scn, match),
    timeline: timelineOf(scn, match),
    redLines: redLinesOf(scn, match),
    consequences,
    causes: causeSummaries(scn, consequences),
    rationales: rationalesOf(scn, match),
    objectives: objectivesOf(scn, match),
    claims: claimsShownOf(scn, match),
    questions: questionsOf(scn, match, consequences),
  }
}
