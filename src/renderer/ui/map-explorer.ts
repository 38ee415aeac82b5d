// The map made readable: its legend, and the powers and pairs as buttons. Focusing or hovering one (or
// pointing at it on the map) highlights it on the map and shows what the view-model says about it:
// alignment, tension and last turn's change. The canvas itself stays decoration to assistive tech;
// everything it shows is here in the page, at the page's text size.
import type { MapHandle } from '../map/index.ts'
import { BLOC_NAMES, sameTarget, type MapTarget, type MapView } from '../map/map-view.ts'
import { paletteFor, type MapPalette } from '../map/palette.ts'
import { h, replaceChildren } from './dom.ts'

const SVG = 'http://www.w3.org/2000/svg'

function svg(tag: string, attributes: Record<string, string | number>, ...children: SVGElement[]): SVGElement {
  const element = document.createElementNS(SVG, tag)
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value))
  element.append(...children)
  return element
}

/** A 28×16 picture of one of the map's marks, beside the words that explain it. */
function swatch(...shapes: SVGElement[]): SVGElement {
  return svg('svg', { width: 28, height: 16, viewBox: '0 0 28 16', 'aria-hidden': 'true', focusable: 'false' }, ...shapes)
}

function marker(colour: string, palette: MapPalette): SVGElement {
  return svg('circle', { cx: 14, cy: 8, r: 4.5, fill: colour, stroke: palette.halo, 'stroke-width': 1.5 })
}

function legendItems(palette: MapPalette): { picture: SVGElement; text: string }[] {
  const line = (colour: string, width: number, dash?: string): SVGElement =>
    svg('path', {
      d: 'M2 11 Q14 3 26 11',
      fill: 'none',
      stroke: colour,
      'stroke-width': width,
      ...(dash ? { 'stroke-dasharray': dash } : {}),
    })
  return [
    { picture: swatch(marker(palette.blocs[0], palette)), text: `A power's capital in ${BLOC_NAMES[0]}` },
    { picture: swatch(marker(palette.blocs[1], palette)), text: `A power's capital in ${BLOC_NAMES[1]}` },
    {
      picture: swatch(
        svg('circle', { cx: 14, cy: 8, r: 7, fill: 'none', stroke: palette.blocs[1], 'stroke-width': 1.5 }),
        marker(palette.blocs[1], palette),
      ),
      text: 'Ring: readiness (larger is readier)',
    },
    {
      picture: swatch(
        svg('circle', { cx: 14, cy: 7.5, r: 7, fill: 'none', stroke: palette.human, 'stroke-width': 1.5 }),
        marker(palette.blocs[1], palette),
      ),
      text: 'White ring: a power played by a person',
    },
    { picture: swatch(line(palette.friendStrong, 3)), text: 'Solid line: friendly pair (thicker is closer)' },
    { picture: swatch(line(palette.rivalStrong, 3, '6 4')), text: 'Dashed line: rival pair (thicker is more opposed)' },
    {
      picture: swatch(
        svg('path', { d: 'M2 11 Q14 3 26 11', fill: 'none', stroke: palette.hot, 'stroke-opacity': 0.45, 'stroke-width': 7 }),
        line(palette.rivalWeak, 1.5, '6 4'),
      ),
      text: 'Glow: tension at 40% or more',
    },
    {
      picture: swatch(
        svg('rect', {
          x: 3,
          y: 2,
          width: 22,
          height: 12,
          rx: 6,
          fill: palette.blocs[0],
          'fill-opacity': 0.3,
          stroke: palette.blocs[0],
          'stroke-opacity': 0.7,
        }),
      ),
      text: "Tinted land or a soft outline: a bloc's members",
    },
    {
      picture: swatch(
        svg('path', { d: 'M2 8 L8 4 L8 12 Z', fill: palette.blocs[1] }),
        marker(palette.blocs[1], palette),
        svg('circle', { cx: 14, cy: 8, r: 2, fill: palette.halo }),
      ),
      text: "Hollow marker with an arrow: the capital lies beyond the map's edge",
    },
    {
      picture: swatch(
        svg('circle', { cx: 8, cy: 8, r: 4, fill: palette.pinPrick }),
        svg('path', { d: 'M20 3 L25 8 L20 13 L15 8 Z', fill: palette.incident }),
      ),
      text: 'Dot: a pin prick; diamond: an incident (shown as a turn begins)',
    },
  ]
}

/** What the map's colours, lines, outlines and markers mean, in the page's own text; folded to keep the plan in view. */
export function mapLegend(settings: { colourBlindSafe: boolean }): HTMLElement {
  const palette = paletteFor(settings)
  return h(
    'details',
    { className: 'map-legend' },
    h('summary', {}, 'Legend: what the colours, lines and rings mean'),
    h(
      'ul',
      {},
      legendItems(palette).map((item) => {
        const li = h('li', {}, item.text)
        li.prepend(item.picture)
        return li
      }),
    ),
  )
}

/** The page's text size relative to normal (16 px), so the map's labels grow with it. */
export function pageTextScale(): number {
  const size = parseFloat(getComputedStyle(document.documentElement).fontSize)
  return Number.isFinite(size) && size > 0 ? size / 16 : 1
}

export interface MapExplorer {
  /** The buttons for powers and pairs and the details of the one in focus. */
  element: HTMLElement
  /** Wires the drawn map: highlights, pointing and the tooltip over it. */
  connect(handle: MapHandle): void
}

const targetKey = (target: MapTarget): string => (target.kind === 'actor' ? target.id : [target.a, target.b].sort().join('–'))

/**
 * The powers and pairs of `view` as buttons; `mapContainer` is the element the map draws in (the
 * tooltip goes over it). Pairs too weak to draw are listed after the drawn ones.
 */
export function mapExplorer(view: Pick<MapView, 'actors' | 'links'>, mapContainer: HTMLElement, legend?: HTMLElement): MapExplorer {
  let handle: MapHandle | null = null
  let focused: MapTarget | null = null
  let pointed: MapTarget | null = null
  let shown: MapTarget | null = null

  const detailsOf = (target: MapTarget): string[] => {
    if (target.kind === 'actor') return view.actors.find((a) => a.id === target.id)?.details ?? []
    return view.links.find((l) => sameTarget(target, { kind: 'link', a: l.a, b: l.b }))?.details ?? []
  }

  const tooltip = h('div', { className: 'map-tooltip', 'aria-hidden': 'true', hidden: true })
  mapContainer.append(tooltip)
  const detail = h('div', { className: 'map-detail', 'aria-hidden': 'true' })
  const idle = 'Point at a power or a line on the map, or focus one below, to see its alignment, tension and last turn’s change.'
  detail.textContent = idle

  const buttons = new Map<string, HTMLButtonElement>()
  const entry = (target: MapTarget, label: string, extra: Record<string, string>) => {
    const id = `map-target-${targetKey(target).replace(/[^A-Za-z0-9_-]/g, '_')}`
    const description = h('span', { id, className: 'visually-hidden' }, detailsOf(target).slice(1).join('. '))
    const b = h(
      'button',
      {
        type: 'button',
        className: 'small map-target',
        'aria-describedby': id,
        ...extra,
      },
      label,
    )
    b.addEventListener('focus', () => {
      // The newest intent wins: focus moved by the keyboard replaces what the pointer rests on.
      focused = target
      pointed = null
      show()
    })
    b.addEventListener('blur', () => {
      if (focused && sameTarget(focused, target)) focused = null
      show()
    })
    b.addEventListener('mouseenter', () => {
      pointed = target
      show()
    })
    b.addEventListener('mouseleave', () => {
      pointed = null
      show()
    })
    b.addEventListener('click', () => {
      focused = target
      show()
    })
    buttons.set(targetKey(target), b)
    return h('li', {}, b, description)
  }

  const actorName = (id: string) => view.actors.find((a) => a.id === id)?.name ?? id
  const powers = h(
    'ul',
    { className: 'map-targets', 'aria-label': 'Powers on the map' },
    view.actors.map((a) => entry({ kind: 'actor', id: a.id }, a.human ? `${a.name} (you)` : a.name, { 'data-actor': a.id })),
  )
  const drawnFirst = [...view.links].sort((p, q) => Math.abs(q.alignment) - Math.abs(p.alignment) || q.tension - p.tension)
  const pairs = h(
    'details',
    { className: 'map-pairs' },
    h('summary', {}, `Pairs (${view.links.length})`),
    h(
      'ul',
      { className: 'map-targets', 'aria-label': 'Pairs of powers' },
      drawnFirst.map((l) =>
        entry({ kind: 'link', a: l.a, b: l.b }, `${actorName(l.a)}–${actorName(l.b)}`, { 'data-pair': `${l.a}-${l.b}` }),
      ),
    ),
  )

  function show(): void {
    // What the pointer is on, unless focus moved since; otherwise what has keyboard focus.
    const target = pointed ?? focused
    if (sameTarget(target, shown)) return
    shown = target
    handle?.setHighlight(target)
    for (const [key, b] of buttons) b.classList.toggle('current', target !== null && key === targetKey(target))
    if (!target) {
      tooltip.hidden = true
      detail.textContent = idle
      return
    }
    const lines = detailsOf(target)
    replaceChildren(
      detail,
      h('strong', {}, lines[0] ?? ''),
      lines.slice(1).map((line) => h('span', {}, line)),
    )
    replaceChildren(
      tooltip,
      h('strong', {}, lines[0] ?? ''),
      lines.slice(1).map((line) => h('span', {}, line)),
    )
    placeTooltip(target)
  }

  function placeTooltip(target: MapTarget): void {
    const at = handle?.anchor(target)
    if (!at) {
      tooltip.hidden = true
      return
    }
    tooltip.hidden = false
    const width = mapContainer.clientWidth
    const height = mapContainer.clientHeight
    const box = tooltip.getBoundingClientRect()
    // Above the point when there is room, else below; never past the map's sides.
    const x = Math.min(Math.max(4, at.x - box.width / 2), Math.max(4, width - box.width - 4))
    const above = at.y - at.clear - box.height - 6
    const below = at.y + at.clear + 6
    const y = above >= 4 ? above : Math.min(below, Math.max(4, height - box.height - 4))
    tooltip.style.left = `${Math.round(x)}px`
    tooltip.style.top = `${Math.round(y)}px`
  }

  const element = h('div', { className: 'map-explorer' }, h('div', { className: 'map-lists' }, powers, pairs, legend), detail)

  // Escape hides the tooltip without moving the pointer or the focus (WCAG 1.4.13); the next target shows it again.
  const onKey = (event: KeyboardEvent) => {
    if (!element.isConnected) {
      document.removeEventListener('keydown', onKey)
      return
    }
    if (event.key !== 'Escape' || tooltip.hidden || document.querySelector('dialog[open]')) return
    tooltip.hidden = true
  }
  document.addEventListener('keydown', onKey)

  return {
    element,
    connect(next) {
      handle = next
      const canvasPoint = (event: PointerEvent) => {
        const rect = mapContainer.getBoundingClientRect()
        return { x: event.clientX - rect.left, y: event.clientY - rect.top }
      }
      mapContainer.addEventListener('pointermove', (event) => {
        if (event.target === tooltip || tooltip.contains(event.target as Node)) return
        const { x, y } = canvasPoint(event)
        const target = next.pick(x, y)
        if (sameTarget(target, pointed)) return
        pointed = target
        mapContainer.classList.toggle('pointing', target !== null)
        show()
      })
      mapContainer.addEventListener('pointerleave', () => {
        pointed = null
        mapContainer.classList.remove('pointing')
        show()
      })
      // A click on the map moves focus to that power's or pair's button: its details stay, and the
      // keyboard carries on from there.
      mapContainer.addEventListener('click', (event) => {
        const { x, y } = canvasPoint(event)
        const target = next.pick(x, y)
        if (!target) return
        if (target.kind === 'link') pairs.open = true
        buttons.get(targetKey(target))?.focus({ preventScroll: true })
      })
      shown = null
      show()
    },
  }
}
