// One row per game of a batch, for `batch --jsonl` and `batch --csv` (R, pandas, spreadsheets): the seed, the
// outcome flags, each role's score, every pair's final alignment and the incidents. The column names are a
// contract: add columns, never rename or remove one.
import type { CompiledScenario } from '../engine/index.ts'
import type { GameSummary } from './batch-game.ts'

export type GameRow = Record<string, number | boolean>

export function gameRows(scn: CompiledScenario, games: readonly GameSummary[]): GameRow[] {
  return [...games]
    .sort((a, b) => a.seed - b.seed)
    .map((game) => {
      const row: GameRow = {
        seed: game.seed,
        turns: game.turns,
        armedClash: game.armedClash,
        rigidBlocs: game.rigidBlocs,
        impasse: game.impasse,
        quasiAlliance: game.quasiAlliance,
        incidents: game.incidents,
        rigidity: game.rigidity,
      }
      for (const role of scn.roles) row[`score.${role.id}`] = game.scores[role.id] ?? 0
      for (const [pair, value] of Object.entries(game.alignments)) row[`alignment.${pair}`] = value
      return row
    })
}

/** A CSV cell: quoted when it must be, and never read by a spreadsheet as a formula. */
export function csvCell(value: string | number | boolean): string {
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The rows as CSV with a byte-order mark, so spreadsheets read the file as UTF-8. */
export function csvText(rows: readonly GameRow[]): string {
  if (rows.length === 0) return '\uFEFF'
  const columns = Object.keys(rows[0])
  const lines = [columns.map(csvCell).join(','), ...rows.map((row) => columns.map((column) => csvCell(row[column])).join(','))]
  return `\uFEFF${lines.join('\r\n')}`
}
