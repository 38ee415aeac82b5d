// The evidence behind a scenario: how much of it is grounded in its sources and how much is assumed (the
// number grounded in the text, the mechanism cited and the number assumed, or assumed), and, paragraph by
// paragraph, what cites each one (laid out like the source reader).
import type { CompiledScenario } from '../../../engine/index.ts'
import type { GroundedCategory, GroundingShare } from '../../../engine/scenario/index.ts'
import { computeEvidence } from '../../../engine/scenario/index.ts'
import type { App, Screen } from '../app.ts'
import { button, h, percent } from '../dom.ts'
import { claimsSection } from './evidence-claims.ts'

const CATEGORY_NAMES: Readonly<Record<GroundingShare['category'], string>> = {
  action: 'actions',
  rule: 'rules',
  parameter: 'parameters',
  'computer-weight': 'computer weights',
  actor: 'actors',
  'turn-settings': 'turn settings',
  'starting-value': 'starting values',
  'static-value': 'static values',
  rung: 'ladder rungs',
  objective: 'objectives',
  overall: 'overall (the kinds above)',
}

const categoryName = (category: GroundingShare['category']): string => CATEGORY_NAMES[category]

const listed = (names: string[]): string =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('')

const countWithShare = (count: number, share: number): string => `${count} (${percent(share)})`

/** The overall shares in words, with the kinds of item they count. */
function summary(overall: GroundingShare, categories: readonly GroundedCategory[]): string {
  const ungrounded = overall.ungrounded > 0 ? ` Not grounded: ${overall.ungrounded}.` : ''
  return (
    `Overall, ${overall.total} items (${listed(categories.map(categoryName))}). ` +
    `Number grounded in the text: ${countWithShare(overall.citedOnly, overall.numberGroundedShare)}. ` +
    `Mechanism cited, number assumed: ${countWithShare(overall.citedWithAssumption, overall.mechanismCitedShare)}. ` +
    `Assumed: ${countWithShare(overall.assumptionOnly, overall.assumptionShare)}.${ungrounded}`
  )
}

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
      // The kinds the overall share counts, the overall share, then the kinds reported apart.
      const headline = evidence.overallCategories.map((category) => evidence.shares.find((share) => share.category === category)!)
      const shares = [...headline, overall, ...evidence.shares.filter((share) => !headline.includes(share))]
      const withUngrounded = shares.some((share) => share.ungrounded > 0)
      const headings = ['Kind', 'Items', 'Number grounded in the text', 'Mechanism cited, number assumed', 'Assumed']
      if (withUngrounded) headings.push('Not grounded')
      return h(
        'main',
        { className: 'reader evidence' },
        h('h1', {}, `Evidence: ${title}`),
        h('div', { className: 'actions' }, button('Back', onBack, { className: 'primary' })),
        h('p', { className: 'evidence-summary' }, summary(overall, evidence.overallCategories)),
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
              headings.map((label) => h('th', { scope: 'col' }, label)),
            ),
          ),
          h(
            'tbody',
            {},
            shares.map((share) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, categoryName(share.category)),
                h('td', {}, share.total),
                h('td', {}, countWithShare(share.citedOnly, share.numberGroundedShare)),
                h('td', {}, countWithShare(share.citedWithAssumption, share.mechanismCitedShare)),
                h('td', {}, countWithShare(share.assumptionOnly, share.assumptionShare)),
                withUngrounded ? h('td', {}, share.ungrounded) : null,
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
