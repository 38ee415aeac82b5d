// The sections of the debrief page, each from the debrief data: the outcome, the timeline, red lines,
// objectives, rationales, the scenario's claims and the questions for discussion.
import type { CompiledScenario } from '../../../engine/index.ts'
import type { ClaimVerdict, Debrief } from '../../../engine/debrief/index.ts'
import { h } from '../dom.ts'
import type { OnRead } from './debrief-parts.ts'
import { cellList, passagesView, section, table } from './debrief-parts.ts'

const percent = (share: number) => `${Math.round(share * 100)}%`

export function outcomeSection(debrief: Debrief): HTMLElement {
  const o = debrief.outcome
  const name = (id: string) => debrief.names[id] ?? id
  return section(
    'debrief-outcome',
    'Outcome',
    h('p', { className: 'headline' }, o.headline),
    h(
      'ul',
      {},
      h('li', {}, `Escalation ladder at the end: ${o.rung.name}`),
      h('li', {}, `Final blocs: ${o.blocs[0].map(name).join(', ')} versus ${o.blocs[1].map(name).join(', ') || 'nobody'}`),
      h('li', {}, `Bloc rigidity: ${Math.round(o.rigidity)} of 100; rigid blocs: ${o.rigidBlocs ? 'yes' : 'no'}`),
      h('li', {}, `Impasse: ${o.impasse ? 'yes' : 'no'}; quasi-alliance: ${o.quasiAlliance ? 'yes' : 'no'}`),
    ),
  )
}

export function timelineSection(debrief: Debrief): HTMLElement {
  const rows = debrief.timeline.map((turn) => {
    const of = (...kinds: string[]) => turn.events.filter((event) => kinds.includes(event.kind)).map((event) => event.text)
    const ladder = turn.rung.index === turn.rungBefore.index ? turn.rung.name : `${turn.rungBefore.name} → ${turn.rung.name}`
    return [`${turn.turn}`, turn.date, ladder, cellList(of('inject', 'pin-prick')), cellList(of('incident', 'armed-clash'))]
  })
  return section(
    'debrief-timeline',
    'Timeline of pin pricks and incidents',
    h(
      'p',
      { className: 'note' },
      'A pin prick is an action near a rival that raises the chance of a dangerous incident between them this turn; an incident is what nobody chose.',
    ),
    table(
      'Turn by turn: the ladder, the pin pricks and the incidents',
      ['Turn', 'Date', 'Ladder', 'Pin pricks and injected events', 'Incidents'],
      rows,
    ),
  )
}

export function redLinesSection(scn: CompiledScenario, debrief: Debrief, onRead: OnRead): HTMLElement {
  const { redLines } = debrief
  const name = (id: string) => debrief.names[id] ?? id
  const rows = redLines.pairs.map((pair) => [
    pair.pair.map(name).join('–'),
    String(pair.tested),
    String(pair.held),
    String(pair.crossed),
    pair.firstCrossed === null ? '—' : `turn ${pair.firstCrossed}`,
    pair.status === 'crossed' ? 'Crossed' : 'Held',
  ])
  return section(
    'debrief-red-lines',
    'Red lines: tested, held, crossed',
    h('h3', {}, 'How this debrief reads them'),
    h(
      'ul',
      { className: 'definition' },
      redLines.definition.map((line) => h('li', {}, line)),
    ),
    rows.length > 0
      ? table(
          'Each pair whose red line was tested or crossed (turns)',
          ['Pair', 'Tested', 'Held', 'Crossed', 'First crossed', 'Over the game'],
          rows,
        )
      : h('p', {}, 'No red line was tested and none was crossed: no pin prick and no incident in this game.'),
    redLines.clash
      ? h(
          'p',
          { className: 'alert' },
          `Armed clash between ${redLines.clash.actors.map(name).join(' and ')} in turn ${redLines.clash.turn}: every side loses.`,
        )
      : null,
    h('h3', {}, 'The escalation ladder'),
    h(
      'p',
      {},
      `The highest rung reached: ${redLines.highest.name}${redLines.highest.turn > 0 ? ` (turn ${redLines.highest.turn})` : ' (at the start)'}.`,
    ),
    redLines.ladder.length > 0
      ? h(
          'ol',
          { className: 'ladder-steps' },
          redLines.ladder.map((step) =>
            h(
              'li',
              {},
              h('p', {}, `Turn ${step.turn}: ${step.to.index > step.from.index ? 'up' : 'down'} from ${step.from.name} to ${step.to.name}`),
              passagesView(step.passages, onRead),
            ),
          ),
        )
      : h('p', {}, `The ladder never moved from ${scn.file.ladder[debrief.outcome.rung.index].name}.`),
  )
}

export function objectivesSection(debrief: Debrief, onRead: OnRead): HTMLElement {
  return section(
    'debrief-objectives',
    'Objectives met',
    h(
      'p',
      { className: 'note' },
      'Each objective as it stands at the end, toward its goal; it counts as met at 50% or more. Points are the role’s score for the game.',
    ),
    debrief.objectives.map((role) =>
      h(
        'div',
        { className: `role-result${role.human ? ' human' : ''}` },
        h(
          'h3',
          {},
          `${debrief.names[role.actor] ?? role.name}${role.human ? ' (played by people)' : ' (computer)'}: ${Math.round(role.score)} points`,
        ),
        table(
          `Objectives of ${role.name}: ${role.objectives.filter((o) => o.met).length} of ${role.objectives.length} met`,
          ['Objective', 'Weight', 'Toward the goal', 'Met'],
          role.objectives.map((objective) => [
            objective.description,
            String(objective.weight),
            percent(objective.attainment),
            objective.met ? 'Met' : 'Not met',
          ]),
        ),
        role.human
          ? h(
              'details',
              { className: 'objective-passages' },
              h('summary', {}, `The passages behind ${role.name}’s objectives`),
              role.objectives.map((objective) =>
                h('div', {}, h('h4', {}, objective.description), passagesView(objective.passages, onRead)),
              ),
            )
          : null,
      ),
    ),
  )
}

export function rationalesSection(debrief: Debrief): HTMLElement {
  const humans = debrief.setup.humans
  return section(
    'debrief-rationales',
    'Rationales',
    debrief.rationales.length === 0
      ? h('p', {}, 'No rationale was written in this game. In a class, each team can write one with its choices every turn.')
      : null,
    humans.map((actor) => {
      const own = debrief.rationales.filter((entry) => entry.actor === actor)
      if (own.length === 0 && debrief.rationales.length === 0) return null
      return h(
        'div',
        { className: 'rationales', 'data-actor': actor },
        h('h3', {}, debrief.names[actor] ?? actor),
        own.length === 0
          ? h('p', {}, 'No rationale written.')
          : h(
              'ol',
              {},
              own.map((entry) =>
                h(
                  'li',
                  { value: entry.turn },
                  h('p', {}, h('strong', {}, `Turn ${entry.turn} (${entry.date}). `), `Chose: ${entry.choices.join('; ') || 'nothing'}.`),
                  h('p', { className: 'rationale-text' }, entry.text),
                  entry.paragraph !== undefined
                    ? h(
                        'div',
                        { className: 'cited-paragraph' },
                        h('p', { className: 'note' }, `Cites paragraph ${entry.paragraph}:`),
                        entry.paragraphText
                          ? h('blockquote', {}, entry.paragraphText)
                          : h('p', { className: 'note' }, 'The source has no such paragraph.'),
                      )
                    : null,
                ),
              ),
            ),
      )
    }),
  )
}

const VERDICTS: Record<ClaimVerdict, string> = {
  consistent: 'Shown in this game',
  'not-seen': 'Not seen in this game',
  'not-played': 'Not played',
  'not-shown-by-one-game': 'Not shown by one game',
}

export function claimsSection(debrief: Debrief, onRead: OnRead): HTMLElement {
  return section(
    'debrief-claims',
    'The scenario’s claims in this game',
    debrief.claims.length === 0 ? h('p', {}, 'The scenario states no claims.') : null,
    h(
      'ul',
      { className: 'claims-shown' },
      debrief.claims.map((claim) =>
        h(
          'li',
          { 'data-claim': claim.claim, 'data-verdict': claim.verdict },
          h('h3', {}, `${VERDICTS[claim.verdict]}: ${claim.statement}`),
          h('p', {}, claim.reading),
          passagesView(claim.passages, onRead),
        ),
      ),
    ),
  )
}

export function questionsSection(debrief: Debrief, onRead: OnRead): HTMLElement {
  return section(
    'debrief-questions',
    'Questions for discussion',
    h('p', { className: 'note' }, 'One question for each kind of rule that acted in this game, with the rule and its passage.'),
    h(
      'ol',
      { className: 'questions' },
      debrief.questions.map((question) =>
        h(
          'li',
          { 'data-kind': question.kind },
          h('p', { className: 'question' }, question.question),
          h('p', { className: 'note' }, `Rule: ${question.rule.name}. ${question.context}`),
          passagesView(question.passages, onRead),
        ),
      ),
    ),
  )
}
