// What a player should know around the model: the "model, not history" note (New game, the source
// reader), a source's reference, and the errata of its copy marked where they stand. All of it comes from
// the scenario's data; a scenario without a `context` gets a general note.
import type { CompiledScenario, ErratumData, ScenarioFile } from '../../engine/index.ts'
import { dateOfTurn } from '../../engine/index.ts'
import { turnDate } from '../session/view-models.ts'
import { h } from './dom.ts'

type SourceData = ScenarioFile['sources'][number]

const DEFAULT_NOTE =
  'A model, not a history and not a forecast: it plays out one reading of its sources, with the designer’s assumptions marked as such. Real events took their own course.'

const monthIndex = (date: string) => {
  const [year, month] = date.split('-').map(Number)
  return year * 12 + month - 1
}

/** "24 February 2022" or "February 2022". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, day || 1)).toLocaleDateString('en-GB', {
    ...(day ? { day: 'numeric' } : {}),
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

/** Where a date falls in the game's calendar: "at turn 2 (March 2022)", "between turn 1 (…) and turn 2 (…)". */
export function placeInGame(scn: CompiledScenario, date: string): string {
  const { monthsPerTurn, max } = scn.file.turns
  const start = monthIndex(dateOfTurn(scn, 1))
  const month = monthIndex(date)
  if (month < start) return `before the game starts (turn 1 is ${turnDate(scn, 1)})`
  const turn = Math.floor((month - start) / monthsPerTurn) + 1
  if (turn > max) return `after the last turn a game can reach (turn ${max}, ${turnDate(scn, max)})`
  if ((month - start) % monthsPerTurn === 0) return `at turn ${turn} (${turnDate(scn, turn)})`
  return `between turn ${turn} (${turnDate(scn, turn)}) and turn ${turn + 1} (${turnDate(scn, turn + 1)})`
}

/** The note on what the scenario is and is not, with its start date and what it leaves out. */
export function contextNote(scn: CompiledScenario, id: string): HTMLElement {
  const context = scn.file.context
  const { monthsPerTurn } = scn.file.turns
  const leftOut = context?.leavesOut ?? []
  return h(
    'section',
    { className: 'context-note', 'aria-labelledby': id },
    h('h2', { id }, 'A model, not history'),
    h('p', {}, context?.note ?? DEFAULT_NOTE),
    h('p', {}, `Turn 1 is ${turnDate(scn, 1)}; each turn stands for ${monthsPerTurn === 1 ? 'a month' : `${monthsPerTurn} months`}.`),
    leftOut.length > 0
      ? [
          h('h3', {}, 'What the model leaves out'),
          h(
            'ul',
            {},
            leftOut.map((event) =>
              h(
                'li',
                {},
                h('strong', {}, event.event),
                event.date ? ` — ${formatDate(event.date)}, ${placeInGame(scn, event.date)}.` : '.',
                event.note ? ` ${event.note}` : null,
              ),
            ),
          ),
        ]
      : null,
  )
}

/** The source's reference: title, author, publisher, date, address; and what this copy is. */
export function sourceReference(source: SourceData): HTMLElement {
  const facts: [string, string | undefined][] = [
    ['Author', source.author],
    ['Published by', source.publisher],
    ['Date', formatDate(source.date)],
    ['Address', source.url],
  ]
  const errata = source.errata?.length ?? 0
  return h(
    'div',
    { className: 'source-reference' },
    h(
      'dl',
      { className: 'reference-facts' },
      facts.filter(([, value]) => value).flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]),
    ),
    source.note ? h('p', { className: 'note copy-note' }, source.note) : null,
    errata > 0
      ? h(
          'p',
          { className: 'note' },
          `${errata} evident error${errata === 1 ? '' : 's'} of this copy ${errata === 1 ? 'is' : 'are'} marked in the text as errata, each with a note below its paragraph. The text itself is left as it is: quotes are checked against it.`,
        )
      : null,
  )
}

/** A paragraph's text with its errata marked (first occurrence of each, as the loader checked), and their notes. */
export function paragraphWithErrata(text: string, errata: readonly ErratumData[], idPrefix: string): HTMLElement[] {
  const found = errata
    .map((erratum) => ({ erratum, at: text.indexOf(erratum.text) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
  if (found.length === 0) return [h('p', {}, text)]
  const paragraph = h('p', {})
  let from = 0
  found.forEach(({ erratum, at }, k) => {
    if (at < from) return // overlapping errata: the earlier one is marked
    paragraph.append(text.slice(from, at))
    paragraph.append(
      h(
        'mark',
        // The number of its note is drawn by the style sheet, so the paragraph's text stays the file's.
        { className: 'erratum', title: erratumNote(erratum), 'aria-describedby': `${idPrefix}-${k}`, 'data-ref': k + 1 },
        erratum.text,
      ),
    )
    from = at + erratum.text.length
  })
  paragraph.append(text.slice(from))
  return [
    paragraph,
    h(
      'ol',
      { className: 'errata-notes', 'aria-label': 'Errata in this paragraph' },
      found.map(({ erratum }, k) =>
        h(
          'li',
          { id: `${idPrefix}-${k}` },
          h('span', { className: 'erratum-label' }, 'Erratum: '),
          `“${erratum.text}” — ${erratumNote(erratum)}`,
        ),
      ),
    ),
  ]
}

function erratumNote(erratum: ErratumData): string {
  return erratum.correction ? `${erratum.note} Most likely: “${erratum.correction}”.` : erratum.note
}
