// Imported first by the entry: zod would otherwise probe and compile validators with `new Function`,
// which the Content-Security-Policy (script-src 'self', no unsafe-eval) forbids.
import * as z from 'zod'

z.config({ jitless: true })
