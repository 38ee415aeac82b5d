// The projector's chart: tension and bloc rigidity over the turns played, in thick lines and large type, with
// its numbers in a table as well (nothing is only a picture).
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { GameState } from '../../engine/index.ts'
import type { GameSession } from '../session/session.ts'
import { h } from '../ui/dom.ts'

const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0)

export function projectorSeries(session: GameSession): { label: string; values: number[] }[] {
  const states: GameState[] = [session.start, ...session.history.map((turn) => turn.result.state)]
  return [
    { label: 'Hottest pair’s tension (%)', values: states.map((s) => Math.round(Math.max(...s.tension) * 100)) },
    { label: 'Mean tension (%)', values: states.map((s) => Math.round(mean(s.tension) * 100)) },
    { label: 'Bloc rigidity (0–100)', values: states.map((s) => Math.round(s.rigidity)) },
  ]
}

export function projectorChart(session: GameSession, width: number): HTMLElement {
  const series = projectorSeries(session)
  const turns = series[0].values.map((_, k) => k)
  const plot = h('div', { className: 'plot', 'aria-hidden': 'true' })
  const table = h(
    'table',
    {},
    h('caption', { className: 'visually-hidden' }, 'Tension and rigidity by turn'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Turn'),
        series.map((s) => h('th', { scope: 'col' }, s.label)),
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
          series.map((s) => h('td', {}, String(s.values[turn]))),
        ),
      ),
    ),
  )
  requestAnimationFrame(() => {
    new uPlot(
      {
        width: Math.max(320, width),
        height: 280,
        scales: { x: { time: false }, y: { range: [0, 100] } },
        axes: [
          {
            label: 'turn',
            stroke: '#ffffff',
            font: '18px system-ui',
            labelFont: '18px system-ui',
            grid: { stroke: '#444c58' },
            incrs: [1, 2, 5, 10],
          },
          { stroke: '#ffffff', font: '18px system-ui', grid: { stroke: '#444c58' } },
        ],
        series: [
          { label: 'turn' },
          { label: series[0].label, stroke: '#ff7b6b', width: 4 },
          { label: series[1].label, stroke: '#ffd166', width: 4, dash: [10, 6] },
          { label: series[2].label, stroke: '#7cc4ff', width: 4, dash: [3, 4] },
        ],
      },
      [turns, ...series.map((s) => s.values)],
      plot,
    )
  })
  return h(
    'section',
    { className: 'chart projector-chart', 'aria-labelledby': 'projector-chart-title' },
    h('h2', { id: 'projector-chart-title' }, 'Tension and rigidity'),
    plot,
    h('details', {}, h('summary', {}, 'The numbers'), table),
  )
}
