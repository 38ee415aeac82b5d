// A build step of both editions: 'phaser' is src/renderer/map/phaser-subset.js, which takes from Phaser's
// sources only what the map uses (~170 kB gzip instead of ~355 kB), with Phaser's build flags set as its own
// builds set them (both renderers; no sound, which the map turns off anyway). The dev server (`npm run
// dev:web`) keeps the whole package.
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

const PHASER_SOURCE = join(dirname(createRequire(import.meta.url).resolve('phaser/package.json')), 'src') + sep
const SUBSET = fileURLToPath(new URL('./map/phaser-subset.js', import.meta.url))

/** The values Phaser's sources test as `typeof FLAG`, as its webpack builds define them. */
const FLAGS: Record<string, boolean> = {
  CANVAS_RENDERER: true,
  WEBGL_RENDERER: true,
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false,
  PLUGIN_FBINSTANT: false,
  EXPERIMENTAL: false,
}
const FLAG_TEST = new RegExp(`typeof (${Object.keys(FLAGS).join('|')})\\b`, 'g')

export function phaserSubset(): Plugin {
  return {
    name: 'red-lines:phaser-subset',
    apply: 'build',
    enforce: 'pre',
    config: () => ({
      resolve: {
        alias: [
          { find: /^phaser$/, replacement: SUBSET },
          { find: /^phaser-source\//, replacement: PHASER_SOURCE },
        ],
      },
    }),
    transform(code, id) {
      if (!id.startsWith(PHASER_SOURCE) || !code.includes('typeof ')) return null
      return { code: code.replace(FLAG_TEST, (_, flag: string) => String(FLAGS[flag])), map: null }
    },
  }
}
