// The source reader: the article with paragraph numbers, the cited paragraph highlighted, and the
// rules, actions and parameters that cite each paragraph.
import type { CompiledScenario } from '../../../engine/index.ts'
import { citationsByParagraph } from '../../session/view-models.ts'
import type { App, Screen } from '../app.ts'
import { button, h } from '../dom.ts'
import { contextNote, paragraphWithErrata, sourceReference } from '../source-context.ts'

export function readerScreen(
  scn: CompiledScenario,
  highlight: { source: string; paragraph: number } | undefined,
  onBack: () => void,
): Screen {
  // Escape goes back, as Back does, unless a dialog or an open menu has it.
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return
    event.preventDefault()
    onBack()
  }
  return {
    name: 'reader',
    title: 'Source reader',
    dispose() {
      document.removeEventListener('keydown', onKey)
    },
    render(_app: App) {
      document.addEventListener('keydown', onKey)
      const sources = scn.file.sources
      const main = h(
        'main',
        { className: 'reader' },
        h('h1', {}, 'Source reader'),
        h('div', { className: 'actions' }, button('Back', onBack, { className: 'primary', 'aria-keyshortcuts': 'Escape' })),
        contextNote(scn, 'reader-context-title'),
        sources.map((source) => {
          const paragraphs = scn.sources[source.id] ?? []
          const citing = citationsByParagraph(scn, source.id)
          return h(
            'article',
            { className: 'source', 'aria-labelledby': `source-${source.id}` },
            h('h2', { id: `source-${source.id}` }, source.title),
            sourceReference(source),
            h(
              'ol',
              { className: 'paragraphs' },
              paragraphs.map((text, k) => {
                const number = k + 1
                const cites = citing.get(number) ?? []
                const current = highlight !== undefined && highlight.source === source.id && highlight.paragraph === number
                return h(
                  'li',
                  {
                    id: `p-${source.id}-${number}`,
                    value: number,
                    className: current ? 'highlight' : '',
                    'aria-current': current ? 'true' : null,
                    tabindex: current ? -1 : null,
                  },
                  current ? h('strong', { className: 'marker' }, 'Cited paragraph: ') : null,
                  paragraphWithErrata(
                    text,
                    (source.errata ?? []).filter((erratum) => erratum.paragraph === number),
                    `erratum-${source.id}-${number}`,
                  ),
                  cites.length
                    ? h(
                        'details',
                        {},
                        h('summary', {}, `Cited by ${cites.length}`),
                        h(
                          'ul',
                          {},
                          cites.map((label) => h('li', {}, label)),
                        ),
                      )
                    : null,
                )
              }),
            ),
          )
        }),
      )
      if (highlight !== undefined) {
        requestAnimationFrame(() => {
          const target = main.querySelector<HTMLElement>('li.highlight')
          target?.scrollIntoView({ block: 'center' })
          target?.focus()
        })
      }
      return main
    },
  }
}
