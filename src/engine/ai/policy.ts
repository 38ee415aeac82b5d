// The computer player: legal moves only, deterministic given the seed, at three levels of skill.
//   easy   - values choices by their first shock only, noisily, and takes at most one;
//   normal - values choices by their shocks and the reactions to them, fills its budget greedily;
//   hard   - looks a whole turn ahead (without the dice) for its most promising choices.
import type { CompiledScenario } from '../compiled.ts'
import type { Choice, ConsentPolicy } from '../choices.ts'
import { costOf, historyProblem, partnerCostOf } from '../choices.ts'
import { RNG_TAGS, uniform } from '../rng.ts'
import type { GameState } from '../state.ts'
import { keyedCandidates } from './candidates.ts'
import type { Scratch } from './evaluate.ts'
import { evaluateChoice, evaluatePlan, roleScoreOf, scratchFor } from './evaluate.ts'
import { pairIndex } from '../compiled.ts'

export const DIFFICULTIES = ['easy', 'normal', 'hard'] as const
export type Difficulty = (typeof DIFFICULTIES)[number]

interface Skill {
  noise: number
  maxActions: number
  lookaheadShortlist: number
  /** Smallest gain, in score points, worth spending capital on. */
  threshold: number
}

const SKILL: Record<Difficulty, Skill> = {
  easy: { noise: 3, maxActions: 1, lookaheadShortlist: 0, threshold: 0 },
  normal: { noise: 0.4, maxActions: 4, lookaheadShortlist: 0, threshold: 0.15 },
  hard: { noise: 0.1, maxActions: 4, lookaheadShortlist: 8, threshold: 0.1 },
}

/** A deterministic jitter in [-1, 1) for an actor's candidate, from the game's seed. */
function jitter(state: GameState, actorIndex: number, candidate: number): number {
  return uniform(state.seed, state.turn + 1, RNG_TAGS.ai, actorIndex, candidate) * 2 - 1
}

interface Scored {
  choice: Choice
  value: number
  noise: number
}

/**
 * The computer's choices for `actor`. `alreadyPlanned` holds the joint keys of actions other
 * computer players have already proposed this turn, so two partners do not propose the same one.
 */
export function chooseActions(
  scn: CompiledScenario,
  state: GameState,
  actor: string,
  difficulty: Difficulty,
  alreadyPlanned: ReadonlySet<string> = new Set(),
  reserved = 0,
  /** Capital each possible partner has left; a joint action is proposed only to partners who can pay their share. */
  partnerRoom: (partner: string) => number = () => Infinity,
): Choice[] {
  if (state.outcome) return []
  const skill = SKILL[difficulty]
  const actorIndex = scn.actorIndex[actor]
  const baseline = roleScoreOf(scn, state, actor)
  const scratch = scratchFor(scn, state)
  const scored: Scored[] = []
  // The jitter is keyed by the candidate's place in the full list, so leaving some out shifts no other's.
  keyedCandidates(scn, state, actor).forEach(({ key, choice }, k) => {
    if (alreadyPlanned.has(key) || historyProblem(scn, state, choice)) return
    if (!(choice.partners ?? []).every((partner) => partnerRoom(partner) >= partnerCostOf(scn, choice))) return
    const noise = skill.noise * jitter(state, actorIndex, k)
    scored.push({ choice, noise, value: evaluateChoice(scn, state, actor, choice, baseline, scratch) + noise })
  })
  scored.sort((a, b) => b.value - a.value)
  const budget = scn.budget[actorIndex] - reserved
  if (skill.lookaheadShortlist > 0) {
    return planAhead(scn, state, actor, scored.slice(0, skill.lookaheadShortlist), budget, skill, baseline, partnerRoom)
  }

  let spent = 0
  const picked: Choice[] = []
  const usedActions = new Set<string>()
  for (const { choice, value } of scored) {
    if (picked.length >= skill.maxActions || value <= skill.threshold) break
    const cost = costOf(scn, state, choice)
    if (usedActions.has(choice.action) || spent + cost > budget || !partnersCanPay(scn, picked, choice, partnerRoom)) continue
    picked.push(choice)
    usedActions.add(choice.action)
    spent += cost
  }
  return picked
}

/** Whether every partner of `choice` can still pay its share, after the shares of the choices already picked. */
function partnersCanPay(
  scn: CompiledScenario,
  picked: readonly Choice[],
  choice: Choice,
  partnerRoom: (partner: string) => number,
): boolean {
  const share = partnerCostOf(scn, choice)
  if (share === 0) return true
  return (choice.partners ?? []).every((partner) => {
    const promised = picked.reduce((sum, other) => sum + ((other.partners ?? []).includes(partner) ? partnerCostOf(scn, other) : 0), 0)
    return partnerRoom(partner) - promised >= share
  })
}

/**
 * Builds the plan one choice at a time, each time taking the shortlisted choice that adds most
 * to the whole plan's value a turn ahead, so choices that hurt together are not taken together.
 */
function planAhead(
  scn: CompiledScenario,
  state: GameState,
  actor: string,
  shortlist: Scored[],
  budget: number,
  skill: Skill,
  baseline: number,
  partnerRoom: (partner: string) => number,
): Choice[] {
  const picked: Choice[] = []
  let planValue = evaluatePlan(scn, state, actor, [], baseline)
  let spent = 0
  let remaining = shortlist
  while (picked.length < skill.maxActions) {
    let best: { entry: Scored; value: number } | null = null
    for (const entry of remaining) {
      const cost = costOf(scn, state, entry.choice)
      if (spent + cost > budget || picked.some((choice) => choice.action === entry.choice.action)) continue
      if (!partnersCanPay(scn, picked, entry.choice, partnerRoom)) continue
      const value = evaluatePlan(scn, state, actor, [...picked, entry.choice], baseline) + entry.noise
      if (!best || value > best.value) best = { entry, value }
    }
    if (!best || best.value - planValue <= skill.threshold) break
    picked.push(best.entry.choice)
    spent += costOf(scn, state, best.entry.choice)
    planValue = best.value - best.entry.noise
    remaining = remaining.filter((entry) => entry !== best!.entry)
  }
  return picked
}

/** Whether a computer partner takes part: the choice must be worth it to it, goodwill included. */
export function computerConsents(
  scn: CompiledScenario,
  state: GameState,
  partner: string,
  choice: Choice,
  difficulty: Difficulty,
  scratch?: Scratch,
): boolean {
  const p = pairIndex(scn, partner, choice.actor)
  const goodwill = 4 * state.alignment[p]
  if (difficulty === 'easy') return state.alignment[p] > 0.2
  return evaluateChoice(scn, state, partner, choice, roleScoreOf(scn, state, partner), scratch ?? scratchFor(scn, state)) + goodwill > 0
}

export function consentPolicy(
  scn: CompiledScenario,
  state: GameState,
  computerActors: ReadonlySet<string>,
  difficulty: Difficulty,
): ConsentPolicy {
  // One working copy for every question of the turn: each try puts back what it changed.
  let scratch: Scratch | undefined
  return (partner, choice) =>
    !computerActors.has(partner) || computerConsents(scn, state, partner, choice, difficulty, (scratch ??= scratchFor(scn, state)))
}
