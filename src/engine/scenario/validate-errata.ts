// Errata of a source's copy: each names a paragraph and words that must stand there exactly, since the
// reader marks them where they are. Sources whose text could not be read are reported elsewhere.
import type { ScenarioFile } from './schema.ts'
import type { DiagnosticSink } from './diagnostics.ts'
import { foldForQuote } from './text.ts'

function occurrences(text: string, words: string): number {
  let count = 0
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + words.length)) count++
  return count
}

export function checkErrata(
  scenario: ScenarioFile,
  sink: DiagnosticSink,
  paragraphsBySource: ReadonlyMap<string, readonly string[]>,
): void {
  scenario.sources.forEach((source, sourceIndex) => {
    const paragraphs = paragraphsBySource.get(source.id)
    if (!paragraphs) return
    source.errata?.forEach((erratum, index) => {
      const pointer = `/sources/${sourceIndex}/errata/${index}`
      const where = `paragraph ${erratum.paragraph} of source "${source.id}"`
      const paragraph = paragraphs[erratum.paragraph - 1] as string | undefined
      if (paragraph === undefined) {
        sink.error(
          'erratum-not-found',
          `${pointer}/paragraph`,
          `paragraph ${erratum.paragraph} does not exist: source "${source.id}" has ${paragraphs.length} paragraphs`,
          'count paragraphs as the non-empty lines of the source file',
        )
        return
      }
      const count = occurrences(paragraph, erratum.text)
      if (count === 1) return
      if (count > 1) {
        sink.warning(
          'erratum-repeated',
          `${pointer}/text`,
          `erratum text "${erratum.text}" occurs ${count} times in ${where}: the first is marked`,
          'quote enough words around the error to make it occur once',
        )
        return
      }
      const elsewhere = paragraphs.findIndex((other) => other.includes(erratum.text))
      const folded = foldForQuote(erratum.text)
      const hint =
        elsewhere >= 0
          ? `it is in paragraph ${elsewhere + 1}`
          : folded !== '' && foldForQuote(paragraph).includes(folded)
            ? 'the words are there with other quotes or spacing: copy them exactly as they stand in the file'
            : 'copy the words exactly as they stand in the file'
      sink.error('erratum-not-found', `${pointer}/text`, `erratum text "${erratum.text}" is not in ${where}`, hint)
    })
  })
}
