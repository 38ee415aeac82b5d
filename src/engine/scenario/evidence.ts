// The evidence behind a scenario: for each paragraph of each source, the items that cite it; and for the
// whole scenario, how much of it is grounded in the text and how much is the designer's assumption. Three
// ways to be grounded: the number grounded in the text (citations alone), the mechanism cited and the number
// assumed (citations and an assumption), or assumed (an assumption alone).
import type { GroundedCategory, GroundedItemCategory } from './grounded-items.ts'
import { GROUNDED_CATEGORIES, groundedItems } from './grounded-items.ts'
import type { ScenarioFile } from './schema.ts'

export interface EvidenceCitation {
  category: GroundedItemCategory
  /** E.g. `action "sanctions"`, `the start.tension of USA-CHN`. */
  label: string
  /** The item's JSON pointer in the scenario. */
  pointer: string
  /** The quotes it takes from this paragraph. */
  quotes: string[]
}

export interface EvidenceParagraph {
  /** 1-based, as citations count them. */
  number: number
  text: string
  citedBy: EvidenceCitation[]
}

export interface EvidenceSource {
  id: string
  title: string
  paragraphs: EvidenceParagraph[]
}

export interface GroundingShare {
  /** A category, or "overall" for the HEADLINE_CATEGORIES together. */
  category: GroundedCategory | 'overall'
  total: number
  /** Items with citations and no assumption: the number grounded in the text. */
  citedOnly: number
  /** Items with citations that also state an assumption: the mechanism cited, the number assumed. */
  citedWithAssumption: number
  /** Items with an assumption and no citation: assumed. */
  assumptionOnly: number
  /** Items with neither (only objectives may be). */
  ungrounded: number
  /** (citedOnly + citedWithAssumption) / total: the share grounded in the text; 0 when there are none. */
  textShare: number
  /** assumptionOnly / total. */
  assumptionShare: number
  /** citedOnly / total: the share whose number is grounded in the text. */
  numberGroundedShare: number
  /** citedWithAssumption / total: the share whose mechanism is cited and number assumed. */
  mechanismCitedShare: number
}

/** An inject (an event a teacher may play) and how it is grounded; injects are left out of the shares. */
export interface InjectEvidence {
  id: string
  name: string
  pointer: string
  /** The paragraphs it cites, by source, in the order cited (each once). */
  cited: { source: string; paragraph: number }[]
  assumption?: string
}

export interface Evidence {
  scenario: { id: string; version: string; title: string }
  sources: EvidenceSource[]
  /** One share per category, in GROUNDED_CATEGORIES order. */
  shares: GroundingShare[]
  /** The HEADLINE_CATEGORIES together. */
  overall: GroundingShare
  /** The categories `overall` counts (HEADLINE_CATEGORIES), for readers of the JSON. */
  overallCategories: GroundedCategory[]
  /** The scenario's injects with their grounding, in file order. */
  injects: InjectEvidence[]
}

/**
 * The categories the overall share counts: the numbers that drive the model. Static values, ladder rungs
 * and objectives are reported apart.
 */
export const HEADLINE_CATEGORIES: readonly GroundedCategory[] = [
  'action',
  'rule',
  'parameter',
  'computer-weight',
  'actor',
  'turn-settings',
  'starting-value',
]

function share(
  category: GroundingShare['category'],
  counts: Omit<GroundingShare, 'category' | 'textShare' | 'assumptionShare' | 'numberGroundedShare' | 'mechanismCitedShare'>,
): GroundingShare {
  const { total } = counts
  const ratio = (count: number) => (total > 0 ? count / total : 0)
  return {
    category,
    ...counts,
    textShare: ratio(counts.citedOnly + counts.citedWithAssumption),
    assumptionShare: ratio(counts.assumptionOnly),
    numberGroundedShare: ratio(counts.citedOnly),
    mechanismCitedShare: ratio(counts.citedWithAssumption),
  }
}

/** Pure: the same scenario and texts always give the same evidence. */
export function computeEvidence(scenario: ScenarioFile, sources: Readonly<Record<string, readonly string[]>>): Evidence {
  const paragraphsBySource = new Map<string, EvidenceParagraph[]>()
  for (const source of scenario.sources) {
    const texts = sources[source.id] ?? []
    paragraphsBySource.set(
      source.id,
      texts.map((text, index) => ({ number: index + 1, text, citedBy: [] })),
    )
  }
  const counts = new Map(
    GROUNDED_CATEGORIES.map((category) => [category, { total: 0, citedOnly: 0, citedWithAssumption: 0, assumptionOnly: 0, ungrounded: 0 }]),
  )
  for (const { item, pointer, label, category } of groundedItems(scenario)) {
    // Injects have no tally: they are left out of the shares.
    const tally = counts.get(category as GroundedCategory)
    const cited = (item.citations?.length ?? 0) > 0
    const assumed = item.assumption !== undefined
    if (tally) {
      tally.total++
      if (cited && assumed) tally.citedWithAssumption++
      else if (cited) tally.citedOnly++
      else if (assumed) tally.assumptionOnly++
      else tally.ungrounded++
    }
    for (const citation of item.citations ?? []) {
      const paragraph = paragraphsBySource.get(citation.source)?.[citation.paragraph - 1]
      if (!paragraph) continue
      const existing = paragraph.citedBy.find((entry) => entry.pointer === pointer)
      if (existing) existing.quotes.push(citation.quote)
      else paragraph.citedBy.push({ category, label, pointer, quotes: [citation.quote] })
    }
  }
  const shares = GROUNDED_CATEGORIES.map((category) => share(category, counts.get(category)!))
  const headline = HEADLINE_CATEGORIES.map((category) => shares.find((entry) => entry.category === category)!)
  const sum = (key: 'total' | 'citedOnly' | 'citedWithAssumption' | 'assumptionOnly' | 'ungrounded') =>
    headline.reduce((total, entry) => total + entry[key], 0)
  return {
    scenario: { id: scenario.id, version: scenario.version, title: scenario.title },
    sources: scenario.sources.map((source) => ({ id: source.id, title: source.title, paragraphs: paragraphsBySource.get(source.id)! })),
    shares,
    overall: share('overall', {
      total: sum('total'),
      citedOnly: sum('citedOnly'),
      citedWithAssumption: sum('citedWithAssumption'),
      assumptionOnly: sum('assumptionOnly'),
      ungrounded: sum('ungrounded'),
    }),
    overallCategories: [...HEADLINE_CATEGORIES],
    injects: (scenario.injects ?? []).map((inject, index) => {
      const cited: InjectEvidence['cited'] = []
      for (const { source, paragraph } of inject.citations ?? []) {
        if (!cited.some((each) => each.source === source && each.paragraph === paragraph)) cited.push({ source, paragraph })
      }
      const entry: InjectEvidence = { id: inject.id, name: inject.name, pointer: `/injects/${index}`, cited }
      if (inject.assumption !== undefined) entry.assumption = inject.assumption
      return entry
    }),
  }
}
