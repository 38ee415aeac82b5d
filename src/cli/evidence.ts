// `redlines evidence <scenario>`: for each paragraph of each source, what cites it; and how much of the
// scenario is grounded in the text versus marked as the designer's assumption, three ways: the number
// grounded in the text, the mechanism cited and the number assumed, or assumed. The numbers are the engine's.
import type { Evidence, GroundingShare, InjectEvidence } from '../engine/scenario/index.ts'
import { computeEvidence } from '../engine/scenario/index.ts'
import { loadScenarioFromDisk } from './load-from-disk.ts'
import type { Output } from './output.ts'

export interface EvidenceFlags {
  json?: boolean
}

const CATEGORY_NAMES: Readonly<Record<GroundingShare['category'], string>> = {
  action: 'actions',
  rule: 'rules',
  parameter: 'parameters',
  'starting-value': 'starting values',
  'static-value': 'static values',
  rung: 'ladder rungs',
  objective: 'objectives',
  actor: 'actors',
  'turn-settings': 'turn settings',
  'computer-weight': 'computer weights',
  overall: 'overall',
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}

const COLUMNS = [
  { heading: 'number grounded in the text', count: (share: GroundingShare) => [share.citedOnly, share.numberGroundedShare] },
  { heading: 'mechanism cited, number assumed', count: (share: GroundingShare) => [share.citedWithAssumption, share.mechanismCitedShare] },
  { heading: 'assumed', count: (share: GroundingShare) => [share.assumptionOnly, share.assumptionShare] },
] as const
const COUNT_WIDTH = 10

function countCell([count, ratio]: readonly number[]): string {
  return `${String(count).padStart(3)} (${percent(ratio).padStart(4)})`
}

/** One row of the shares table; the "not grounded" column only when `ungrounded` is shown at all. */
function shareRow(share: GroundingShare, withUngrounded: boolean): string {
  const cells = COLUMNS.map((column) => countCell(column.count(share)).padStart(Math.max(column.heading.length, COUNT_WIDTH)))
  if (withUngrounded) cells.push(String(share.ungrounded).padStart('not grounded'.length))
  return `  ${CATEGORY_NAMES[share.category].padEnd(16)}${String(share.total).padStart(5)}   ${cells.join('   ')}`
}

function headerRow(withUngrounded: boolean): string {
  const headings = COLUMNS.map((column) => column.heading.padStart(COUNT_WIDTH))
  if (withUngrounded) headings.push('not grounded')
  return `  ${'kind'.padEnd(16)}${'items'.padStart(5)}   ${headings.join('   ')}`
}

function listed(names: string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('')
}

/** How an inject is grounded, in the words of the shares table: "grounded in the text (¶1, ¶36)"… */
function injectGrounding(inject: InjectEvidence, manySources: boolean): string {
  const paragraphs = inject.cited.map((at) => (manySources ? `${at.source} ¶${at.paragraph}` : `¶${at.paragraph}`)).join(', ')
  if (paragraphs && inject.assumption !== undefined) return `mechanism cited (${paragraphs}), number assumed`
  if (paragraphs) return `grounded in the text (${paragraphs})`
  return inject.assumption !== undefined ? 'assumed' : 'not grounded'
}

function injectLines(evidence: Evidence): string[] {
  if (evidence.injects.length === 0) return []
  const manySources = evidence.sources.length > 1
  return [
    '',
    'Injects: events a teacher can play at the start of a turn (not counted in the shares above).',
    ...evidence.injects.map((inject) => `  ${inject.id} ("${inject.name}"): ${injectGrounding(inject, manySources)}`),
  ]
}

export function evidenceLines(evidence: Evidence): string[] {
  const { scenario } = evidence
  const headline = evidence.overallCategories.map((category) => evidence.shares.find((share) => share.category === category)!)
  const others = evidence.shares.filter((share) => !headline.includes(share))
  const withUngrounded = [...evidence.shares, evidence.overall].some((share) => share.ungrounded > 0)
  const lines = [
    `Evidence for ${scenario.title} (${scenario.id} ${scenario.version})`,
    '',
    'How each item is grounded: the number grounded in the text (citations alone), the mechanism cited and the',
    'number assumed (citations and an assumption), or assumed (an assumption alone).',
    headerRow(withUngrounded),
    ...headline.map((share) => shareRow(share, withUngrounded)),
    shareRow(evidence.overall, withUngrounded),
    `  (overall counts ${listed(headline.map((share) => CATEGORY_NAMES[share.category]))})`,
    '  also:',
    ...others.map((share) => shareRow(share, withUngrounded)),
    ...injectLines(evidence),
  ]
  for (const source of evidence.sources) {
    const cited = source.paragraphs.filter((paragraph) => paragraph.citedBy.length > 0).length
    lines.push('', `Source ${source.id}: ${source.title} (${source.paragraphs.length} paragraphs, ${cited} cited)`)
    for (const paragraph of source.paragraphs) {
      const head = `¶${paragraph.number}`.padEnd(5)
      if (paragraph.citedBy.length === 0) {
        lines.push(`${head}${clip(paragraph.text, 70)}  — not cited`)
        continue
      }
      lines.push(`${head}${clip(paragraph.text, 100)}`)
      for (const citation of paragraph.citedBy) {
        const quotes = citation.quotes.map((quote) => `"${clip(quote, 60)}"`).join(', ')
        lines.push(`       ${citation.label}: ${quotes}`)
      }
    }
  }
  return lines
}

export async function evidence(target: string, flags: EvidenceFlags, out: Output): Promise<number> {
  const { checked, warnings } = await loadScenarioFromDisk(target)
  for (const warning of warnings) out.err(warning)
  const { result } = checked
  if (!result.ok) return 1
  const computed = computeEvidence(result.scenario, result.sources)
  if (flags.json) out.line(JSON.stringify(computed))
  else for (const line of evidenceLines(computed)) out.line(line)
  return 0
}
