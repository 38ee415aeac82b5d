#!/usr/bin/env node
// `npm start`: the desktop edition when an Electron binary is available, otherwise the browser edition.
// Desktop: build main, preload and renderer with electron-vite into out/, then launch Electron on the project
// (package.json "main" points at out/main/index.js). Extra arguments are passed through to either edition.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { installedElectron } from './electron-binary.mjs'

/** The project root: the nearest folder above this script holding package.json (so the script can move). */
function findRoot(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) throw new Error('no package.json above ' + from)
  }
}

const root = findRoot(import.meta.dirname)
// The browser edition's launcher (builds it and serves it on 127.0.0.1).
const WEB_LAUNCHERS = [join(root, 'src', 'launch', 'web.mjs')]
const require = createRequire(join(root, 'package.json'))
const passthrough = process.argv.slice(2)
const FALLBACK_NOTICE =
  'Electron is not available on this machine (its binary could not be downloaded); starting the browser edition instead.'

/** require('electron') in a child process, quietly: it downloads the binary when the network allows. */
function electronFromPackage() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 180_000,
  })
  if (probe.status !== 0) return null
  const lines = probe.stdout.trim().split('\n')
  return lines[lines.length - 1] || null
}

function findElectron() {
  const installed = installedElectron(root)
  if (installed && existsSync(installed)) return installed
  const fetched = electronFromPackage()
  return fetched && existsSync(fetched) ? fetched : null
}

/** Runs a child with inherited stdio, forwarding Ctrl-C and termination, and exits with its status. */
function runAndExit(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

const electron = findElectron()
if (!electron) {
  console.log(FALLBACK_NOTICE)
  const web = WEB_LAUNCHERS.find((file) => existsSync(file)) ?? WEB_LAUNCHERS[0]
  runAndExit(process.execPath, [web, ...passthrough])
} else {
  const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
  const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
  const env = { ...process.env }
  // Set, it would make Electron behave as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE
  runAndExit(electron, [root, ...passthrough], env)
}
