// Choices: what an actor asks to do in a turn. Illegal choices are rejected with a reason; only bugs throw.
import type { CompiledScenario } from './compiled.ts'
import type { GameState } from './state.ts'
import { pairIndex } from './compiled.ts'

export interface Choice {
  actor: string
  action: string
  targets?: string[]
  partners?: string[]
}

export interface Rejection {
  choice: Choice
  code:
    | 'unknown-action'
    | 'unknown-actor'
    | 'not-allowed'
    | 'bad-targets'
    | 'bad-partners'
    | 'over-budget'
    | 'declined'
    | 'duplicate'
    | 'once-per-game'
    | 'not-yet'
    | 'game-over'
  reason: string
}

/** Decides whether a partner takes part in a joint action proposed to it. */
export type ConsentPolicy = (partner: string, choice: Choice) => boolean

/** What the choice costs its actor: the action's cost, each target beyond the first, and the impasse surcharge. */
export function costOf(scn: CompiledScenario, state: GameState, choice: Choice): number {
  const action = scn.actionById[choice.action]
  const surcharge = state.impasse && action.tagSet.has('de-escalation') ? scn.params.impasseSurcharge : 0
  const extraTargets = Math.max(0, (choice.targets?.length ?? 0) - 1)
  return action.data.cost + extraTargets * (action.data.extraTargetCost ?? 0) + Math.round(surcharge)
}

/** What taking part in the choice costs each partner. */
export function partnerCostOf(scn: CompiledScenario, choice: Choice): number {
  return scn.actionById[choice.action].data.partnerCost ?? 0
}

/** Whether a once-a-game act with these participants was already taken. */
export function alreadyFounded(state: GameState, choice: Choice): boolean {
  return state.founded.length > 0 && state.founded.includes(jointKey({ ...choice, targets: [] }))
}

function inContact(scn: CompiledScenario, a: string, b: string): boolean {
  return scn.contact[pairIndex(scn, a, b)]
}

function listProblem(
  list: string[],
  spec: { from?: string[]; min: number; max: number },
  what: string,
  scn: CompiledScenario,
  exclude: ReadonlySet<string>,
): string | null {
  if (list.length < spec.min || list.length > spec.max) {
    const range = spec.min === spec.max ? `${spec.min}` : `${spec.min} to ${spec.max}`
    return `needs ${range} ${what}, got ${list.length}`
  }
  if (new Set(list).size !== list.length) return `names a ${what.replace(/s$/, '')} twice`
  for (const id of list) {
    if (!(id in scn.actorIndex)) return `unknown ${what.replace(/s$/, '')} "${id}"`
    if (exclude.has(id)) return `${id} cannot be both a participant and a ${what.replace(/s$/, '')}`
    if (spec.from && !spec.from.includes(id)) return `${id} cannot be one of its ${what} (allowed: ${spec.from.join(', ')})`
  }
  return null
}

/** Why a choice is illegal in this state (ignoring budget and consent), or null when it is legal. */
export function choiceProblem(scn: CompiledScenario, state: GameState, choice: Choice): Rejection | null {
  return problemOf(scn, state, choice, orderKey(choice))
}

/** choiceProblem, given the choice's order key. */
function problemOf(scn: CompiledScenario, state: GameState, choice: Choice, key: string): Rejection | null {
  // While the game goes on, a choice's form is legal or not whatever the state: a legal one is checked once.
  if (!state.outcome && factsOf(scn, state, choice, key).formOk) return historyProblem(scn, state, choice)
  return formProblem(scn, state, choice) ?? historyProblem(scn, state, choice)
}

/** Why a choice is illegal whatever was played before (wrong actor, partners, targets), or null. */
export function formProblem(scn: CompiledScenario, state: GameState, choice: Choice): Rejection | null {
  const reject = (code: Rejection['code'], reason: string): Rejection => ({ choice, code, reason })
  if (state.outcome) return reject('game-over', 'the game is over')
  const action = scn.actionById[choice.action]
  if (!action) return reject('unknown-action', `unknown action "${choice.action}"`)
  if (!(choice.actor in scn.actorIndex)) return reject('unknown-actor', `unknown actor "${choice.actor}"`)
  const data = action.data
  if (!data.actors.includes(choice.actor)) {
    return reject('not-allowed', `${choice.actor} cannot take "${data.id}" (allowed: ${data.actors.join(', ')})`)
  }
  const partners = choice.partners ?? []
  const participants = new Set([choice.actor])
  if (data.partners) {
    const problem = listProblem(partners, data.partners, 'partners', scn, participants)
    if (problem) return reject('bad-partners', `"${data.id}" ${problem}`)
  } else if (partners.length > 0) {
    return reject('bad-partners', `"${data.id}" takes no partners`)
  }
  for (const partner of partners) participants.add(partner)
  const targets = choice.targets ?? []
  const targetSpec = data.targets ?? { min: 0, max: 0 }
  const problem = listProblem(targets, targetSpec, 'targets', scn, participants)
  if (problem) return reject('bad-targets', `"${data.id}" ${problem}`)
  if (data.targets?.contact) {
    for (const target of targets) {
      if (![...participants].some((p) => inContact(scn, p, target))) {
        return reject('bad-targets', `"${data.id}" needs a participant in contact with ${target}`)
      }
    }
  }
  return null
}

/** Why a legal choice cannot be taken now because of what was taken before (once-a-game acts), or null. */
export function historyProblem(scn: CompiledScenario, state: GameState, choice: Choice): Rejection | null {
  const data = scn.actionById[choice.action].data
  if (!data.requires && !data.oncePerGame) return null
  const who = [choice.actor, ...(choice.partners ?? [])].join(', ')
  if (data.requires && !alreadyFounded(state, { ...choice, action: data.requires })) {
    return { choice, code: 'not-yet', reason: `"${data.id}" needs "${data.requires}" taken first by ${who}` }
  }
  if (data.oncePerGame && alreadyFounded(state, choice)) {
    return { choice, code: 'once-per-game', reason: `"${data.id}" is taken once a game, and ${who} already took it` }
  }
  return null
}

/** Sorted copies, so equal choices compare equal and apply in a canonical order. */
export function normaliseChoice(choice: Choice): Choice {
  const normal: Choice = { actor: choice.actor, action: choice.action }
  if (choice.targets && choice.targets.length > 0) normal.targets = [...choice.targets].sort()
  if (choice.partners && choice.partners.length > 0) normal.partners = [...choice.partners].sort()
  return normal
}

/** The same joint action proposed by any of its participants has the same key. */
export function jointKey(choice: Choice): string {
  const participants = [choice.actor, ...(choice.partners ?? [])].sort()
  const targets = [...(choice.targets ?? [])].sort()
  return `${choice.action}|${participants.join(',')}|${targets.join(',')}`
}

/** The text choices are put in canonical order by (see compareChoices). */
function orderKey(choice: Choice): string {
  return `${choice.actor}|${choice.action}|${(choice.targets ?? []).join(',')}|${(choice.partners ?? []).join(',')}`
}

export function compareChoices(a: Choice, b: Choice): number {
  const ka = orderKey(a)
  const kb = orderKey(b)
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

/** Sorts by compareChoices (stably, as Array.sort does), given each choice's order key. */
function sortChoices(choices: Choice[], keys: readonly string[]): void {
  if (choices.length < 2) return
  const keyed = choices.map((choice, k) => ({ choice, key: keys[k] }))
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  for (let k = 0; k < keyed.length; k++) choices[k] = keyed[k].choice
}

/** What is asked of a choice that depends on the scenario alone while the game goes on (by its exact text). */
interface ChoiceFacts {
  /** Whether formProblem finds nothing wrong with it in a game not yet over. */
  formOk: boolean
  jointKey: string
}

/** Bounds the facts kept per scenario (people can propose anything; the computer's choices are a few hundred). */
const MAX_FACTS = 4096
const factsByScenario = new WeakMap<CompiledScenario, Map<string, ChoiceFacts>>()

/** The facts of a choice, by its order key, worked out on first use; for a state without an outcome. */
function factsOf(scn: CompiledScenario, state: GameState, choice: Choice, key: string): ChoiceFacts {
  let cache = factsByScenario.get(scn)
  if (!cache) factsByScenario.set(scn, (cache = new Map<string, ChoiceFacts>()))
  let facts = cache.get(key)
  if (!facts) {
    if (cache.size >= MAX_FACTS) cache.clear()
    facts = { formOk: formProblem(scn, state, choice) === null, jointKey: jointKey(choice) }
    cache.set(key, facts)
  }
  return facts
}

export interface Plan {
  orders: Choice[]
  rejected: Rejection[]
  spent: Record<string, number>
}

/**
 * Checks every actor's choices in the order given, charges their budget, asks each partner
 * of a joint action for consent, and merges the same joint action proposed by several partners.
 */
export function planTurn(scn: CompiledScenario, state: GameState, choices: readonly Choice[], consent: ConsentPolicy): Plan {
  const spent: Record<string, number> = {}
  const orders: Choice[] = []
  const rejected: Rejection[] = []
  const orderKeys: string[] = []
  const seen = new Set<string>()
  for (const raw of choices) {
    const choice = normaliseChoice(raw)
    const text = orderKey(choice)
    const problem = problemOf(scn, state, choice, text)
    if (problem) {
      rejected.push(problem)
      continue
    }
    const key = state.outcome ? jointKey(choice) : factsOf(scn, state, choice, text).jointKey
    if (seen.has(key)) {
      rejected.push({ choice, code: 'duplicate', reason: `"${choice.action}" with the same participants and targets is already planned` })
      continue
    }
    const cost = costOf(scn, state, choice)
    const left = (actor: string) => scn.budget[scn.actorIndex[actor]] - (spent[actor] ?? 0)
    if (cost > left(choice.actor)) {
      rejected.push({
        choice,
        code: 'over-budget',
        reason: `${choice.actor} has ${left(choice.actor)} of ${scn.budget[scn.actorIndex[choice.actor]]} capital left; "${choice.action}" costs ${cost}`,
      })
      continue
    }
    const share = partnerCostOf(scn, choice)
    const partners = choice.partners ?? []
    const broke = partners.find((partner) => share > left(partner))
    if (broke) {
      rejected.push({
        choice,
        code: 'over-budget',
        reason: `${broke} has ${left(broke)} capital left, and taking part in "${choice.action}" costs each partner ${share}`,
      })
      continue
    }
    const refusing = partners.find((partner) => !consent(partner, choice))
    if (refusing) {
      rejected.push({ choice, code: 'declined', reason: `${refusing} declined to take part in "${choice.action}"` })
      continue
    }
    for (const partner of partners) if (share > 0) spent[partner] = (spent[partner] ?? 0) + share
    spent[choice.actor] = (spent[choice.actor] ?? 0) + cost
    seen.add(key)
    orders.push(choice)
    orderKeys.push(text)
  }
  sortChoices(orders, orderKeys)
  return { orders, rejected, spent }
}
