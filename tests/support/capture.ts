import type { Output } from '../../src/cli/output.ts'

export interface Captured extends Output {
  stdout: string[]
  stderr: string[]
}

export function captureOutput(): Captured {
  const stdout: string[] = []
  const stderr: string[] = []
  return {
    stdout,
    stderr,
    line: (text) => void stdout.push(text),
    err: (text) => void stderr.push(text),
    progress: (done, total) => void stderr.push(`progress ${done}/${total}`),
  }
}
