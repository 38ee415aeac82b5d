// `redlines claims`: tests the claims a scenario declares, and with --sensitivity how robust each is
// to its assumed numbers. The games and the statistics are the engine's (src/engine/claims.ts).
import type { ClaimReport, ClaimsReport, CompiledScenario } from '../engine/index.ts'
import { testClaims } from '../engine/index.ts'
import { integerFlag, requireScenario } from './options.ts'
import { loadScenarioFromDisk } from './load-from-disk.ts'
import { lensTarget } from './resolve-base.ts'
import type { Output } from './output.ts'
import { runWithProgress } from './output.ts'
import { CliError, UsageError } from './errors.ts'

export interface ClaimsFlags {
  scenario?: string
  lens?: string
  runs?: string
  seed?: string
  sensitivity?: boolean
  joint?: string
  claim?: string[]
  json?: boolean
}

function number(x: number): string {
  const digits = Math.abs(x) >= 10 ? 1 : 3
  return x.toFixed(digits)
}

function percent(share: number): string {
  return `${(share * 100).toFixed(share === 1 || share === 0 ? 0 : 1)}%`
}

export function claimLines(scn: CompiledScenario, report: ClaimsReport): string[] {
  const lines: string[] = []
  const claims = scn.file.claims ?? []
  for (const result of report.claims) {
    const claim = claims.find((candidate) => candidate.id === result.claim)!
    const { effect } = result
    const what =
      claim.baseline !== undefined
        ? `effect ${number(effect.mean)} [95% ${number(effect.low)}, ${number(effect.high)}] (policy ${number(result.policyMean)}, baseline ${number(result.baselineMean!)}), ${claim.direction} by at least ${claim.minEffect}`
        : `mean ${number(effect.mean)} [95% ${number(effect.low)}, ${number(effect.high)}], ${claim.direction === 'lower' ? 'at most' : 'at least'} ${claim.limit}`
    lines.push(`${result.holds ? 'HOLDS' : 'FAILS'}  ${claim.id}: ${claim.statement}`)
    lines.push(`       ${claim.measure.kind}${measureDetail(claim.measure)}: ${what}`)
    if (result.sensitivity) lines.push(...sensitivityLines(result))
  }
  const holding = report.claims.filter((result) => isRobust(result)).length
  const robust = report.assumed ? ' and are robust' : ''
  lines.push(`${holding} of ${report.claims.length} claims hold${robust}`)
  return lines
}

function measureDetail(measure: { kind: string; pair?: [string, string]; role?: string }): string {
  if (measure.pair) return ` ${measure.pair.join('–')}`
  if (measure.role) return ` of ${measure.role}`
  return ''
}

function sensitivityLines(result: ClaimReport): string[] {
  const { oneAtATime, joint } = result.sensitivity!
  const lines = [
    `       ±20% one at a time: holds in ${oneAtATime.holding}/${oneAtATime.total} (${percent(oneAtATime.share)}); joint sample: ${joint.holding}/${joint.total} (${percent(joint.share)})`,
  ]
  if (oneAtATime.broken.length > 0) {
    const shown = oneAtATime.broken.slice(0, 8).join(', ')
    lines.push(`       fails with: ${shown}${oneAtATime.broken.length > 8 ? `, and ${oneAtATime.broken.length - 8} more` : ''}`)
  }
  return lines
}

/** A claim counts when it holds, and with sensitivity also in every one-at-a-time and ≥90% of the joint runs. */
export function isRobust(result: ClaimReport): boolean {
  if (!result.holds) return false
  if (!result.sensitivity) return true
  return result.sensitivity.oneAtATime.share === 1 && result.sensitivity.joint.share >= 0.9
}

export async function claims(flags: ClaimsFlags, out: Output): Promise<number> {
  // Every flag is checked before anything is read.
  const given = requireScenario(flags.scenario)
  const runs = integerFlag('runs', flags.runs, 30, 2, 100_000)
  const seed = integerFlag('seed', flags.seed, 1, 0, 0xffffffff)
  if (flags.joint !== undefined && !flags.sensitivity) throw new UsageError('--joint goes with --sensitivity')
  const joint = integerFlag('joint', flags.joint, 64, 1, 10_000)
  const chosen = await lensTarget(given, flags.lens)
  const target = chosen.target
  const { scenario: scn, warnings } = await loadScenarioFromDisk(chosen)
  for (const warning of warnings) out.err(warning)
  const declared = scn.file.claims ?? []
  if (declared.length === 0) throw new CliError(`${target}: the scenario declares no claims (see "Claims" in scenarios/MODDING.md)`)
  for (const id of flags.claim ?? [])
    if (!declared.some((claim) => claim.id === id))
      throw new CliError(`${target}: no claim "${id}" (claims: ${declared.map((claim) => claim.id).join(', ')})`)

  const started = performance.now()
  const report = runWithProgress(testClaims(scn, { runs, seed, sensitivity: flags.sensitivity, joint, only: flags.claim }), out)
  const seconds = (performance.now() - started) / 1000
  if (flags.json) {
    out.line(JSON.stringify({ ...report, seconds: Math.round(seconds * 10) / 10 }))
  } else {
    const sensitivity = report.assumed
      ? `, sensitivity: ${report.assumed.numbers} assumed numbers ±20% one at a time and ${report.assumed.joint} joint points`
      : ''
    out.line(`${scn.file.title}: claims tested with ${runs} paired seeds from seed ${seed}${sensitivity}, ${seconds.toFixed(1)} s`)
    for (const line of claimLines(scn, report)) out.line(line)
  }
  return report.claims.every(isRobust) ? 0 : 1
}
