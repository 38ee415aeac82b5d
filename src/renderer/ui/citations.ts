// The passages behind a rule or action: each quote with its paragraph, one click from the reader.
import type { CitationData } from '../../engine/index.ts'
import { button, h } from './dom.ts'

export function citationList(
  citations: readonly CitationData[],
  assumption: string | undefined,
  onRead: (citation: CitationData) => void,
  summary: string,
): HTMLElement {
  return h(
    'details',
    { className: 'citations' },
    h('summary', {}, summary),
    citations.length === 0 && !assumption ? h('p', {}, 'No passage: a consequence of the model itself.') : null,
    h(
      'ul',
      {},
      citations.map((citation) =>
        h(
          'li',
          {},
          h('blockquote', {}, `“${citation.quote}”`),
          ' ',
          button(`Read paragraph ${citation.paragraph}`, () => onRead(citation), { className: 'link' }),
        ),
      ),
    ),
    assumption ? h('p', { className: 'assumption' }, h('strong', {}, 'Designer’s assumption: '), assumption) : null,
  )
}
