#!/usr/bin/env node
// `npm run classroom`: builds the browser edition and starts the class server; opens the teacher's console.
//   --port N                 port to listen on (default 2567; 0 picks a free one)
//   --lan                    listen on the local network too (students' devices); says so plainly
//   --lan-teachers           let other machines create classes too (only with --lan)
//   --no-open                do not open the teacher's console in a browser
//   --no-build               serve the last build of the browser edition as it is
//   --data DIR               where class logs are kept (default: the app's data folder, classes/)
//   --redis URL              share rooms with other server processes through this Redis (redis://host:port)
//   --public-address H:P     the address at which clients reach this process (needed with --redis)
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { register } from 'tsx/esm/api'

const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
const USAGE =
  'Usage: npm run classroom -- [--port N] [--lan] [--lan-teachers] [--no-open] [--no-build] [--data DIR] [--redis URL --public-address HOST:PORT]'

function options() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string' },
        lan: { type: 'boolean' },
        'lan-teachers': { type: 'boolean' },
        'no-open': { type: 'boolean' },
        'no-build': { type: 'boolean' },
        data: { type: 'string' },
        redis: { type: 'string' },
        'public-address': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    })
    if (values.help) {
      console.log(USAGE)
      process.exit(0)
    }
    const port = values.port === undefined ? 2567 : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port must be a whole number from 0 to 65535, got "${values.port}"`)
    if (values['lan-teachers'] && !values.lan) throw new Error('--lan-teachers needs --lan')
    if (values.redis !== undefined && !/^rediss?:\/\/[^\s]+$/.test(values.redis))
      throw new Error(`--redis must be a redis:// URL, got "${values.redis}"`)
    if (values.redis !== undefined && values['public-address'] === undefined)
      throw new Error('--redis needs --public-address HOST:PORT (the address at which clients reach this process)')
    const publicAddress = values['public-address']
    if (publicAddress !== undefined && !/^[A-Za-z0-9.-]+:\d{1,5}$/.test(publicAddress))
      throw new Error(`--public-address must be HOST:PORT, got "${publicAddress}"`)
    if (publicAddress !== undefined && port === 0) throw new Error('--public-address needs a fixed --port, not 0')
    if (values.data === '') throw new Error('--data needs a folder')
    return {
      port,
      lan: Boolean(values.lan),
      lanTeachers: Boolean(values['lan-teachers']),
      open: !values['no-open'],
      build: !values['no-build'],
      data: values.data === undefined ? undefined : resolve(values.data),
      redis: values.redis,
      publicAddress,
    }
  } catch (error) {
    console.error(`classroom: ${error.message}`)
    console.error(USAGE)
    process.exit(2)
  }
}

const settings = options()
if (settings.build) {
  const { build } = await import('vite')
  await build({ configFile: join(projectRoot, 'src', 'renderer', 'vite.web.config.ts'), logLevel: 'warn' })
}
register()
const { startClassServer, defaultDataDir } = await import('../classroom/server.ts')
const dataDir = settings.data ?? defaultDataDir()
const host = settings.lan ? '0.0.0.0' : '127.0.0.1'
const server = await startClassServer({
  port: settings.port,
  host,
  dataDir,
  publicAddress: settings.publicAddress,
  redis: settings.redis,
  lanTeachers: settings.lanTeachers,
}).catch((error) => {
  console.error(`classroom: ${error.message}`)
  process.exit(1)
})

const console_ = `${server.url}/?teach`
console.log(`Red Lines class server at ${server.url}/`)
console.log(`Teacher's console: ${console_}`)
console.log(`Class logs: ${dataDir}`)
if (server.network === 'lan') {
  const where =
    server.lanAddresses.length > 0
      ? server.lanAddresses.map((address) => `http://${address}:${server.port}/`).join(', ')
      : '(no network address found)'
  console.log(`THE CLASS IS REACHABLE ON THE LOCAL NETWORK at ${where}: anyone on this network can open the join page.`)
  if (settings.lanTeachers) console.log('Other machines on the network may create classes too (--lan-teachers).')
} else {
  console.log('Listening on this machine only (loopback). Students on other devices need --lan.')
}
const { restored } = server
if (restored.restored.length > 0)
  console.log(`Resumed ${restored.restored.length} unfinished class(es) from their logs: ${restored.restored.join(', ')}`)
console.log('Press Ctrl+C to stop.')

if (settings.open) {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  spawn(opener, [console_], { stdio: 'ignore', detached: true })
    .on('error', () => console.log(`Open ${console_} in your browser.`))
    .unref()
}

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) process.exit(1)
    stopping = true
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(`classroom: ${error.message}`)
        process.exit(1)
      },
    )
  })
}
