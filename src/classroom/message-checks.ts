// What a client's message must be before the class hears of it: shallow, small, an object of its declared type,
// valid for the protocol, and sent by someone who may send it. Every refusal says what was wrong.
import type { ServerError } from '../shared/classroom-protocol.ts'
import { MAX_CLIENT_MESSAGE_BYTES, StudentMessage, TeacherMessage } from '../shared/classroom-protocol.ts'
import type { ClassEvent } from './class-events.ts'

/** Who a connection is in a class (what onAuth decided). */
export type Seat = { role: 'student'; team: string } | { role: 'teacher' } | { role: 'projector' }

const STUDENT_TYPES = new Set(['plan', 'answer'])
const TEACHER_TYPES = new Set([
  'start',
  'pause',
  'resume',
  'extend',
  'end-timer',
  'inject',
  'cancel-inject',
  'reveal',
  'rollback',
  'difficulty',
])

/** Deeper than any message of the protocol (a plan's choice's targets are at depth 3). */
export const MAX_MESSAGE_DEPTH = 8

/** Whether a decoded message nests no deeper than `limit`, found without recursion. */
export function withinDepth(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!
    if (typeof item !== 'object' || item === null) continue
    if (depth >= limit) return false
    for (const child of Object.values(item)) stack.push([child, depth + 1])
  }
  return true
}

const issueText = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
  issues.map((issue) => `${issue.path.map(String).join('.') || 'the message'}: ${issue.message}`).join('; ')

const refusal = (code: ServerError['code'], message: string): ServerError => ({ code, message })

/** The event a message of `type` from this seat stands for, or why it is refused. */
export function checkedEvent(seat: Seat, type: string, message: unknown): ClassEvent | ServerError {
  // Checked without recursion first: a deeply nested message would overflow the stack of any recursive walk.
  if (!withinDepth(message, MAX_MESSAGE_DEPTH))
    return refusal('bad-message', `A message may nest at most ${MAX_MESSAGE_DEPTH} levels of objects and arrays.`)
  if (Buffer.byteLength(JSON.stringify(message ?? null) ?? '', 'utf8') > MAX_CLIENT_MESSAGE_BYTES)
    return refusal('too-large', `A message may have at most ${MAX_CLIENT_MESSAGE_BYTES} bytes of JSON.`)
  if (seat.role === 'projector') return refusal('refused', 'A projector only shows the class; it cannot act.')
  const isObject = typeof message === 'object' && message !== null && !Array.isArray(message)
  const body = isObject ? (message as Record<string, unknown>) : message === undefined ? {} : null
  if (body === null || (body.type !== undefined && body.type !== type))
    return refusal('bad-message', `A "${type}" message must be an object whose type, if given, is "${type}".`)
  const typed = { ...body, type }
  if (seat.role === 'student') {
    if (TEACHER_TYPES.has(type)) return refusal('refused', `Only the teacher can send "${type}".`)
    const parsed = StudentMessage.safeParse(typed)
    if (!parsed.success) return refusal('bad-message', `Not a valid "${type}" message: ${issueText(parsed.error.issues)}`)
    return { by: 'team', team: seat.team, message: parsed.data }
  }
  if (STUDENT_TYPES.has(type)) return refusal('refused', `The teacher does not send "${type}": the teams plan and answer.`)
  const parsed = TeacherMessage.safeParse(typed)
  if (!parsed.success) return refusal('bad-message', `Not a valid "${type}" message: ${issueText(parsed.error.issues)}`)
  return { by: 'teacher', message: parsed.data }
}
