#!/usr/bin/env node
// The `redlines` command. It runs the JavaScript build in out/cli (build-cli.mjs: `npm run build:cli`, and
// `prepare` on `npm install`) when no source it was made from has changed since; otherwise the TypeScript
// sources through tsx, which compiles them on every run (about a second). REDLINES_FROM_SOURCES=1 always
// runs the sources. `--version` is answered here, before either is looked for: it needs only package.json.
import { asksForVersion, packageVersion } from './version.mjs'

if (asksForVersion(process.argv.slice(2))) {
  process.stdout.write(`redlines ${packageVersion()}\n`)
} else {
  const { fileURLToPath } = await import('node:url')
  const { freshBuild } = await import('./built-command.mjs')
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const build = process.env.REDLINES_FROM_SOURCES ? null : freshBuild(root, `${root}out/cli`)
  if (build?.entry) {
    // Node 22.1 and later keep the build's compiled code between runs; Node 20 has no such cache.
    const { enableCompileCache } = await import('node:module')
    enableCompileCache?.()
    await import(build.entry)
  } else {
    // Only a person at a terminal is told; scripts and tests read an unchanged stderr.
    if (build && process.stderr.isTTY)
      console.error(`redlines: running the sources (slower start): ${build.reason}; npm run build:cli makes it fast again`)
    const { register } = await import('tsx/esm/api')
    register()
    await import('./command.ts')
  }
}
