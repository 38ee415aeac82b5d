#!/usr/bin/env node
// `npm run dist`: the installers (AppImage and deb, NSIS, dmg: package.json "build") from a fresh electron-vite
// build. electron-builder packages the Electron distribution already on disk; without it, one clear line and exit 1.
//   Extra arguments go to electron-builder (e.g. `npm run dist -- --linux deb`).
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronDistFolder } from './electron-binary.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const require = createRequire(join(root, 'package.json'))

const dist = electronDistFolder(root)
if (!dist) {
  console.error(
    'npm run dist: the Electron binary is not on this machine (node_modules/electron has not downloaded it), and packaging needs it; run `npx install-electron` where the network allows, then try again.',
  )
  process.exit(1)
}

function run(script, args) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

run(join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'), ['build'])
run(join(dirname(require.resolve('electron-builder/package.json')), 'cli.js'), [`-c.electronDist=${dist}`, ...process.argv.slice(2)])
