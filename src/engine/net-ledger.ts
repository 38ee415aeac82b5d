// The net truth of one turn's ledger: per variable and owners, what the causes pushed, what the limits
// (clamps, caps, ceilings, floors) took back or added, and what took effect. The CLI and the turn
// report both say it.
import type { LedgerEntry } from './ledger.ts'
// Ledger values lie on a 2^-32 grid, so the sums are exact: before + pushed + limitDelta = after.

/** The fields of a ledger entry this reads. */
export type NetLedgerEntry = Pick<
  LedgerEntry,
  'step' | 'cause' | 'causeName' | 'actors' | 'variable' | 'before' | 'delta' | 'after' | 'limit'
>

/** What the non-limit causes of one step pushed, summed. */
export interface StepPush {
  step: string
  delta: number
}

/** What one limit took back (against the push) or added, summed over the turn. */
export interface LimitShare {
  cause: string
  causeName: string
  delta: number
}

export interface NetChange {
  variable: string
  actors: readonly string[]
  /** The value before the first change of the turn. */
  before: number
  /** The value after the last change of the turn. */
  after: number
  /** What took effect: after − before, the sum of every delta. */
  net: number
  /** What the causes pushed, limits left out: the sum of the non-limit deltas. */
  pushed: number
  /** `pushed` by step, in the order the steps first pushed; steps whose pushes cancel out are kept. */
  pushes: StepPush[]
  /** Each limit's sum, in the order the limits first acted; limits whose entries cancel out are left out. */
  limits: LimitShare[]
  /** The limits' sum: net − pushed. Non-zero exactly when a limit changed what took effect. */
  limitDelta: number
}

/** `variable|owner|owner`: one key per variable and owners, as netChanges groups entries. */
export function netChangeKey(entry: { variable: string; actors: readonly string[] }): string {
  return `${entry.variable}|${entry.actors.join('|')}`
}

/** Every variable and owners that changed in this ledger, in the order they first changed. */
export function netChanges(ledger: readonly NetLedgerEntry[]): NetChange[] {
  const byKey = new Map<string, { change: NetChange; limits: Map<string, LimitShare>; pushes: Map<string, StepPush> }>()
  for (const entry of ledger) {
    const key = netChangeKey(entry)
    let item = byKey.get(key)
    if (!item) {
      const change: NetChange = {
        variable: entry.variable,
        actors: entry.actors,
        before: entry.before,
        after: entry.before,
        net: 0,
        pushed: 0,
        pushes: [],
        limits: [],
        limitDelta: 0,
      }
      item = { change, limits: new Map(), pushes: new Map() }
      byKey.set(key, item)
    }
    const { change } = item
    change.after = entry.after
    change.net += entry.delta
    if (entry.limit) {
      change.limitDelta += entry.delta
      let share = item.limits.get(entry.cause)
      if (!share) {
        share = { cause: entry.cause, causeName: entry.causeName, delta: 0 }
        item.limits.set(entry.cause, share)
      }
      share.delta += entry.delta
    } else {
      change.pushed += entry.delta
      let push = item.pushes.get(entry.step)
      if (!push) {
        push = { step: entry.step, delta: 0 }
        item.pushes.set(entry.step, push)
      }
      push.delta += entry.delta
    }
  }
  return [...byKey.values()].map(({ change, limits, pushes }) => {
    change.pushes = [...pushes.values()]
    change.limits = [...limits.values()].filter((share) => share.delta !== 0)
    return change
  })
}

/** Only the changes where a limit changed what took effect: the ones a report must set straight. */
export function limitedChanges(ledger: readonly NetLedgerEntry[]): NetChange[] {
  return netChanges(ledger).filter((change) => change.limitDelta !== 0)
}

const PUSH_GROUP_NAMES: Record<string, string> = {
  injects: 'injected events',
  actions: 'actions',
  reactions: 'reactions',
  arms: 'the arms race',
  alignment: 'drift',
  tension: 'tension dynamics',
  incidents: 'incidents',
  indices: 'indices',
}

/** The name of a step as a group of causes in a sentence: "pushed by reactions and drift". */
export function pushGroupName(step: string): string {
  return PUSH_GROUP_NAMES[step] ?? step
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** How a limit's share reads against the push: it held part of it back, or it added on its own. */
export function limitVerb(share: LimitShare, pushed: number): 'held back' | 'added' | 'took away' {
  if (pushed !== 0 && Math.sign(share.delta) !== Math.sign(pushed)) return 'held back'
  return share.delta > 0 ? 'added' : 'took away'
}

/**
 * The sentence both the CLI and the report say, with the caller's formats for a signed change and for
 * a size: "+28.0 pushed by reactions and drift, +2.0 took effect (Strategic autonomy held back 26.0)".
 */
export function netSentence(
  change: NetChange,
  signed: (delta: number) => string,
  size: (amount: number) => string,
  limitName: (share: LimitShare) => string = (share) => share.causeName,
): string {
  const groups = change.pushes.filter((push) => push.delta !== 0).map((push) => pushGroupName(push.step))
  const pushed = change.pushed !== 0 ? `${signed(change.pushed)} pushed by ${listInWords(groups)}` : 'nothing pushed'
  const effect = change.net !== 0 ? `${signed(change.net)} took effect` : 'nothing took effect'
  const limits = change.limits.map((share) => `${limitName(share)} ${limitVerb(share, change.pushed)} ${size(Math.abs(share.delta))}`)
  return `${pushed}, ${effect}${limits.length ? ` (${limits.join('; ')})` : ''}`
}
