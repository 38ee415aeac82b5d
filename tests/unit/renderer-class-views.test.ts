// What the class screens say, without a browser: who has submitted (names only), a joint proposal put to a
// team, a rationale's quoted paragraph, the teacher's teams with random powers, and the QR code of the join
// address.
import { generate } from 'lean-qr'
import { describe, expect, it } from 'vitest'
import { RANDOM_ROLE, assignRoles, checkedSetup, playableActors } from '../../src/renderer/classroom/create-class.ts'
import { matrixOfPath, qrMatrix, qrPath } from '../../src/renderer/classroom/qr.ts'
import { citedParagraph, phaseSentence, questionView, readySummary, teamLine } from '../../src/renderer/classroom/views.ts'
import { ServerGame, scenario } from './renderer-class-support.ts'

const teams = new ServerGame().view().teams

describe('class views', () => {
  it('says who has submitted by name, never what they planned', () => {
    expect(readySummary(teams)).toBe('0 of 3 teams have submitted. Not yet: Dragons, Bears, Eagles.')
    const some = teams.map((team) => ({ ...team, ready: team.actor !== 'USA' }))
    expect(readySummary(some)).toBe('2 of 3 teams have submitted: Dragons, Bears. Not yet: Eagles.')
    expect(readySummary(teams.map((team) => ({ ...team, ready: true })))).toBe('3 of 3 teams have submitted.')
    expect(teamLine(scenario, { ...teams[0], devices: 2, ready: true }, 'planning')).toBe('Dragons (China) · 2 devices · submitted')
    expect(teamLine(scenario, { ...teams[2], devices: 0 }, 'answering')).toBe('Eagles (United States) · no device connected')
  })

  it('puts a joint proposal as who proposes what, with its effects', () => {
    const question = questionView(scenario, {
      key: 'RUS|k',
      proposer: 'CHN',
      choice: { actor: 'CHN', action: 'joint-air-patrol', partners: ['RUS'], targets: ['JPN'] },
      answer: null,
    })
    expect(question.title).toBe('China proposes: China: Joint air patrol with Russia → Japan')
    expect(question.effects.length).toBe(scenario.actionById['joint-air-patrol'].data.effects.length)
    expect(question.effects[0]).toMatch(/^[A-Z][a-z]+ /)
  })

  it('says the phase, and quotes the paragraph a rationale cites (none for a paragraph the article lacks)', () => {
    const view = new ServerGame().view()
    expect(phaseSentence({ ...view, phase: 'lobby' })).toBe('Waiting for the teacher to start the class.')
    expect(phaseSentence({ ...view, paused: true })).toBe('The teacher has paused the class.')
    const source = scenario.file.sources[0]
    expect(citedParagraph(scenario, 3)).toEqual({ source: source.title, text: scenario.sources[source.id][2] })
    expect(citedParagraph(scenario, 9999)).toBeNull()
    expect(citedParagraph(scenario, undefined)).toBeNull()
  })
})

describe('making a class', () => {
  it('gives each random team a power nobody chose, and refuses two teams on one power', () => {
    const playable = playableActors(scenario)
    const assigned = assignRoles(
      scenario,
      [
        { name: ' Dragons ', role: 'CHN' },
        { name: 'Wild', role: RANDOM_ROLE },
        { name: 'Cards', role: RANDOM_ROLE },
      ],
      () => 0,
    )
    if (typeof assigned === 'string') throw new Error(assigned)
    expect(assigned[0]).toEqual({ name: 'Dragons', actor: 'CHN' })
    const others = playable.filter((actor) => actor !== 'CHN')
    expect(assigned.slice(1).map((team) => team.actor)).toEqual(others.slice(0, 2))
    expect(
      assignRoles(
        scenario,
        [
          { name: 'A', role: 'RUS' },
          { name: 'B', role: 'RUS' },
        ],
        () => 0,
      ),
    ).toBe('Two teams play the same power (RUS): each power has one team.')
  })

  it('checks the setup by the protocol and names the team at fault', () => {
    const setup = { scenario: 'pin-pricks-2021', seed: 5, turnLimit: 4, difficulty: 'normal', turnSeconds: null, answerSeconds: 60 }
    expect(checkedSetup({ ...setup, teams: [{ name: '', actor: 'CHN' }] })).toBe('team 1: a team needs a name')
    expect(
      checkedSetup({
        ...setup,
        teams: [
          { name: 'Reds', actor: 'CHN' },
          { name: 'reds', actor: 'RUS' },
        ],
      }),
    ).toBe('Two teams are called “reds”: each team needs its own name.')
    expect(checkedSetup({ ...setup, teams: [{ name: 'Reds', actor: 'CHN' }] })).toMatchObject({ teams: [{ name: 'Reds', actor: 'CHN' }] })
  })
})

describe('the QR code of the join address', () => {
  it('draws exactly the modules lean-qr encodes for the address, and another address differs', () => {
    const url = 'http://192.168.1.20:2567/?class=K7M2P9'
    const matrix = qrMatrix(url)
    const code = generate(url)
    expect(matrix.length).toBe(code.size)
    expect(matrix.every((row, y) => row.every((dark, x) => dark === code.get(x, y)))).toBe(true)
    expect(matrixOfPath(qrPath(matrix), matrix.length)).toEqual(matrix)
    expect(qrMatrix('http://192.168.1.20:2567/?class=K7M2P8')).not.toEqual(matrix)
  })
})
