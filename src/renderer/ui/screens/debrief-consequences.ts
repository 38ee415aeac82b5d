// Every consequence with its passage: what each cause did over the whole game (always shown, and printed),
// then each turn's causes and changes, filled in when the reader opens the turn.
import type { CompiledScenario } from '../../../engine/index.ts'
import type { Consequence, ConsequenceChange, Debrief } from '../../../engine/debrief/index.ts'
import { h, replaceChildren } from '../dom.ts'
import type { OnRead } from './debrief-parts.ts'
import { passagesView, section, table } from './debrief-parts.ts'

const VARIABLE_NAMES: Record<string, string> = { rung: 'escalation rung', rigidity: 'bloc rigidity' }

function owners(debrief: Debrief, variable: string, ids: readonly string[]): string {
  const name = (id: string) => debrief.names[id] ?? id
  if (variable === 'grievance') return `${name(ids[0])} toward ${name(ids[1])}`
  return ids.map(name).join('–')
}

function delta(variable: string, value: number): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±'
  const size = Math.abs(value)
  if (variable === 'readiness' || variable === 'rigidity' || variable === 'score' || variable === 'rung') return `${sign}${size.toFixed(1)}`
  if (variable === 'alignment') return `${sign}${(size * 100).toFixed(1)}`
  return `${sign}${(size * 100).toFixed(1)} pts`
}

function changeText(debrief: Debrief, change: Pick<ConsequenceChange, 'variable' | 'owners' | 'delta'>): string {
  const who = owners(debrief, change.variable, change.owners)
  return `${who ? `${who} ` : ''}${VARIABLE_NAMES[change.variable] ?? change.variable} ${delta(change.variable, change.delta)}`
}

function turnTable(debrief: Debrief, turn: number, consequences: readonly Consequence[], onRead: OnRead): HTMLElement {
  return table(
    `Turn ${turn}: every cause, what it changed, and its passage`,
    ['Cause', 'Step', 'What it changed', 'Passage'],
    consequences.map((consequence) => [
      `${consequence.cause.name}${consequence.by.length ? ` (by ${consequence.by.map((id) => debrief.names[id] ?? id).join(', ')})` : ''}`,
      `${consequence.step}${consequence.limit ? ' · limit' : ''}`,
      h(
        'ul',
        { className: 'cell-list' },
        consequence.changes.map((change) =>
          h(
            'li',
            {},
            `${changeText(debrief, change)}${change.limited ? ` (after limits the turn's net was ${delta(change.variable, change.after - change.before)})` : ''}`,
          ),
        ),
      ),
      passagesView(consequence.passages, onRead),
    ]),
    'consequences-turn',
  )
}

export function consequencesSection(_scn: CompiledScenario, debrief: Debrief, onRead: OnRead): HTMLElement {
  const summary = table(
    'What each cause did over the whole game',
    ['Cause', 'Turns it acted', 'Largest effects over the game', 'Passage'],
    debrief.causes.map((cause) => [
      cause.cause.name,
      cause.turns.length === debrief.timeline.length && cause.turns.length > 1 ? 'every turn' : cause.turns.join(', '),
      cause.largest.length > 0
        ? h(
            'ul',
            { className: 'cell-list' },
            cause.largest.map((item) => h('li', {}, changeText(debrief, { ...item, delta: item.total }))),
          )
        : 'no net change',
      passagesView(cause.passages, onRead),
    ]),
    'consequences-summary',
  )
  const turns = debrief.timeline.map((turn) => {
    const own = debrief.consequences.filter((consequence) => consequence.turn === turn.turn)
    const changes = own.reduce((sum, consequence) => sum + consequence.changes.length, 0)
    const body = h('div', { className: 'turn-consequences' })
    const details = h(
      'details',
      { className: 'consequences-details', 'data-turn': turn.turn },
      h('summary', {}, `Turn ${turn.turn} (${turn.date}): ${own.length} causes, ${changes} changes`),
      body,
    )
    details.addEventListener('toggle', () => {
      if (details.open && body.childElementCount === 0) replaceChildren(body, turnTable(debrief, turn.turn, own, onRead))
    })
    return details
  })
  return section(
    'debrief-consequences',
    'Every consequence, with its passage',
    h(
      'p',
      { className: 'note' },
      'Every change of every number was booked in the ledger with its cause. Over the game, each cause’s changes are summed; turn by turn, each cause’s changes are listed and, where a limit took part of the push back, what took effect. The JSON and CSV exports hold every line.',
    ),
    summary,
    h('h3', {}, 'Turn by turn'),
    turns,
  )
}
