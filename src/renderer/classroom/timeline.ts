// The class's timeline: each resolved turn with what the teams ordered, who passed, what the teacher injected,
// and — once revealed — every team's rationale with the paragraph it cites, quoted from the article.
import type { CompiledScenario } from '../../engine/index.ts'
import type { ClassView } from '../../shared/classroom-protocol.ts'
import { actorName, describeChoice, turnDate } from '../session/view-models.ts'
import { h } from '../ui/dom.ts'
import { citedParagraph } from './views.ts'

function teamOf(view: ClassView, actor: string): string {
  return view.teams.find((team) => team.actor === actor)?.name ?? actor
}

export function classTimeline(scn: CompiledScenario, view: ClassView, headingLevel: 'h2' | 'h3' = 'h2'): HTMLElement {
  const injectName = (id: string) => scn.file.injects?.find((inject) => inject.id === id)?.name ?? id
  return h(
    'section',
    { className: 'class-timeline', 'aria-labelledby': 'timeline-title' },
    h(headingLevel, { id: 'timeline-title' }, 'Timeline'),
    view.turns.length === 0 ? h('p', { className: 'note' }, 'No turn has been played yet.') : null,
    h(
      'ol',
      { className: 'timeline-turns' },
      view.turns.map((turn) =>
        h(
          'li',
          { 'data-turn': turn.turn },
          h('h3', {}, `Turn ${turn.turn} — ${turnDate(scn, turn.turn)}`),
          turn.injects?.length ? h('p', {}, `Event injected: ${turn.injects.map(injectName).join(', ')}`) : null,
          h(
            'ul',
            {},
            turn.choices.length
              ? turn.choices.map((choice) => h('li', {}, `${teamOf(view, choice.actor)}: ${describeChoice(scn, choice)}`))
              : h('li', {}, 'No team ordered anything.'),
            turn.passed.map((actor) =>
              h('li', { className: 'note' }, `${teamOf(view, actor)} (${actorName(scn, actor)}) did not submit in time and passed.`),
            ),
          ),
          turn.rationales
            ? h(
                'div',
                { className: 'rationales' },
                h('h4', {}, 'Rationales'),
                turn.rationales.length === 0 ? h('p', { className: 'note' }, 'No team wrote one.') : null,
                turn.rationales.map((rationale) => {
                  const cited = citedParagraph(scn, rationale.paragraph)
                  return h(
                    'div',
                    { className: 'rationale', 'data-actor': rationale.actor },
                    h('p', {}, h('strong', {}, `${teamOf(view, rationale.actor)} (${actorName(scn, rationale.actor)}): `), rationale.text),
                    cited
                      ? h(
                          'figure',
                          { className: 'cited' },
                          h('blockquote', {}, cited.text),
                          h(
                            'figcaption',
                            { className: 'note' },
                            `${cited.source}, paragraph ${rationale.paragraph} (quoted from the article)`,
                          ),
                        )
                      : rationale.paragraph
                        ? h('p', { className: 'note' }, `Cites paragraph ${rationale.paragraph}, which the article does not have.`)
                        : null,
                  )
                }),
              )
            : h('p', { className: 'note' }, 'Rationales are shown once the teacher reveals the turn.'),
        ),
      ),
    ),
  )
}
