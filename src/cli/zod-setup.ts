// Imported first by the command: zod otherwise compiles a validator for every object schema with
// `new Function` the first time it is used, which costs more than it saves when a command checks one
// scenario file and exits (a third of `redlines validate`). The results are the same either way.
import * as z from 'zod'

z.config({ jitless: true })
