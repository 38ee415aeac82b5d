/** Where a command writes: injectable so tests can capture it. */
export interface Output {
  line(text: string): void
  err(text: string): void
  /** Progress on stderr: a bar redrawn in place on a terminal, a line per tenth elsewhere. */
  progress(done: number, total: number): void
}

function bar(done: number, total: number): string {
  const width = 30
  const filled = total > 0 ? Math.round((done / total) * width) : width
  return `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`
}

export const processOutput: Output = {
  line: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
  progress: (done, total) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${bar(done, total)}${done === total ? '\n' : ''}`)
    } else if (done === total || Math.floor((done * 10) / total) > Math.floor(((done - 1) * 10) / total)) {
      process.stderr.write(`${bar(done, total)}\n`)
    }
  },
}
