// The game as a value in the engine: a setup and human turns reproduce a match; consent is data (the engine
// lists the questions, the answers fill the human turn); one function plays a turn for every caller.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { GameSetup, HumanTurn, Match } from '../../src/engine/index.ts'
import {
  advanceMatch,
  decisionsOf,
  humanTurnProblem,
  newMatch,
  playGame,
  prepareMatchTurn,
  recordOf,
  replayRecord,
  rerunMatch,
  seatsOf,
  setupProblem,
  stateHash,
  withoutLastTurn,
} from '../../src/engine/index.ts'
import { defaultScenario } from '../support/scenarios.ts'

const scn = defaultScenario()

function sourceFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? sourceFilesUnder(path) : /\.(ts|mts|mjs)$/.test(entry.name) ? [path] : []
  })
}
const setup: GameSetup = { seed: 11, turnLimit: 6, humans: ['RUS', 'USA'], difficulty: 'normal' }
const patrol = { actor: 'CHN', action: 'joint-air-patrol', partners: ['RUS'], targets: ['JPN'] }

/** Plays `turns` turns in which the USA sanctions Russia and Russia answers every proposal with `yes`. */
function played(turns: number, yes: boolean): Match {
  let match = newMatch(scn, setup)
  for (let k = 0; k < turns && !match.state.outcome; k++) {
    const choices = [{ actor: 'USA', action: 'sanctions', targets: ['RUS'] }]
    const prepared = prepareMatchTurn(scn, match, choices)
    const agreed = yes ? prepared.questions.map((question) => question.key) : []
    match = advanceMatch(scn, match, { choices, agreed }, { prepared })
  }
  return match
}

describe('consent as data', () => {
  it('lists a question for each joint action proposed to a human partner, once, and none for the computer', () => {
    const match = newMatch(scn, setup)
    // A choice given for a power the computer plays (CHN) is not taken; the human's own (RUS) is.
    const mine = { ...patrol, actor: 'RUS', partners: ['CHN'] }
    const prepared = prepareMatchTurn(scn, match, [patrol, mine])
    expect(prepared.choices[0]).toEqual(mine)
    expect(prepared.choices.slice(1).every((choice) => !setup.humans.includes(choice.actor))).toBe(true)
    // The human USA asked into a joint action by the human RUS: one question, to the USA.
    const summit = { actor: 'RUS', action: 'leaders-summit', partners: ['USA'] }
    const asked = prepareMatchTurn(scn, match, [summit, summit]).questions.filter(
      (q) => q.choice.action === 'leaders-summit' && q.choice.actor === 'RUS',
    )
    expect(asked.map((q) => q.partner)).toEqual(['USA'])
    for (const question of prepared.questions) {
      expect(setup.humans).toContain(question.partner)
      expect(question.key.startsWith(`${question.partner}|`)).toBe(true)
    }
    expect(new Set(prepared.questions.map((q) => q.key)).size).toBe(prepared.questions.length)
  })

  it('a human partner takes part exactly when its answer is yes', () => {
    const agreeing = played(4, true)
    const refusing = played(4, false)
    const joined = (match: Match) => match.turns.flatMap((turn) => turn.result.orders).filter((o) => o.partners?.includes('RUS'))
    const asked = agreeing.turns.flatMap((turn) => turn.decisions.agreed)
    expect(asked.length).toBeGreaterThan(0)
    expect(joined(agreeing).length).toBeGreaterThan(0)
    expect(joined(refusing)).toEqual([])
    expect(refusing.turns.flatMap((turn) => turn.plan.rejected).some((r) => r.code === 'declined')).toBe(true)
  })

  it('an answer to a question never asked changes nothing', () => {
    const match = newMatch(scn, setup)
    const choices = [{ actor: 'USA', action: 'grave-concern', targets: ['CHN'] }]
    const plain = advanceMatch(scn, match, { choices, agreed: [] })
    const stray = advanceMatch(scn, match, { choices, agreed: ['USA|quad-exercise|IND,USA|CHN', 'nonsense'] })
    expect(stateHash(stray.state)).toBe(stateHash(plain.state))
  })
})

describe('a match is reproduced by its setup and human turns', () => {
  it('re-running the decisions gives the same states, turn by turn', () => {
    const match = played(5, true)
    const rerun = rerunMatch(scn, setup, decisionsOf(match))
    expect(rerun.dropped).toEqual([])
    expect(rerun.match.turns.map((turn) => stateHash(turn.result.state))).toEqual(match.turns.map((turn) => stateHash(turn.result.state)))
  })

  it('a record replays in one pass, refusals included, and survives JSON', () => {
    const match = played(4, false)
    const record = JSON.parse(JSON.stringify(recordOf(match))) as ReturnType<typeof recordOf>
    const replayed = replayRecord(scn, record)
    if (typeof replayed === 'string') throw new Error(replayed)
    expect(stateHash(replayed.state)).toBe(stateHash(match.state))
    expect(replayed.turns.map((turn) => turn.plan.rejected)).toEqual(match.turns.map((turn) => turn.plan.rejected))
  })

  it('a record whose decisions no longer give its orders is replayed from its orders, to the same states', () => {
    const match = played(3, true)
    const record = recordOf(match)
    // Decisions that would play differently (as a save from an app whose computer chose otherwise).
    const stale: HumanTurn[] = record.decisions.map((turn) => ({ choices: [], agreed: turn.agreed }))
    const replayed = replayRecord(scn, { ...record, decisions: stale })
    if (typeof replayed === 'string') throw new Error(replayed)
    expect(stateHash(replayed.state)).toBe(stateHash(match.state))
    expect(decisionsOf(replayed)).toEqual(stale)
  })

  it('refuses a record the rules cannot replay, saying which turn and why', () => {
    const record = recordOf(played(2, true))
    record.orders[1] = [...record.orders[1], { actor: 'USA', action: 'no-such-action' }]
    expect(replayRecord(scn, record)).toMatch(/^turn 2 of the save has an order the rules refuse: unknown action "no-such-action"/)
    expect(replayRecord(scn, { ...record, decisions: record.decisions.slice(1) })).toMatch(/different number of turns/)
  })

  it('rolls back the last turn exactly', () => {
    const match = played(3, true)
    const back = withoutLastTurn(match)
    expect(back.turns).toHaveLength(2)
    expect(back.state).toBe(match.turns[1].result.state)
    const fresh = newMatch(scn, setup)
    expect(withoutLastTurn(fresh).state).toBe(fresh.start)
  })

  it('a scripted game (the CLI, batch, claims) is the same as advancing a match with the same decisions', () => {
    const choices = [{ actor: 'USA', action: 'sanctions', targets: ['RUS'] }]
    const record = playGame(scn, {
      seed: setup.seed,
      turns: setup.turnLimit,
      seats: seatsOf(scn, setup),
      script: () => ({ choices, actors: setup.humans }),
    })
    let match = newMatch(scn, setup)
    for (const turn of record.turns) match = advanceMatch(scn, match, turn.decisions)
    expect(stateHash(match.state)).toBe(stateHash(record.final))
    // A script's partners agree unless it says otherwise.
    const declinedByScript = record.turns
      .flatMap((turn) => turn.plan.rejected)
      .filter((r) => r.code === 'declined' && setup.humans.some((human) => r.reason.startsWith(human)))
    expect(declinedByScript).toEqual([])
  })

  it('checks the setup before any turn', () => {
    expect(setupProblem(scn, { ...setup, humans: [] })).toMatch(/names no player/)
    expect(setupProblem(scn, { ...setup, humans: ['USA', 'USA'] })).toMatch(/twice/)
    expect(setupProblem(scn, { ...setup, humans: ['XYZ'] })).toMatch(/XYZ/)
    expect(setupProblem(scn, { ...setup, turnLimit: 0 })).toMatch(/at least 1 turn/)
    expect(() => newMatch(scn, { ...setup, turnLimit: 999 })).toThrow(/more than the scenario allows/)
  })
})

describe('what a teacher decides is part of the turn', () => {
  it('an injected event is played at the start of its turn, in the ledger with its passage, and replays from the record', () => {
    const match = newMatch(scn, setup)
    const turn: HumanTurn = { choices: [], agreed: [], injects: ['warships-around-japan'] }
    const injected = advanceMatch(scn, match, turn)
    const plain = advanceMatch(scn, match, { choices: [], agreed: [] })
    const entries = injected.turns[0].result.ledger.filter((entry) => entry.cause === 'warships-around-japan')
    expect(entries.length).toBeGreaterThan(0)
    expect(entries.every((entry) => entry.causeKind === 'inject' && entry.citations.length > 0)).toBe(true)
    expect(stateHash(injected.state)).not.toBe(stateHash(plain.state))
    const replayed = replayRecord(scn, recordOf(injected))
    if (typeof replayed === 'string') throw new Error(replayed)
    expect(stateHash(replayed.state)).toBe(stateHash(injected.state))
    expect(recordOf(injected).decisions[0].injects).toEqual(['warships-around-japan'])
  })

  it('refuses an unknown or repeated inject and a rationale for a power no player plays', () => {
    const match = newMatch(scn, setup)
    expect(() => advanceMatch(scn, match, { choices: [], agreed: [], injects: ['no-such-event'] })).toThrow(/no-such-event/)
    expect(humanTurnProblem(scn, match, { choices: [], agreed: [], injects: ['xi-putin-summit', 'xi-putin-summit'] })).toMatch(/twice/)
    expect(humanTurnProblem(scn, match, { choices: [], agreed: [], rationales: [{ actor: 'CHN', text: 'why' }] })).toMatch(/CHN/)
  })

  it('the computer’s level can change for a turn, and the record keeps it', () => {
    const levels = (['easy', 'hard'] as const).map((difficulty) => {
      let match = newMatch(scn, setup)
      for (let k = 0; k < 3; k++) match = advanceMatch(scn, match, { choices: [], agreed: [], difficulty })
      return match
    })
    expect(stateHash(levels[0].state)).not.toBe(stateHash(levels[1].state))
    const replayed = rerunMatch(scn, setup, decisionsOf(levels[1])).match
    expect(stateHash(replayed.state)).toBe(stateHash(levels[1].state))
    expect(recordOf(levels[1]).decisions.every((turn) => turn.difficulty === 'hard')).toBe(true)
  })

  it('rationales are kept in the record and change nothing in the game', () => {
    const match = newMatch(scn, setup)
    const rationales = [{ actor: 'USA', text: 'Sanctions answer the patrols (¶25).', paragraph: 25 }]
    const withReasons = advanceMatch(scn, match, { choices: [], agreed: [], rationales })
    expect(stateHash(withReasons.state)).toBe(stateHash(advanceMatch(scn, match, { choices: [], agreed: [] }).state))
    expect(recordOf(withReasons).decisions[0].rationales).toEqual(rationales)
  })
})

describe('one place plays a turn', () => {
  it('outside the engine’s turn module, only playTurn resolves a turn', () => {
    const callers = sourceFilesUnder('src')
      .filter((file) => !file.endsWith('engine/turn.ts'))
      .filter((file) => /\bresolveTurn\(/.test(readFileSync(file, 'utf8')))
    expect(callers).toEqual(['src/engine/game.ts'])
  })
})
