// What a re-run on changed rules did, in lines for the player: the turns replayed and every choice the
// new rules refused, with the reason.
import type { CompiledScenario } from '../../engine/index.ts'
import type { RerunSession } from '../session/session.ts'
import { describeChoice } from '../session/view-models.ts'

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

/** `named` describes the dropped choices (the rules they were made under, when known). */
export function rerunNotice(rerun: RerunSession, named: CompiledScenario, opening: string): string[] {
  const { session, dropped, turnsNotPlayed } = rerun
  const replayed = session.history.length
  const lines = [
    `${opening} ${plural(replayed, 'turn', 'turns')} replayed from turn 1 with the same seed (${session.seed}); the computer chose afresh.`,
  ]
  if (turnsNotPlayed > 0)
    lines.push(`The game ended sooner on these rules: ${plural(turnsNotPlayed, 'recorded turn was', 'recorded turns were')} not played.`)
  if (dropped.length === 0) lines.push('Every choice you had made is still allowed and was kept.')
  else {
    lines.push(`${plural(dropped.length, 'choice was', 'choices were')} not carried out:`)
    for (const { turn, rejection } of dropped) lines.push(`Turn ${turn}: ${describeChoice(named, rejection.choice)} — ${rejection.reason}.`)
  }
  return lines
}
