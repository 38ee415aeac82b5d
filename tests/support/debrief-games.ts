// Real games of the shipped scenario for the debrief's tests: two roles played by people (the United States
// and China) with rationales, the computer for the rest, played through the engine's match.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Choice, GameSetup, HumanTurn, Match, Rationale } from '../../src/engine/index.ts'
import { rerunMatch } from '../../src/engine/index.ts'
import { DEFAULT_SCENARIO_DIR, defaultScenario } from './scenarios.ts'

export const scenario = defaultScenario()

export const SETUP: GameSetup = { seed: 11, turnLimit: 10, humans: ['USA', 'CHN'], difficulty: 'normal' }

/** Turns in which China flies a joint air patrol with Russia at Japan (a pin prick, and the claims' policy). */
export const PATROL_TURNS = [2, 3, 6]

function usaChoices(turn: number): Choice[] {
  return turn % 2 === 1
    ? [{ actor: 'USA', action: 'sanctions', targets: ['RUS'] }]
    : [{ actor: 'USA', action: 'grave-concern', targets: ['CHN'] }]
}

function chnChoices(turn: number): Choice[] {
  return PATROL_TURNS.includes(turn)
    ? [{ actor: 'CHN', action: 'joint-air-patrol', partners: ['RUS'], targets: ['JPN'] }]
    : [{ actor: 'CHN', action: 'arms-buildup' }]
}

/** The humans' decisions of every turn: their choices and rationales (China cites paragraph 36 once). */
export function humanTurns(turns = SETUP.turnLimit): HumanTurn[] {
  return Array.from({ length: turns }, (_, index) => {
    const turn = index + 1
    const rationales: Rationale[] = []
    if (turn === 1) rationales.push({ actor: 'USA', text: 'Sanctions make Russia pay for Crimea.' })
    if (turn === 2) rationales.push({ actor: 'CHN', text: 'Test their red lines, as the article says.', paragraph: 36 })
    if (turn === 3) rationales.push({ actor: 'USA', text: '=SUM(A1) is not a formula here', paragraph: 6 })
    return { choices: [...usaChoices(turn), ...chnChoices(turn)], agreed: [], rationales }
  })
}

export function playedMatch(setup: GameSetup = SETUP, turns: HumanTurn[] = humanTurns(setup.turnLimit)): Match {
  return rerunMatch(scenario, setup, turns).match
}

/** The paragraphs of the shipped source, read from disk by the test itself (not through the engine). */
export function sourceParagraphs(): string[] {
  const text = readFileSync(join(DEFAULT_SCENARIO_DIR, 'sources', 'china-russia-blocs-2021-11-25.txt'), 'utf8')
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/** Quote styles and white space folded, as the loader compares quotes. */
export function fold(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Parses CSV text per RFC 4180 (the test's own reader, to see the cells a spreadsheet would see). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let k = 0; k < text.length; k++) {
    const c = text[k]
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') {
        cell += '"'
        k++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[k + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      k++
    } else cell += c
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}
