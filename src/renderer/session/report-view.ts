// The turn report in words: net ledger lines, the turn's most consequential changes, the states that started or
// ended, the score by objective and why the computer chose as it did. The engine ranks and nets (turn-report.ts,
// explain.ts); this only names and formats, in the units of the action cards: alignment from −100 to +100, the
// other shares in points of 100 ("pts"), readiness, rigidity and scores as they are, one decimal throughout.
import type { ChoiceExplanation, CompiledScenario, NetLine, ObjectiveChange, RankedChange, StateShift } from '../../engine/index.ts'
import { roundsToZero, shownScale } from '../../engine/index.ts'
import type { LimitShare } from '../../engine/net-ledger.ts'
import { limitVerb, listInWords } from '../../engine/net-ledger.ts'
import { actorName, describeChoice, ownersName, variableName } from './view-models.ts'

export const UNITS_NOTE =
  'Alignment runs from −100 to +100 and the other shares (tension, commitment, interdependence, standing, grievance) from 0 to 100 points (pts), as on the action cards; readiness, bloc rigidity and scores are given as they are.'

function unit(variable: string): string {
  return shownScale(variable) === 100 && variable !== 'alignment' ? ' pts' : ''
}

/** A value on the shown scale, one decimal: "+71.8" for alignment, "42.0" otherwise. */
export function shownValue(variable: string, value: number): string {
  const shown = (value * shownScale(variable)).toFixed(1)
  if (variable !== 'alignment') return shown.replace('-', '−')
  const rounded = Number(shown)
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded).toFixed(1)}`
}

/** A change on the shown scale with its unit: "+6.0 pts", "−1.8", "under 0.1" where it rounds to nothing. */
export function shownDelta(variable: string, delta: number): string {
  const size = Math.abs(delta * shownScale(variable))
  if (roundsToZero(variable, delta)) return delta === 0 ? `±0.0${unit(variable)}` : `under 0.1${unit(variable)}`
  return `${delta > 0 ? '+' : '−'}${size.toFixed(1)}${unit(variable)}`
}

function limitName(share: LimitShare): string {
  return share.cause === 'clamp' ? 'the range limit' : share.causeName
}

/** "Alignment China–Russia" / "Readiness of Russia": the variable and whom it belongs to, by name. */
export function variableLabel(scn: CompiledScenario, variable: string, actors: readonly string[]): string {
  const who = ownersName(scn, variable, actors)
  if (!who) return variableName(variable)
  // Not "Score of …": that is how the report's lead names the game's score.
  if (variable === 'score') return `Score, ${who}`
  return actors.length === 1 ? `${variableName(variable)} of ${who}` : `${variableName(variable)} ${who}`
}

/**
 * One cause's line of the ledger, with the net effect: what it pushed, and where other causes or a limit
 * changed what took effect, what did ("+0.6 pushed, +0.5 took effect (held back by Strategic autonomy)"),
 * then the value before and after the turn, both within range.
 */
export function netLineText(scn: CompiledScenario, line: NetLine, limitGroup = false): string {
  const { change, variable } = line
  const limited = !roundsToZero(variable, change.limitDelta)
  const by = line.by.length ? ` (by ${listInWords(line.by.map((id) => actorName(scn, id)))})` : ''
  const span = `${shownValue(variable, change.before)} → ${shownValue(variable, change.after)}`
  let effect: string
  if (limitGroup) {
    effect = `${shownDelta(variable, change.net)} (nothing pushed; the limit moved it)`
  } else if (limited) {
    const limits = change.limits
      .filter((share) => !roundsToZero(variable, share.delta))
      .map((share) => `${limitVerb(share, change.pushed)} by ${limitName(share)}`)
    const all = roundsToZero(variable, change.pushed) ? 'the pushes cancelled out' : `${shownDelta(variable, change.pushed)} pushed`
    const others = line.shared ? `; with every cause ${all} and` : ','
    effect = `${shownDelta(variable, line.pushed)} pushed${others} ${shownDelta(variable, change.net)} took effect (${listInWords(limits)})`
  } else if (line.shared && shownDelta(variable, change.net) !== shownDelta(variable, line.pushed)) {
    effect = `${shownDelta(variable, line.pushed)}; ${shownDelta(variable, change.net)} with every cause`
  } else {
    effect = shownDelta(variable, line.pushed)
  }
  return `${variableLabel(scn, variable, line.actors)}: ${effect}; ${span}${by}`
}

/** A ranked change in a sentence: "China and Russia drew closer: alignment +1.8 (now +71.8), mostly from Energy deal." */
export function rankedChangeText(scn: CompiledScenario, ranked: RankedChange): string {
  const { change } = ranked
  const { variable, net, after } = change
  const names = change.actors.map((id) => actorName(scn, id))
  const up = net > 0
  const amount = `${shownDelta(variable, net)} (now ${shownValue(variable, after)})`
  let text: string
  switch (variable) {
    case 'alignment':
      text = `${listInWords(names)} ${up ? 'drew closer' : 'drifted apart'}: alignment ${amount}`
      break
    case 'tension':
      text = `Tension between ${listInWords(names)} ${up ? 'rose' : 'fell'}: ${amount}`
      break
    case 'commitment':
      text = `The commitment between ${listInWords(names)} ${up ? 'grew' : 'weakened'}: ${amount}`
      break
    case 'interdependence':
      text = `${listInWords(names)} became ${up ? 'more' : 'less'} interdependent: ${amount}`
      break
    case 'grievance':
      text = `${names[0]}’s grievance toward ${names[1]} ${up ? 'grew' : 'eased'}: ${amount}`
      break
    case 'rigidity':
      text = `The blocs became ${up ? 'more' : 'less'} rigid: ${shownDelta(variable, net)} (now ${shownValue(variable, after)} of 100)`
      break
    default:
      text = `${variableName(variable)} of ${listInWords(names)} ${up ? 'rose' : 'fell'}: ${amount}`
  }
  const causes = ranked.causes.slice(0, 2).map((cause) => cause.causeName)
  return causes.length ? `${text}, ${ranked.causes.length > 1 ? 'mostly ' : ''}from ${listInWords(causes)}.` : `${text}.`
}

/** A state that started or ended, in a sentence. */
export function shiftText(scn: CompiledScenario, shift: StateShift): string {
  const ladder = scn.file.ladder
  switch (shift.kind) {
    case 'armed-clash':
      return `Armed clash between ${listInWords(shift.actors.map((id) => actorName(scn, id)))}${shift.theatre ? ` in the ${shift.theatre}` : ''}. Everyone loses.`
    case 'rung':
      return `The escalation ladder ${shift.to > shift.from ? 'rose' : 'came down'} from ${ladder[shift.from]?.name ?? shift.from} to ${ladder[shift.to]?.name ?? shift.to}.`
    case 'quasi-alliance': {
      const pair = listInWords(shift.pair.map((id) => actorName(scn, id)))
      return shift.started ? `${pair} now act as a quasi-alliance.` : `${pair} no longer act as a quasi-alliance.`
    }
    case 'rigid-blocs':
      return shift.started ? 'The blocs have hardened into rigid blocs.' : 'The blocs are no longer rigid.'
    case 'impasse':
      return shift.started ? 'An impasse has set in: rigid blocs, high tension, no movement.' : 'The impasse is broken.'
  }
}

function points(value: number): string {
  const rounded = Number(value.toFixed(1))
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded).toFixed(1)}`
}

export interface ObjectiveRow {
  description: string
  goal: string
  before: string
  after: string
  change: string
}

/** Each objective's part of the score, before and after the turn, in score points. */
export function objectiveRows(changes: readonly ObjectiveChange[]): ObjectiveRow[] {
  return changes.map((change) => ({
    description: change.description,
    goal: change.goal === 'high' ? 'higher is better' : 'lower is better',
    before: change.pointsBefore.toFixed(1),
    after: change.pointsAfter.toFixed(1),
    change: points(change.delta),
  }))
}

export interface ExplanationView {
  /** "Why did Russia do that?" */
  question: string
  /** The terms that made it best, biggest first, each in words with its score points. */
  reasons: string[]
  /** What it was worth, and the best choice it left out. */
  verdict: string
}

/** Why a computer player made a choice, in words. */
export function explanationView(scn: CompiledScenario, explanation: ChoiceExplanation): ExplanationView {
  const actor = actorName(scn, explanation.choice.actor)
  const reasons = explanation.terms
    .filter((term) => Math.abs(term.delta) >= 0.05)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .map((term) =>
      term.kind === 'objective'
        ? `${points(term.delta)} points for its objective “${term.label}”`
        : `${points(term.delta)} points: ${term.label.charAt(0).toLowerCase()}${term.label.slice(1)}`,
    )
  const runnerUp = explanation.runnerUp
  const beat = runnerUp
    ? ` The best choice it left out was ${describeChoice(scn, runnerUp.choice).replace(/^[^:]+: /, '')}, worth ${points(runnerUp.value)}.`
    : ' It had no other choice worth making.'
  const plan = explanation.plan
    ? ` Looking ahead, its whole plan was worth ${planValue(explanation.plan.value)} expected score${explanation.plan.runnerUp ? `, against ${planValue(explanation.plan.runnerUp.value)} for the next best plan` : ''}.`
    : ''
  return {
    question: `Why did ${actor} do that?`,
    reasons: reasons.length ? reasons : ['No reason stood out: every part of its value was under 0.1 points.'],
    verdict: `To ${actor}, ${describeChoice(scn, explanation.choice).replace(/^[^:]+: /, '')} was worth ${points(explanation.value)} score points.${beat}${plan}`,
  }
}

function planValue(value: number): string {
  return value.toFixed(1)
}
