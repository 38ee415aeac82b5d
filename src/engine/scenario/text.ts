// How source texts are cut into paragraphs, and how quotes are compared with them.

/** The paragraphs of a source: its non-empty lines after trimming white space. Paragraph n is element n − 1. */
export function paragraphsOf(text: string): string[] {
  const paragraphs: string[] = []
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim()
    if (trimmed !== '') paragraphs.push(trimmed)
  }
  return paragraphs
}

const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g
const NON_BREAKING_SPACES = /[\u00A0\u2007\u202F]/g

/** Folds typographic quotes and apostrophes to plain ones and every run of white space to one space, then trims. */
export function foldForQuote(text: string): string {
  return text
    .normalize('NFC')
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(NON_BREAKING_SPACES, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Whether the quote occurs verbatim in the paragraph, up to quote style and white space. */
export function quoteOccursIn(quote: string, paragraph: string): boolean {
  const folded = foldForQuote(quote)
  return folded !== '' && foldForQuote(paragraph).includes(folded)
}
