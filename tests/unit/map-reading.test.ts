// Reading the map: what the view-model says about each power and pair (with last turn's change), what
// the pointer is on, where invented powers are drawn, and labels that follow the text size.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileScenario, initialState, pairIndex } from '../../src/engine/index.ts'
import { layoutMap } from '../../src/renderer/map/layout.ts'
import type { MapActor, MapView } from '../../src/renderer/map/map-view.ts'
import { sameTarget } from '../../src/renderer/map/map-view.ts'
import { DEFAULT_PALETTE } from '../../src/renderer/map/palette.ts'
import { pickTarget, targetAnchor } from '../../src/renderer/map/pick.ts'
import { spreadEdgeMarkers } from '../../src/renderer/map/placement.ts'
import { createProjection } from '../../src/renderer/map/projection.ts'
import { createSchematicProjection } from '../../src/renderer/map/schematic.ts'
import { geographyOf } from '../../src/renderer/map/territory.ts'
import { GameSession } from '../../src/renderer/session/session.ts'
import { formatDelta, formatValue, mapPicture, mapView } from '../../src/renderer/session/view-models.ts'
import type { ScenarioListing } from '../../src/shared/host.ts'
import { ROOT, defaultScenario, loadFolder } from '../support/scenarios.ts'

const scenario = defaultScenario()
const listing: ScenarioListing = { origin: 'shipped', folder: 'pin-pricks-2021', location: 'test' }
const decline = async (_partner: string, proposals: unknown[]) => proposals.map(() => false)

describe('what the map says about powers and pairs', () => {
  it('before the first turn: alignment and tension as they stand, no change claimed', () => {
    const session = new GameSession({ listing, scenario, humans: ['USA'], difficulty: 'normal', turnLimit: 4, seed: 3 })
    const view = mapView(session, undefined)
    const pair = view.links.find((l) => sameTarget({ kind: 'link', a: l.a, b: l.b }, { kind: 'link', a: 'CHN', b: 'RUS' }))!
    const p = pairIndex(scenario, 'CHN', 'RUS')
    expect(pair.details[0]).toBe('China and Russia')
    expect(pair.details[1].startsWith(`Alignment ${formatValue('alignment', session.state.alignment[p])} (`)).toBe(true)
    expect(pair.details[2]).toBe(`Tension ${formatValue('tension', session.state.tension[p])}`)
    for (const item of [...view.actors, ...view.links]) expect(item.details.join(' ')).not.toMatch(/last turn/)
    const usa = view.actors.find((a) => a.id === 'USA')!
    expect(usa.details[0]).toMatch(/^United States \(you\): Bloc [AB]$/)
  })

  it('after a turn: each fact with the change the turn made, measured from the state before it', async () => {
    const session = new GameSession({ listing, scenario, humans: ['USA'], difficulty: 'normal', turnLimit: 4, seed: 3 })
    const start = session.state
    session.addChoice({ actor: 'USA', action: 'sanctions', targets: ['RUS'] })
    await session.endTurn(decline)
    const after = session.state
    const picture = mapPicture(scenario, after, start, session.humans)
    let changed = 0
    scenario.pairActors.forEach(([i, j], p) => {
      const link = picture.links.find((l) => l.a === scenario.actorIds[i] && l.b === scenario.actorIds[j])!
      const delta = after.tension[p] - start.tension[p]
      const shown = formatDelta('tension', delta)
      if (/[1-9]/.test(shown)) {
        changed++
        expect(link.details[2]).toBe(`Tension ${formatValue('tension', after.tension[p])}, ${shown} last turn`)
      } else {
        expect(link.details[2]).toBe(`Tension ${formatValue('tension', after.tension[p])}, no change last turn`)
      }
    })
    expect(changed, 'sanctions move some tension').toBeGreaterThan(0)
    // The session's own view measures from the same state.
    expect(mapView(session, session.history[0]).links).toEqual(picture.links)
    const russia = picture.actors.find((a) => a.id === 'RUS')!
    expect(russia.details.some((line) => /^Readiness .* of \d+, ([+−]\d+\.\d|no change)/.test(line))).toBe(true)
    expect(russia.details.some((line) => /^Highest tension with /.test(line))).toBe(true)
  })

  it('tells the same pair whichever way round it is named', () => {
    expect(sameTarget({ kind: 'link', a: 'CHN', b: 'RUS' }, { kind: 'link', a: 'RUS', b: 'CHN' })).toBe(true)
    expect(sameTarget({ kind: 'actor', id: 'CHN' }, { kind: 'link', a: 'CHN', b: 'RUS' })).toBe(false)
    expect(sameTarget(null, null)).toBe(true)
    expect(sameTarget({ kind: 'actor', id: 'CHN' }, null)).toBe(false)
  })
})

const actor = (id: string, name: string, lon: number, lat: number, bloc: 0 | 1): MapActor => ({
  id,
  name,
  lon,
  lat,
  bloc,
  readiness: 0.4,
  human: false,
  details: [name],
})

describe('pointing at the map', () => {
  const view: MapView = {
    actors: [actor('CHN', 'China', 116.4, 39.9, 0), actor('AUS', 'Australia', 149.1, -35.3, 1), actor('IND', 'India', 77.2, 28.6, 1)],
    links: [{ a: 'CHN', b: 'AUS', alignment: -0.8, tension: 0.5, details: [] }],
    events: [],
    turn: 1,
  }
  const layout = layoutMap(view, createProjection(1000, 600), 1000, 600, DEFAULT_PALETTE)
  const at = (id: string) => layout.actors.find((a) => a.actor.id === id)!

  it('finds a power by its marker or its label, a pair by its line, and nothing on empty sea', () => {
    const china = at('CHN')
    expect(pickTarget(layout, china.x + 2, china.y - 2)).toEqual({ kind: 'actor', id: 'CHN' })
    expect(pickTarget(layout, china.label.x + china.label.w / 2, china.label.y + china.label.h / 2)).toEqual({ kind: 'actor', id: 'CHN' })
    const line = layout.links[0].path[12]
    expect(pickTarget(layout, line.x + 1, line.y)).toEqual({ kind: 'link', a: 'AUS', b: 'CHN' })
    expect(pickTarget(layout, 500, 590)).toBeNull()
  })

  it('anchors a tooltip at a power, clear of its rings, and at the middle of a line', () => {
    const anchor = targetAnchor(layout, { kind: 'actor', id: 'AUS' })!
    expect(anchor).toEqual({ x: at('AUS').x, y: at('AUS').y, clear: at('AUS').extent })
    // A pair too weak to draw still has a place between its powers.
    const weak = targetAnchor(layout, { kind: 'link', a: 'IND', b: 'CHN' })!
    expect(weak.x).toBeCloseTo((at('IND').x + at('CHN').x) / 2)
    expect(targetAnchor(layout, { kind: 'actor', id: 'XXX' })).toBeNull()
  })
})

describe('invented powers on their own map', () => {
  const tutorial = loadFolder(join(ROOT, 'scenarios', 'tutorial'))
  const compiled = compileScenario(tutorial.file, tutorial.sources, tutorial.hash)

  it("the tutorial's powers are on no world map; the shipped scenario's are", () => {
    expect(geographyOf(compiled.file.actors)).toBe('schematic')
    expect(geographyOf(scenario.file.actors)).toBe('world')
    // The writers' guide's invented islands (one of them is MAR, Morocco's code, which the map does not know).
    const islands = loadFolder(join(ROOT, 'tests', 'fixtures', 'scenarios', 'modding-tutorial'))
    expect(geographyOf(islands.file.actors)).toBe('schematic')
    // One real country is enough for the world map.
    expect(
      geographyOf([
        { id: 'ZZZ', name: 'Zed' },
        { id: 'JPN', name: 'Japan' },
      ]),
    ).toBe('world')
  })

  it('stretches the powers across the canvas, inside its margins, with no countries and with names', () => {
    const view: MapView = { ...mapPicture(compiled, initialState(compiled, 1), null, ['SLM']), events: [], turn: 1 }
    const [w, h] = [800, 420]
    const projection = createSchematicProjection(view.actors, w, h, 0.8)
    const layout = layoutMap(view, projection, w, h, DEFAULT_PALETTE)
    expect(layout.geography).toBe('schematic')
    const xs = layout.actors.map((a) => a.x)
    const ys = layout.actors.map((a) => a.y)
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(w * 0.6)
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(h * 0.6)
    for (const a of layout.actors) {
      expect(a.onMap).toBe(true)
      expect(a.subtitle).toBe(a.actor.name)
      expect(a.x - a.extent).toBeGreaterThan(0)
      expect(a.y + a.extent).toBeLessThan(h)
    }
    expect(layout.blocs.every((b) => b.territories.length === 0 && b.shape !== null)).toBe(true)
  })

  it('puts a single power, or powers in a line, in the middle of the axis they do not span', () => {
    const one = createSchematicProjection([{ lon: 10, lat: 10 }], 400, 300, 1)
    expect(one([10, 10])).toEqual([200, 150])
    const row = createSchematicProjection(
      [
        { lon: 0, lat: 5 },
        { lon: 10, lat: 5 },
      ],
      400,
      300,
      1,
    )
    expect(row([0, 5])![1]).toBe(150)
    expect(row([0, 5])![0]).toBeLessThan(row([10, 5])![0])
  })
})

describe('labels and markers at any size', () => {
  const view: MapView = {
    actors: [
      actor('CHN', 'China', 116.4, 39.9, 0),
      actor('USA', 'United States', -77, 38.9, 1),
      actor('GBR', 'United Kingdom', -0.1, 51.5, 1),
    ],
    links: [],
    events: [],
    turn: 1,
  }

  it('grows the labels with the text size, not the markers', () => {
    const [w, h] = [1200, 700]
    const normal = layoutMap(view, createProjection(w, h), w, h, DEFAULT_PALETTE)
    const large = layoutMap(view, createProjection(w, h), w, h, DEFAULT_PALETTE, { textScale: 22 / 16 })
    expect(large.fontScale).toBeCloseTo(normal.fontScale * (22 / 16))
    const chn = (l: typeof normal) => l.actors.find((a) => a.actor.id === 'CHN')!
    expect(chn(large).label.h).toBeGreaterThan(chn(normal).label.h * 1.3)
    expect(chn(large).label.w).toBeGreaterThan(chn(normal).label.w * 1.3)
    expect(chn(large).radius).toBe(chn(normal).radius)
  })

  it('keeps every marker, off-map arrows included, inside small and odd canvases', () => {
    for (const [w, h] of [
      [560, 320],
      [728, 430],
      [982, 400],
      [1300, 540],
    ]) {
      const layout = layoutMap(view, createProjection(w, h), w, h, DEFAULT_PALETTE)
      for (const a of layout.actors) {
        expect(a.x - a.extent, `${a.actor.id} at ${w}×${h}`).toBeGreaterThanOrEqual(0)
        expect(a.x + a.extent, `${a.actor.id} at ${w}×${h}`).toBeLessThanOrEqual(w)
        expect(a.y - a.extent, `${a.actor.id} at ${w}×${h}`).toBeGreaterThanOrEqual(0)
        expect(a.y + a.extent, `${a.actor.id} at ${w}×${h}`).toBeLessThanOrEqual(h)
      }
    }
  })

  it('shares an edge evenly among more pinned markers than fit at the usual gap', () => {
    const items = Array.from({ length: 8 }, (_, i) => ({ x: 20, y: 100 + i, onMap: false }))
    spreadEdgeMarkers(items, 44, 200, 20)
    for (const it of items) {
      expect(it.y).toBeGreaterThanOrEqual(20)
      expect(it.y).toBeLessThanOrEqual(180)
    }
    for (let i = 1; i < items.length; i++) expect(items[i].y).toBeGreaterThan(items[i - 1].y)
  })
})
