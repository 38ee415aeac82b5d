// Builds the desktop edition into out/: main (ESM, from src/main/index.ts), the preload as CommonJS index.cjs
// (a sandboxed preload cannot be an ES module) and the renderer from src/renderer/index.html, minified, with
// Phaser in a chunk of its own. Shipped scenarios are not bundled: main reads them from <app root>/scenarios
// in development and from <resources>/scenarios in a packaged app (see src/main/paths.ts).
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { NO_EVAL_ALIASES } from './src/renderer/no-eval-aliases.ts'
import { phaserSubset } from './src/renderer/phaser-subset-plugin.ts'

const root = import.meta.dirname

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rolldownOptions: { input: { index: resolve(root, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    resolve: { alias: NO_EVAL_ALIASES },
    // Only the parts of Phaser the map uses (src/renderer/map/phaser-subset.js).
    plugins: [phaserSubset()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite turns both off by default, which ships a 7 MB unminified Phaser.
      minify: true,
      reportCompressedSize: true,
      // Phaser alone is ~1.2 MB minified and cannot be tree-shaken.
      chunkSizeWarningLimit: 1600,
      rolldownOptions: {
        input: { index: resolve(root, 'src/renderer/index.html') },
        output: {
          codeSplitting: {
            groups: [{ name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ }],
          },
        },
      },
    },
  },
})
