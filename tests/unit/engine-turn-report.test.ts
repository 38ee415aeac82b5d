// The turn report's lead and ledger (issue 12 part 5, issue 11 part 2): the score by objective, the ledger netted
// per cause with the limits folded in and nothing that rounds to zero, the most consequential changes ranked in
// the engine, states said only when they start or end, and every sentence free of ids — checked over several
// played games of every shipped scenario.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CompiledScenario, GameState, PlayedTurn, Seats } from '../../src/engine/index.ts'
import {
  compileScenario,
  explainTurn,
  netLedgerGroups,
  objectiveChanges,
  playGame,
  rankedChanges,
  roleScore,
  roundsToZero,
  shownScale,
  stateShifts,
} from '../../src/engine/index.ts'
import { netChangeKey, netChanges } from '../../src/engine/net-ledger.ts'
import { loadScenario } from '../../src/engine/scenario/index.ts'
import { explanationView, netLineText, objectiveRows, rankedChangeText, shiftText } from '../../src/renderer/session/report-view.ts'
import { rejectionReason } from '../../src/renderer/session/view-models.ts'
import { folderFiles } from '../support/extension-fixtures.ts'
import { ROOT } from '../support/scenarios.ts'

const PIN_PRICKS = join(ROOT, 'scenarios', 'pin-pricks-2021')
const base = { files: folderFiles(PIN_PRICKS), location: '../pin-pricks-2021' }

function shipped(folder: string): CompiledScenario {
  const result = loadScenario(folderFiles(join(ROOT, 'scenarios', folder)), {
    resolveBase: (id) => (id === 'pin-pricks-2021' ? base : undefined),
  })
  if (!result.ok) throw new Error(`${folder} does not load`)
  return compileScenario(result.scenario, result.sources, result.hash)
}

const SCENARIOS = ['pin-pricks-2021', 'pin-pricks-interests', 'pin-pricks-one-threat', 'pin-pricks-values', 'tutorial'].map((folder) => ({
  folder,
  scn: shipped(folder),
}))

interface Played {
  scn: CompiledScenario
  player: string
  turns: { before: GameState; turn: PlayedTurn }[]
}

/** Several games of each scenario, the first playable power as "the player" (all played by the computer). */
function games(scn: CompiledScenario, seeds: readonly number[]): Played[] {
  const player = scn.file.actors.find((actor) => actor.playable)?.id ?? scn.actorIds[0]
  const seats: Seats = { computer: new Set(scn.actorIds), difficulty: 'normal' }
  return seeds.map((seed) => {
    const record = playGame(scn, { seed, turns: Math.min(8, scn.file.turns.max), seats })
    const turns = record.turns.map((turn, k) => ({ before: k === 0 ? record.start : record.turns[k - 1].result.state, turn }))
    return { scn, player, turns }
  })
}

const PLAYED = SCENARIOS.flatMap(({ scn }) => games(scn, [1, 2, 3]))

/** The ids a sentence must never show: every actor and action id of the scenario, as whole words. */
const patterns = new Map<CompiledScenario, RegExp>()
function idPattern(scn: CompiledScenario): RegExp {
  const known = patterns.get(scn)
  if (known) return known
  // An id that is also a word of the scenario's own names ("talks" in "Offer talks") cannot be told apart.
  const names = [...scn.file.actors, ...scn.file.actions, ...scn.file.rules].map((item) => item.name).join(' ')
  const ids = [...scn.actorIds, ...scn.file.actions.map((action) => action.id)].filter(
    (id) => !new RegExp(`(?<![\\w-])${id}(?![\\w-])`).test(names),
  )
  const escaped = ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const pattern = new RegExp(`(?<![\\w-])(?:${escaped.join('|')})(?![\\w-])`)
  patterns.set(scn, pattern)
  return pattern
}

describe('objectiveChanges', () => {
  it('adds up to the role score of each state, objective by objective', () => {
    let checked = 0
    for (const { scn, turns } of PLAYED) {
      for (const { before, turn } of turns) {
        for (const role of scn.roles) {
          const changes = objectiveChanges(scn, before, turn.result.state, role.id)
          expect(changes.map((change) => change.id)).toEqual(role.objectives.map((objective) => objective.id))
          const sum = (key: 'pointsBefore' | 'pointsAfter') => changes.reduce((total, change) => total + change[key], 0)
          expect(sum('pointsBefore')).toBeCloseTo(roleScore(scn, before, role), 9)
          expect(sum('pointsAfter')).toBeCloseTo(roleScore(scn, turn.result.state, role), 9)
          for (const change of changes) expect(change.delta).toBeCloseTo(change.pointsAfter - change.pointsBefore, 12)
          for (const row of objectiveRows(changes)) expect(row.change).toMatch(/^[+−±]\d+\.\d$/)
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(100)
  })
})

describe('netLedgerGroups', () => {
  it('leaves out every line that rounds to nothing, and limits as groups of their own where a cause pushed', () => {
    let lines = 0
    for (const { turns } of PLAYED) {
      for (const { turn } of turns) {
        const groups = netLedgerGroups(turn.result.ledger)
        for (const group of groups) {
          expect(group.lines.length).toBeGreaterThan(0)
          for (const line of group.lines) {
            expect(roundsToZero(line.variable, line.pushed), `${group.cause} ${line.variable}`).toBe(false)
            expect(roundsToZero(line.variable, line.change.net), `${group.cause} ${line.variable}`).toBe(false)
            // A limit has a line only for a change no cause pushed visibly.
            if (group.limit) expect(roundsToZero(line.variable, line.change.pushed)).toBe(true)
            lines++
          }
        }
      }
    }
    expect(lines).toBeGreaterThan(1000)
  })

  it('keeps every visible change, and its net: the lines of a variable add up to what took effect', () => {
    for (const { turns } of PLAYED) {
      for (const { turn } of turns) {
        const groups = netLedgerGroups(turn.result.ledger)
        const lines = groups.flatMap((group) => group.lines.map((line) => ({ line, limit: group.limit === true })))
        for (const change of netChanges(turn.result.ledger)) {
          const key = netChangeKey(change)
          const mine = lines.filter(({ line }) => netChangeKey(line) === key)
          if (roundsToZero(change.variable, change.net)) {
            expect(mine, `${key}: no line for a change that rounds to nothing`).toEqual([])
            continue
          }
          expect(mine.length, `${key} is reported`).toBeGreaterThan(0)
          for (const { line } of mine) expect(line.change).toEqual(change)
          // Lines left out round to nothing each: what is shown adds up to the push within their rounding.
          const shown = mine.filter(({ limit }) => !limit).reduce((sum, { line }) => sum + line.pushed, 0)
          const entries = turn.result.ledger.filter((entry) => netChangeKey(entry) === key && !entry.limit).length
          expect(Math.abs(shown - change.pushed) * shownScale(change.variable)).toBeLessThanOrEqual(0.05 * entries + 1e-9)
        }
      }
    }
  })

  it('says each line in words with the limit folded in, values in range and no ids', () => {
    let limited = 0
    for (const { scn, turns } of PLAYED) {
      const ids = idPattern(scn)
      for (const { turn } of turns) {
        for (const group of netLedgerGroups(turn.result.ledger)) {
          for (const line of group.lines) {
            const text = netLineText(scn, line, group.limit === true)
            expect(text, text).not.toMatch(ids)
            expect(text).not.toMatch(/Range limit/)
            expect(text).not.toMatch(/±0\.0/)
            // The values before and after the turn, on the shown scale, within range.
            const span = /; ([+−±]?\d+\.\d) → ([+−±]?\d+\.\d)/.exec(text)
            expect(span, text).not.toBeNull()
            const max = line.variable === 'readiness' ? scn.params.readinessMax : 100
            const min = line.variable === 'alignment' ? -100 : 0
            for (const shown of [span![1], span![2]]) {
              const value = Number(shown.replace('−', '-').replace('±', ''))
              if (line.variable !== 'rung' && line.variable !== 'score') {
                expect(value, text).toBeGreaterThanOrEqual(min)
                expect(value, text).toBeLessThanOrEqual(max)
              }
            }
            if (!group.limit && !roundsToZero(line.variable, line.change.limitDelta)) {
              expect(text, text).toMatch(
                / pushed(?:,|; with every cause (?:[+−]\S+(?: pts)? pushed|the pushes cancelled out) and) [+−]\S+(?: pts)? took effect \((?:held back|added|took away) by .+\)/,
              )
              limited++
            }
          }
        }
      }
    }
    expect(limited, 'some limits acted in these games').toBeGreaterThan(0)
  })
})

describe('rankedChanges', () => {
  it('ranks three to five visible changes by weight, leaving the rung and the scores out, with no ids in the words', () => {
    for (const { scn, player, turns } of PLAYED) {
      const ids = idPattern(scn)
      for (const { turn } of turns) {
        const ranked = rankedChanges(scn, turn.result.ledger, [player])
        const visible = netChanges(turn.result.ledger).filter(
          (change) => !roundsToZero(change.variable, change.net) && change.variable !== 'rung' && change.variable !== 'score',
        )
        expect(ranked.length).toBe(Math.min(5, visible.length))
        for (let k = 1; k < ranked.length; k++) expect(ranked[k - 1].weight).toBeGreaterThanOrEqual(ranked[k].weight)
        for (const item of ranked) {
          expect(['rung', 'score']).not.toContain(item.change.variable)
          expect(roundsToZero(item.change.variable, item.change.net)).toBe(false)
          const text = rankedChangeText(scn, item)
          expect(text, text).not.toMatch(ids)
        }
        // The weight is the size on the shown scale, at least: nothing smaller outranks something bigger
        // unless it touches the player.
        expect(rankedChanges(scn, turn.result.ledger, [player])).toEqual(ranked)
      }
    }
  })

  it('weighs up what belongs to the player', () => {
    const { scn, turns } = PLAYED[0]
    const ledger = turns[0].turn.result.ledger
    for (const actor of scn.actorIds.slice(0, 3)) {
      const mine = rankedChanges(scn, ledger, [actor], 100)
      const nobody = rankedChanges(scn, ledger, [], 100)
      for (const item of mine) {
        const plain = nobody.find((other) => netChangeKey(other.change) === netChangeKey(item.change))!
        if (item.change.actors.includes(actor)) expect(item.weight).toBeGreaterThanOrEqual(plain.weight * 1.5 - 1e-9)
        else expect(item.weight).toBeGreaterThanOrEqual(plain.weight - 1e-9)
      }
    }
  })
})

describe('stateShifts', () => {
  it('says a quasi-alliance, rigid blocs or an impasse only on the turn it starts or ends', () => {
    let said = 0
    for (const { scn, turns } of PLAYED) {
      const ids = idPattern(scn)
      for (const { before, turn } of turns) {
        const after = turn.result.state
        const shifts = stateShifts(scn, before, after)
        const quasi = shifts.find((shift) => shift.kind === 'quasi-alliance')
        expect(Boolean(quasi)).toBe(before.quasiAlliance !== after.quasiAlliance && scn.file.rules.some((r) => r.kind === 'quasi-alliance'))
        expect(shifts.some((shift) => shift.kind === 'rigid-blocs')).toBe(before.rigidBlocs !== after.rigidBlocs)
        expect(shifts.some((shift) => shift.kind === 'impasse')).toBe(before.impasse !== after.impasse)
        expect(shifts.some((shift) => shift.kind === 'rung')).toBe(before.rung !== after.rung)
        for (const shift of shifts) {
          const text = shiftText(scn, shift)
          expect(text, text).not.toMatch(ids)
          if (shift.kind === 'quasi-alliance') expect(text).toMatch(shift.started ? /now act as a quasi-alliance/ : /no longer act/)
          said++
        }
      }
    }
    expect(said, 'something starts or ends in these games').toBeGreaterThan(0)
  })
})

describe('why the computer chose, and refusals, in words', () => {
  it('explains each computer choice by objective terms and the runner-up, with no ids', () => {
    let explained = 0
    for (const { scn, turns } of PLAYED.filter((_, k) => k % 3 === 0)) {
      const ids = idPattern(scn)
      const seats: Seats = { computer: new Set(scn.actorIds), difficulty: 'normal' }
      for (const { before, turn } of turns.slice(0, 3)) {
        const explanations = explainTurn(scn, before, seats)
        for (const actor of Object.keys(explanations)) {
          for (const explanation of explanations[actor]) {
            const view = explanationView(scn, explanation)
            expect(view.question).toMatch(/^Why did .+ do that\?$/)
            expect(view.reasons.length).toBeGreaterThan(0)
            for (const text of [view.question, view.verdict, ...view.reasons]) expect(text, text).not.toMatch(ids)
            if (explanation.runnerUp) expect(view.verdict).toMatch(/The best choice it left out was .+, worth [+−±]\d+\.\d\./)
            explained++
          }
        }
        for (const rejection of turn.plan.rejected) {
          const text = rejectionReason(scn, rejection)
          expect(text, text).not.toMatch(ids)
        }
      }
    }
    expect(explained).toBeGreaterThan(20)
  })
})
