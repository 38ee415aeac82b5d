// A child process that runs a TypeScript entry from the sources: registers tsx, then loads the entry given as
// its first argument (for `redlines` run from the sources; the build runs its JavaScript directly).
import { register } from 'tsx/esm/api'

register()
await import(process.argv[2])
