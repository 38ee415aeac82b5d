// Every number of a scenario is grounded: it cites passages of its sources (each quote checked
// against the text) or states an assumption.
import type { ScenarioFile } from './schema.ts'
import { groundedItems } from './grounded-items.ts'
import { didYouMean } from './diagnostics.ts'
import type { DiagnosticSink } from './diagnostics.ts'
import { foldForQuote } from './text.ts'
import type { QuoteFinder } from './quote-finder.ts'
import { QUOTE_SEARCH_BUDGET, quoteFinderFor } from './quote-finder.ts'
import type { ValidationContext } from './validate.ts'

/**
 * Checks one citation's source, paragraph and quote; returns whether its source exists.
 * `base` is the citation's JSON pointer.
 */
export function checkCitation(
  citation: { source: string; paragraph: number; quote: string },
  base: string,
  sink: DiagnosticSink,
  sourceIds: ReadonlySet<string>,
  finder: QuoteFinder,
): boolean {
  if (!sourceIds.has(citation.source)) {
    sink.error('unknown-source', `${base}/source`, `unknown source "${citation.source}"`, didYouMean(citation.source, sourceIds))
    return false
  }
  const paragraphs = finder.paragraphs(citation.source)
  if (!paragraphs) return true // The source text is missing or unreadable, which is reported where it is named.
  if (citation.paragraph > paragraphs.length) {
    const message = `paragraph ${citation.paragraph} does not exist: source "${citation.source}" has ${paragraphs.length} paragraph${paragraphs.length === 1 ? '' : 's'}`
    sink.error('paragraph-out-of-range', `${base}/paragraph`, message)
    return true
  }
  const quote = foldForQuote(citation.quote)
  if (quote === '') {
    sink.error('quote-not-found', `${base}/quote`, 'the quote is only white space')
    return true
  }
  const location = finder.locate(citation.source, citation.paragraph - 1, quote)
  if (location.kind === 'found') return true
  if (location.kind === 'not-checked') {
    sink.error(
      'quote-not-checked',
      `${base}/quote`,
      `quote not checked: the scenario's quotes would need searching more than ${QUOTE_SEARCH_BUDGET / 1_000_000} million characters of "${citation.source}"`,
      'cite fewer passages of very long paragraphs, or split the source into paragraphs (one per line)',
    )
    return true
  }
  sink.error(
    'quote-not-found',
    `${base}/quote`,
    `quote not found in paragraph ${citation.paragraph} of source "${citation.source}"`,
    location.elsewhere !== null ? `it is in paragraph ${location.elsewhere + 1}` : undefined,
  )
  return true
}

export function checkGrounding(scenario: ScenarioFile, sink: DiagnosticSink, context: ValidationContext): void {
  const sourceIds = new Set(scenario.sources.map((source) => source.id))
  const finder = quoteFinderFor(context.paragraphs)
  const cited = new Set<string>()

  for (const { item, pointer, label, optional, plural } of groundedItems(scenario)) {
    const citations = item.citations ?? []
    if (citations.length === 0 && item.assumption === undefined) {
      const hint = 'add "citations" or an "assumption"'
      const message = `${label} ${plural ? 'are' : 'is'} not grounded`
      if (optional) sink.warning('ungrounded', pointer, message, hint)
      else sink.error('ungrounded', pointer, message, hint)
    }
    citations.forEach((citation, index) => {
      if (checkCitation(citation, `${pointer}/citations/${index}`, sink, sourceIds, finder)) cited.add(citation.source)
    })
  }

  // A lens states a reading of the text: its passages are checked like any citation.
  scenario.lens?.citations.forEach((citation, index) => {
    if (checkCitation(citation, `/lens/citations/${index}`, sink, sourceIds, finder)) cited.add(citation.source)
  })

  scenario.sources.forEach((source, index) => {
    if (!context.sourceFileExists(source.file, index)) {
      sink.error('source-file-missing', `/sources/${index}/file`, `source file "${source.file}" was not found`)
    }
    if (!cited.has(source.id)) sink.warning('source-unused', `/sources/${index}`, `source "${source.id}" is never cited`)
  })
}
