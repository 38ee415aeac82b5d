// The ledger: every change of every state variable, with its cause and the passages behind it.
import type { CitationData } from './scenario/schema.ts'
import type { Cause } from './compiled.ts'
import type { StateVariable } from './state.ts'

export const STEPS = ['injects', 'actions', 'reactions', 'arms', 'alignment', 'tension', 'incidents', 'indices'] as const
export type Step = (typeof STEPS)[number]

export interface LedgerEntry {
  turn: number
  step: Step
  /** Id of the action, rule or inject, or "clamp". */
  cause: string
  causeKind: Cause['kind']
  causeName: string
  /** Whom the variable belongs to: the pair, the actor, or [who feels, toward whom] for grievance. */
  actors: string[]
  /** Who acted, for entries caused by an action or a reaction to one. */
  by?: string[]
  variable: StateVariable
  before: number
  delta: number
  after: number
  citations: readonly CitationData[]
  assumption?: string
  /** Set on entries of a limit (clamp, cap, ceiling, floor): they take back part of what other causes pushed this turn. */
  limit?: true
  note?: string
}
