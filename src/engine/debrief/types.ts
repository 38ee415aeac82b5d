// The debrief as data: what a finished (or running) game showed, built from the scenario and the match
// alone, so that the game's end screen, a loaded save and a class's record all give the same debrief.
import type { Clash } from '../state.ts'
import type { RuleKind } from '../scenario/schema.ts'

/** A passage as cited, checked again against the scenario's source text. */
export interface VerifiedCitation {
  source: string
  paragraph: number
  quote: string
  /** Whether the quote occurs in that paragraph (quote style and white space folded, as the loader checks). */
  verified: boolean
}

/** A cause as the ledger names it: an action, a rule, an inject, a limit or an index. */
export interface CauseRef {
  id: string
  kind: 'action' | 'rule' | 'inject' | 'clamp' | 'index'
  name: string
}

export interface Passages {
  citations: VerifiedCitation[]
  /** The designer's assumption, where the text does not support the cause (or not all of it). */
  assumption?: string
}

export interface RungRef {
  index: number
  id: string
  name: string
}

export type TimelineEventKind = 'pin-prick' | 'inject' | 'incident' | 'armed-clash'

export interface TimelineEvent {
  turn: number
  kind: TimelineEventKind
  /** Who acted (a pin prick's participants), the pair of an incident or clash, or nobody (an inject). */
  actors: string[]
  /** Whom a pin prick was aimed at. */
  targets: string[]
  /** The action of a pin prick, or the inject. */
  cause: CauseRef | null
  theatre: string | null
  /** Incidents: 1 minor, 2 severe. */
  severity?: 1 | 2
  /** Incidents: the chance there was of one between the pair this turn. */
  chance?: number
  text: string
}

export interface TimelineTurn {
  turn: number
  date: string
  rung: RungRef
  /** The rung before the turn, to show a climb or a fall. */
  rungBefore: RungRef
  /** Every order carried out, described; human orders are marked. */
  orders: { text: string; actor: string; action: string; human: boolean; pinPrick: boolean }[]
  events: TimelineEvent[]
  rigidity: number
  scores: Record<string, number>
}

/** One pin prick against a pair, or an incident between them, in one turn. */
export interface RedLineTurn {
  turn: number
  /** Pin pricks on the pair this turn (0: an incident without a test). */
  pinPricks: number
  /** Who made them. */
  by: string[]
  /** The chance of an incident between the pair this turn, after the pin pricks (null without a ledger). */
  chance: number | null
  verdict: 'held' | 'crossed'
  incident: { severity: 1 | 2; theatre: string | null } | null
}

export interface RedLinePair {
  pair: [string, string]
  tested: number
  held: number
  crossed: number
  /** The first turn an incident crossed it, or null. */
  firstCrossed: number | null
  status: 'crossed' | 'held'
  turns: RedLineTurn[]
}

export interface RedLines {
  /** How tested, held and crossed are read from the engine's quantities (shown on the page). */
  definition: string[]
  pairs: RedLinePair[]
  /** Every climb or fall of the escalation ladder. */
  ladder: { turn: number; from: RungRef; to: RungRef; passages: Passages }[]
  highest: RungRef & { turn: number }
  clash: Clash | null
}

export interface ConsequenceChange {
  variable: string
  owners: string[]
  /** What this cause pushed (the sum of its entries for this variable and owners this turn). */
  delta: number
  /** The variable over the whole turn, netted over every cause as the turn report does. */
  before: number
  after: number
  /** Set when a limit (cap, ceiling, floor, range) took part of the turn's push back or added to it. */
  limited?: true
}

export interface Consequence {
  turn: number
  step: string
  cause: CauseRef
  /** Who acted, for causes set off by an action. */
  by: string[]
  /** Set for limits: they take back part of what other causes pushed. */
  limit?: true
  changes: ConsequenceChange[]
  passages: Passages
}

/** One cause over the whole game: when it acted, its largest effects, and its passage. */
export interface CauseSummary {
  cause: CauseRef
  turns: number[]
  changes: number
  largest: { variable: string; owners: string[]; total: number }[]
  passages: Passages
}

export interface RationaleEntry {
  turn: number
  date: string
  actor: string
  text: string
  paragraph?: number
  /** The cited paragraph of the scenario's first source; null when it has no such paragraph. */
  paragraphText?: string | null
  /** What the role chose that turn, described. */
  choices: string[]
}

export interface ObjectiveResult {
  id: string
  description: string
  goal: 'high' | 'low'
  weight: number
  /** 0..1 toward the goal (1: fully met), as the end screen reads it. */
  attainment: number
  met: boolean
  passages: Passages
}

export interface RoleResult {
  role: string
  actor: string
  name: string
  human: boolean
  score: number
  objectives: ObjectiveResult[]
}

export type ClaimVerdict = 'consistent' | 'not-seen' | 'not-played' | 'not-shown-by-one-game'

export interface ClaimShown {
  claim: string
  statement: string
  verdict: ClaimVerdict
  /** What this game showed, or why one game cannot show it. */
  reading: string
  /** Turns in which the claim's policy was played (its acts that differ from the baseline). */
  policyTurns: number[]
  passages: Passages
}

export interface DiscussionQuestion {
  kind: RuleKind
  rule: CauseRef
  question: string
  /** The numbers of this game the question is drawn from. */
  context: string
  passages: Passages
}

export interface DebriefOutcome {
  status: 'armed-clash' | 'turn-limit' | 'in-progress'
  turn: number
  headline: string
  rung: RungRef
  rigidity: number
  rigidBlocs: boolean
  impasse: boolean
  quasiAlliance: boolean
  blocs: [string[], string[]]
}

export interface Debrief {
  format: 'red-lines-debrief'
  formatVersion: 1
  scenario: { id: string; version: string; hash: string; title: string }
  setup: { seed: number; turnLimit: number; difficulty: string; humans: string[] }
  /** Display names of actors (and teams, when a class gave them). */
  names: Record<string, string>
  outcome: DebriefOutcome
  timeline: TimelineTurn[]
  redLines: RedLines
  consequences: Consequence[]
  causes: CauseSummary[]
  rationales: RationaleEntry[]
  objectives: RoleResult[]
  claims: ClaimShown[]
  questions: DiscussionQuestion[]
}
