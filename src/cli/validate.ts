// `redlines validate`: every problem of every scenario given, one per line; for an extension, which base it
// builds on and what it changes; with --provenance, which file every item comes from.
import { dirname, join } from 'node:path'
import type { LoadResult, ProvenanceEntry, RelatedLocation } from '../engine/scenario/index.ts'
import { describeProvenanceItem } from '../engine/scenario/index.ts'
import { CliError } from './errors.ts'
import { checkScenarioOnDisk, formatDiagnostics, shownPath } from './load-from-disk.ts'
import type { Output } from './output.ts'
import { scenarioReferences } from './scenario-references.ts'

export interface ValidateFlags {
  provenance?: boolean
}

export interface ValidateOutcome {
  ok: boolean
  /** Folders whose files the verdict depends on (the scenario's, its sources', its bases'). */
  folders: string[]
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function at(location: RelatedLocation, shownFolder: string): string {
  return `${shownPath(shownFolder, location.file)}:${location.line}:${location.column}`
}

/** The lines that say where items come from: the changed ones always, every item with `all`. */
export function provenanceLines(result: Extract<LoadResult, { ok: true }>, shownFolder: string, all: boolean): string[] {
  const lines: string[] = []
  const counts = { overridden: 0, added: 0, replaced: 0 }
  const width = Math.max(24, ...result.provenance.map((entry) => describeProvenanceItem(entry).length))
  const row = (change: string, entry: Pick<ProvenanceEntry, 'collection' | 'key'>, where: string) =>
    `  ${change.padEnd(10)}  ${describeProvenanceItem(entry).padEnd(width)}  ${where}`
  for (const entry of result.provenance) {
    if (entry.change in counts) counts[entry.change as keyof typeof counts]++
    if (!all && (entry.change === 'own' || entry.change === 'inherited')) continue
    lines.push(row(entry.change, entry, at(entry.at, shownFolder)))
    for (const override of entry.overrides ?? []) {
      lines.push(`  ${''.padEnd(10)}  ${`  ${override.fields.join(', ')} from`.padEnd(width)}  ${at(override.at, shownFolder)}`)
    }
  }
  for (const removed of result.removed) lines.push(row('removed', removed, `by ${at(removed.by, shownFolder)}`))
  if (result.bases.length === 0) return all ? [`${shownFolder}: every item is written in its own file`, ...lines] : lines
  const chain = result.bases.map((base) => `${base.id} ${base.version} (${shownPath(shownFolder, base.file)})`).join(', which extends ')
  const summary = `${plural(counts.overridden, 'item')} overridden, ${counts.added} added, ${result.removed.length} removed, ${counts.replaced} in replaced sections`
  const hint = all ? '' : ' (--provenance lists every item)'
  return [`${shownFolder}: extends ${chain}: ${summary}${hint}`, ...lines]
}

/** Validates one scenario; `status` receives the one-line verdict. */
export async function validateTarget(
  target: string,
  flags: ValidateFlags,
  out: Output,
  status: (text: string) => void,
): Promise<ValidateOutcome> {
  let checked
  try {
    checked = await checkScenarioOnDisk(target)
  } catch (error) {
    if (!(error instanceof CliError)) throw error
    out.line(error.message)
    return { ok: false, folders: [] }
  }
  const { disk, result, bases } = checked
  for (const line of checked.refused) out.line(line)
  for (const line of formatDiagnostics(result.diagnostics, disk.shownFolder, disk.mainName)) out.line(line)
  const sourceFolders = Object.keys(disk.files).map((file) => dirname(join(disk.folder, file)))
  const baseFolders = [...bases.bases.values()].flatMap((base) => [
    base.folder,
    ...Object.keys(base.files).map((file) => dirname(join(base.folder, file))),
  ])
  const folders = [...new Set([disk.folder, ...sourceFolders, ...baseFolders])]
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length
    status(`${target}: ${plural(errors, 'error')}`)
    return { ok: false, folders }
  }
  for (const line of provenanceLines(result, disk.shownFolder, Boolean(flags.provenance))) out.line(line)
  const lens = result.scenario.lens
  if (lens) {
    const base = scenarioReferences(disk.files['scenario.json']).lensOf
    out.line(`${disk.shownFolder}: ${base ? `lens of ${base}` : 'the default reading'}: ${lens.name}: ${lens.reading}`)
  }
  const warnings = result.diagnostics.length
  status(`${target}: valid (${result.scenario.id} ${result.scenario.version})${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''}`)
  return { ok: true, folders }
}

export async function validate(targets: string[], flags: ValidateFlags, out: Output): Promise<number> {
  let failed = false
  for (const target of targets) {
    const outcome = await validateTarget(target, flags, out, (text) => out.err(text))
    if (!outcome.ok) failed = true
  }
  return failed ? 1 : 0
}
