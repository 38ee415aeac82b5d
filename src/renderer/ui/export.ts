// Exports for the debrief. CSV is quoted per RFC 4180 and cells that a spreadsheet would run as a
// formula (= + - @ tab CR at the start) get a leading apostrophe.
import type { GameSession } from '../session/session.ts'
import { describeChoice } from '../session/view-models.ts'
import { dateOfTurn } from '../../engine/index.ts'

export function csvCell(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) || text.startsWith("'") ? `"${text.replace(/"/g, '""')}"` : text
}

export function timelineCsv(session: GameSession): string {
  const scn = session.scenario
  const header = ['turn', 'date', 'rung', 'rigidity', 'incidents', 'actions', ...scn.roles.map((role) => `score ${role.actor}`)]
  const rows = session.history.map(({ result }) => [
    result.turn,
    dateOfTurn(scn, result.turn),
    scn.file.ladder[result.state.rung].name,
    Math.round(result.state.rigidity),
    result.incidents.length,
    result.orders.map((order) => describeChoice(scn, order)).join('; '),
    ...scn.roles.map((role) => Math.round(result.state.scores[role.id] ?? 0)),
  ])
  return csvFile([header, ...rows])
}

/** Put first in a CSV file, so that spreadsheets read it as UTF-8 and show "→", "–" and accents as they are. */
export const BYTE_ORDER_MARK = '\uFEFF'

/** A whole CSV file: a byte-order mark, then each row's cells made safe and quoted, CRLF line ends. */
export function csvFile(rows: readonly (readonly (string | number)[])[]): string {
  return BYTE_ORDER_MARK + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** The same text with a byte-order mark in front (once). */
export function withByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text : BYTE_ORDER_MARK + text
}
