// Names and short descriptions the debrief's sentences share: actors, actions, choices, values, passages.
import type { Choice } from '../choices.ts'
import type { CompiledScenario } from '../compiled.ts'
import type { CitationData } from '../scenario/schema.ts'
import { quoteOccursIn } from '../scenario/text.ts'
import type { GameState } from '../state.ts'
import type { Passages, RungRef, VerifiedCitation } from './types.ts'

export function actorName(scn: CompiledScenario, id: string): string {
  return scn.file.actors.find((actor) => actor.id === id)?.name ?? id
}

export function actionName(scn: CompiledScenario, id: string): string {
  return scn.actionById[id]?.data.name ?? id
}

/** "a", "a and b", "a, b and c". */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

export function pairText(scn: CompiledScenario, pair: readonly string[]): string {
  return pair.map((id) => actorName(scn, id)).join('–')
}

/** "United States: Sanctions → Russia" (the turn report's wording). */
export function describeChoice(scn: CompiledScenario, choice: Choice): string {
  const partners = choice.partners?.length ? ` with ${choice.partners.map((id) => actorName(scn, id)).join(', ')}` : ''
  const targets = choice.targets?.length ? ` → ${choice.targets.map((id) => actorName(scn, id)).join(', ')}` : ''
  return `${actorName(scn, choice.actor)}: ${actionName(scn, choice.action)}${partners}${targets}`
}

export function rungRef(scn: CompiledScenario, index: number): RungRef {
  const rung = scn.file.ladder[index]
  return { index, id: rung.id, name: rung.name }
}

/** The state after `turn` (the start for turn 0). */
export function stateAfter(start: GameState, turns: readonly { result: { state: GameState } }[], turn: number): GameState {
  return turn <= 0 ? start : turns[turn - 1].result.state
}

/** The text of a paragraph of a source (1-based), or null when there is none. */
export function paragraphText(scn: CompiledScenario, source: string, paragraph: number): string | null {
  const paragraphs = scn.sources[source]
  if (!paragraphs || !Number.isInteger(paragraph) || paragraph < 1 || paragraph > paragraphs.length) return null
  return paragraphs[paragraph - 1]
}

/** Each citation with whether its quote is really in its paragraph. */
export function verifiedCitations(scn: CompiledScenario, citations: readonly CitationData[]): VerifiedCitation[] {
  return citations.map((citation) => {
    const text = paragraphText(scn, citation.source, citation.paragraph)
    return {
      source: citation.source,
      paragraph: citation.paragraph,
      quote: citation.quote,
      verified: text !== null && quoteOccursIn(citation.quote, text),
    }
  })
}

export function passagesOf(scn: CompiledScenario, item: { citations?: readonly CitationData[]; assumption?: string }): Passages {
  const passages: Passages = { citations: verifiedCitations(scn, item.citations ?? []) }
  if (item.assumption !== undefined) passages.assumption = item.assumption
  return passages
}

/** The passages of several items, each quote once. */
export function mergedPassages(list: readonly Passages[]): Passages {
  const seen = new Set<string>()
  const citations: VerifiedCitation[] = []
  const assumptions: string[] = []
  for (const passages of list) {
    for (const citation of passages.citations) {
      const key = `${citation.source}|${citation.paragraph}|${citation.quote}`
      if (seen.has(key)) continue
      seen.add(key)
      citations.push(citation)
    }
    if (passages.assumption !== undefined && !assumptions.includes(passages.assumption)) assumptions.push(passages.assumption)
  }
  return assumptions.length > 0 ? { citations, assumption: assumptions.join(' ') } : { citations }
}

/** A value as the game shows it: alignment as −100..+100, shares as percent, readiness and scores as they are. */
export function valueText(variable: string, value: number): string {
  if (variable === 'alignment') return `${value >= 0 ? '+' : '−'}${Math.abs(Math.round(value * 100))}`
  if (variable === 'readiness' || variable === 'rigidity' || variable === 'score') return value.toFixed(1)
  if (variable === 'rung') return String(value)
  return `${Math.round(value * 100)}%`
}

/** A change as the game shows it: "+12" (alignment), "+8 pts" (shares), "+3.5" (readiness). */
export function deltaText(variable: string, delta: number): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±'
  const size = Math.abs(delta)
  if (variable === 'readiness' || variable === 'rigidity' || variable === 'score' || variable === 'rung') return `${sign}${size.toFixed(1)}`
  if (variable === 'alignment') return `${sign}${(size * 100).toFixed(1)}`
  return `${sign}${(size * 100).toFixed(1)} pts`
}

export function percentText(share: number): string {
  return `${Math.round(share * 100)}%`
}

/** A change's size on a common 0..1 scale, so that effects on different variables can be ranked together. */
export function normalisedSize(scn: CompiledScenario, variable: string, delta: number): number {
  const size = Math.abs(delta)
  if (variable === 'readiness') return size / scn.params.readinessMax
  if (variable === 'rigidity' || variable === 'score') return size / 100
  if (variable === 'rung') return scn.file.ladder.length > 1 ? size / (scn.file.ladder.length - 1) : size
  if (variable === 'alignment') return size / 2
  return size
}

/** Whose value a change is: "CHN–RUS", "JPN toward CHN" (grievance), "USA". */
export function ownersText(scn: CompiledScenario, variable: string, owners: readonly string[]): string {
  if (owners.length === 0) return ''
  if (variable === 'grievance') return `${actorName(scn, owners[0])} toward ${actorName(scn, owners[1])}`
  return owners.map((id) => actorName(scn, id)).join('–')
}

const VARIABLE_NAMES: Record<string, string> = {
  alignment: 'alignment',
  tension: 'tension',
  commitment: 'commitment',
  interdependence: 'interdependence',
  readiness: 'readiness',
  standing: 'standing',
  grievance: 'grievance',
  rung: 'escalation rung',
  rigidity: 'bloc rigidity',
  score: 'score',
}

export function variableName(variable: string): string {
  return VARIABLE_NAMES[variable] ?? variable
}

/** "CHN–RUS alignment +12.0". */
export function changeText(scn: CompiledScenario, change: { variable: string; owners: readonly string[]; delta: number }): string {
  const owners = ownersText(scn, change.variable, change.owners)
  return `${owners ? `${owners} ` : ''}${variableName(change.variable)} ${deltaText(change.variable, change.delta)}`
}
