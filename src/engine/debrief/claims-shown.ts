// Which of the scenario's claims this one game showed. A claim compares many paired games of a policy with
// a baseline (see claims.ts); one game cannot test that. What one game can show, where the claim's measure
// can be read turn by turn, is whether the turns in which the claim's acts were taken (the policy's acts
// that the baseline does not take) moved the measure in the claimed direction more than the other turns.
// That is an illustration, never a test, and the reading says so; a measure of whole games (rigid blocs,
// an armed clash, a final score) or an absolute claim is "not shown by one game".
import type { Choice } from '../choices.ts'
import type { CompiledScenario } from '../compiled.ts'
import { pairIndex } from '../compiled.ts'
import type { Match } from '../match.ts'
import { policyChoices } from '../policies.ts'
import type { ClaimData, ClaimMeasureData } from '../scenario/schema-claims.ts'
import { QUIET_BASELINE } from '../scenario/schema-claims.ts'
import type { GameState } from '../state.ts'
import type { TurnResult } from '../turn.ts'
import type { ClaimShown } from './types.ts'
import { deltaText, describeChoice, listed, pairText, passagesOf, stateAfter } from './words.ts'

const ILLUSTRATION =
  'One game is an illustration, not a test: other choices moved the same numbers in the same turns. The claims test on the Evidence screen plays many paired games.'

const actKey = (choice: Choice) => `${choice.actor}|${choice.action}|${[...(choice.targets ?? [])].sort().join(',')}`

/** The policy's acts the baseline does not take (all of them against the quiet baseline or none). */
export function claimActs(scn: CompiledScenario, claim: ClaimData): Choice[] {
  const byId = new Map((scn.file.policies ?? []).map((policy) => [policy.id, policy]))
  const policy = policyChoices(byId.get(claim.policy))
  const baseline = claim.baseline === undefined || claim.baseline === QUIET_BASELINE ? [] : policyChoices(byId.get(claim.baseline))
  const inBaseline = new Set(baseline.map(actKey))
  return policy.filter((act) => !inBaseline.has(actKey(act)))
}

/** Whether an order carried out is one of the acts: the same action, taken by or with the act's actor, aimed at (at least) its targets. */
function orderIsAct(order: Choice, act: Choice): boolean {
  if (order.action !== act.action) return false
  if (order.actor !== act.actor && !(order.partners ?? []).includes(act.actor)) return false
  return (act.targets ?? []).every((target) => (order.targets ?? []).includes(target))
}

interface PerTurn {
  /** The measure's change (or count) in one turn. */
  value: (before: GameState, result: TurnResult) => number
  /** What it is, for the sentence: "CHN–RUS alignment changed by". */
  label: string
  text: (value: number) => string
}

function perTurnMeasure(scn: CompiledScenario, measure: ClaimMeasureData): PerTurn | null {
  switch (measure.kind) {
    case 'alignment':
    case 'interdependence': {
      const p = pairIndex(scn, measure.pair[0], measure.pair[1])
      const variable = measure.kind
      return {
        value: (before, result) => result.state[variable][p] - before[variable][p],
        label: `${pairText(scn, measure.pair)} ${variable} changed by`,
        text: (value) => `${deltaText(variable, value)} a turn`,
      }
    }
    case 'mean-tension': {
      const pair = measure.pair
      if (pair) {
        const p = pairIndex(scn, pair[0], pair[1])
        return {
          value: (before, result) => result.state.tension[p] - before.tension[p],
          label: `${pairText(scn, pair)} tension changed by`,
          text: (value) => `${deltaText('tension', value)} a turn`,
        }
      }
      const mean = (values: readonly number[]) => values.reduce((sum, x) => sum + x, 0) / Math.max(1, values.length)
      return {
        value: (before, result) => mean(result.state.tension) - mean(before.tension),
        label: 'mean tension changed by',
        text: (value) => `${deltaText('tension', value)} a turn`,
      }
    }
    case 'incidents':
      return {
        value: (_before, result) => result.incidents.length,
        label: 'there were',
        text: (value) => `${value.toFixed(2)} incidents a turn`,
      }
    case 'rigidity':
      return {
        value: (before, result) => result.state.rigidity - before.rigidity,
        label: 'bloc rigidity changed by',
        text: (value) => `${deltaText('rigidity', value)} a turn`,
      }
    default:
      return null
  }
}

const mean = (values: readonly number[]) => values.reduce((sum, x) => sum + x, 0) / values.length
const turnList = (turns: readonly number[]) => `turn${turns.length === 1 ? '' : 's'} ${listed(turns.map(String))}`

function judged(scn: CompiledScenario, match: Match, claim: ClaimData): Omit<ClaimShown, 'claim' | 'statement' | 'passages'> {
  const acts = claimActs(scn, claim)
  const policyTurns = match.turns
    .filter(({ result }) => result.orders.some((order) => acts.some((act) => orderIsAct(order, act))))
    .map(({ result }) => result.turn)
  const actsText = acts.length > 0 ? listed(acts.map((act) => describeChoice(scn, act))) : 'no acts at all'
  if (claim.baseline === undefined)
    return {
      verdict: 'not-shown-by-one-game',
      reading: `The claim is about the mean over many games of a policy (${actsText}), not about one game.`,
      policyTurns,
    }
  if (acts.length === 0 || policyTurns.length === 0)
    return {
      verdict: acts.length === 0 ? 'not-shown-by-one-game' : 'not-played',
      reading:
        acts.length === 0
          ? 'The claim’s policy takes no act its baseline does not take, so no turn of one game can show it.'
          : `Not shown by this game: nobody took the acts the claim is about (${actsText}).`,
      policyTurns,
    }
  const measure = perTurnMeasure(scn, claim.measure)
  if (!measure)
    return {
      verdict: 'not-shown-by-one-game',
      reading: `The acts were taken in ${turnList(policyTurns)}, but the claim measures whole games (${claim.measure.kind}): one game cannot show it.`,
      policyTurns,
    }
  const withActs: number[] = []
  const without: number[] = []
  match.turns.forEach(({ result }, index) => {
    const value = measure.value(stateAfter(match.start, match.turns, index), result)
    ;(policyTurns.includes(result.turn) ? withActs : without).push(value)
  })
  if (without.length === 0)
    return {
      verdict: 'not-shown-by-one-game',
      reading: `The acts were taken in every turn, so this game has no turn without them to compare with.`,
      policyTurns,
    }
  const difference = mean(withActs) - mean(without)
  const sign = claim.direction === 'higher' ? 1 : -1
  const consistent = sign * difference > 0
  const direction = claim.direction === 'higher' ? 'more' : 'less'
  return {
    verdict: consistent ? 'consistent' : 'not-seen',
    reading:
      `In ${turnList(policyTurns)}, with the claim’s acts (${actsText}), ${measure.label} ${measure.text(mean(withActs))}; ` +
      `in the ${without.length} other turn${without.length === 1 ? '' : 's'}, ${measure.text(mean(without))}. ` +
      (consistent
        ? `That is the direction the claim states (${direction} with the acts). `
        : `This game did not show the claim’s direction (${direction} with the acts). `) +
      ILLUSTRATION,
    policyTurns,
  }
}

export function claimsShownOf(scn: CompiledScenario, match: Match): ClaimShown[] {
  return (scn.file.claims ?? []).map((claim) => ({
    claim: claim.id,
    statement: claim.statement,
    ...judged(scn, match, claim),
    passages: passagesOf(scn, claim),
  }))
}
