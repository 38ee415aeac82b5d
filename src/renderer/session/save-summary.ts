// What the Load screen says about a save: its scenario, the powers played, the turn, the score and when it
// was saved, all read from the save's own data. The score needs the save's rules: its state is replayed from
// the recorded orders (no computer player is asked), so listing is cheap and matches the loaded game.
import type { CompiledScenario } from '../../engine/index.ts'
import { replayGame } from '../../engine/index.ts'
import type { SavePayload } from '../../shared/save-format.ts'

export interface SaveSummary {
  /** The scenario's title, or its id when its rules are not at hand. */
  scenario: string
  /** The powers the humans play, by name (ids when the rules are not at hand). */
  roles: string[]
  /** "Turn 4 of 12", or "Over after turn 12 of 12". */
  turn: string
  /** Each human power's score, when the rules are at hand. */
  scores: { role: string; score: number }[] | null
  /** When it was saved, in words ("2 December 2026, 04:40"), or null when the save's time cannot be read. */
  savedAt: string | null
}

export function formatSavedAt(savedAt: string): string | null {
  const date = new Date(savedAt)
  if (Number.isNaN(date.getTime())) return null
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })
}

/** `scenario`: the exact rules the save was played on (its hash), or null when they cannot be found. */
export function summariseSave(payload: SavePayload, scenario: CompiledScenario | null): SaveSummary {
  const { game } = payload
  const nameOf = (actor: string) => scenario?.file.actors.find((each) => each.id === actor)?.name ?? actor
  const played = game.orders.length
  const state = scenario ? replayGame(scenario, game.seed, game.turnLimit, game.orders) : null
  const over = state ? state.outcome !== null : played >= game.turnLimit
  return {
    scenario: scenario?.file.title ?? payload.scenario.id,
    roles: game.humans.map(nameOf),
    turn: over ? `Over after turn ${played} of ${game.turnLimit}` : `Turn ${played + 1} of ${game.turnLimit}`,
    scores:
      state && scenario
        ? game.humans.map((actor) => ({
            role: nameOf(actor),
            score: Math.round(state.scores[scenario.roleByActor[actor]?.id ?? ''] ?? 0),
          }))
        : null,
    savedAt: formatSavedAt(payload.savedAt),
  }
}

/** One line for the list: "Pin Pricks · United States · Turn 4 of 12 · score 57 · saved 2 December 2026, 04:40". */
export function summaryLine(summary: SaveSummary): string {
  const scores = summary.scores
    ? summary.scores.length === 1
      ? `score ${summary.scores[0].score}`
      : `scores ${summary.scores.map((each) => `${each.role} ${each.score}`).join(', ')}`
    : 'score unknown (its rules are not available)'
  return [
    summary.scenario,
    summary.roles.join(' and ') || 'no human power',
    summary.turn,
    scores,
    summary.savedAt && `saved ${summary.savedAt}`,
  ]
    .filter(Boolean)
    .join(' · ')
}
