// The class as a plain module: phases, secret plans, joint proposals, the timer and the teacher's controls,
// with the engine as the only authority on the game.
import { beforeAll, describe, expect, it } from 'vitest'
import type { CompiledScenario } from '../../src/engine/index.ts'
import { advanceMatch, newMatch, stateHash } from '../../src/engine/index.ts'
import { ClassGame, RESTART_GRACE_MS } from '../../src/classroom/class-game.ts'
import type { ClassEvent } from '../../src/classroom/class-events.ts'
import { classView, seatView, teacherView } from '../../src/classroom/class-views.ts'
import { JOINT_PATROL, SANCTIONS, SETUP, answerAll, identityOf, loadScenario, plan } from './support/fixtures.ts'

let scn: CompiledScenario
beforeAll(async () => {
  scn = await loadScenario()
})

const T0 = 1_000_000
const team = (name: string, message: Extract<ClassEvent, { by: 'team' }>['message']): ClassEvent => ({ by: 'team', team: name, message })
const teacher = (message: Extract<ClassEvent, { by: 'teacher' }>['message']): ClassEvent => ({ by: 'teacher', message })
const TIMER: ClassEvent = { by: 'server', message: { type: 'timer' } }

function started(): ClassGame {
  const game = new ClassGame(scn, identityOf())
  expect(game.apply(teacher({ type: 'start' }), T0)).toEqual({ ok: true, resolved: [] })
  return game
}

describe('a class turn', () => {
  it('refuses plans before the start, then opens planning of turn 1 with the turn timer', () => {
    const game = new ClassGame(scn, identityOf())
    expect(game.apply(team('Dragons', plan(1, [])), T0)).toMatchObject({ ok: false, error: { code: 'wrong-phase' } })
    game.apply(teacher({ type: 'start' }), T0)
    expect(game.phase).toBe('planning')
    expect(game.turn).toBe(1)
    expect(game.deadline).toBe(T0 + 120_000)
  })

  it('lets a team act only for its own power, in the current turn, with choices the rules allow', () => {
    const game = started()
    expect(game.apply(team('Bears', plan(1, [JOINT_PATROL])), T0)).toMatchObject({ ok: false, error: { code: 'not-your-seat' } })
    expect(game.apply(team('Dragons', plan(2, [JOINT_PATROL])), T0)).toMatchObject({ ok: false, error: { code: 'wrong-turn' } })
    const bad = { actor: 'CHN', action: 'no-such-action' }
    expect(game.apply(team('Dragons', plan(1, [bad])), T0)).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringContaining('no-such-action') },
    })
    expect(game.apply(team('Nobody', plan(1, [])), T0)).toMatchObject({ ok: false, error: { code: 'not-your-seat' } })
    expect(game.planOf('Dragons')).toEqual({ choices: [], ready: false })
  })

  it('keeps the last word of a team, and no team plan in the class view', () => {
    const game = started()
    game.apply(team('Dragons', { ...plan(1, [JOINT_PATROL], false), rationale: { text: 'show of unity', paragraph: 3 } }), T0)
    game.apply(team('Dragons', plan(1, [{ actor: 'CHN', action: 'arms-buildup' }], false)), T0 + 5)
    expect(seatView(game, 'Dragons').plan).toEqual({ choices: [{ actor: 'CHN', action: 'arms-buildup' }], ready: false })
    const shared = JSON.stringify(classView(game, new Map()))
    expect(shared).not.toContain('arms-buildup')
    expect(JSON.stringify(seatView(game, 'Bears'))).not.toContain('arms-buildup')
    expect(teacherView(game, 'http://x/', 'loopback').plans.Dragons.choices).toEqual([{ actor: 'CHN', action: 'arms-buildup' }])
  })

  it('puts a joint proposal to the partner team, whose answer decides, and plays the turn through the engine', () => {
    const game = started()
    game.apply(team('Dragons', { ...plan(1, [JOINT_PATROL]), rationale: { text: 'together' } }), T0)
    game.apply(team('Eagles', plan(1, [SANCTIONS])), T0)
    const last = game.apply(team('Bears', plan(1, [])), T0 + 10)
    expect(last).toEqual({ ok: true, resolved: [] })
    expect(game.phase).toBe('answering')
    expect(game.deadline).toBe(T0 + 10 + 60_000)
    const bears = game.questionsFor('Bears')
    const patrol = bears.find((question) => question.proposer === 'CHN')!
    expect(patrol).toMatchObject({ proposer: 'CHN', answer: null, choice: { action: 'joint-air-patrol' } })
    expect(game.questionsFor('Dragons').some((question) => question.key === patrol.key)).toBe(false)
    // The Dragons cannot answer for the Bears.
    expect(game.apply(team('Dragons', { type: 'answer', turn: 1, key: patrol.key, agree: true }), T0)).toMatchObject({
      ok: false,
      error: { code: 'not-your-seat' },
    })
    const results = answerAll(game, T0 + 20, (key) => key === patrol.key)
    expect(results.at(-1)).toMatchObject({ ok: true, resolved: [{ turn: 1, passed: [] }] })
    const played = game.match.turns[0]
    expect(played.result.orders.some((order) => order.action === 'joint-air-patrol' && order.partners?.includes('RUS'))).toBe(true)
    expect(played.decisions.agreed).toContain(patrol.key)
    expect(played.decisions.rationales).toEqual([{ actor: 'CHN', text: 'together' }])
    // What the class sends is what the engine gives when the turn is replayed from the public record.
    const publicTurn = game.publicTurns()[0]
    const replayed = advanceMatch(scn, newMatch(scn, { ...SETUP, humans: ['CHN', 'RUS', 'USA'] }), publicTurn)
    expect(stateHash(replayed.state)).toBe(publicTurn.stateHash)
    expect(publicTurn.rationales).toBeUndefined()
    expect(game.phase).toBe('planning')
    expect(game.turn).toBe(2)
  })

  it('a declined (or unanswered) proposal is not carried out', () => {
    const game = started()
    game.apply(team('Dragons', plan(1, [JOINT_PATROL])), T0)
    game.apply(team('Bears', plan(1, [])), T0)
    game.apply(team('Eagles', plan(1, [])), T0)
    expect(game.phase).toBe('answering')
    expect(game.apply(TIMER, T0 + 59_999)).toMatchObject({ ok: false })
    expect(game.apply(TIMER, T0 + 60_000)).toMatchObject({ ok: true, resolved: [{ turn: 1 }] })
    expect(game.match.turns[0].result.orders.some((order) => order.action === 'joint-air-patrol')).toBe(false)
    expect(game.match.turns[0].decisions.agreed).toEqual([])
  })

  it('when the timer ends, teams not ready pass: their plans are dropped and the turn names them', () => {
    const game = started()
    game.apply(team('Dragons', plan(1, [{ actor: 'CHN', action: 'arms-buildup' }])), T0)
    game.apply(team('Eagles', plan(1, [SANCTIONS], false)), T0)
    game.apply(TIMER, T0 + 120_000)
    if (game.phase === 'answering') answerAll(game, T0 + 120_001, () => false)
    const [turn] = game.publicTurns()
    expect(turn.passed).toEqual(['Bears', 'Eagles'])
    expect(turn.choices).toEqual([{ actor: 'CHN', action: 'arms-buildup' }])
  })
})

describe('the teacher', () => {
  it('pauses (the timer stands still and students wait), resumes, extends and ends the timer', () => {
    const game = started()
    expect(game.apply(teacher({ type: 'pause' }), T0 + 20_000)).toMatchObject({ ok: true })
    expect(game).toMatchObject({ paused: true, deadline: null, remainingMs: 100_000 })
    expect(game.apply(team('Dragons', plan(1, [])), T0 + 30_000)).toMatchObject({ ok: false, error: { code: 'paused' } })
    game.apply(teacher({ type: 'extend', seconds: 60 }), T0 + 40_000)
    expect(game.remainingMs).toBe(160_000)
    game.apply(teacher({ type: 'resume' }), T0 + 50_000)
    expect(game).toMatchObject({ paused: false, deadline: T0 + 210_000, remainingMs: null })
    game.apply(teacher({ type: 'extend', seconds: 10 }), T0 + 50_000)
    expect(game.deadline).toBe(T0 + 220_000)
    game.apply(teacher({ type: 'end-timer' }), T0 + 60_000)
    if (game.phase === 'answering') game.apply(teacher({ type: 'end-timer' }), T0 + 60_000)
    expect(game.publicTurns()[0].passed).toEqual(['Dragons', 'Bears', 'Eagles'])
  })

  it('injects an event of the scenario into the next turn (and only a real one), or cancels it', () => {
    const ids = (scn.file.injects ?? []).map((inject) => inject.id)
    const game = started()
    if (ids.length === 0) {
      expect(game.apply(teacher({ type: 'inject', id: 'anything' }), T0)).toMatchObject({ ok: false, error: { code: 'refused' } })
      return
    }
    expect(game.apply(teacher({ type: 'inject', id: 'no-such-inject' }), T0)).toMatchObject({ ok: false, error: { code: 'refused' } })
    game.apply(teacher({ type: 'inject', id: ids[0] }), T0)
    expect(game.apply(teacher({ type: 'inject', id: ids[0] }), T0)).toMatchObject({ ok: false })
    game.apply(teacher({ type: 'inject', id: ids[1] }), T0)
    game.apply(teacher({ type: 'cancel-inject', id: ids[1] }), T0)
    expect(game.injects).toEqual([ids[0]])
    game.apply(teacher({ type: 'end-timer' }), T0)
    if (game.phase === 'answering') game.apply(teacher({ type: 'end-timer' }), T0)
    expect(game.publicTurns()[0].injects).toEqual([ids[0]])
    expect(game.match.turns[0].result.injects).toEqual([ids[0]])
    expect(game.injects).toEqual([])
  })

  it('reveals the rationales of the last turn, changes the computer level, and rolls back a turn', () => {
    const game = started()
    game.apply(team('Dragons', { ...plan(1, []), rationale: { text: 'wait and see', paragraph: 2 } }), T0)
    game.apply(teacher({ type: 'difficulty', level: 'hard' }), T0)
    game.apply(teacher({ type: 'end-timer' }), T0)
    if (game.phase === 'answering') game.apply(teacher({ type: 'end-timer' }), T0)
    expect(game.publicTurns()[0]).toMatchObject({ difficulty: 'hard' })
    expect(game.publicTurns()[0].rationales).toBeUndefined()
    game.apply(teacher({ type: 'reveal' }), T0)
    expect(game.publicTurns()[0].rationales).toEqual([{ actor: 'CHN', text: 'wait and see', paragraph: 2 }])
    game.apply(team('Bears', plan(2, [], false)), T0 + 1)
    expect(game.apply(teacher({ type: 'rollback' }), T0 + 2)).toMatchObject({ ok: true })
    expect(game).toMatchObject({ phase: 'planning', turn: 1, deadline: T0 + 2 + 120_000 })
    expect(game.publicTurns()).toEqual([])
    expect(game.match.state).toBe(game.match.start)
    expect(game.planOf('Bears')).toEqual({ choices: [], ready: false })
    expect(game.apply(teacher({ type: 'rollback' }), T0 + 3)).toMatchObject({ ok: false })
  })

  it('shows every rationale once the game is over, for the debrief; the class view carries the server clock', () => {
    const game = new ClassGame(scn, identityOf({ ...SETUP, turnLimit: 2 }))
    game.apply(teacher({ type: 'start' }), T0)
    for (let turn = 1; game.phase !== 'over'; turn++) {
      game.apply(team('Dragons', { ...plan(turn, []), rationale: { text: `reason ${turn}` } }), T0)
      game.apply(teacher({ type: 'end-timer' }), T0)
      if (game.phase === 'answering') game.apply(teacher({ type: 'end-timer' }), T0)
    }
    expect(game.publicTurns().map((turn) => turn.rationales)).toEqual([
      [{ actor: 'CHN', text: 'reason 1' }],
      [{ actor: 'CHN', text: 'reason 2' }],
    ])
    expect(classView(game, new Map(), 12345).now).toBe(12345)
  })

  it('after a restart gives a timer about to run out a short grace, and leaves a longer one as it was', () => {
    const game = started()
    expect(game.apply({ by: 'server', message: { type: 'restarted' } }, T0 + 1000)).toMatchObject({ ok: false })
    expect(game.deadline).toBe(T0 + 120_000)
    expect(game.apply({ by: 'server', message: { type: 'restarted' } }, T0 + 200_000)).toMatchObject({ ok: true })
    expect(game.deadline).toBe(T0 + 200_000 + RESTART_GRACE_MS)
  })
})

describe('replaying the events', () => {
  it('gives the same class: the same plans, questions, timer and engine state', () => {
    const events: [ClassEvent, number][] = [
      [teacher({ type: 'start' }), T0],
      [team('Dragons', plan(1, [JOINT_PATROL])), T0 + 1],
      [teacher({ type: 'pause' }), T0 + 2],
      [teacher({ type: 'resume' }), T0 + 3000],
      [team('Eagles', plan(1, [SANCTIONS])), T0 + 4000],
      [team('Bears', plan(1, [])), T0 + 5000],
    ]
    const live = new ClassGame(scn, identityOf())
    for (const [event, at] of events) expect(live.apply(event, at).ok).toBe(true)
    const patrol = live.questionsFor('Bears').find((question) => question.proposer === 'CHN')!
    const answer = team('Bears', { type: 'answer', turn: 1, key: patrol.key, agree: true })
    live.apply(answer, T0 + 6000)
    const replay = new ClassGame(scn, identityOf())
    for (const [event, at] of [...events, [answer, T0 + 6000] as [ClassEvent, number]]) replay.apply(event, at)
    expect(classView(replay, new Map(), T0)).toEqual(classView(live, new Map(), T0))
    expect(seatView(replay, 'Bears')).toEqual(seatView(live, 'Bears'))
    expect(stateHash(replay.match.state)).toBe(stateHash(live.match.state))
  })
})
