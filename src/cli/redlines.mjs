#!/usr/bin/env node
// The `redlines` command. The CLI is TypeScript, run through tsx so it is always the current source.
import { register } from 'tsx/esm/api'

register()
// Output piped into `head` and the like: stop quietly when the reader goes away.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
}
const { main } = await import('./main.ts')
process.exitCode = await main(process.argv.slice(2))
