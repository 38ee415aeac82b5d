// The checks every client message passes before the class hears of it.
import { describe, expect, it } from 'vitest'
import { MAX_MESSAGE_DEPTH, checkedEvent, withinDepth } from '../../src/classroom/message-checks.ts'

const bears = { role: 'student', team: 'Bears' } as const
const teacher = { role: 'teacher' } as const

describe('checkedEvent', () => {
  it('turns a valid message into the event of its sender, with or without its type inside', () => {
    const plan = { turn: 2, choices: [{ actor: 'RUS', action: 'arms-buildup' }], ready: true }
    expect(checkedEvent(bears, 'plan', plan)).toEqual({ by: 'team', team: 'Bears', message: { type: 'plan', ...plan } })
    expect(checkedEvent(bears, 'plan', { type: 'plan', ...plan })).toEqual(checkedEvent(bears, 'plan', plan))
    expect(checkedEvent(teacher, 'pause', undefined)).toEqual({ by: 'teacher', message: { type: 'pause' } })
    expect(checkedEvent(teacher, 'extend', { seconds: 60 })).toEqual({ by: 'teacher', message: { type: 'extend', seconds: 60 } })
  })

  it('refuses what is too deep, too large, of another type, of another role, or from a projector', () => {
    let deep: unknown = 1
    for (let k = 0; k < 50_000; k++) deep = [deep]
    expect(withinDepth(deep, MAX_MESSAGE_DEPTH)).toBe(false)
    expect(checkedEvent(bears, 'plan', { choices: deep })).toMatchObject({ code: 'bad-message' })
    expect(checkedEvent(bears, 'plan', { turn: 1, choices: [], ready: true, rationale: { text: 'x'.repeat(17_000) } })).toMatchObject({
      code: 'too-large',
    })
    expect(checkedEvent(bears, 'plan', { type: 'answer' })).toMatchObject({ code: 'bad-message' })
    expect(checkedEvent(bears, 'plan', 'ready')).toMatchObject({ code: 'bad-message' })
    expect(checkedEvent(bears, 'plan', { turn: 1, choices: [], ready: true, actor: 'CHN' })).toMatchObject({
      code: 'bad-message',
      message: expect.stringContaining('actor'),
    })
    expect(checkedEvent(bears, 'rollback', {})).toEqual({ code: 'refused', message: 'Only the teacher can send "rollback".' })
    expect(checkedEvent(teacher, 'answer', { turn: 1, key: 'k', agree: true })).toMatchObject({ code: 'refused' })
    expect(checkedEvent({ role: 'projector' }, 'pause', {})).toMatchObject({ code: 'refused' })
    expect(checkedEvent(teacher, 'self-destruct', {})).toMatchObject({ code: 'bad-message' })
  })
})
