// Joint actions the players propose, before the turn resolves: who must agree, what each partner answers or
// will answer, and which of the players' choices the turn would drop. A computer partner decides from the
// state at the start of the turn alone, so its answer is known while the players plan; the game screen uses
// this to refuse a proposal bound to fail and to give a player back the capital of one a partner declined.
import { computerConsents } from './ai/policy.ts'
import type { Choice, Rejection } from './choices.ts'
import { normaliseChoice, planTurn } from './choices.ts'
import type { CompiledScenario } from './compiled.ts'
import type { Seats } from './game.ts'
import { agreementKey, levelOf } from './game.ts'
import type { GameState } from './state.ts'

/** A partner's answer: a computer's is known ahead; a person's is `undecided` until given. */
export type JointAnswer = 'agrees' | 'declines' | 'undecided'

export interface PartnerAnswer {
  partner: string
  /** Whether the computer plays this partner (its answer is then never `undecided`). */
  computer: boolean
  answer: JointAnswer
}

export interface PlannedChoiceFate {
  /** The choice, normalised as the turn plays it. */
  choice: Choice
  /** Each partner of a joint action, in the choice's order (empty for an action taken alone). */
  partners: PartnerAnswer[]
  /**
   * Why the turn would not carry the choice out, as playTurn would refuse it (a partner declined, or cannot
   * pay its share), counting undecided people as agreeing; null when it would be carried out.
   */
  dropped: Rejection | null
}

/** The answer the computer gives, at its level this turn, when `choice` is proposed to `partner`. */
export function computerAnswer(scn: CompiledScenario, state: GameState, seats: Seats, partner: string, choice: Choice): JointAnswer {
  return computerConsents(scn, state, partner, choice, levelOf(seats, partner)) ? 'agrees' : 'declines'
}

/**
 * What becomes of the players' choices this turn (the actors the computer does not play, in the order they
 * are given, as playTurn takes them before the computer's): each joint action's partners and their answers,
 * and whether the turn would drop it. `agreed` and `declined` hold the people's answers given so far, as
 * agreement keys (see agreementKey); a person not asked yet counts as agreeing.
 */
export function plannedChoiceFates(
  scn: CompiledScenario,
  state: GameState,
  seats: Seats,
  choices: readonly Choice[],
  agreed: ReadonlySet<string>,
  declined: ReadonlySet<string>,
): PlannedChoiceFate[] {
  const given = choices.filter((choice) => !seats.computer.has(choice.actor)).map(normaliseChoice)
  const answerOf = (partner: string, choice: Choice): JointAnswer => {
    if (seats.computer.has(partner)) return computerAnswer(scn, state, seats, partner, choice)
    const key = agreementKey(partner, choice)
    return agreed.has(key) ? 'agrees' : declined.has(key) ? 'declines' : 'undecided'
  }
  // The turn's own check (budgets, partners' shares, consent) over the players' choices: the computer's come
  // after them in playTurn, so they change nothing here.
  const plan = planTurn(scn, state, given, (partner, choice) => answerOf(partner, choice) !== 'declines')
  return given.map((choice) => {
    const rejection = plan.rejected.find((rejected) => rejected.choice.actor === choice.actor && sameChoice(rejected.choice, choice))
    const dropped = rejection && (rejection.code === 'declined' || rejection.code === 'over-budget') ? rejection : null
    return {
      choice,
      partners: (choice.partners ?? []).map((partner) => ({
        partner,
        computer: seats.computer.has(partner),
        answer: answerOf(partner, choice),
      })),
      dropped,
    }
  })
}

function sameChoice(a: Choice, b: Choice): boolean {
  return JSON.stringify(normaliseChoice(a)) === JSON.stringify(normaliseChoice(b))
}
