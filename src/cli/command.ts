// The process around the command: its arguments, its exit code, and a quiet stop when the reader of its
// output goes away (piped into `head`). src/cli/redlines.mjs starts here, from the build in out/cli or
// from these sources through tsx.
import './zod-setup.ts'

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
}
// Imported after zod is set up: in the build, zod and the engine's schemas share a chunk that a static
// import would run first.
const { main } = await import('./main.ts')
process.exitCode = await main(process.argv.slice(2))
