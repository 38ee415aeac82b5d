// The map and the escalation ladder of a class, drawn from the mirrored match; kept alive across updates
// (the map animates each new turn's events) and destroyed with its screen.
import type { Settings } from '../session/settings.ts'
import type { GameSession } from '../session/session.ts'
import type { MapHandle } from '../map/index.ts'
import { ladderView, mapView, quasiAlliancePairNames } from '../session/view-models.ts'
import { h, replaceChildren } from '../ui/dom.ts'

export interface WorldPanel {
  element: HTMLElement
  ladder: HTMLElement
  update(session: GameSession): void
  destroy(): void
}

function rendererChoice(): 'canvas' | 'webgl' | 'auto' {
  const wanted = new URLSearchParams(location.search).get('renderer')
  return wanted === 'canvas' || wanted === 'webgl' ? wanted : 'auto'
}

export function worldPanel(settings: Settings, idPrefix: string): WorldPanel {
  const mapContainer = h('div', { className: 'map', 'aria-hidden': 'true' })
  const summary = h('p', { className: 'map-summary' })
  const ladderList = h('ol', { className: 'ladder-list' })
  const element = h('section', { className: 'world', 'aria-label': 'The world' }, mapContainer, summary)
  const ladder = h(
    'aside',
    { className: 'ladder', 'aria-labelledby': `${idPrefix}-ladder-title` },
    h('h2', { id: `${idPrefix}-ladder-title` }, 'Escalation ladder'),
    ladderList,
  )
  let map: MapHandle | null = null
  let destroyed = false
  let creating = false
  let latest: GameSession | null = null
  let shownTurn = -1

  const draw = (session: GameSession) => {
    const state = session.state
    const scn = session.scenario
    summary.textContent = `Blocs: ${state.blocs[0].join(', ')} versus ${state.blocs[1].join(', ') || 'nobody'}. Rigidity ${Math.round(state.rigidity)} of 100.${state.impasse ? ' Impasse.' : ''}${state.quasiAlliance ? ` ${quasiAlliancePairNames(scn)} act as a quasi-alliance.` : ''}`
    replaceChildren(
      ladderList,
      ladderView(scn, state).map((rung) =>
        h(
          'li',
          { className: rung.current ? 'current' : '', 'aria-current': rung.current ? 'step' : null, title: rung.description },
          rung.name,
          rung.current ? h('strong', {}, ' ◀ now') : null,
        ),
      ),
    )
  }

  const mapSettings = {
    reducedMotion: settings.reducedMotion,
    animationSpeed: settings.animationSpeed,
    colourBlindSafe: settings.colourBlindSafe,
  }

  return {
    element,
    ladder,
    update(session) {
      latest = session
      draw(session)
      const view = mapView(session, session.history[session.history.length - 1])
      if (map) {
        if (view.turn !== shownTurn) map.update(view)
        shownTurn = view.turn
        return
      }
      if (creating) return
      creating = true
      void import('../map/index.ts').then(async ({ createMap }) => {
        const handle = await createMap(mapContainer, { ...view, events: [], turn: view.turn - 1 }, mapSettings, {
          renderer: rendererChoice(),
        })
        if (destroyed) return handle.destroy()
        map = handle
        const now = mapView(latest!, latest!.history[latest!.history.length - 1])
        map.update(now)
        shownTurn = now.turn
      })
    },
    destroy() {
      destroyed = true
      map?.destroy()
      map = null
    },
  }
}
