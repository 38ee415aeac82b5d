// The evidence behind a scenario: for each paragraph of each source, the items that cite it; and for the
// whole scenario, how much of it is grounded in the text and how much is the designer's assumption.
import type { GroundedCategory } from './grounded-items.ts'
import { GROUNDED_CATEGORIES, groundedItems } from './grounded-items.ts'
import type { ScenarioFile } from './schema.ts'

export interface EvidenceCitation {
  category: GroundedCategory
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
  /** A category, or "overall" for actions, rules, parameters and starting values together. */
  category: GroundedCategory | 'overall'
  total: number
  /** Items with citations and no assumption. */
  citedOnly: number
  /** Items with citations that also state an assumption (a number the text does not give, say). */
  citedWithAssumption: number
  /** Items with an assumption and no citation. */
  assumptionOnly: number
  /** Items with neither (only objectives may be). */
  ungrounded: number
  /** (citedOnly + citedWithAssumption) / total: the share grounded in the text; 0 when there are none. */
  textShare: number
  /** assumptionOnly / total. */
  assumptionShare: number
}

export interface Evidence {
  scenario: { id: string; version: string; title: string }
  sources: EvidenceSource[]
  /** One share per category, in GROUNDED_CATEGORIES order. */
  shares: GroundingShare[]
  /** Actions, rules, parameters and starting values together. */
  overall: GroundingShare
}

/** The categories the overall share counts. */
export const HEADLINE_CATEGORIES: readonly GroundedCategory[] = ['action', 'rule', 'parameter', 'starting-value']

function share(
  category: GroundingShare['category'],
  counts: Omit<GroundingShare, 'category' | 'textShare' | 'assumptionShare'>,
): GroundingShare {
  const { total } = counts
  return {
    category,
    ...counts,
    textShare: total > 0 ? (counts.citedOnly + counts.citedWithAssumption) / total : 0,
    assumptionShare: total > 0 ? counts.assumptionOnly / total : 0,
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
    const tally = counts.get(category)!
    const cited = (item.citations?.length ?? 0) > 0
    const assumed = item.assumption !== undefined
    tally.total++
    if (cited && assumed) tally.citedWithAssumption++
    else if (cited) tally.citedOnly++
    else if (assumed) tally.assumptionOnly++
    else tally.ungrounded++
    for (const citation of item.citations ?? []) {
      const paragraph = paragraphsBySource.get(citation.source)?.[citation.paragraph - 1]
      if (!paragraph) continue
      const existing = paragraph.citedBy.find((entry) => entry.pointer === pointer)
      if (existing) existing.quotes.push(citation.quote)
      else paragraph.citedBy.push({ category, label, pointer, quotes: [citation.quote] })
    }
  }
  const shares = GROUNDED_CATEGORIES.map((category) => share(category, counts.get(category)!))
  const headline = shares.filter((entry) => HEADLINE_CATEGORIES.includes(entry.category as GroundedCategory))
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
  }
}
