// Compare groups: several games of the same scenario and seed side by side — where they first diverged,
// how their outcomes differ, and which rules made the difference, with the rules' passages.
import type { CitationData, CompiledScenario } from '../../../engine/index.ts'
import type { ComparedGame, GroupComparison } from '../../../engine/debrief/index.ts'
import { compareGames, sideBySide, timelineOf, turnLine } from '../../../engine/debrief/index.ts'
import type { App, Screen } from '../app.ts'
import { button, h } from '../dom.ts'
import { passagesView, section, signedNumber, table } from './debrief-parts.ts'
import { readerScreen } from './reader.ts'
import './debrief.css'

const turnText = (turn: number | null) => (turn === null ? 'none' : `turn ${turn}`)

function divergenceSection(comparison: GroupComparison): HTMLElement {
  const label = (index: number) => comparison.games[index].label
  return section(
    'compare-divergence',
    'Where they first diverged',
    h(
      'p',
      { className: 'first-divergence' },
      `The first turn whose decisions differ: ${turnText(comparison.first.firstDecisionTurn)}. The first turn after which the world differs: ${turnText(comparison.first.firstStateTurn)}.`,
    ),
    comparison.games.length > 2
      ? table(
          'Each pair of games',
          ['Games', 'Decisions first differ', 'The world first differs'],
          comparison.pairs.map((pair) => [
            `${label(pair.a)} and ${label(pair.b)}`,
            turnText(pair.firstDecisionTurn),
            turnText(pair.firstStateTurn),
          ]),
        )
      : null,
  )
}

function outcomesSection(scn: CompiledScenario, comparison: GroupComparison): HTMLElement {
  const games = comparison.games
  const name = (id: string) => scn.file.actors.find((actor) => actor.id === id)?.name ?? id
  const rows: string[][] = [
    ['Ending', ...games.map((game) => game.outcome.headline)],
    ['Turns played', ...games.map((game) => String(game.turnsPlayed))],
    ['Played by people', ...games.map((game) => game.humans.map(name).join(', '))],
    ['Ladder at the end', ...games.map((game) => game.outcome.rung.name)],
    ['Bloc rigidity', ...games.map((game) => String(Math.round(game.outcome.rigidity)))],
    ['Quasi-alliance', ...games.map((game) => (game.outcome.quasiAlliance ? 'yes' : 'no'))],
  ]
  if (games[0].quasiPairAlignment !== null)
    rows.push(['Alignment of the quasi-alliance pair', ...games.map((game) => signedNumber((game.quasiPairAlignment ?? 0) * 100))])
  rows.push(['Mean tension', ...games.map((game) => `${Math.round(game.meanTension * 100)}%`)])
  rows.push([
    'Hottest pair',
    ...games.map((game) => `${game.hottest.pair.map(name).join('–')} (${Math.round(game.hottest.tension * 100)}%)`),
  ])
  for (const role of scn.roles) rows.push([`Score of ${role.name}`, ...games.map((game) => String(Math.round(game.scores[role.id] ?? 0)))])
  return section(
    'compare-outcomes',
    'How their outcomes differ',
    table('Endings, the world at the end and scores', ['', ...games.map((game) => game.label)], rows),
  )
}

function rulesSection(scn: CompiledScenario, comparison: GroupComparison, onRead: (citation: CitationData) => void): HTMLElement {
  const name = (id: string) => scn.file.actors.find((actor) => actor.id === id)?.name ?? id
  const scale = (variable: string, value: number) =>
    variable === 'readiness' || variable === 'rigidity' || variable === 'score' ? signedNumber(value, 1) : signedNumber(value * 100, 1)
  return section(
    'compare-rules',
    'Which rules made the difference',
    h(
      'p',
      { className: 'note' },
      'The rules whose total effects over the game differ most between the games, with what each moved in each game.',
    ),
    comparison.rules.length === 0
      ? h('p', {}, 'Every rule did the same in every game.')
      : h(
          'ol',
          { className: 'rule-differences' },
          comparison.rules.map((difference) => {
            const { variable, owners, perGame } = difference.largest
            const who = variable === 'grievance' ? `${name(owners[0])} toward ${name(owners[1])}` : owners.map(name).join('–')
            return h(
              'li',
              { 'data-rule': difference.rule.id },
              h('h3', {}, difference.rule.name),
              h(
                'p',
                {},
                `Most on ${who} ${variable}: ${perGame.map((value, k) => `${comparison.games[k].label} ${scale(variable, value)}`).join(', ')}.`,
              ),
              passagesView(difference.passages, onRead),
            )
          }),
        ),
  )
}

function timelinesSection(scn: CompiledScenario, games: readonly ComparedGame[], comparison: GroupComparison): HTMLElement {
  if (games.length === 2) {
    const rows = sideBySide(scn, games[0].match, scn, games[1].match).map((row) => [
      String(row.turn),
      row.left ? turnLine(row.left) : 'not played',
      row.right ? turnLine(row.right) : 'not played',
      row.same ? 'same' : 'different',
    ])
    return section(
      'compare-timelines',
      'Side by side',
      table('The two timelines, turn by turn', ['Turn', games[0].label, games[1].label, 'The world after the turn'], rows, 'side-by-side'),
    )
  }
  const timelines = games.map((game) => timelineOf(scn, game.match))
  const turns = Math.max(...timelines.map((timeline) => timeline.length))
  const rows = Array.from({ length: turns }, (_, index) => [
    String(index + 1),
    ...timelines.map((timeline) => (timeline[index] ? turnLine(timeline[index]) : 'not played')),
  ])
  return section(
    'compare-timelines',
    'Side by side',
    table('The timelines, turn by turn', ['Turn', ...comparison.games.map((game) => game.label)], rows, 'side-by-side'),
  )
}

export function compareScreen(scn: CompiledScenario, games: readonly ComparedGame[], onBack: () => void): Screen {
  let comparison: GroupComparison | null = null
  const screen: Screen = {
    name: 'compare',
    title: 'Compare groups',
    render(app: App) {
      comparison ??= compareGames(scn, games)
      const onRead = (citation: CitationData) => app.show(readerScreen(scn, citation, () => app.show(screen)))
      return h(
        'main',
        { className: 'debrief compare' },
        h('h1', {}, `Compare groups: ${scn.file.title}`),
        h(
          'p',
          { className: 'debrief-setup' },
          `Seed ${comparison.seed} · ${games.length} games: ${games.map((game) => game.label).join(', ')}`,
        ),
        h(
          'div',
          { className: 'actions no-print' },
          button('Back', onBack, { className: 'primary' }),
          button('Print or save as PDF', () => window.print()),
        ),
        divergenceSection(comparison),
        outcomesSection(scn, comparison),
        rulesSection(scn, comparison, onRead),
        timelinesSection(scn, games, comparison),
      )
    },
  }
  return screen
}
