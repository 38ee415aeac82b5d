// `redlines dilemma`: the game as a security dilemma, measured on a scenario's declared policies
// (src/engine/dilemma.ts does the games): per role, what each policy scores against the computer and in
// a quiet world, how far it moves the world, and whether mutual restraint beats mutual hostility.
import type { DilemmaReport, RoleDilemma } from '../engine/index.ts'
import { analyseDilemma } from '../engine/index.ts'
import { checkTurnsForm, integerFlag, requireScenario, turnsFlag } from './options.ts'
import { loadScenarioFromDisk } from './load-from-disk.ts'
import { lensTarget } from './resolve-base.ts'
import type { Output } from './output.ts'
import { runWithProgress } from './output.ts'

export interface DilemmaFlags {
  scenario?: string
  lens?: string
  runs?: string
  seed?: string
  turns?: string
  json?: boolean
}

const fixed = (x: number, digits = 1) => x.toFixed(digits)
const percent = (share: number) => `${Math.round(share * 100)}%`

function roleLines(role: RoleDilemma): string[] {
  const lines = [`${role.actor} (${role.role})`]
  lines.push('  policy                     firm  vs computer  vs quiet  vs hostile  pair align  quasi  tension  incidents  clash')
  for (const r of role.policies) {
    const marks = `${r.policy === role.best.computer ? '*' : ' '}${r.policy === role.best.quiet ? '°' : ' '}${r.policy === role.best.hostile ? '!' : ' '}`
    lines.push(
      `  ${marks}${r.policy.padEnd(23)} ${r.firm ? 'yes ' : 'no  '}  ${fixed(r.score.computer).padStart(11)}  ${fixed(r.score.quiet).padStart(8)}  ${fixed(r.score.hostile).padStart(10)}` +
        `  ${fixed(r.pairAlignment, 3).padStart(10)}  ${percent(r.quasiAlliance).padStart(5)}  ${fixed(r.neighbourhoodTension, 3).padStart(7)}` +
        `  ${fixed(r.incidents, 2).padStart(9)}  ${percent(r.armedClash).padStart(5)}`,
    )
  }
  const spread = role.spread
  lines.push(
    `  spread over its policies: pair alignment ${fixed(spread.pairAlignment, 3)}, quasi-alliance ${percent(spread.quasiAlliance)} points, ` +
      `tension near it ${fixed(spread.neighbourhoodTension, 3)}, incidents ${fixed(spread.incidents, 2)} a turn`,
  )
  lines.push(
    `  a firm policy beats passing against the computer: ${role.firmPays ? 'yes' : 'no'}; one policy best in every situation: ${role.noSingleBest ? 'no' : 'yes'}`,
  )
  return lines
}

export function dilemmaLines(report: DilemmaReport): string[] {
  const lines: string[] = []
  for (const role of report.roles) lines.push(...roleLines(role), '')
  lines.push('Mutual restraint (everyone passes) against mutual hostility (each takes its most tempting firm policy):')
  for (const role of report.roles) {
    const restraint = report.mutual.restraint[role.role]
    const hostility = report.mutual.hostility[role.role]
    const policy = report.mutual.hostilityPolicies[role.actor] ?? 'pass'
    lines.push(`  ${role.actor}  restraint ${fixed(restraint).padStart(5)}  hostility ${fixed(hostility).padStart(5)} (${policy})`)
  }
  const { summary } = report
  lines.push(
    '',
    `A firm policy outscores passing for ${summary.firmPays} of ${summary.roles} roles; mutual restraint beats mutual hostility for ${summary.restraintBetter} of ${summary.roles}; the best policy depends on the situation for ${summary.noSingleBest} of ${summary.roles}.`,
    '* best against the computer players, ° best when the others pass, ! best when the others take their most tempting firm policy.',
    'Scores are whole-game means over the seeds; the columns after the scores are against the computer players.',
  )
  return lines
}

export async function dilemma(flags: DilemmaFlags, out: Output): Promise<number> {
  // Every flag that can be checked without the scenario is checked before anything is read.
  const target = requireScenario(flags.scenario)
  const runs = integerFlag('runs', flags.runs, 40, 1, 100_000)
  const seed = integerFlag('seed', flags.seed, 1, 0, 0xffffffff)
  checkTurnsForm(flags.turns)
  const { scenario: scn, warnings } = await loadScenarioFromDisk(await lensTarget(target, flags.lens))
  for (const warning of warnings) out.err(warning)
  const turns = turnsFlag(flags.turns, scn)
  const started = performance.now()
  const report = runWithProgress(analyseDilemma(scn, { runs, turns, seed }), out)
  const seconds = (performance.now() - started) / 1000
  if (flags.json) {
    out.line(JSON.stringify({ ...report, seconds: Math.round(seconds * 10) / 10 }))
    return 0
  }
  out.line(`${scn.file.title}: ${runs} seeds from seed ${seed}, ${turns} turns, computer players at normal, ${seconds.toFixed(1)} s`)
  for (const line of dilemmaLines(report)) out.line(line)
  return 0
}
