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

/** Runs an engine generator to its end, showing its progress; redraws at most every 0.1% of the work. */
export function runWithProgress<Result>(work: Generator<{ done: number; total: number }, Result>, out: Output): Result {
  let step = work.next()
  let shown = -1
  while (!step.done) {
    const { done, total } = step.value
    const permille = Math.floor((done * 1000) / total)
    if (permille !== shown || done === total) {
      shown = permille
      out.progress(done, total)
    }
    step = work.next()
  }
  return step.value
}
