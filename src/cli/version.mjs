// The version in package.json (the command and the app share it). Plain JavaScript with nothing imported but
// node:fs, so that `redlines --version` (src/cli/redlines.mjs) answers before loading the command or checking
// its build.
import { readFileSync } from 'node:fs'

/** package.json's `version`. */
export function packageVersion() {
  return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version
}

/** Whether the command line asks only for the version (the command ignores anything after it). */
export function asksForVersion(args) {
  return args[0] === '--version' || args[0] === '-V' || args[0] === 'version'
}
