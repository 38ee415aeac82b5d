// A build step for the browser bundle: the Colyseus client's MessagePack decoder (msgpackr) probes whether it
// may compile code at run time, which this page's Content-Security-Policy forbids (the probe is caught, but
// every page load reports a violation). msgpackr's own no-eval build does the same: the probe and the code
// generators it guards are pointed at a name that does not exist, so it falls back to plain decoding.
import type { Plugin } from 'vite'

const MSGPACKR = /[\\/]@colyseus[\\/]msgpackr[\\/]/
const COMPILES_CODE = /\bnew Function\(/g

export function msgpackrWithoutEval(): Plugin {
  return {
    name: 'red-lines:msgpackr-without-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!MSGPACKR.test(id) || !COMPILES_CODE.test(code)) return null
      return { code: code.replace(COMPILES_CODE, 'new BlockedFunction('), map: null }
    },
  }
}
