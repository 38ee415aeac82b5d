#!/usr/bin/env node
// `npm run build:cli` (and `prepare`, so `npm install`/`npm ci` and `npm pack` make it): the command bundled
// into plain JavaScript in out/cli, so `redlines` starts without compiling TypeScript. Entries: redlines.js
// (the command) and batch-worker.js (loaded by `redlines batch` beside it), with their shared code in chunks,
// zod and immer included; manifest.json lists the project files it was made from, with their SHA-1, and when
// the build started (built-command.mjs).
// The new build is made beside the old one and swapped in, so a command starting meanwhile finds either a
// whole build or none (and then runs the sources).
//   --outdir DIR   build there instead (a folder directly in out/)
//   --optional     a failed build is a warning, not a failure (for `prepare`: `npm install` goes on, and
//                  the command runs from the sources)
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'
import { MANIFEST, digestOf } from './built-command.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const { values } = parseArgs({ options: { outdir: { type: 'string' }, optional: { type: 'boolean' } }, strict: true })
const outDir = resolve(root, values.outdir ?? 'out/cli')
// The command finds package.json and scenarios/ at ../.. from its code, as from src/cli.
if (dirname(outDir) !== join(root, 'out')) throw new Error(`build-cli: --outdir must be a folder directly in out/, not ${outDir}`)
const staging = `${outDir}.staging-${process.pid}`

let inputs
const startedMs = Date.now()
try {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { redlines: 'src/cli/command.ts', 'batch-worker': 'src/cli/batch-worker.ts' },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  })
  // The project's own files only: the packages bundled in change through `npm install`, which rebuilds, and an
  // install from the tarball may keep them elsewhere (hoisted), where a check would miss them.
  inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.startsWith('node_modules/'))
    .sort()
  // A file changed while the build ran may not be in it: its digest is left empty, which nothing matches.
  const digests = Object.fromEntries(
    inputs.map((input) => {
      const path = join(root, input)
      return [input, statSync(path).mtimeMs > startedMs ? '' : digestOf(readFileSync(path))]
    }),
  )
  writeFileSync(join(staging, MANIFEST), `${JSON.stringify({ startedMs, entry: 'redlines.js', inputs: digests }, null, 1)}\n`)
} catch (error) {
  rmSync(staging, { recursive: true, force: true })
  if (!values.optional) throw error
  console.warn(`build-cli: the command was not built, so it will run from the sources: ${error.message.split('\n')[0]}`)
  process.exit(0)
}

const old = `${outDir}.old-${process.pid}`
try {
  renameSync(outDir, old)
} catch (error) {
  if (error.code !== 'ENOENT') throw error
}
renameSync(staging, outDir)
rmSync(old, { recursive: true, force: true })
console.log(`build-cli: ${relative(root, outDir)} from ${inputs.length} files in ${Date.now() - startedMs} ms`)
