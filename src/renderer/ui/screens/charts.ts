// Charts over time: alignment, tension, rigidity and scores, drawn with uPlot. Each chart also has
// a table of its numbers, so nothing is only a picture.
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { GameState } from '../../../engine/index.ts'
import type { GameSession } from '../../session/session.ts'
import type { App, Screen } from '../app.ts'
import { button, h } from '../dom.ts'
import { pairIndex } from '../../../engine/index.ts'

const SERIES_COLOURS = ['#56B4E9', '#E69F00', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#BBBBBB']
const DASHES = [[], [6, 3], [2, 2], [8, 2, 2, 2], [], [6, 3], [2, 2], [8, 2, 2, 2]]

interface ChartSpec {
  id: string
  title: string
  series: { label: string; values: number[] }[]
  range: [number, number]
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0
}

function specs(session: GameSession): ChartSpec[] {
  const scn = session.scenario
  const states: GameState[] = [session.start, ...session.history.map((turn) => turn.result.state)]
  const pair = (a: string, b: string) => pairIndex(scn, a, b)
  const quasi = scn.file.rules.find((rule) => rule.kind === 'quasi-alliance')
  const humans = session.humans
  const alignmentPairs: [string, string][] = []
  if (quasi && quasi.kind === 'quasi-alliance') alignmentPairs.push(quasi.pair)
  for (const human of humans) {
    for (const other of scn.actorIds)
      if (
        other !== human &&
        alignmentPairs.length < 5 &&
        !alignmentPairs.some(([a, b]) => (a === human && b === other) || (a === other && b === human))
      )
        alignmentPairs.push([human, other])
  }
  return [
    {
      id: 'alignment',
      title: 'Alignment (−100 rivals … +100 friends)',
      range: [-100, 100],
      series: alignmentPairs.map(([a, b]) => ({
        label: `${a}–${b}`,
        values: states.map((s) => Math.round(s.alignment[pair(a, b)] * 100)),
      })),
    },
    {
      id: 'tension',
      title: 'Tension (%)',
      range: [0, 100],
      series: [
        { label: 'mean of all pairs', values: states.map((s) => Math.round(mean(s.tension) * 100)) },
        { label: 'hottest pair', values: states.map((s) => Math.round(Math.max(...s.tension) * 100)) },
      ],
    },
    {
      id: 'rigidity',
      title: 'Bloc rigidity (0–100)',
      range: [0, 100],
      series: [{ label: 'rigidity', values: states.map((s) => Math.round(s.rigidity)) }],
    },
    {
      id: 'scores',
      title: 'Scores (0–100)',
      range: [0, 100],
      series: scn.roles.map((role) => ({ label: role.actor, values: states.map((s) => Math.round(s.scores[role.id] ?? 0)) })),
    },
  ]
}

function chart(spec: ChartSpec, width: number): HTMLElement {
  const turns = spec.series[0]?.values.map((_, k) => k) ?? []
  const plotHolder = h('div', { className: 'plot', 'aria-hidden': 'true' })
  const table = h(
    'table',
    {},
    h('caption', { className: 'visually-hidden' }, spec.title),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Turn'),
        spec.series.map((s) => h('th', { scope: 'col' }, s.label)),
      ),
    ),
    h(
      'tbody',
      {},
      turns.map((turn) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, String(turn)),
          spec.series.map((s) => h('td', {}, String(s.values[turn]))),
        ),
      ),
    ),
  )
  const section = h(
    'section',
    { className: 'chart', 'aria-labelledby': `chart-${spec.id}` },
    h('h2', { id: `chart-${spec.id}` }, spec.title),
    plotHolder,
    h('details', {}, h('summary', {}, 'The numbers'), table),
  )
  requestAnimationFrame(() => {
    new uPlot(
      {
        width: Math.max(280, Math.min(width, 900)),
        height: 220,
        scales: { x: { time: false }, y: { range: spec.range } },
        axes: [
          // Turns are whole numbers: no ticks at half turns.
          { label: 'turn', stroke: '#d8dde6', grid: { stroke: '#333a46' }, incrs: [1, 2, 5, 10, 20] },
          { stroke: '#d8dde6', grid: { stroke: '#333a46' } },
        ],
        series: [
          { label: 'turn' },
          ...spec.series.map((s, k) => ({
            label: s.label,
            stroke: SERIES_COLOURS[k % SERIES_COLOURS.length],
            width: 2,
            dash: DASHES[k % DASHES.length],
          })),
        ],
      },
      [turns, ...spec.series.map((s) => s.values)],
      plotHolder,
    )
  })
  return section
}

export function chartsScreen(onBack: () => void): Screen {
  return {
    name: 'charts',
    title: 'Charts',
    render(app: App) {
      const session = app.session!
      const width = Math.min(document.documentElement.clientWidth - 64, 900)
      return h(
        'main',
        { className: 'charts' },
        h('h1', {}, 'Charts over time'),
        h('div', { className: 'actions' }, button('Back', onBack, { className: 'primary' })),
        session.history.length === 0 ? h('p', {}, 'Play a turn to see the lines move.') : null,
        specs(session).map((spec) => chart(spec, width)),
      )
    },
  }
}
