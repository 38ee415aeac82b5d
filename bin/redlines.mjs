#!/usr/bin/env node
// The `redlines` command. The CLI is TypeScript, run through tsx so it is always the current source.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
