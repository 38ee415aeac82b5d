// The evidence behind a scenario: how much of it is grounded in its sources and how much is assumed,
// and, paragraph by paragraph, what cites each one (laid out like the source reader).
import type { CompiledScenario } from '../../../engine/index.ts'
import type { GroundingShare } from '../../../engine/scenario/index.ts'
import { computeEvidence } from '../../../engine/scenario/index.ts'
import type { App, Screen } from '../app.ts'
import { button, h, percent } from '../dom.ts'
import { claimsSection } from './evidence-claims.ts'

const CATEGORY_NAMES: Record<string, string> = { overall: 'Overall (actions, rules, parameters, starting values)' }

const categoryName = (category: GroundingShare['category']): string => CATEGORY_NAMES[category] ?? category.replace(/-/g, ' ')

/** Brings a paragraph of the sources below into view (the claims' "Read paragraph" buttons). */
function showParagraph(source: string, paragraph: number): void {
  const target = document.getElementById(`evidence-${source}-${paragraph}`)
  if (!target) return
  target.setAttribute('tabindex', '-1')
  target.scrollIntoView({ block: 'center' })
  target.focus()
}

export function evidenceScreen(title: string, scn: CompiledScenario, onBack: () => void): Screen {
  let claims: ReturnType<typeof claimsSection> = null
  return {
    name: 'evidence',
    title: 'Evidence',
    dispose() {
      claims?.dispose()
    },
    render(_app: App) {
      const evidence = computeEvidence(scn.file, scn.sources)
      claims = claimsSection(scn, (citation) => showParagraph(citation.source, citation.paragraph))
      const { overall } = evidence
      return h(
        'main',
        { className: 'reader evidence' },
        h('h1', {}, `Evidence: ${title}`),
        h('div', { className: 'actions' }, button('Back', onBack, { className: 'primary' })),
        h(
          'p',
          { className: 'evidence-summary' },
          `Grounded in the sources: ${percent(overall.textShare)}. Assumed by the designer: ${percent(overall.assumptionShare)}. ` +
            `(${overall.citedOnly + overall.citedWithAssumption} of ${overall.total} items cite the text; ${overall.assumptionOnly} rest on an assumption alone.)`,
        ),
        h(
          'table',
          { className: 'shares' },
          h('caption', {}, 'Grounded and assumed, by kind of item'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Kind', 'Items', 'Cited only', 'Cited, with an assumption', 'Assumption only', 'Neither', 'Grounded', 'Assumed'].map(
                (label) => h('th', { scope: 'col' }, label),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            [...evidence.shares, overall].map((share) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, categoryName(share.category)),
                h('td', {}, share.total),
                h('td', {}, share.citedOnly),
                h('td', {}, share.citedWithAssumption),
                h('td', {}, share.assumptionOnly),
                h('td', {}, share.ungrounded),
                h('td', {}, percent(share.textShare)),
                h('td', {}, percent(share.assumptionShare)),
              ),
            ),
          ),
        ),
        claims?.element,
        evidence.sources.map((source) =>
          h(
            'article',
            { className: 'source', 'aria-labelledby': `evidence-${source.id}` },
            h('h2', { id: `evidence-${source.id}` }, source.title),
            h(
              'ol',
              { className: 'paragraphs' },
              source.paragraphs.map((paragraph) =>
                h(
                  'li',
                  { value: paragraph.number, id: `evidence-${source.id}-${paragraph.number}` },
                  h('p', {}, paragraph.text),
                  paragraph.citedBy.length > 0
                    ? h(
                        'details',
                        {},
                        h('summary', {}, `Cited by ${paragraph.citedBy.length}`),
                        h(
                          'ul',
                          {},
                          paragraph.citedBy.map((citation) =>
                            h('li', {}, `${citation.label}: `, citation.quotes.map((quote) => `“${quote}”`).join(', ')),
                          ),
                        ),
                      )
                    : h('p', { className: 'note' }, 'Not cited.'),
                ),
              ),
            ),
          ),
        ),
      )
    },
  }
}
