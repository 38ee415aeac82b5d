// The browser edition: the same renderer, built as static files (served by src/launch/web.mjs).
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { NO_EVAL_ALIASES } from './no-eval-aliases.ts'
import { phaserSubset } from './phaser-subset-plugin.ts'
import { precompress } from './precompress-plugin.ts'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root,
  base: './',
  resolve: { alias: NO_EVAL_ALIASES },
  plugins: [phaserSubset(), precompress()],
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../../out/web', import.meta.url)),
    emptyOutDir: true,
    minify: true,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ }] },
      },
    },
  },
  server: { fs: { allow: [fileURLToPath(new URL('../..', import.meta.url))] } },
})
