// Pieces the debrief, compare and what-if views share: passages with their verification, tables with
// captions, and a section with its heading.
import type { CitationData } from '../../../engine/index.ts'
import type { Passages } from '../../../engine/debrief/index.ts'
import { button, h } from '../dom.ts'

export type OnRead = (citation: CitationData) => void

/** Each quote with its paragraph, whether it was found in the source, and a way to read the paragraph. */
export function passagesView(passages: Passages, onRead: OnRead): HTMLElement {
  return h(
    'div',
    { className: 'passages' },
    passages.citations.length === 0 && passages.assumption === undefined
      ? h('p', { className: 'note' }, 'No passage: a consequence of the model itself.')
      : null,
    passages.citations.length > 0
      ? h(
          'ul',
          {},
          passages.citations.map((citation) =>
            h(
              'li',
              { className: 'passage', 'data-verified': String(citation.verified) },
              h('blockquote', {}, `“${citation.quote}”`),
              h(
                'span',
                { className: citation.verified ? 'verified' : 'unverified' },
                citation.verified
                  ? `✓ Quote verified in paragraph ${citation.paragraph}`
                  : `✗ Not found in paragraph ${citation.paragraph}`,
              ),
              ' ',
              button(`Read paragraph ${citation.paragraph}`, () => onRead(citation), { className: 'link' }),
            ),
          ),
        )
      : null,
    passages.assumption !== undefined
      ? h('p', { className: 'assumption' }, h('strong', {}, 'Designer’s assumption: '), passages.assumption)
      : null,
  )
}

let sectionCount = 0

/** A section with an h2 that labels it; `id` lets the page's contents move to it. */
export function section(id: string, title: string, ...children: (Node | string | null | (Node | null)[])[]): HTMLElement {
  sectionCount += 1
  const headingId = `${id}-title-${sectionCount}`
  return h(
    'section',
    { id, className: 'debrief-section', 'aria-labelledby': headingId },
    h('h2', { id: headingId, tabindex: -1 }, title),
    ...children,
  )
}

/** A table with a caption, column headers, and the first cell of each row as its row header. */
export function table(
  caption: string,
  headers: readonly string[],
  rows: readonly (readonly (Node | string)[])[],
  className = '',
): HTMLElement {
  return h(
    'table',
    { className: `debrief-table ${className}`.trim() },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((header) => h('th', { scope: 'col' }, header)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          {},
          row.map((cell, k) => (k === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))),
        ),
      ),
    ),
  )
}

/** A list of short items in one cell; an empty list reads "—". */
export function cellList(items: readonly string[], empty = '—'): Node | string {
  if (items.length === 0) return empty
  if (items.length === 1) return items[0]
  return h(
    'ul',
    { className: 'cell-list' },
    items.map((item) => h('li', {}, item)),
  )
}

export const signedNumber = (value: number, digits = 0): string => {
  const rounded = Number(value.toFixed(digits))
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded).toFixed(digits)}`
}
