// The player's objectives, all turn long: the score's points each earns of the most it can, the measure and
// its goal, its change over the last turn and the change the plan is expected to bring.
import type { CompiledScenario, ObjectiveStatus } from '../../engine/index.ts'
import { goalText, points } from '../session/forecast-view.ts'
import { h } from './dom.ts'

/** The panel's content: a heading with the score as the objectives add it up, and one line per objective. */
export function objectivesPanel(scn: CompiledScenario, status: readonly ObjectiveStatus[], planned: readonly number[]): Node[] {
  if (status.length === 0)
    return [h('h2', { id: 'objectives-title' }, 'Objectives'), h('p', { className: 'note' }, 'This power has no role.')]
  const total = status.reduce((sum, objective) => sum + objective.points, 0)
  const clash = scn.file.rules.some((rule) => rule.kind === 'incidents')
  const nodes: (HTMLElement | null)[] = [
    h('h2', { id: 'objectives-title' }, `Your objectives: ${Math.round(total)} of 100 now`),
    h(
      'ul',
      { className: 'objective-list' },
      status.map((objective, k) =>
        h(
          'li',
          { 'data-objective': objective.id },
          h('span', { className: 'objective-name' }, objective.description),
          h('span', { className: 'objective-points' }, `${objective.points.toFixed(1)} of ${objective.maxPoints.toFixed(0)} pts`),
          h(
            'span',
            { className: 'objective-goal' },
            [
              goalText(objective),
              objective.change === null ? '' : `last turn ${points(objective.change)}`,
              Math.abs(planned[k] ?? 0) >= 0.05 ? `your plan ${points(planned[k])}` : '',
            ]
              .filter(Boolean)
              .join(' · '),
          ),
        ),
      ),
    ),
    clash ? h('p', { className: 'note' }, 'An armed clash scores 0 for everyone.') : null,
  ]
  return nodes.filter((node) => node !== null)
}
