// Finding quotes in sources, once and within a bound. A scenario's citations are checked against its sources
// on every load (by the schema pass, the raw pass of a scenario that failed its schema, and the claims): each
// source is folded once, each (source, quote, paragraph) is searched once, and the whole load searches at most
// QUOTE_SEARCH_BUDGET characters, so that no scenario within the size limits can stall the page or the command
// (a 4.8 MB one-line source with hundreds of near-miss quotes did). Quotes past the budget are reported as not
// checked, which fails the load: a scenario must be checkable to be played.
import { foldForQuote } from './text.ts'

/** Characters of folded source text one load may search for quotes. */
export const QUOTE_SEARCH_BUDGET = 40_000_000

export type QuoteLocation =
  | { kind: 'found' }
  /** `elsewhere` is the 0-based index of the first paragraph that holds it, or null. */
  | { kind: 'not-found'; elsewhere: number | null }
  | { kind: 'not-checked' }

export interface QuoteFinder {
  /** The folded paragraphs of a source, or undefined when its text is missing. */
  paragraphs(source: string): readonly string[] | undefined
  /** Where a folded quote is, relative to the cited 0-based paragraph. */
  locate(source: string, paragraph: number, foldedQuote: string): QuoteLocation
}

const finders = new WeakMap<ReadonlyMap<string, readonly string[]>, QuoteFinder>()

/** The finder for these source paragraphs: one per load (the map), shared by every pass of it. */
export function quoteFinderFor(sources: ReadonlyMap<string, readonly string[]>): QuoteFinder {
  let finder = finders.get(sources)
  if (!finder) finders.set(sources, (finder = createQuoteFinder(sources)))
  return finder
}

function createQuoteFinder(sources: ReadonlyMap<string, readonly string[]>): QuoteFinder {
  const folded = new Map<string, string[]>()
  const inParagraph = new Map<string, boolean>()
  const firstParagraph = new Map<string, number | null>()
  let budget = QUOTE_SEARCH_BUDGET

  const paragraphs = (source: string): string[] | undefined => {
    const found = sources.get(source)
    if (!found) return undefined
    let result = folded.get(source)
    if (!result) folded.set(source, (result = found.map(foldForQuote)))
    return result
  }

  /** Whether the budget allows searching `length` more characters (and spends them if so). */
  const spend = (length: number): boolean => {
    if (length > budget) {
      budget = 0
      return false
    }
    budget -= length
    return true
  }

  return {
    paragraphs,
    locate(source, paragraph, quote) {
      const texts = paragraphs(source)
      if (!texts) return { kind: 'not-checked' }
      const key = `${source}\u0000${quote}`
      const cited = `${key}\u0000${paragraph}`
      let here = inParagraph.get(cited)
      if (here === undefined) {
        if (!spend(texts[paragraph].length)) return { kind: 'not-checked' }
        inParagraph.set(cited, (here = texts[paragraph].includes(quote)))
      }
      if (here) return { kind: 'found' }
      let elsewhere = firstParagraph.get(key)
      if (elsewhere === undefined) {
        elsewhere = null
        for (let k = 0; k < texts.length; k++) {
          if (!spend(texts[k].length)) return { kind: 'not-found', elsewhere: null }
          if (texts[k].includes(quote)) {
            elsewhere = k
            break
          }
        }
        firstParagraph.set(key, elsewhere)
      }
      return { kind: 'not-found', elsewhere }
    },
  }
}
