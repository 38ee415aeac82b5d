// The map's public API: a Phaser game in a host element that draws MapViews. Everything it draws
// is bundled (Natural Earth via world-atlas); it loads nothing over the network.

import * as Phaser from 'phaser'
import type { MapSettings, MapTarget, MapView } from './map-view.ts'
import { pickTarget, targetAnchor } from './pick.ts'
import { DEFAULT_PALETTE } from './palette.ts'
import { BootScene } from './scenes/boot-scene.ts'
import { PreloadScene } from './scenes/preload-scene.ts'
import { MapScene } from './scenes/map-scene.ts'

/** Where things are drawn, in canvas pixels (for tests: every marker must lie inside the canvas). */
export interface MapSnapshot {
  width: number
  height: number
  geography: 'world' | 'schematic'
  /** Marker and line scale for this canvas size. */
  scale: number
  /** Label text scale: the map's scale times the player's text size. */
  fontScale: number
  /** The power or pair highlighted now. */
  highlight: MapTarget | null
  actors: { id: string; x: number; y: number; extent: number; onMap: boolean; label: { x: number; y: number; w: number; h: number } }[]
}

export interface MapHandle {
  update(view: MapView): void
  setSettings(settings: MapSettings): void
  /** Highlight a power or a pair, or nothing; the map redraws only when this changes. */
  setHighlight(target: MapTarget | null): void
  /** The power or pair at a point of the canvas (CSS pixels from its top-left corner), if any. */
  pick(x: number, y: number): MapTarget | null
  /** Where a tooltip about the target should point, in canvas pixels, and how far around it to keep clear. */
  anchor(target: MapTarget): { x: number; y: number; clear: number } | null
  /** The layout on show, or null before the first draw. */
  snapshot(): MapSnapshot | null
  destroy(): void
  /** frames rendered so far (for the FPS benchmark) */
  frames(): number
  /** true while the map draws no frames: all is drawn and nothing moves (for tests and the benchmark) */
  idle(): boolean
  /** 'WEBGL' | 'CANVAS' */
  rendererType(): string
}

type RendererChoice = 'auto' | 'canvas' | 'webgl'

/**
 * Without an explicit choice, `?renderer=canvas|webgl` in the page URL decides (test convention).
 * 'auto' takes WebGL only when it is hardware accelerated: software WebGL (SwiftShader, llvmpipe,
 * a blocklisted GPU) fills full-screen layers several times slower than Canvas 2D.
 */
function chooseRenderer(choice: RendererChoice | undefined): number {
  let c = choice
  if (!c && typeof location !== 'undefined') {
    const q = new URLSearchParams(location.search).get('renderer')
    if (q === 'canvas' || q === 'webgl' || q === 'auto') c = q
  }
  if (c === 'canvas') return Phaser.CANVAS
  if (c === 'webgl') return Phaser.WEBGL
  return hasFastWebGL() ? Phaser.WEBGL : Phaser.CANVAS
}

function hasFastWebGL(): boolean {
  try {
    const probe = document.createElement('canvas')
    const gl = probe.getContext('webgl', { failIfMajorPerformanceCaveat: true })
    if (!gl) return false
    const info = gl.getExtension('WEBGL_debug_renderer_info')
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER))
    gl.getExtension('WEBGL_lose_context')?.loseContext()
    return !/swiftshader|llvmpipe|softpipe|software|basic render/i.test(name)
  } catch {
    return false
  }
}

export function createMap(
  parent: HTMLElement,
  initial: MapView,
  settings: MapSettings,
  options?: { renderer?: RendererChoice },
): Promise<MapHandle> {
  return new Promise<MapHandle>((resolve, reject) => {
    let observer: ResizeObserver | null = null
    let destroyed = false

    const ready = (scene: MapScene): void => {
      const g = scene.game
      // The parent may be resized by layout without a window resize. The scale manager polls
      // for that every 500 ms; this reacts at once. (Bounds first: refresh() alone would lay out
      // with the stale parent size and then record the new one, so the poll would miss it.)
      if (typeof ResizeObserver !== 'undefined') {
        observer = new ResizeObserver(() => {
          if (destroyed) return
          if (g.scale.getParentBounds()) g.scale.refresh()
          // The scale manager notices other changes (the window's) only in a frame.
          scene.requestFrames()
        })
        observer.observe(parent)
      }
      resolve({
        update: (view) => {
          if (!destroyed) scene.setView(view)
        },
        setSettings: (next) => {
          if (!destroyed) scene.setSettings(next)
        },
        setHighlight: (target) => {
          if (!destroyed) scene.setHighlight(target)
        },
        pick: (x, y) => {
          const layout = destroyed ? null : scene.currentLayout()
          return layout ? pickTarget(layout, x, y) : null
        },
        anchor: (target) => {
          const layout = destroyed ? null : scene.currentLayout()
          return layout ? targetAnchor(layout, target) : null
        },
        snapshot: () => {
          const layout = destroyed ? null : scene.currentLayout()
          if (!layout) return null
          return {
            width: layout.width,
            height: layout.height,
            geography: layout.geography,
            scale: layout.scale,
            fontScale: layout.fontScale,
            highlight: scene.currentHighlight(),
            actors: layout.actors.map((a) => ({
              id: a.actor.id,
              x: a.x,
              y: a.y,
              extent: a.extent,
              onMap: a.onMap,
              label: { ...a.label },
            })),
          }
        },
        destroy: () => {
          destroyed = true
          observer?.disconnect()
          g.destroy(true)
          // The game is destroyed in its next frame: a sleeping loop must run one.
          if (!g.loop.running) g.loop.wake()
        },
        frames: () => g.loop.frame,
        idle: () => scene.isIdle(),
        rendererType: () => (g.renderer?.type === Phaser.WEBGL ? 'WEBGL' : 'CANVAS'),
      })
    }

    try {
      new Phaser.Game({
        type: chooseRenderer(options?.renderer),
        parent,
        backgroundColor: DEFAULT_PALETTE.halo,
        banner: false,
        autoFocus: false,
        audio: { noAudio: true },
        input: { keyboard: false, mouse: false, touch: false, gamepad: false },
        // The picture is antialiased when it is drawn (Canvas 2D), so WebGL needs no MSAA; the
        // opaque picture covers every pixel, so no clear either.
        render: { antialias: true, antialiasGL: false, roundPixels: false, clearBeforeRender: false },
        scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
        callbacks: {
          postBoot: (g) => {
            // A DOM summary describes the map; the canvas itself is decoration to assistive tech.
            g.canvas.setAttribute('aria-hidden', 'true')
            g.canvas.setAttribute('tabindex', '-1')
            g.canvas.style.display = 'block'
          },
        },
        scene: [new BootScene(), new PreloadScene(), new MapScene({ view: initial, settings, onReady: ready })],
      })
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)))
    }
  })
}
