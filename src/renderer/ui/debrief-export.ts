// The debrief's exports: the whole debrief as JSON, and its timeline and consequences as CSV files that a
// spreadsheet opens safely (formulas neutralised, UTF-8 with a byte-order mark; see export.ts).
import type { Debrief, Passages } from '../../engine/debrief/index.ts'
import { csvFile } from './export.ts'

const rounded = (value: number) => Number(value.toFixed(6))

function passagesText(passages: Passages): string {
  return passages.citations.map((citation) => `“${citation.quote}” (${citation.source} ¶${citation.paragraph})`).join(' | ')
}

function verifiedText(passages: Passages): string {
  if (passages.citations.length === 0) return 'no passage'
  return passages.citations.every((citation) => citation.verified) ? 'yes' : 'no'
}

export function debriefJson(debrief: Debrief): string {
  return `${JSON.stringify(debrief)}\n`
}

/** One row per pin prick, injected event, incident or clash; a turn without any gets one row of its own. */
export function debriefTimelineCsv(debrief: Debrief): string {
  const name = (id: string) => debrief.names[id] ?? id
  const header = ['turn', 'date', 'rung', 'event', 'actors', 'targets', 'cause', 'theatre', 'severity', 'chance', 'description']
  const rows = debrief.timeline.flatMap((turn) => {
    const base = [turn.turn, turn.date, turn.rung.name]
    if (turn.events.length === 0) return [[...base, 'none', '', '', '', '', '', '', 'No pin prick and no incident']]
    return turn.events.map((event) => [
      ...base,
      event.kind,
      event.actors.map(name).join('; '),
      event.targets.map(name).join('; '),
      event.cause?.name ?? '',
      event.theatre ?? '',
      event.severity === undefined ? '' : event.severity === 2 ? 'severe' : 'minor',
      event.chance === undefined ? '' : rounded(event.chance),
      event.text,
    ])
  })
  return csvFile([header, ...rows])
}

/** One row per cause, variable and owners, turn by turn: what the cause pushed, the turn's net, the passage. */
export function debriefConsequencesCsv(debrief: Debrief): string {
  const header = [
    'turn',
    'step',
    'cause kind',
    'cause id',
    'cause',
    'by',
    'variable',
    'owners',
    'pushed by this cause',
    'value before the turn',
    'value after the turn',
    'a limit acted',
    'passages',
    'quotes verified',
    'assumption',
  ]
  const rows = debrief.consequences.flatMap((consequence) =>
    consequence.changes.map((change) => [
      consequence.turn,
      consequence.step,
      consequence.cause.kind,
      consequence.cause.id,
      consequence.cause.name,
      consequence.by.join('; '),
      change.variable,
      change.owners.join('; '),
      rounded(change.delta),
      rounded(change.before),
      rounded(change.after),
      change.limited ? 'yes' : 'no',
      passagesText(consequence.passages),
      verifiedText(consequence.passages),
      consequence.passages.assumption ?? '',
    ]),
  )
  return csvFile([header, ...rows])
}
