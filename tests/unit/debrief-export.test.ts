// The debrief's exports: CSV a spreadsheet opens safely — no cell it would run as a formula, UTF-8 with a
// byte-order mark so "→" and "–" show as they are — and JSON that holds the whole debrief.
import { describe, expect, it } from 'vitest'
import { buildDebrief } from '../../src/engine/debrief/index.ts'
import { debriefConsequencesCsv, debriefJson, debriefTimelineCsv } from '../../src/renderer/ui/debrief-export.ts'
import { BYTE_ORDER_MARK, csvCell, csvFile, withByteOrderMark } from '../../src/renderer/ui/export.ts'
import { parseCsv, playedMatch, scenario } from '../support/debrief-games.ts'

// Team names as a class might type them: each starts with a character a spreadsheet reads as a formula.
const HOSTILE_NAMES = {
  USA: '=HYPERLINK("http://x","y")',
  CHN: '+1+1',
  RUS: '-2+3',
  JPN: '@SUM(A1)',
  KOR: '\tTab team',
  AUS: '\rCR team',
}
const debrief = buildDebrief(scenario, playedMatch(), { names: HOSTILE_NAMES })
const FORMULA_START = /^[=+\-@\t\r]/
/** What a spreadsheet would run: a cell starting with a formula character that is not a plain number. */
const runsAsFormula = (cell: string) => FORMULA_START.test(cell) && !/^-\d+(\.\d+)?$/.test(cell)

function cellsOf(csv: string): string[][] {
  expect(csv.startsWith(BYTE_ORDER_MARK)).toBe(true)
  return parseCsv(csv.slice(1))
}

describe('CSV cells', () => {
  it('neutralise every start a spreadsheet runs as a formula, and quote per RFC 4180', () => {
    for (const value of ['=1+1', '+1', '-1', '@A1', '\tx', '\rx']) {
      const cell = parseCsv(csvCell(value))[0][0]
      expect(cell).toBe(`'${value}`)
      expect(runsAsFormula(cell)).toBe(false)
    }
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"')
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"')
    expect(csvCell('United States: Sanctions → Russia')).toBe('United States: Sanctions → Russia')
    // Numbers are numbers, even negative ones: a spreadsheet does not run them.
    expect(csvCell(-0.25)).toBe('-0.25')
  })

  it('make a file that starts with one byte-order mark and ends every row with CRLF', () => {
    const text = csvFile([
      ['a', 'b'],
      ['→', 1],
    ])
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(text).toBe(`${BYTE_ORDER_MARK}a,b\r\n→,1\r\n`)
    expect(withByteOrderMark(text)).toBe(text)
    expect(withByteOrderMark('x')).toBe(`${BYTE_ORDER_MARK}x`)
  })
})

describe('the debrief as CSV', () => {
  it('has one timeline row per event, no cell a formula, and the names as typed', () => {
    const rows = cellsOf(debriefTimelineCsv(debrief))
    expect(rows[0]).toEqual(['turn', 'date', 'rung', 'event', 'actors', 'targets', 'cause', 'theatre', 'severity', 'chance', 'description'])
    const events = debrief.timeline.reduce((sum, turn) => sum + Math.max(1, turn.events.length), 0)
    expect(rows).toHaveLength(1 + events)
    for (const row of rows) {
      expect(row).toHaveLength(11)
      for (const cell of row) expect(runsAsFormula(cell), JSON.stringify(cell)).toBe(false)
    }
    // A pin prick by China with Russia: its actors cell names both teams, neutralised.
    const patrol = rows.find((row) => row[3] === 'pin-prick' && row[4].startsWith("'+1+1"))
    expect(patrol?.[4]).toBe("'+1+1; -2+3")
    expect(rows.some((row) => row[10].includes('→'))).toBe(true)
  })

  it('has one consequence row per cause, variable and owners, with its passage and whether its quotes were verified', () => {
    const rows = cellsOf(debriefConsequencesCsv(debrief))
    const changes = debrief.consequences.reduce((sum, consequence) => sum + consequence.changes.length, 0)
    expect(rows).toHaveLength(1 + changes)
    const header = rows[0]
    const verified = header.indexOf('quotes verified')
    const passages = header.indexOf('passages')
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(header.length)
      for (const cell of row) expect(runsAsFormula(cell), JSON.stringify(cell)).toBe(false)
      expect(['yes', 'no passage']).toContain(row[verified])
    }
    expect(rows.some((row) => /¶\d+/.test(row[passages]))).toBe(true)
    // Negative changes stay numbers a spreadsheet can add up.
    const pushed = header.indexOf('pushed by this cause')
    expect(rows.slice(1).some((row) => Number(row[pushed]) < 0)).toBe(true)
  })
})

describe('the debrief as JSON', () => {
  it('holds the whole debrief, rationales and all', () => {
    const parsed = JSON.parse(debriefJson(debrief))
    expect(parsed).toEqual(JSON.parse(JSON.stringify(debrief)))
    expect(parsed.format).toBe('red-lines-debrief')
    expect(parsed.rationales.map((entry: { text: string }) => entry.text)).toContain('=SUM(A1) is not a formula here')
  })
})
