// The debrief as data, on real games of the shipped scenario: the timeline is the ledger's, red lines are
// read from pin pricks and incidents exactly as the engine counted them, every consequence sums to the
// ledger and cites verified quotes, rationales are carried with their paragraph, and claims are judged
// only where one game can show them.
import { describe, expect, it } from 'vitest'
import type { Match } from '../../src/engine/index.ts'
import { pairIndex, rerunMatch } from '../../src/engine/index.ts'
import type { PublicTurn } from '../../src/shared/classroom-protocol.ts'
import { buildDebrief, incidentChance, OBJECTIVE_MET_AT, pinPricksOf } from '../../src/engine/debrief/index.ts'
import { PATROL_TURNS, SETUP, fold, humanTurns, playedMatch, scenario, sourceParagraphs } from '../support/debrief-games.ts'

const match = playedMatch()
const debrief = buildDebrief(scenario, match)
const paragraphs = sourceParagraphs()
/** The turns China's patrol at Japan was carried out (Russia, played by the computer, may decline one). */
const patrolled = match.turns
  .filter((played) =>
    played.result.orders.some((order) => order.action === 'joint-air-patrol' && order.actor === 'CHN' && order.targets?.includes('JPN')),
  )
  .map((played) => played.result.turn)

/** Matches of several seeds, so that incidents and ladder moves are sure to occur in some. */
const seeds = [3, 11, 19, 27]
const matches: Match[] = seeds.map((seed) => playedMatch({ ...SETUP, seed }))

describe('the timeline', () => {
  it('lists every pin prick carried out, each one booked in the ledger under its action', () => {
    let pricks = 0
    for (const turn of debrief.timeline) {
      const played = match.turns[turn.turn - 1]
      const expected = played.result.orders.filter((order) => scenario.actionById[order.action].data.pinPrick)
      const events = turn.events.filter((event) => event.kind === 'pin-prick')
      expect(events.map((event) => event.cause?.id)).toEqual(expected.map((order) => order.action))
      for (const [k, event] of events.entries()) {
        expect(event.actors).toEqual([expected[k].actor, ...(expected[k].partners ?? [])])
        const booked = played.result.ledger.filter((entry) => entry.step === 'actions' && entry.cause === event.cause?.id)
        expect(booked.length, `turn ${turn.turn}: ${event.text} is in the ledger`).toBeGreaterThan(0)
        expect(booked.some((entry) => entry.by?.includes(event.actors[0]))).toBe(true)
      }
      pricks += events.length
    }
    // The humans' own patrols are among them.
    expect(patrolled.length).toBeGreaterThan(0)
    for (const turn of patrolled)
      expect(debrief.timeline[turn - 1].events.some((event) => event.kind === 'pin-prick' && event.actors[0] === 'CHN')).toBe(true)
    expect(pricks).toBeGreaterThanOrEqual(patrolled.length)
  })

  it('lists exactly the incidents the incidents rule booked, with the chance the engine drew against', () => {
    let incidents = 0
    for (const game of matches) {
      const timeline = buildDebrief(scenario, game).timeline
      game.turns.forEach((played, index) => {
        const events = timeline[index].events.filter((event) => event.kind === 'incident')
        const booked = new Set(
          played.result.ledger
            .filter((entry) => entry.step === 'incidents' && entry.variable === 'tension')
            .map((entry) => entry.actors.join('|')),
        )
        expect(new Set(events.map((event) => event.actors.join('|')))).toEqual(booked)
        const before = index === 0 ? game.start : game.turns[index - 1].result.state
        const pricks = pinPricksOf(scenario, played.result)
        for (const incident of played.result.incidents) {
          const pair = pairIndex(scenario, incident.actors[0], incident.actors[1])
          expect(incidentChance(scenario, before, played.result, pair, pricks.get(pair)?.count ?? 0)).toBe(incident.probability)
        }
        incidents += events.length
      })
    }
    expect(incidents).toBeGreaterThan(0)
  })

  it('marks the humans’ orders and moves of the ladder', () => {
    const humanOrders = debrief.timeline.flatMap((turn) => turn.orders.filter((order) => order.human))
    expect(humanOrders.some((order) => order.actor === 'USA')).toBe(true)
    for (const turn of debrief.timeline) expect(turn.rung.index).toBe(match.turns[turn.turn - 1].result.state.rung)
  })
})

describe('red lines', () => {
  it('counts a test for every pair a pin prick touched, and calls it crossed exactly where an incident followed', () => {
    let tested = 0
    let crossed = 0
    for (const game of matches) {
      const { redLines } = buildDebrief(scenario, game)
      for (const pair of redLines.pairs) {
        for (const turn of pair.turns) {
          const result = game.turns[turn.turn - 1].result
          const p = pairIndex(scenario, pair.pair[0], pair.pair[1])
          expect(turn.pinPricks).toBe(pinPricksOf(scenario, result).get(p)?.count ?? 0)
          const incident = result.incidents.some((i) => pairIndex(scenario, i.actors[0], i.actors[1]) === p)
          expect(turn.verdict).toBe(incident ? 'crossed' : 'held')
          expect(turn.chance).toBeGreaterThanOrEqual(0)
          expect(turn.chance).toBeLessThanOrEqual(1)
        }
        expect(pair.held + pair.crossed).toBe(pair.turns.length)
        expect(pair.status).toBe(pair.crossed > 0 ? 'crossed' : 'held')
        tested += pair.tested
        crossed += pair.crossed
      }
      const steps = game.turns.filter(
        (played, index) => played.result.state.rung !== (index === 0 ? game.start : game.turns[index - 1].result.state).rung,
      )
      expect(redLines.ladder.map((step) => step.turn)).toEqual(steps.map((played) => played.result.turn))
    }
    expect(tested).toBeGreaterThan(0)
    expect(crossed).toBeGreaterThan(0)
  })

  it('says how tested, held and crossed are read', () => {
    expect(debrief.redLines.definition.join(' ')).toMatch(/tested.*pin prick.*held.*crossed.*incident/s)
  })
})

describe('consequences', () => {
  it('sum, cause by cause, to the ledger of every turn', () => {
    for (const played of match.turns) {
      const own = debrief.consequences.filter((consequence) => consequence.turn === played.result.turn)
      const fromConsequences = new Map<string, number>()
      for (const consequence of own)
        for (const change of consequence.changes) {
          const key = `${consequence.cause.id}|${change.variable}|${change.owners.join('|')}`
          fromConsequences.set(key, (fromConsequences.get(key) ?? 0) + change.delta)
        }
      const fromLedger = new Map<string, number>()
      for (const entry of played.result.ledger) {
        const key = `${entry.cause}|${entry.variable}|${entry.actors.join('|')}`
        fromLedger.set(key, (fromLedger.get(key) ?? 0) + entry.delta)
      }
      expect(fromConsequences).toEqual(fromLedger)
      // Each change carries the variable's net over the turn: the sum of every cause's push.
      for (const consequence of own)
        for (const change of consequence.changes) {
          const all = played.result.ledger.filter((e) => e.variable === change.variable && e.actors.join() === change.owners.join())
          expect(change.after - change.before).toBe(all.reduce((sum, e) => sum + e.delta, 0))
        }
    }
  })

  it('cite only quotes that are in their paragraph of the source, read from disk', () => {
    const citations = [
      ...debrief.consequences.flatMap((consequence) => consequence.passages.citations),
      ...debrief.causes.flatMap((cause) => cause.passages.citations),
      ...debrief.questions.flatMap((question) => question.passages.citations),
    ]
    expect(citations.length).toBeGreaterThan(100)
    for (const citation of citations) {
      expect(citation.verified).toBe(true)
      expect(
        fold(paragraphs[citation.paragraph - 1]).includes(fold(citation.quote)),
        `“${citation.quote}” in paragraph ${citation.paragraph}`,
      ).toBe(true)
    }
  })

  it('summarise each cause over the game with the turns it acted', () => {
    const reactions = debrief.causes.filter((cause) => cause.cause.kind === 'rule')
    expect(reactions.length).toBeGreaterThan(5)
    for (const cause of debrief.causes) {
      const turns = [...new Set(debrief.consequences.filter((c) => c.cause.id === cause.cause.id).map((c) => c.turn))]
      expect(cause.turns).toEqual(turns)
    }
  })
})

describe('rationales and objectives', () => {
  it('carries each role’s rationales with the cited paragraph’s text and what it chose', () => {
    expect(debrief.rationales.map((entry) => [entry.turn, entry.actor, entry.text])).toEqual([
      [1, 'USA', 'Sanctions make Russia pay for Crimea.'],
      [2, 'CHN', 'Test their red lines, as the article says.'],
      [3, 'USA', '=SUM(A1) is not a formula here'],
    ])
    const china = debrief.rationales[1]
    expect(china.paragraph).toBe(36)
    expect(china.paragraphText).toBe(paragraphs[35])
    expect(china.choices).toEqual(['China: Joint air patrol with Russia → Japan'])
    expect(debrief.rationales[0].paragraph).toBeUndefined()
  })

  it('says which objectives each role met, as the end screen reads them, and keeps the engine’s scores', () => {
    expect(debrief.objectives.map((role) => role.role)).toEqual(scenario.roles.map((role) => role.id))
    for (const role of debrief.objectives) {
      expect(role.score).toBe(match.state.scores[role.role])
      expect(role.human).toBe(SETUP.humans.includes(role.actor))
      for (const objective of role.objectives) expect(objective.met).toBe(objective.attainment >= OBJECTIVE_MET_AT)
    }
    expect(debrief.objectives.flatMap((role) => role.objectives).some((objective) => objective.met)).toBe(true)
    expect(debrief.objectives.flatMap((role) => role.objectives).some((objective) => !objective.met)).toBe(true)
  })
})

describe('claims and questions', () => {
  it('reads a claim only where this game played its acts, and says so otherwise', () => {
    const byId = new Map(debrief.claims.map((claim) => [claim.claim, claim]))
    // China's patrols near Japan are the policy of both pin-prick claims.
    for (const id of ['pin-pricks-raise-incidents', 'pin-pricks-raise-tension']) {
      const claim = byId.get(id)!
      expect(claim.policyTurns).toEqual(patrolled)
      expect(patrolled.every((turn) => PATROL_TURNS.includes(turn))).toBe(true)
      expect(['consistent', 'not-seen']).toContain(claim.verdict)
      expect(claim.reading).toMatch(/One game is an illustration, not a test/)
    }
    // Nobody held a Quad exercise with Japan and AUKUS: not played.
    expect(byId.get('quad-and-aukus-unite')!.verdict).toBe('not-played')
    // An absolute claim over many games is never judged from one.
    expect(byId.get('quiet-world-stays-open')!.verdict).toBe('not-shown-by-one-game')
  })

  it('judges the direction from the turns with and without the acts', () => {
    const claim = debrief.claims.find((c) => c.claim === 'pin-pricks-raise-tension')!
    const p = pairIndex(scenario, 'CHN', 'JPN')
    const change = (turn: number) =>
      match.turns[turn - 1].result.state.tension[p] - (turn === 1 ? match.start : match.turns[turn - 2].result.state).tension[p]
    const turns = match.turns.map((played) => played.result.turn)
    const mean = (list: number[]) => list.reduce((sum, x) => sum + x, 0) / list.length
    const withActs = mean(patrolled.map(change))
    const without = mean(turns.filter((turn) => !patrolled.includes(turn)).map(change))
    expect(claim.verdict).toBe(withActs > without ? 'consistent' : 'not-seen')
  })

  it('asks one question per kind of rule that fired, with the rule’s passage and this game’s names', () => {
    const kinds = debrief.questions.map((question) => question.kind)
    expect(new Set(kinds).size).toBe(kinds.length)
    const firedRules = new Set(debrief.consequences.filter((c) => c.cause.kind === 'rule').map((c) => c.cause.id))
    for (const question of debrief.questions) {
      const rule = scenario.file.rules.find((r) => r.id === question.rule.id)!
      expect(rule.kind).toBe(question.kind)
      if (!['quasi-alliance', 'rigid-blocs', 'impasse'].includes(question.kind)) expect(firedRules.has(rule.id)).toBe(true)
      expect(question.question.endsWith('?')).toBe(true)
      expect(question.passages.citations.length + (question.passages.assumption ? 1 : 0)).toBeGreaterThan(0)
    }
    expect(kinds).toContain('reaction')
    const reaction = debrief.questions.find((question) => question.kind === 'reaction')!
    expect(reaction.question).toMatch(/United States|China|Russia|Japan|United Kingdom|Australia|India|South Korea/)
    expect(reaction.context).toMatch(/turn/)
  })
})

describe('a game in progress', () => {
  it('has a debrief of the turns played so far', () => {
    const partial = playedMatch(SETUP, humanTurns(3))
    const early = buildDebrief(scenario, partial)
    expect(early.outcome.status).toBe('in-progress')
    expect(early.timeline).toHaveLength(3)
    expect(early.outcome.headline).toMatch(/3 of 10 turns played/)
  })
})

describe('a class’s record', () => {
  it('is debriefed from its setup and public turns, with the teams’ names and rationales', () => {
    // What the class server keeps and sends: each resolved turn as everyone sees it once revealed.
    const turns: PublicTurn[] = humanTurns().map((turn, index) => ({
      turn: index + 1,
      choices: turn.choices.map((choice) => ({ ...choice })),
      agreed: [...turn.agreed],
      rationales: (turn.rationales ?? []).map((rationale) => ({ ...rationale })),
      passed: [],
      stateHash: '0'.repeat(64),
    }))
    const classMatch = rerunMatch(scenario, SETUP, turns).match
    const names = { USA: 'Team Blue (United States)', CHN: 'Team Red (China)' }
    const classDebrief = buildDebrief(scenario, classMatch, { names })
    expect(classDebrief.names.USA).toBe('Team Blue (United States)')
    expect(classDebrief.names.RUS).toBe('Russia')
    expect(classDebrief.rationales).toEqual(debrief.rationales)
    expect(classDebrief.timeline).toEqual(debrief.timeline)
  })
})
