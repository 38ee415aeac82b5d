// The class server as a teacher starts it (`npm run classroom`, a child process), and free ports for it.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url))

export interface ServerProcess {
  child: ChildProcess
  url: string
  port: number
  output: () => string
  stop(signal: NodeJS.Signals): Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

/** Starts `src/launch/classroom.mjs` and resolves once it listens (with the address it prints). */
export function startServerProcess(args: string[]): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['src/launch/classroom.mjs', '--no-open', '--no-build', ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const found = /class server at (http:\/\/127\.0\.0\.1:(\d+))\//.exec(out)
      if (found)
        resolve({
          child,
          url: found[1],
          port: Number(found[2]),
          output: () => out,
          async stop(signal) {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal)
            await exited
          },
        })
    })
    child.stderr.on('data', (chunk: Buffer) => void (out += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`the class server exited (${code}) before listening:\n${out}`)))
  })
}
