// Sizes for tests/e2e/perf.ts: the JavaScript and CSS the browser edition's pages download, compressed as
// the server of `npm run web` sends them, and the bare Phaser page built the same way as the baseline.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build } from 'vite'

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface Sizes {
  raw: number
  gzip: number
  brotli: number
  files: { name: string; raw: number; gzip: number; brotli: number }[]
}

/** The sizes of these files of `folder` (gzip level 9, brotli quality 11), and their sums. */
export function sizesOf(folder: string, names: Iterable<string>): Sizes {
  const files = [...new Set(names)].sort().map((name) => {
    const bytes = readFileSync(join(folder, name))
    return {
      name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    }
  })
  const sum = (key: 'raw' | 'gzip' | 'brotli') => files.reduce((total, file) => total + file[key], 0)
  return { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli'), files }
}

/** The bare Phaser page (tests/bench/bare-phaser), built with vite into a temporary folder: its JS and CSS. */
export async function barePhaserSizes(): Promise<Sizes> {
  const outDir = mkdtempSync(join(tmpdir(), 'redlines-bare-phaser-'))
  try {
    await build({
      configFile: false,
      logLevel: 'error',
      root: join(PROJECT_ROOT, 'tests', 'bench', 'bare-phaser'),
      base: './',
      build: { outDir, emptyOutDir: true, minify: true },
    })
    const assets = join(outDir, 'assets')
    return sizesOf(
      assets,
      readdirSync(assets).filter((name) => /\.(js|css)$/.test(name)),
    )
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}
