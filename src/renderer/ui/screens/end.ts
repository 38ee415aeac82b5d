// The end: the outcome, who met their objectives, the final blocs, a timeline, and the debrief export.
import type { GameState } from '../../../engine/index.ts'
import { measureValue } from '../../../engine/index.ts'
import { actorName, quasiAlliancePairNames, turnDate } from '../../session/view-models.ts'
import type { App, Screen } from '../app.ts'
import { announce, button, h } from '../dom.ts'
import { timelineCsv } from '../export.ts'
import type { GameNotice } from '../notice.ts'
import { noticeView } from '../notice.ts'
import { playtest } from '../playtest.ts'
import { newGameScreen } from './new-game.ts'
import { titleScreen } from './title.ts'

/** " (mean of the 12 turns; last turn 58)" where a game is scored on the mean of its turns. */
function scoreNote(state: GameState, roleId: string, byMean: boolean): string {
  if (!byMean) return ''
  return ` (mean of the ${state.turnLimit} turns; last turn ${Math.round(state.turnScores[roleId] ?? 0)})`
}

/** `notice`: what a Playtest or a re-run did (it may end the game sooner). */
export function endScreen(notice?: GameNotice): Screen {
  return {
    name: 'end',
    title: 'Outcome',
    render(app: App) {
      const session = app.session!
      const scn = session.scenario
      const state = session.state
      const outcome = state.outcome
      const headline = !outcome
        ? 'The game goes on'
        : outcome.armedClash
          ? `Armed clash in ${turnDate(scn, outcome.turn)}: everyone loses`
          : `${turnDate(scn, outcome.turn)}: the last turn is played`
      const byMean = scn.file.turns.scoring === 'mean'
      const exportTimeline = async () => {
        const result = await app.host.exportFile(`red-lines-${scn.id}-seed-${session.seed}.csv`, timelineCsv(session))
        announce(result.ok ? 'Timeline exported.' : `Export failed: ${result.message}`)
      }
      return h(
        'main',
        { className: 'end' },
        h('h1', {}, headline),
        noticeView(notice),
        h(
          'ul',
          { className: 'outcome' },
          h('li', {}, `Rigid blocs: ${state.rigidBlocs ? 'yes' : 'no'} (rigidity ${Math.round(state.rigidity)} of 100)`),
          h('li', {}, `Impasse: ${state.impasse ? 'yes' : 'no'}`),
          quasiAlliancePairNames(scn)
            ? h('li', {}, `Quasi-alliance of ${quasiAlliancePairNames(scn)}: ${state.quasiAlliance ? 'yes' : 'no'}`)
            : null,
          h('li', {}, `Final blocs: ${state.blocs[0].join(', ')} versus ${state.blocs[1].join(', ') || 'nobody'}`),
          h('li', {}, `Escalation ladder: ${scn.file.ladder[state.rung].name}`),
        ),
        h(
          'section',
          { 'aria-labelledby': 'objectives-title' },
          h('h2', { id: 'objectives-title' }, 'Objectives'),
          h(
            'p',
            { className: 'note' },
            byMean
              ? 'Points are the mean of every turn’s score over the whole game (a turn cut off by an armed clash scores 0); each objective is shown as it stands at the end.'
              : 'Points are the score of the last turn; each objective is shown as it stands at the end.',
          ),
          scn.roles.map((role) =>
            h(
              'div',
              { className: `role-result${session.humans.includes(role.actor) ? ' human' : ''}` },
              h(
                'h3',
                {},
                `${role.name}${session.humans.includes(role.actor) ? ' (you)' : ''}: ${Math.round(state.scores[role.id] ?? 0)} points${scoreNote(state, role.id, byMean)}`,
              ),
              h(
                'ul',
                {},
                role.objectives.map((objective) => {
                  const value = Math.min(1, Math.max(0, measureValue(scn, state, objective.measure)))
                  const met = (objective.goal === 'high' ? value : 1 - value) >= 0.5
                  return h(
                    'li',
                    {},
                    `${met ? 'Met' : 'Not met'}: ${objective.description} (${Math.round((objective.goal === 'high' ? value : 1 - value) * 100)}%)`,
                  )
                }),
              ),
            ),
          ),
        ),
        h(
          'section',
          { 'aria-labelledby': 'timeline-title' },
          h('h2', { id: 'timeline-title' }, 'Timeline'),
          h(
            'ol',
            { className: 'timeline' },
            session.history.map(({ result }) =>
              h(
                'li',
                {},
                h('strong', {}, `${turnDate(scn, result.turn)}: `),
                `${scn.file.ladder[result.state.rung].name}; ${result.orders.length} actions; ${result.incidents.length} incident${result.incidents.length === 1 ? '' : 's'}`,
                result.incidents.length
                  ? ` (${result.incidents.map((i) => i.actors.map((id) => actorName(scn, id)).join('–')).join(', ')})`
                  : '',
              ),
            ),
          ),
        ),
        h(
          'div',
          { className: 'actions' },
          button(
            'Debrief',
            () =>
              void import('./debrief.ts').then((m) =>
                app.show(m.debriefScreen({ scenario: scn, match: session.match, onBack: () => app.show(endScreen(notice)) })),
              ),
            {
              className: 'primary',
            },
          ),
          button('New game', () => app.show(newGameScreen())),
          button('Charts', () => void import('./charts.ts').then((m) => app.show(m.chartsScreen(() => app.show(endScreen()))))),
          button('Export timeline (CSV)', () => void exportTimeline()),
          app.settings.writerTools
            ? button('Playtest', () => void playtest(app), {
                title: 'Play this game again from turn 1 on the scenario as it is now, with the same seed and your choices',
              })
            : null,
          button('Main menu', () => app.show(titleScreen())),
        ),
      )
    },
  }
}
