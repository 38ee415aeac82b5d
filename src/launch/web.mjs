#!/usr/bin/env node
// `npm run web`: builds the browser edition and serves it on 127.0.0.1 (web-server.mjs: only real paths
// inside out/web, only to requests addressed to 127.0.0.1, localhost or [::1] and this port; text files
// compressed with brotli or gzip, from the copies the build writes beside them).
//   --port N     port to listen on (default 4173; 0 picks a free one)
//   --no-open    do not open a browser
//   --no-build   serve the last build as it is
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createWebServer } from './web-server.mjs'

const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
const outDir = join(projectRoot, 'out', 'web')

function options() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string' },
        'no-open': { type: 'boolean' },
        'no-build': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    })
    if (values.help) {
      console.log('Usage: npm run web -- [--port N] [--no-open] [--no-build]')
      process.exit(0)
    }
    const port = values.port === undefined ? 4173 : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port must be a whole number from 0 to 65535, got "${values.port}"`)
    return { port, open: !values['no-open'], build: !values['no-build'] }
  } catch (error) {
    console.error(`web: ${error.message}`)
    process.exit(2)
  }
}

async function serve(port) {
  const server = createWebServer(outDir)
  await new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', done)
  })
  return server
}

const settings = options()
if (settings.build) {
  const { build } = await import('vite')
  await build({ configFile: join(projectRoot, 'src', 'renderer', 'vite.web.config.ts'), logLevel: 'warn' })
}
const server = await serve(settings.port).catch((error) => {
  console.error(`web: cannot listen on 127.0.0.1:${settings.port}: ${error.message}`)
  process.exit(1)
})
const address = `http://127.0.0.1:${server.address().port}/`
console.log(`Red Lines (browser edition) is being served at ${address}`)
console.log('Press Ctrl+C to stop.')
if (settings.open) {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  spawn(opener, [address], { stdio: 'ignore', detached: true })
    .on('error', () => console.log(`Open ${address} in your browser.`))
    .unref()
}
