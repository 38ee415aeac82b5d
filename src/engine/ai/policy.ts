// The computer player: legal moves only, deterministic given the seed, at three levels of skill.
//   easy   - values choices by their shock alone, noisily, and takes at most one;
//   normal - values choices by their shocks and the reactions to them, fills its budget greedily;
//   hard   - plans: tries its most promising plans against sampled dice and the others' likely (normal)
//            replies, a few turns ahead, within a fixed budget of simulated turns (see search.ts).
import type { CompiledScenario } from '../compiled.ts'
import type { Choice, ConsentPolicy } from '../choices.ts'
import { costOf, historyProblem, partnerCostOf } from '../choices.ts'
import { pairIndex } from '../compiled.ts'
import { RNG_TAGS, uniform } from '../rng.ts'
import type { GameState } from '../state.ts'
import type { Candidate } from './candidates.ts'
import { keyedCandidates } from './candidates.ts'
import type { Scratch } from './evaluate.ts'
import { evaluateChoice, scratchFor } from './evaluate.ts'
import { programValue, programsOf, scratchRoleScore } from './fast-value.ts'
import { searchPlan } from './search.ts'

export const DIFFICULTIES = ['easy', 'normal', 'hard'] as const
export type Difficulty = (typeof DIFFICULTIES)[number]

interface Skill {
  noise: number
  maxActions: number
  /** Smallest gain, in score points, worth spending capital on. */
  threshold: number
}

/** How easy and normal choose (hard searches, see search.ts). */
export const SKILL: Readonly<Record<Exclude<Difficulty, 'hard'>, Readonly<Skill>>> = {
  easy: { noise: 3, maxActions: 1, threshold: 0 },
  normal: { noise: 0.4, maxActions: 4, threshold: 0.15 },
}

/** The normal player's skill: what the hard one builds its plans from and models the others with. */
export const NORMAL_SKILL: Readonly<Skill> = SKILL.normal

/**
 * The jitter of an actor's candidates this turn: uniform(seed, turn + 1, RNG_TAGS.ai, actor, k) × 2 − 1 for
 * candidate k, with the hash of the common keys worked out once.
 * HAZARD: this repeats rng.ts uniform step for step (the fast-path test compares it with uniform itself).
 */
export class Jitter {
  private readonly prefix: number
  constructor(seed: number, turn: number, actorIndex: number) {
    let h = mix32(seed ^ 0x9e3779b9)
    for (const key of [turn, RNG_TAGS.ai, actorIndex]) h = mix32((h + Math.imul(key | 0, 0x85ebca6b)) ^ 0xc2b2ae35)
    this.prefix = h
  }

  of(candidate: number): number {
    const h = mix32((this.prefix + Math.imul(candidate | 0, 0x85ebca6b)) ^ 0xc2b2ae35)
    const high = mix32(h ^ 0x27d4eb2f) >>> 11
    const low = mix32(h + 0x165667b1)
    return ((high * 0x100000000 + low) / 2 ** 53) * 2 - 1
  }
}

function mix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x7feb352d)
  h ^= h >>> 15
  h = Math.imul(h, 0x846ca68b)
  h ^= h >>> 16
  return h >>> 0
}

/** The jitter of candidate k of an actor (see Jitter), as the game's rng gives it. */
export function candidateJitter(state: GameState, actorIndex: number, candidate: number): number {
  return uniform(state.seed, state.turn + 1, RNG_TAGS.ai, actorIndex, candidate) * 2 - 1
}

export interface Scored {
  choice: Choice
  /** Its value to the actor with the jitter added (see evaluateChoice). */
  value: number
  noise: number
  /** Its joint key, and what taking part costs each partner. */
  key: string
  share: number
}

/** What the candidate loop needs to know of a candidate beyond its choice, worked out once per list. */
interface CandidateFacts {
  /** Whether history may forbid it (a once-a-game act, or one that needs another first). */
  guarded: boolean
  partnerShare: number
}

const factsByList = new WeakMap<readonly Candidate[], CandidateFacts[]>()

function factsOf(scn: CompiledScenario, candidates: readonly Candidate[]): CandidateFacts[] {
  let facts = factsByList.get(candidates)
  if (!facts) {
    facts = candidates.map(({ choice }) => {
      const data = scn.actionById[choice.action].data
      return { guarded: Boolean(data.requires || data.oncePerGame), partnerShare: partnerCostOf(scn, choice) }
    })
    factsByList.set(candidates, facts)
  }
  return facts
}

const NOTHING_PLANNED: ReadonlySet<string> = new Set()
const UNLIMITED = () => Infinity

/**
 * Every choice `actor` may propose now, valued (with `noise` times its jitter) and sorted best first.
 * Leaves out actions already planned by others (`alreadyPlanned`, joint keys), joint actions a partner could
 * not pay its share of (`partnerRoom`), and choices valued at or below `floor` (greedyPlan never takes them).
 */
export function scoredCandidates(
  scn: CompiledScenario,
  state: GameState,
  actor: string,
  noise: number,
  alreadyPlanned: ReadonlySet<string> = NOTHING_PLANNED,
  partnerRoom: (partner: string) => number = UNLIMITED,
  floor = -Infinity,
): Scored[] {
  const actorIndex = scn.actorIndex[actor]
  const candidates = keyedCandidates(scn, state, actor)
  const programs = programsOf(scn, candidates)
  const facts = factsOf(scn, candidates)
  const scratch = scratchFor(scn, state)
  const baseline = scratchRoleScore(scratch, actorIndex)
  const jitter = new Jitter(state.seed, state.turn + 1, actorIndex)
  const checkPlanned = alreadyPlanned.size > 0
  const history = historyAnswers(state, candidates)
  const values = VALUES.length >= candidates.length ? VALUES : (VALUES = new Float64Array(candidates.length * 2))
  const order = ORDER.length >= candidates.length ? ORDER : (ORDER = new Int32Array(candidates.length * 2))
  if (JITTERED.length < candidates.length) JITTERED = new Float64Array(candidates.length * 2)
  let count = 0
  // The jitter is keyed by the candidate's place in the full list, so leaving some out shifts no other's.
  for (let k = 0; k < candidates.length; k++) {
    const candidate = candidates[k]
    if ((checkPlanned && alreadyPlanned.has(candidate.key)) || (facts[k].guarded && forbidden(scn, state, candidates, k, history))) continue
    const partners = candidate.choice.partners
    if (partners && !partnersHaveRoom(partners, facts[k].partnerShare, partnerRoom)) continue
    JITTERED[k] = noise * jitter.of(k)
    values[k] = programValue(scratch, actorIndex, programs[k], baseline) + JITTERED[k]
    if (values[k] <= floor) continue
    // Insertion into the best-first order; equal values keep the candidates' order (as a stable sort would).
    let at = count++
    while (at > 0 && values[order[at - 1]] < values[k]) {
      order[at] = order[at - 1]
      at--
    }
    order[at] = k
  }
  const scored: Scored[] = new Array<Scored>(count)
  for (let r = 0; r < count; r++) {
    const k = order[r]
    scored[r] = {
      choice: candidates[k].choice,
      noise: JITTERED[k],
      value: values[k],
      key: candidates[k].key,
      share: facts[k].partnerShare,
    }
  }
  return scored
}

// Working arrays of scoredCandidates, reused across calls (it never calls itself).
let VALUES = new Float64Array(64)
let ORDER = new Int32Array(64)
let JITTERED = new Float64Array(64)

// What history forbids depends on the acts founded so far alone, and a state shares its `founded` list with the
// states before it until something is founded: the answers are kept per list (and candidate list).
const forbiddenByFounded = new WeakMap<readonly string[], WeakMap<readonly Candidate[], Int8Array>>()

/** The cached answers for this state's founded acts and this list: 1 forbidden, 0 allowed, -1 not asked yet. */
function historyAnswers(state: GameState, candidates: readonly Candidate[]): Int8Array {
  let byList = forbiddenByFounded.get(state.founded)
  if (!byList) forbiddenByFounded.set(state.founded, (byList = new WeakMap()))
  let answers = byList.get(candidates)
  if (!answers) byList.set(candidates, (answers = new Int8Array(candidates.length).fill(-1)))
  return answers
}

/** Whether history forbids candidate k (historyProblem), answered once per list of founded acts. */
function forbidden(scn: CompiledScenario, state: GameState, candidates: readonly Candidate[], k: number, answers: Int8Array): boolean {
  if (answers[k] === -1) answers[k] = historyProblem(scn, state, candidates[k].choice) ? 1 : 0
  return answers[k] === 1
}

function partnersHaveRoom(partners: readonly string[], share: number, partnerRoom: (partner: string) => number): boolean {
  for (const partner of partners) if (partnerRoom(partner) < share) return false
  return true
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
  alreadyPlanned: ReadonlySet<string> = NOTHING_PLANNED,
  reserved = 0,
  /** Capital each possible partner has left; a joint action is proposed only to partners who can pay their share. */
  partnerRoom: (partner: string) => number = UNLIMITED,
): Choice[] {
  if (state.outcome) return []
  if (difficulty === 'hard') return searchPlan(scn, state, actor, alreadyPlanned, reserved, partnerRoom).plan.slice()
  const skill = SKILL[difficulty]
  const scored = scoredCandidates(scn, state, actor, skill.noise, alreadyPlanned, partnerRoom, skill.threshold)
  return greedyPlan(scn, state, scored, scn.budget[scn.actorIndex[actor]] - reserved, skill, partnerRoom)
}

/** Takes the best-valued choices in order while they are worth it, affordable and of distinct actions. */
export function greedyPlan(
  scn: CompiledScenario,
  state: GameState,
  scored: readonly Scored[],
  budget: number,
  skill: Readonly<Skill>,
  partnerRoom: (partner: string) => number,
): Choice[] {
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
export function partnersCanPay(
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
  const ready = scratch && scratch.state === state && scratch.scn === scn ? scratch : scratchFor(scn, state)
  return evaluateChoice(scn, state, partner, choice, scratchRoleScore(ready, scn.actorIndex[partner]), ready) + goodwill > 0
}

export function consentPolicy(
  scn: CompiledScenario,
  state: GameState,
  computerActors: ReadonlySet<string>,
  difficulty: Difficulty,
): ConsentPolicy {
  return (partner, choice) => !computerActors.has(partner) || computerConsents(scn, state, partner, choice, difficulty)
}
