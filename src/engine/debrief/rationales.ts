// Each human role's reasons, turn by turn, with the paragraph it cited (of the scenario's first source)
// and what it chose that turn. Rationales are never read by the rules; they are kept for the debrief.
import type { CompiledScenario } from '../compiled.ts'
import type { Match } from '../match.ts'
import { dateOfTurn } from '../state.ts'
import type { RationaleEntry } from './types.ts'
import { describeChoice, paragraphText } from './words.ts'

export function rationalesOf(scn: CompiledScenario, match: Match): RationaleEntry[] {
  const firstSource = scn.file.sources[0]?.id
  return match.turns.flatMap(({ decisions, result }) =>
    (decisions.rationales ?? []).map((rationale) => {
      const entry: RationaleEntry = {
        turn: result.turn,
        date: dateOfTurn(scn, result.turn),
        actor: rationale.actor,
        text: rationale.text,
        choices: decisions.choices.filter((choice) => choice.actor === rationale.actor).map((choice) => describeChoice(scn, choice)),
      }
      if (rationale.paragraph !== undefined) {
        entry.paragraph = rationale.paragraph
        entry.paragraphText = firstSource === undefined ? null : paragraphText(scn, firstSource, rationale.paragraph)
      }
      return entry
    }),
  )
}
