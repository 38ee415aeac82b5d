// `redlines simulate --from SAVE --turn K [--choose ROLE=action[:targets][+partners]]... [--rule-off RULE]...`:
// a saved game played again from turn K with other choices for roles played by people, or rules switched
// off, to the end with the same seed; both timelines are printed with where they first differ and how they end.
import type { Choice, CompiledScenario } from '../engine/index.ts'
import { dateOfTurn } from '../engine/index.ts'
import type { Counterfactual, RoleChoices, TimelineTurn, WhatIf } from '../engine/debrief/index.ts'
import { debriefOutcome, describeWhatIf, playWhatIf, sideBySide, timelineOf, turnLine, whatIfProblem } from '../engine/debrief/index.ts'
import { CliError, UsageError } from './errors.ts'
import { integerFlag } from './options.ts'
import type { Output } from './output.ts'
import { openSavedGame } from './saved-game.ts'
import type { SimulateFlags } from './simulate.ts'

/** A --choose value before the scenario is read: a role (actor or role id) and a choice, or a pass. */
export interface ChooseFlag {
  raw: string
  role: string
  /** Null for ROLE=pass. */
  choice: { action: string; targets: string[]; partners: string[] } | null
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/
const ACTOR = /^[A-Z][A-Z0-9]{1,7}$/
const CHOOSE_FORM = 'ROLE=action[:targets][+partners], e.g. USA=sanctions:RUS, CHN=joint-air-patrol:JPN+RUS or USA=pass'

/** Flags of a plain `simulate` that a saved game fixes, and why. */
const FIXED_BY_SAVE: [keyof SimulateFlags, string][] = [
  ['seed', 'the save fixes the seed'],
  ['turns', 'the save fixes the number of turns'],
  ['difficulty', 'the save fixes the computer players’ level'],
  ['script', 'the save holds the players’ choices'],
  ['others', 'the save fixes who the computer plays'],
  ['lens', 'the save names the scenario it was played on'],
]

const actorList = (raw: string, flag: string, what: string): string[] => {
  if (raw === '') throw new UsageError(`--choose "${flag}": no ${what} after the separator (${CHOOSE_FORM})`)
  const ids = raw.split(',')
  const bad = ids.find((id) => !ACTOR.test(id))
  if (bad !== undefined) throw new UsageError(`--choose "${flag}": "${bad}" is not an actor id (capital letters, such as RUS)`)
  return ids
}

export function parseChoose(raw: string): ChooseFlag {
  const equals = raw.indexOf('=')
  if (equals <= 0) throw new UsageError(`--choose "${raw}": expected ${CHOOSE_FORM}`)
  const role = raw.slice(0, equals)
  const rest = raw.slice(equals + 1)
  if (!ID.test(role)) throw new UsageError(`--choose "${raw}": "${role}" is not a role or actor id`)
  if (rest === 'pass') return { raw, role, choice: null }
  const plus = rest.indexOf('+')
  const head = plus >= 0 ? rest.slice(0, plus) : rest
  const colon = head.indexOf(':')
  const action = colon >= 0 ? head.slice(0, colon) : head
  if (!ID.test(action)) throw new UsageError(`--choose "${raw}": expected ${CHOOSE_FORM}`)
  return {
    raw,
    role,
    choice: {
      action,
      targets: colon >= 0 ? actorList(head.slice(colon + 1), raw, 'targets') : [],
      partners: plus >= 0 ? actorList(rest.slice(plus + 1), raw, 'partners') : [],
    },
  }
}

/** Everything about the flags that can be said before any file is read (usage errors, exit 2). */
export function checkCounterfactualFlags(flags: SimulateFlags): { turn: number; choose: ChooseFlag[]; rulesOff: string[] } {
  if (flags.from === undefined) throw new UsageError('--turn, --choose and --rule-off need --from <save file>')
  if (flags.from === '') throw new UsageError('--from needs a save file')
  for (const [flag, why] of FIXED_BY_SAVE)
    if (flags[flag] !== undefined) throw new UsageError(`--${flag} cannot be used with --from: ${why}`)
  if (flags.turn === undefined) throw new UsageError('--from needs --turn K: the turn from which the game is played differently')
  const turn = integerFlag('turn', flags.turn, 1, 1, 100)
  const choose = (flags.choose ?? []).map(parseChoose)
  const passing = choose.filter((flag) => flag.choice === null).map((flag) => flag.role)
  const both = choose.find((flag) => flag.choice !== null && passing.includes(flag.role))
  if (both) throw new UsageError(`--choose "${both.raw}": ${both.role} is also told to pass`)
  const rulesOff = flags['rule-off'] ?? []
  const badRule = rulesOff.find((id) => !ID.test(id))
  if (badRule !== undefined) throw new UsageError(`--rule-off "${badRule}" is not a rule id`)
  return { turn, choose, rulesOff }
}

/** The --choose flags as the what-if's roles, checked against the scenario (a role id or an actor id). */
export function rolesOf(scn: CompiledScenario, choose: readonly ChooseFlag[]): RoleChoices[] {
  const byActor = new Map<string, Choice[]>()
  for (const flag of choose) {
    const actor = scn.actorIds.includes(flag.role) ? flag.role : scn.roles.find((role) => role.id === flag.role)?.actor
    if (!actor)
      throw new UsageError(`--choose "${flag.raw}": the scenario has no role or actor "${flag.role}" (actors: ${scn.actorIds.join(', ')})`)
    const list = byActor.get(actor) ?? []
    byActor.set(actor, list)
    if (!flag.choice) continue
    if (!scn.actionById[flag.choice.action])
      throw new UsageError(`--choose "${flag.raw}": the scenario has no action "${flag.choice.action}"`)
    const choice: Choice = { actor, action: flag.choice.action }
    if (flag.choice.targets.length > 0) choice.targets = flag.choice.targets
    if (flag.choice.partners.length > 0) choice.partners = flag.choice.partners
    list.push(choice)
  }
  return [...byActor].map(([actor, choices]) => ({ actor, choices }))
}

function incidentsText(turn: TimelineTurn): string {
  const events = turn.events.filter((event) => event.kind === 'incident' || event.kind === 'armed-clash')
  return events.length > 0
    ? ` (${events.map((event) => event.actors.join('–') + (event.kind === 'armed-clash' ? ' CLASH' : '')).join(', ')})`
    : ''
}

/** The actions only one side carried out in a turn. */
function ordersDifference(left: TimelineTurn | null, right: TimelineTurn | null): string[] {
  const a = left?.orders.map((order) => order.text) ?? []
  const b = right?.orders.map((order) => order.text) ?? []
  const onlyLeft = a.filter((text) => !b.includes(text))
  const onlyRight = b.filter((text) => !a.includes(text))
  return [
    ...(onlyLeft.length > 0 ? [`    only in the game:    ${onlyLeft.join('; ')}`] : []),
    ...(onlyRight.length > 0 ? [`    only in the what-if: ${onlyRight.join('; ')}`] : []),
  ]
}

function printText(scn: CompiledScenario, real: Counterfactual['match'], result: Counterfactual, header: string, out: Output): void {
  out.line(header)
  out.line(describeWhatIf(scn, result.whatIf))
  const { firstDecisionTurn, firstStateTurn } = result.divergence
  for (const row of sideBySide(scn, real, result.scenario, result.match)) {
    const mark = row.same ? 'same world after the turn' : 'the world differs'
    out.line(`Turn ${row.turn} (${dateOfTurn(scn, row.turn)})${row.turn >= (firstStateTurn ?? Infinity) ? `: ${mark}` : ''}`)
    const left = row.left ? `${turnLine(row.left)}${incidentsText(row.left)}` : 'not played'
    const right = row.right ? `${turnLine(row.right)}${incidentsText(row.right)}` : 'not played'
    if (row.same && left === right) out.line(`  Both:     ${left}`)
    else {
      out.line(`  The game: ${left}`)
      out.line(`  What if:  ${right}`)
      for (const line of ordersDifference(row.left, row.right)) out.line(line)
    }
  }
  out.line(
    firstStateTurn === null
      ? 'Difference: none — the what-if is the same game, turn for turn.'
      : `Difference: ${firstDecisionTurn !== null ? `decisions from turn ${firstDecisionTurn}; ` : ''}the world from turn ${firstStateTurn}.`,
  )
  const a = debriefOutcome(scn, real)
  const b = debriefOutcome(result.scenario, result.match)
  out.line(`Ending, the game: ${a.headline}; ladder ${a.rung.name}, rigidity ${Math.round(a.rigidity)}`)
  out.line(`Ending, what if:  ${b.headline}; ladder ${b.rung.name}, rigidity ${Math.round(b.rigidity)}`)
  out.line(
    `Scores (the game → what if): ${scn.roles
      .map(
        (role) => `${role.actor} ${Math.round(real.state.scores[role.id] ?? 0)} → ${Math.round(result.match.state.scores[role.id] ?? 0)}`,
      )
      .join('  ')}`,
  )
  for (const dropped of result.dropped)
    out.line(
      `Not carried out, turn ${dropped.turn}: ${dropped.rejection.choice.actor} ${dropped.rejection.choice.action}: ${dropped.rejection.reason}`,
    )
  if (result.assumedAgreements.length > 0) out.line(`Taken to agree: ${result.assumedAgreements.join(', ')}`)
  if (result.turnsPassed > 0) out.line(`The people's roles passed in ${result.turnsPassed} turn(s) after the saved game had ended.`)
  if (result.turnsNotPlayed > 0) out.line(`The what-if ended ${result.turnsNotPlayed} turn(s) before the saved game did.`)
}

export async function counterfactual(flags: SimulateFlags, out: Output): Promise<number> {
  const checked = checkCounterfactualFlags(flags)
  const saved = await openSavedGame(flags.from!, flags.scenario)
  for (const warning of saved.warnings) out.err(warning)
  const { scenario: scn, match, payload } = saved
  if (match.turns.length === 0) throw new CliError(`${flags.from}: the saved game has no turn played yet`)
  const whatIf: WhatIf = { turn: checked.turn, roles: rolesOf(scn, checked.choose), rulesOff: checked.rulesOff }
  const problem = whatIfProblem(scn, match, whatIf)
  if (problem) throw new UsageError(`${flags.from}: ${problem}`)
  const result = playWhatIf(scn, match, whatIf)
  if (flags.json) {
    const side = (rules: CompiledScenario, game: typeof match) => ({
      outcome: debriefOutcome(rules, game),
      scores: game.state.scores,
      timeline: timelineOf(rules, game),
    })
    out.line(
      JSON.stringify({
        scenario: { id: scn.id, version: scn.version, hash: scn.hash },
        seed: match.setup.seed,
        save: { name: payload.name, turnsPlayed: match.turns.length, humans: match.setup.humans },
        whatIf: { ...whatIf, description: describeWhatIf(scn, whatIf) },
        game: side(scn, match),
        counterfactual: {
          ...side(result.scenario, result.match),
          dropped: result.dropped,
          turnsNotPlayed: result.turnsNotPlayed,
          turnsPassed: result.turnsPassed,
          assumedAgreements: result.assumedAgreements,
        },
        difference: result.divergence,
      }),
    )
    return 0
  }
  const header = `${scn.file.title} (${scn.id} ${scn.version}), seed ${match.setup.seed}: the save "${payload.name}", ${match.turns.length} turns played; people played ${match.setup.humans.join(', ')}`
  printText(scn, match, result, header, out)
  return 0
}
