// What if: from turn K of a game, another choice for a human role (its choices of turn K replaced) or a
// rule switched off (a variant of the scenario with the rule's `enabled` set to false), played on to the
// end with the same seed. Turns before K are the game's own; from K the match is advanced through the
// engine's one playTurn with the humans' recorded decisions, as rerunMatch does (where the rules still
// allow them: refused choices are listed). Continuing from the real turn K − 1 rather than re-running
// from turn 1 keeps the turns before K exactly as played, even for a save whose orders came from an
// app whose computer chose differently. With no change at all it gives the game itself.
import type { Choice } from '../choices.ts'
import { choiceProblem, normaliseChoice } from '../choices.ts'
import type { CompiledScenario } from '../compiled.ts'
import { compileScenario } from '../compiled.ts'
import type { HumanTurn } from '../game.ts'
import { agreementKey } from '../game.ts'
import type { DroppedChoice, Match } from '../match.ts'
import { advanceMatch, decisionsOf } from '../match.ts'
import type { ScenarioFile } from '../scenario/schema.ts'
import type { Divergence } from './divergence.ts'
import { divergenceOf } from './divergence.ts'
import { actorName, describeChoice, listed, stateAfter } from './words.ts'

/** A human role's choices for the turn of the what-if, instead of those it made. */
export interface RoleChoices {
  actor: string
  /** Its actions that turn; none means it passes. */
  choices: readonly Choice[]
}

export interface WhatIf {
  /** The turn (1-based) from which the game is played differently. */
  turn: number
  roles?: readonly RoleChoices[]
  /** Ids of rules switched off from that turn on. */
  rulesOff?: readonly string[]
}

export interface Counterfactual {
  whatIf: WhatIf
  /** The rules the game was played on from turn K (the scenario itself when no rule is switched off). */
  scenario: CompiledScenario
  match: Match
  /** Human choices the rules refused from turn K on (no longer legal, over budget, or declined). */
  dropped: DroppedChoice[]
  /** Recorded turns not played because the what-if ended sooner. */
  turnsNotPlayed: number
  /** Turns played after the recorded game had ended (an armed clash), in which the human roles passed. */
  turnsPassed: number
  /** Joint actions of the new choices that a human partner was taken to agree to. */
  assumedAgreements: string[]
  divergence: Divergence
}

/** The scenario with these rules switched off. */
export function withoutRules(scn: CompiledScenario, ids: readonly string[]): CompiledScenario {
  if (ids.length === 0) return scn
  const file = JSON.parse(JSON.stringify(scn.file)) as ScenarioFile
  for (const rule of file.rules) if (ids.includes(rule.id)) rule.enabled = false
  return compileScenario(file, scn.sources, `${scn.hash}~without:${[...ids].sort().join(',')}`)
}

/** Rules that can be switched off: those the scenario has on. */
export function switchableRules(scn: CompiledScenario): { id: string; name: string; kind: string }[] {
  return scn.file.rules.filter((rule) => rule.enabled !== false).map((rule) => ({ id: rule.id, name: rule.name, kind: rule.kind }))
}

/** Why this what-if cannot be played on this match, saying where and what, or null. */
export function whatIfProblem(scn: CompiledScenario, match: Match, whatIf: WhatIf): string | null {
  const played = match.turns.length
  if (played === 0) return 'the game has no turn played yet'
  if (!Number.isInteger(whatIf.turn) || whatIf.turn < 1 || whatIf.turn > played)
    return `the turn must be between 1 and ${played} (the turns played), not ${whatIf.turn}`
  const state = stateAfter(match.start, match.turns, whatIf.turn - 1)
  const seen = new Set<string>()
  for (const role of whatIf.roles ?? []) {
    if (!match.setup.humans.includes(role.actor))
      return `${role.actor} is not played by a person in this game (${listed([...match.setup.humans])}): the computer chooses for it`
    if (seen.has(role.actor)) return `${role.actor}'s choices are given twice`
    seen.add(role.actor)
    for (const choice of role.choices) {
      if (choice.actor !== role.actor) return `a choice for ${choice.actor} is listed under ${role.actor}`
      const rejection = choiceProblem(scn, state, normaliseChoice(choice))
      if (rejection) return `${describeChoice(scn, choice)} cannot be taken in turn ${whatIf.turn}: ${rejection.reason}`
    }
  }
  const off = new Set<string>()
  for (const id of whatIf.rulesOff ?? []) {
    const rule = scn.file.rules.find((candidate) => candidate.id === id)
    if (!rule) return `the scenario has no rule "${id}" (its rules: ${scn.file.rules.map((r) => r.id).join(', ')})`
    if (rule.enabled === false) return `the rule "${id}" is already off in this scenario`
    if (off.has(id)) return `the rule "${id}" is named twice`
    off.add(id)
  }
  return null
}

/** Turn K's human decisions with the given roles' choices replaced (and their rationales for it left out). */
function changedTurn(
  original: HumanTurn,
  roles: readonly RoleChoices[],
  humans: readonly string[],
): { turn: HumanTurn; assumed: string[] } {
  if (roles.length === 0) return { turn: original, assumed: [] }
  const replaced = new Set(roles.map((role) => role.actor))
  const added = roles.flatMap((role) => role.choices.map(normaliseChoice))
  // A new joint action needs its human partners' yes: the what-if takes it that they agree.
  const assumed = added.flatMap((choice) =>
    (choice.partners ?? []).filter((partner) => humans.includes(partner)).map((partner) => agreementKey(partner, choice)),
  )
  const turn: HumanTurn = {
    ...original,
    choices: [...original.choices.filter((choice) => !replaced.has(choice.actor)), ...added],
    agreed: [...new Set([...original.agreed, ...assumed])],
  }
  const rationales = original.rationales?.filter((rationale) => !replaced.has(rationale.actor))
  if (rationales) turn.rationales = rationales
  return { turn, assumed }
}

const PASS: HumanTurn = { choices: [], agreed: [] }

/** Plays the what-if to the end; check it first with whatIfProblem (a bad what-if throws). */
export function playWhatIf(scn: CompiledScenario, match: Match, whatIf: WhatIf): Counterfactual {
  const problem = whatIfProblem(scn, match, whatIf)
  if (problem) throw new Error(problem)
  const from = whatIf.turn - 1
  const rules = withoutRules(scn, whatIf.rulesOff ?? [])
  const decisions = decisionsOf(match)
  const { turn: changed, assumed } = changedTurn(decisions[from], whatIf.roles ?? [], match.setup.humans)
  decisions[from] = changed
  let alternative: Match = { ...match, turns: match.turns.slice(0, from), state: stateAfter(match.start, match.turns, from) }
  const humans = new Set(match.setup.humans)
  const dropped: DroppedChoice[] = []
  let turnsPassed = 0
  let index = from
  while (!alternative.state.outcome) {
    const turn = index < decisions.length ? decisions[index] : PASS
    if (index >= decisions.length) turnsPassed += 1
    alternative = advanceMatch(rules, alternative, turn)
    for (const rejection of alternative.turns[index].plan.rejected) {
      if (humans.has(rejection.choice.actor)) dropped.push({ turn: index + 1, rejection })
    }
    index += 1
  }
  return {
    whatIf,
    scenario: rules,
    match: alternative,
    dropped,
    turnsNotPlayed: Math.max(0, decisions.length - index),
    turnsPassed,
    assumedAgreements: assumed,
    divergence: divergenceOf(match, alternative),
  }
}

/** The what-if in words: "From turn 3: United States passes; without “Reciprocal responses (China)”". */
export function describeWhatIf(scn: CompiledScenario, whatIf: WhatIf): string {
  const parts = (whatIf.roles ?? []).map((role) =>
    role.choices.length === 0
      ? `${actorName(scn, role.actor)} passes`
      : `${actorName(scn, role.actor)} chooses ${listed(role.choices.map((choice) => describeChoice(scn, choice).replace(/^[^:]*: /, '')))}`,
  )
  const rules = (whatIf.rulesOff ?? []).map((id) => `“${scn.file.rules.find((rule) => rule.id === id)?.name ?? id}”`)
  if (rules.length > 0) parts.push(`without ${listed(rules)}`)
  return `From turn ${whatIf.turn}: ${parts.length > 0 ? parts.join('; ') : 'nothing changed'}`
}
