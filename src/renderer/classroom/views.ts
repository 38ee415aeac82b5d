// What the class screens say, computed from the class's views and the mirrored match (pure: tested without a
// browser). No team's plan appears here except the teacher's own view of them.
import type { CompiledScenario } from '../../engine/index.ts'
import type { ClassView, SeatView, TeamView } from '../../shared/classroom-protocol.ts'
import { describeEffect } from '../ui/cards.ts'
import { actorName, describeChoice } from '../session/view-models.ts'

/** "2 of 3 teams have submitted: Dragons, Bears. Not yet: Eagles." — names only, never plans. */
export function readySummary(teams: readonly TeamView[]): string {
  const ready = teams.filter((team) => team.ready).map((team) => team.name)
  const waiting = teams.filter((team) => !team.ready).map((team) => team.name)
  const head = `${ready.length} of ${teams.length} team${teams.length === 1 ? ' has' : 's have'} submitted`
  if (waiting.length === 0) return `${head}.`
  return `${head}${ready.length ? `: ${ready.join(', ')}` : ''}. Not yet: ${waiting.join(', ')}.`
}

/** A team as the class sees it: "Dragons (China) · 2 devices · submitted". */
export function teamLine(scn: CompiledScenario | null, team: TeamView, phase: ClassView['phase']): string {
  const power = scn ? actorName(scn, team.actor) : team.actor
  const devices = team.devices === 0 ? 'no device connected' : `${team.devices} device${team.devices === 1 ? '' : 's'}`
  const state = phase === 'planning' ? (team.ready ? ' · submitted' : ' · planning') : ''
  return `${team.name} (${power}) · ${devices}${state}`
}

export interface QuestionView {
  key: string
  title: string
  effects: string[]
  answer: boolean | null
}

/** A joint action proposed to the team: who proposes what, and what it would do. */
export function questionView(scn: CompiledScenario, question: SeatView['questions'][number]): QuestionView {
  const action = scn.actionById[question.choice.action]?.data
  return {
    key: question.key,
    title: `${actorName(scn, question.proposer)} proposes: ${describeChoice(scn, question.choice)}`,
    effects: action ? action.effects.map((effect) => describeEffect(scn, effect)) : [],
    answer: question.answer,
  }
}

/** The class's phase in a sentence for the people in it. */
export function phaseSentence(view: ClassView): string {
  if (view.paused) return 'The teacher has paused the class.'
  switch (view.phase) {
    case 'lobby':
      return 'Waiting for the teacher to start the class.'
    case 'planning':
      return `Turn ${view.turn}: the teams are planning.`
    case 'answering':
      return `Turn ${view.turn}: partners are answering joint proposals.`
    case 'over':
      return 'The game is over.'
  }
}

/** A rationale's cited paragraph, read from the scenario's first source (the engine verified its text on load). */
export function citedParagraph(scn: CompiledScenario, paragraph: number | undefined): { source: string; text: string } | null {
  if (!paragraph) return null
  const source = scn.file.sources[0]
  const text = source ? scn.sources[source.id]?.[paragraph - 1] : undefined
  return source && text ? { source: source.title, text } : null
}
