// The map scene. It renders the last MapView it was given and animates that view's events when
// the turn changes; it holds no rule state and makes no decisions.
//
// Cost model: the whole static picture (base map + blocs, links, markers, labels) is one canvas
// texture, so each frame draws one full-screen quad plus small objects. The base map (with the
// blocs' land) is traced into an offscreen canvas only on resize or when a bloc's membership or
// the palette changes; the picture is recomposed only on update, settings change or resize. Per frame the scene does nothing unless a turn's events are playing, when it
// redraws one Graphics.
//
// Frames are drawn only while something changes or moves: once a frame has shown everything, the game
// loop sleeps (no frames at all, so an idle map costs nothing), and a new view, new settings or a
// resize wake it for as long as they need.

import * as Phaser from 'phaser'
import type { GeoProjection } from 'd3-geo'
import { sameTarget, type MapSettings, type MapTarget, type MapView } from '../map-view.ts'
import { SCENE_KEYS, TEXTURE_KEYS } from '../manifest.ts'
import { drawBaseMap } from '../base-layer.ts'
import { BlocPainter, drawOverlay } from '../overlay-layer.ts'
import { EventLayer } from '../event-layer.ts'
import { layoutMap, type MapLayout } from '../layout.ts'
import { paletteFor, type MapPalette } from '../palette.ts'
import { createProjection, placePoint, uiScale, EDGE_MARGIN } from '../projection.ts'
import { createSchematicProjection, drawSchematicBase, type SchematicProjection } from '../schematic.ts'
import { geographyOf } from '../territory.ts'

export interface MapSceneInit {
  view: MapView
  settings: MapSettings
  onReady: (scene: MapScene) => void
}

export class MapScene extends Phaser.Scene {
  private view: MapView
  private settings: MapSettings
  private readonly onReady: (scene: MapScene) => void

  private projection: GeoProjection | SchematicProjection | null = null
  /** The actors (ids, names, places) the projection was made for: a schematic is fitted to them. */
  private projectionKey = ''
  private layout: MapLayout | null = null
  private highlight: MapTarget | null = null
  /** The traced base map with the blocs' land, kept to recompose the picture without re-tracing. */
  private baseCanvas: HTMLCanvasElement | null = null
  /** What the base canvas shows (size, palette, bloc membership); redrawn when this changes. */
  private baseKey = ''
  private picture: Phaser.Textures.CanvasTexture | null = null
  private pictureImage: Phaser.GameObjects.Image | null = null
  private blocPainter: BlocPainter | null = null
  private eventLayer: EventLayer | null = null
  private sizeDirty = false
  private viewDirty = false
  /** The loop is to sleep after the frame being drawn, unless something asks for frames meanwhile. */
  private sleepAfterFrame = false
  private wakeRequested = false

  constructor(init: MapSceneInit) {
    super({ key: SCENE_KEYS.map })
    this.view = init.view
    this.settings = init.settings
    this.onReady = init.onReady
  }

  create(): void {
    const { width, height } = this.size()
    this.baseCanvas = document.createElement('canvas')
    if (this.textures.exists(TEXTURE_KEYS.map)) this.textures.remove(TEXTURE_KEYS.map)
    this.picture = this.textures.createCanvas(TEXTURE_KEYS.map, width, height)
    if (!this.picture) throw new Error('could not create the map texture')
    this.pictureImage = this.add.image(0, 0, TEXTURE_KEYS.map).setOrigin(0, 0).setDepth(0)
    this.blocPainter = new BlocPainter()
    this.eventLayer = new EventLayer(this, 1)
    this.redrawView()

    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize)
    this.game.events.on(Phaser.Core.Events.POST_RENDER, this.sleepIfIdle)
    this.sys.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize)
      this.game.events.off(Phaser.Core.Events.POST_RENDER, this.sleepIfIdle)
      this.eventLayer?.destroy()
      this.eventLayer = null
    })
    this.onReady(this)
  }

  /** Show a new view; replays its events if the turn changed. */
  setView(view: MapView): void {
    const turnChanged = view.turn !== this.view.turn
    this.view = view
    this.viewDirty = true
    this.requestFrames()
    if (turnChanged && this.eventLayer) {
      this.eventLayer.play(view.events, this.settings)
      this.placeEvents()
    }
  }

  setSettings(settings: MapSettings): void {
    const motionChanged = settings.reducedMotion !== this.settings.reducedMotion
    this.settings = settings
    this.viewDirty = true
    this.requestFrames()
    // Running animations restart in the new mode rather than jump.
    if (motionChanged && this.eventLayer?.isActive()) {
      this.eventLayer.play(this.view.events, settings)
      this.placeEvents()
    }
  }

  /** Highlight a power or a pair (null: none); redraws only when the highlight changes. */
  setHighlight(target: MapTarget | null): void {
    if (sameTarget(target, this.highlight)) return
    this.highlight = target
    this.viewDirty = true
    this.requestFrames()
  }

  currentHighlight(): MapTarget | null {
    return this.highlight
  }

  /** The layout on show (null before the first draw). */
  currentLayout(): MapLayout | null {
    return this.layout
  }

  update(time: number): void {
    if (this.sizeDirty) {
      this.sizeDirty = false
      this.resizeLayers()
      this.projection = null
      this.viewDirty = true
    }
    if (this.viewDirty) {
      this.viewDirty = false
      this.redrawView()
      this.placeEvents()
    }
    const layout = this.layout
    if (layout) this.eventLayer?.draw(time, this.palette(), layout.scale)
    this.sleepAfterFrame = !this.sizeDirty && !this.viewDirty && !this.eventLayer?.isActive()
  }

  /** Whether the loop is asleep: the last frame shows everything and nothing moves (for tests and the benchmark). */
  isIdle(): boolean {
    return !this.game.loop.running && !this.wakeRequested
  }

  /** Frames from the next animation frame on, until the scene has drawn what changed (the loop sleeps again then). */
  requestFrames(): void {
    this.sleepAfterFrame = false
    if (this.game.loop.running || this.wakeRequested) return
    // On the next animation frame, not now: waking runs a whole frame at once, maybe inside a caller's event.
    this.wakeRequested = true
    requestAnimationFrame(() => {
      this.wakeRequested = false
      if (this.sys.isActive()) this.game.loop.wake()
    })
  }

  private readonly sleepIfIdle = (): void => {
    if (!this.sleepAfterFrame) return
    this.sleepAfterFrame = false
    this.game.loop.sleep()
  }

  private palette(): MapPalette {
    return paletteFor(this.settings)
  }

  private size(): { width: number; height: number } {
    return {
      width: Math.max(1, Math.floor(this.scale.gameSize.width)),
      height: Math.max(1, Math.floor(this.scale.gameSize.height)),
    }
  }

  private readonly onResize = (): void => {
    this.sizeDirty = true
    this.requestFrames()
  }

  private resizeLayers(): void {
    const { width, height } = this.size()
    this.picture?.setSize(width, height)
    this.pictureImage?.setSizeToFrame()
    this.cameras.main.setSize(width, height)
  }

  private redrawView(): void {
    const canvas = this.baseCanvas
    const baseCtx = canvas?.getContext('2d')
    if (!this.picture || !this.blocPainter || !canvas || !baseCtx) return
    const { width, height } = this.size()
    const actorsKey = this.view.actors.map((a) => `${a.id}|${a.name}|${a.lon}|${a.lat}`).join(';')
    if (!this.projection || actorsKey !== this.projectionKey) {
      this.projectionKey = actorsKey
      this.projection =
        geographyOf(this.view.actors) === 'world'
          ? createProjection(width, height)
          : createSchematicProjection(this.view.actors, width, height, uiScale(width, height))
    }
    const projection = this.projection
    const palette = this.palette()
    this.layout = layoutMap(this.view, projection, width, height, palette, { textScale: this.settings.textScale })

    const key = [
      width,
      height,
      this.layout.geography,
      this.settings.colourBlindSafe,
      ...this.layout.blocs.map((b) => `${b.bloc}:${b.territories.map((t) => t.properties.name).join(',')}`),
    ].join('|')
    if (key !== this.baseKey) {
      this.baseKey = key
      canvas.width = width
      canvas.height = height
      if ('schematic' in projection) drawSchematicBase(baseCtx, width, height, palette, this.layout.scale)
      else drawBaseMap(baseCtx, projection, width, height, palette, this.layout.blocs, this.layout.scale)
    }

    const ctx = this.picture.getContext()
    ctx.clearRect(0, 0, width, height)
    ctx.drawImage(canvas, 0, 0)
    drawOverlay(ctx, this.layout, palette, this.blocPainter, this.highlight)
    this.picture.refresh()
  }

  private placeEvents(): void {
    const projection = this.projection
    if (!projection || !this.eventLayer) return
    const { width, height } = this.size()
    const scale = uiScale(width, height)
    this.eventLayer.place(
      (lon, lat) => placePoint(projection, lon, lat, width, height, EDGE_MARGIN * scale),
      this.palette(),
      scale,
      width,
      this.settings.textScale ?? 1,
    )
  }
}
