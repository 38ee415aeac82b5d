// The lines that give the charts their meaning, from the scenario's own numbers: the quasi-alliance line on
// alignment, the ladder's rungs on tension, the rigid-blocs threshold on rigidity. Drawn as dashed lines
// with their names, and listed in words under each chart.
import type uPlot from 'uplot'
import type { CompiledScenario } from '../../engine/index.ts'

export interface Threshold {
  label: string
  value: number
}

export function chartThresholds(scn: CompiledScenario): Record<'alignment' | 'tension' | 'rigidity', Threshold[]> {
  const { params } = scn
  const quasi = scn.file.rules.some((rule) => rule.kind === 'quasi-alliance')
  return {
    alignment: quasi ? [{ label: 'Quasi-alliance line', value: Math.round(params.quasiAllianceThreshold * 100) }] : [],
    // A rung is reached when the hottest pairs across the blocs pass its `up`.
    tension: scn.file.ladder.slice(1).map((rung) => ({ label: `Ladder: ${rung.name}`, value: Math.round(rung.up * 100) })),
    rigidity: [{ label: 'Rigid blocs', value: params.rigidityThreshold }],
  }
}

// Neutral, so that no threshold looks like one of the series.
const LINE_COLOUR = 'rgba(232, 236, 242, 0.55)'
const LABEL_COLOUR = '#e8ecf2'

/** uPlot draw hook: each threshold as a dashed line across the plot with its name; `holder` records them for tests. */
export function drawThresholds(plot: uPlot, thresholds: readonly Threshold[], holder: HTMLElement): void {
  const ctx = plot.ctx
  const { left, top, width, height } = plot.bbox
  const ratio = window.devicePixelRatio || 1
  ctx.save()
  ctx.lineWidth = ratio
  ctx.setLineDash([5 * ratio, 4 * ratio])
  ctx.font = `${11 * ratio}px system-ui, sans-serif`
  // uPlot leaves the axes' alignment on the context.
  ctx.textAlign = 'left'
  ctx.textBaseline = 'bottom'
  const drawn: number[] = []
  for (const threshold of thresholds) {
    const y = plot.valToPos(threshold.value, 'y', true)
    if (y < top || y > top + height) continue
    ctx.strokeStyle = LINE_COLOUR
    ctx.beginPath()
    ctx.moveTo(left, y)
    ctx.lineTo(left + width, y)
    ctx.stroke()
    ctx.fillStyle = LABEL_COLOUR
    ctx.fillText(`${threshold.label} (${threshold.value})`, left + 6 * ratio, y - 2 * ratio)
    drawn.push(threshold.value)
  }
  ctx.restore()
  holder.dataset.thresholdsDrawn = drawn.join(' ')
}
