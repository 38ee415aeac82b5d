// The server's messages as this page reads them: the shapes of the protocol, checked at the door so that a
// server of another version is named as such instead of breaking a screen.
import type { ClassView, SeatView, ServerError, TeacherView } from '../../shared/classroom-protocol.ts'
import { PHASES } from '../../shared/classroom-protocol.ts'

type Record_ = Record<string, unknown>

const isRecord = (value: unknown): value is Record_ => typeof value === 'object' && value !== null && !Array.isArray(value)
const isHash = (value: unknown) => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)

/** Names the first missing or mistyped field, or null. */
function missing(record: Record_, fields: Record<string, (value: unknown) => boolean>): string | null {
  for (const [field, ok] of Object.entries(fields)) if (!ok(record[field])) return field
  return null
}

const str = (value: unknown) => typeof value === 'string'
const num = (value: unknown) => typeof value === 'number' && Number.isFinite(value)
const numOrNull = (value: unknown) => value === null || num(value)
const arr = (value: unknown) => Array.isArray(value)
const bool = (value: unknown) => typeof value === 'boolean'

export function readClassView(message: unknown): ClassView | string {
  if (!isRecord(message)) return 'a class view that is not an object'
  const field = missing(message, {
    code: str,
    scenario: isRecord,
    setup: isRecord,
    teams: arr,
    phase: (value) => (PHASES as readonly unknown[]).includes(value),
    paused: bool,
    turn: num,
    deadline: numOrNull,
    remainingMs: numOrNull,
    difficulty: str,
    injects: arr,
    turns: arr,
  })
  if (field) return `a class view without a valid "${field}"`
  const scenario = message.scenario as Record_
  const scenarioField = missing(scenario, { folder: str, id: str, version: str, hash: isHash, title: str })
  if (scenarioField) return `a class view whose scenario has no valid "${scenarioField}"`
  const setup = message.setup as Record_
  const setupField = missing(setup, { seed: num, turnLimit: num, difficulty: str, humans: arr })
  if (setupField) return `a class view whose setup has no valid "${setupField}"`
  for (const [index, turn] of (message.turns as unknown[]).entries()) {
    if (!isRecord(turn)) return `turn ${index + 1} of the class view is not an object`
    const turnField = missing(turn, { turn: num, choices: arr, agreed: arr, passed: arr, stateHash: isHash })
    if (turnField) return `turn ${index + 1} of the class view has no valid "${turnField}"`
  }
  return message as unknown as ClassView
}

export function readSeatView(message: unknown): SeatView | string {
  if (!isRecord(message)) return 'a seat that is not an object'
  const field = missing(message, { team: str, actor: str, rejoin: str, turn: num, plan: isRecord, questions: arr })
  if (field) return `a seat without a valid "${field}"`
  const plan = message.plan as Record_
  if (!arr(plan.choices) || !bool(plan.ready)) return 'a seat whose plan has no choices or ready'
  return message as unknown as SeatView
}

export function readTeacherView(message: unknown): TeacherView | string {
  if (!isRecord(message)) return "a teacher's view that is not an object"
  const field = missing(message, { joinUrl: str, network: str, plans: isRecord })
  return field ? `a teacher's view without a valid "${field}"` : (message as unknown as TeacherView)
}

export function readServerError(message: unknown): ServerError {
  if (isRecord(message) && str(message.code) && str(message.message)) return message as unknown as ServerError
  return { code: 'refused', message: 'The server refused the last request.' }
}
