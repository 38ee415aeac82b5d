// Packages the renderer takes in their eval-free builds: the page's Content-Security-Policy forbids eval
// (script-src 'self'), and the classroom client's MessagePack decoder otherwise probes `Function('')` on
// import (a CSP violation on every page) to compile its readers.
export const NO_EVAL_ALIASES = [{ find: /^@colyseus\/msgpackr$/, replacement: '@colyseus/msgpackr/index-no-eval' }]
