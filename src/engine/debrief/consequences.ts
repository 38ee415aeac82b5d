// Every consequence of a game with its passage: each turn's ledger grouped by cause (as the turn report
// groups it), each cause's changes summed per variable and owners, and beside each the variable's net
// change over the turn as net-ledger.ts nets it (what took effect once every cause and limit had acted).
import type { CompiledScenario } from '../compiled.ts'
import type { LedgerEntry } from '../ledger.ts'
import type { Match } from '../match.ts'
import { netChangeKey, netChanges } from '../net-ledger.ts'
import type { CauseRef, CauseSummary, Consequence, ConsequenceChange } from './types.ts'
import { mergedPassages, normalisedSize, passagesOf } from './words.ts'

const LADDER_CAUSE = 'escalation-ladder'

function turnConsequences(scn: CompiledScenario, turn: number, ledger: readonly LedgerEntry[]): Consequence[] {
  const nets = new Map(netChanges(ledger).map((change) => [netChangeKey(change), change]))
  const groups = new Map<string, { consequence: Consequence; byKey: Map<string, ConsequenceChange> }>()
  for (const entry of ledger) {
    const groupKey = `${entry.step}|${entry.cause}`
    let group = groups.get(groupKey)
    if (!group) {
      const consequence: Consequence = {
        turn,
        step: entry.step,
        cause: { id: entry.cause, kind: entry.causeKind, name: entry.causeName },
        by: [],
        changes: [],
        passages: passagesOf(scn, entry),
      }
      if (entry.limit) consequence.limit = true
      group = { consequence, byKey: new Map() }
      groups.set(groupKey, group)
    }
    for (const id of entry.by ?? []) if (!group.consequence.by.includes(id)) group.consequence.by.push(id)
    const key = netChangeKey(entry)
    let change = group.byKey.get(key)
    if (!change) {
      const net = nets.get(key)!
      change = { variable: entry.variable, owners: [...entry.actors], delta: 0, before: net.before, after: net.after }
      if (net.limitDelta !== 0) change.limited = true
      group.byKey.set(key, change)
      group.consequence.changes.push(change)
    }
    change.delta += entry.delta
  }
  return [...groups.values()].map(({ consequence }) => consequence)
}

/** Every consequence of every turn, in the order the causes acted. */
export function consequencesOf(scn: CompiledScenario, match: Match): Consequence[] {
  return match.turns.flatMap(({ result }) => turnConsequences(scn, result.turn, result.ledger))
}

/** The consequences of one cause over the game: when it acted, its largest total effects, its passages. */
export function causeSummaries(scn: CompiledScenario, consequences: readonly Consequence[]): CauseSummary[] {
  const byCause = new Map<string, { summary: CauseSummary; totals: Map<string, { variable: string; owners: string[]; total: number }> }>()
  const passages = new Map<string, Consequence['passages'][]>()
  for (const consequence of consequences) {
    const id = consequence.cause.id
    let item = byCause.get(id)
    if (!item) {
      const cause: CauseRef = id === LADDER_CAUSE ? { ...consequence.cause, name: 'Escalation ladder' } : { ...consequence.cause }
      item = { summary: { cause, turns: [], changes: 0, largest: [], passages: { citations: [] } }, totals: new Map() }
      byCause.set(id, item)
      passages.set(id, [])
    }
    const { summary, totals } = item
    if (!summary.turns.includes(consequence.turn)) summary.turns.push(consequence.turn)
    summary.changes += consequence.changes.length
    passages.get(id)!.push(consequence.passages)
    for (const change of consequence.changes) {
      const key = `${change.variable}|${change.owners.join('|')}`
      const total = totals.get(key)
      if (total) total.total += change.delta
      else totals.set(key, { variable: change.variable, owners: change.owners, total: change.delta })
    }
  }
  return [...byCause.entries()].map(([id, { summary, totals }]) => {
    summary.largest = [...totals.values()]
      .filter((total) => total.total !== 0)
      .sort((a, b) => normalisedSize(scn, b.variable, b.total) - normalisedSize(scn, a.variable, a.total))
      .slice(0, 3)
    summary.passages = mergedPassages(passages.get(id)!)
    return summary
  })
}

/** How much a cause moved the world in a game: the sum of its changes' sizes on the common scale. */
export function causeWeight(scn: CompiledScenario, consequences: readonly Consequence[], causeId: string): number {
  let weight = 0
  for (const consequence of consequences) {
    if (consequence.cause.id !== causeId) continue
    for (const change of consequence.changes) weight += normalisedSize(scn, change.variable, change.delta)
  }
  return weight
}
