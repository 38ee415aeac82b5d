// Two timelines of the same game side by side (the game and a what-if, or two groups' games): turn by
// turn, what each did and what happened, and whether their states were still the same after the turn.
import type { CompiledScenario } from '../compiled.ts'
import type { Match } from '../match.ts'
import { timelineOf } from './timeline.ts'
import type { TimelineTurn } from './types.ts'

export interface SideBySideRow {
  turn: number
  left: TimelineTurn | null
  right: TimelineTurn | null
  /** Whether the two states after this turn are the same (false where only one game played it). */
  same: boolean
}

export function sideBySide(leftScenario: CompiledScenario, left: Match, rightScenario: CompiledScenario, right: Match): SideBySideRow[] {
  const leftTimeline = timelineOf(leftScenario, left)
  const rightTimeline = timelineOf(rightScenario, right)
  const turns = Math.max(leftTimeline.length, rightTimeline.length)
  return Array.from({ length: turns }, (_, index) => ({
    turn: index + 1,
    left: leftTimeline[index] ?? null,
    right: rightTimeline[index] ?? null,
    same:
      index < left.turns.length &&
      index < right.turns.length &&
      JSON.stringify(left.turns[index].result.state) === JSON.stringify(right.turns[index].result.state),
  }))
}

/** A turn in one line: its rung, its actions, its pin pricks and incidents. */
export function turnLine(turn: TimelineTurn): string {
  const incidents = turn.events.filter((event) => event.kind === 'incident').length
  const pricks = turn.events.filter((event) => event.kind === 'pin-prick').length
  const clash = turn.events.some((event) => event.kind === 'armed-clash')
  return `${turn.rung.name}; ${turn.orders.length} action${turn.orders.length === 1 ? '' : 's'}, ${pricks} pin prick${pricks === 1 ? '' : 's'}, ${incidents} incident${incidents === 1 ? '' : 's'}${clash ? '; ARMED CLASH' : ''}`
}
