// `redlines validate`: every problem of every scenario given, one per line.
import { formatDiagnostics, readScenarioFromDisk } from './read-scenario.ts'
import { loadScenario } from '../engine/scenario/index.ts'
import { CliError } from './errors.ts'
import type { Output } from './output.ts'

export async function validate(targets: string[], out: Output): Promise<number> {
  let failed = false
  for (const target of targets) {
    let disk
    try {
      disk = await readScenarioFromDisk(target)
    } catch (error) {
      if (!(error instanceof CliError)) throw error
      out.line(`${error.message}`)
      failed = true
      continue
    }
    const result = loadScenario(disk.files)
    for (const line of formatDiagnostics(result.diagnostics, disk.shownFolder)) out.line(line)
    if (!result.ok) {
      failed = true
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length
      out.err(`${target}: ${errors} error${errors === 1 ? '' : 's'}`)
    } else {
      const warnings = result.diagnostics.length
      out.err(
        `${target}: valid (${result.scenario.id} ${result.scenario.version})${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`,
      )
    }
  }
  return failed ? 1 : 0
}
