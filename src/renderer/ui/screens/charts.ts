// Charts over time: alignment, tension, rigidity and scores, drawn with uPlot. Each chart also has
// a table of its numbers, so nothing is only a picture.
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { GameState } from '../../../engine/index.ts'
import type { GameSession } from '../../session/session.ts'
import type { App, Screen } from '../app.ts'
import { button, h } from '../dom.ts'
import { pairIndex } from '../../../engine/index.ts'
import { actorName } from '../../session/view-models.ts'
import { withGlossary } from '../glossary.ts'
import { chartThresholds, drawThresholds } from '../chart-thresholds.ts'
import type { Threshold } from '../chart-thresholds.ts'

const SERIES_COLOURS = ['#56B4E9', '#E69F00', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#BBBBBB']
const DASHES = [[], [6, 3], [2, 2], [8, 2, 2, 2], [], [6, 3], [2, 2], [8, 2, 2, 2]]

interface ChartSpec {
  id: string
  title: string
  series: { label: string; values: number[] }[]
  range: [number, number]
  thresholds: Threshold[]
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
  const names = (a: string, b: string) => `${actorName(scn, a)}–${actorName(scn, b)}`
  // The pair hottest now, followed over the whole game (a line that jumped from pair to pair would mean nothing).
  const last = states[states.length - 1]
  let hottest: [string, string] | null = null
  for (const a of scn.actorIds)
    for (const b of scn.actorIds) if (a < b && (!hottest || last.tension[pair(a, b)] > last.tension[pair(...hottest)])) hottest = [a, b]
  const thresholds = chartThresholds(scn)
  return [
    {
      id: 'alignment',
      title: 'Alignment (−100 rivals … +100 friends)',
      range: [-100, 100],
      series: alignmentPairs.map(([a, b]) => ({
        label: names(a, b),
        values: states.map((s) => Math.round(s.alignment[pair(a, b)] * 100)),
      })),
      thresholds: thresholds.alignment,
    },
    {
      id: 'tension',
      title: 'Tension (%)',
      range: [0, 100],
      series: [
        { label: 'Mean of all pairs', values: states.map((s) => Math.round(mean(s.tension) * 100)) },
        ...(hottest
          ? [
              {
                label: `${names(...hottest)} (the hottest pair now)`,
                values: states.map((s) => Math.round(s.tension[pair(...hottest)] * 100)),
              },
            ]
          : []),
      ],
      thresholds: thresholds.tension,
    },
    {
      id: 'rigidity',
      title: 'Bloc rigidity (0–100)',
      range: [0, 100],
      series: [{ label: 'Rigidity', values: states.map((s) => Math.round(s.rigidity)) }],
      thresholds: thresholds.rigidity,
    },
    {
      id: 'scores',
      title: 'Scores (0–100)',
      range: [0, 100],
      series: scn.roles.map((role) => ({ label: role.name, values: states.map((s) => Math.round(s.scores[role.id] ?? 0)) })),
      thresholds: [],
    },
  ]
}

function chart(scn: GameSession['scenario'], spec: ChartSpec): HTMLElement {
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
    h('h2', { id: `chart-${spec.id}` }, withGlossary(scn, spec.title)),
    plotHolder,
    spec.thresholds.length
      ? h(
          'p',
          { className: 'note chart-marks' },
          `Marked: ${spec.thresholds.map((threshold) => `${threshold.label} at ${threshold.value}`).join('; ')}.`,
        )
      : null,
    h('details', {}, h('summary', {}, 'The numbers'), table),
  )
  // Drawn once the section is on the page, as wide as its room.
  requestAnimationFrame(() => {
    const plot = new uPlot(
      {
        width: Math.max(280, plotHolder.clientWidth),
        height: 240,
        hooks: { draw: [(plot: uPlot) => drawThresholds(plot, spec.thresholds, plotHolder)] },
        scales: { x: { time: false }, y: { range: spec.range } },
        axes: [
          // Turns are whole numbers: no ticks at half turns.
          { label: 'turn', stroke: '#d8dde6', grid: { stroke: '#333a46' }, incrs: [1, 2, 5, 10, 20] },
          { stroke: '#d8dde6', grid: { stroke: '#333a46' } },
        ],
        series: [
          // Away from the plot the legend shows names only, not "turn: --".
          { label: 'Turn', value: (_plot: uPlot, value: number | null) => (value === null ? '' : String(value)) },
          ...spec.series.map((s, k) => ({
            label: s.label,
            value: (_plot: uPlot, value: number | null) => (value === null ? '' : String(value)),
            stroke: SERIES_COLOURS[k % SERIES_COLOURS.length],
            width: 2,
            dash: DASHES[k % DASHES.length],
          })),
        ],
      },
      [turns, ...spec.series.map((s) => s.values)],
      plotHolder,
    )
    // Stays as wide as its room when the window changes size.
    new ResizeObserver(() => {
      const width = Math.max(280, plotHolder.clientWidth)
      if (plotHolder.isConnected && width !== plot.width) plot.setSize({ width, height: plot.height })
    }).observe(plotHolder)
  })
  return section
}

export function chartsScreen(onBack: () => void): Screen {
  return {
    name: 'charts',
    title: 'Charts',
    render(app: App) {
      const session = app.session!
      return h(
        'main',
        { className: 'charts' },
        h('h1', {}, 'Charts over time'),
        h('div', { className: 'actions' }, button('Back', onBack, { className: 'primary' })),
        session.history.length === 0 ? h('p', {}, 'Play a turn to see the lines move.') : null,
        specs(session).map((spec) => chart(session.scenario, spec)),
      )
    },
  }
}
