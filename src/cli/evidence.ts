// `redlines evidence <scenario>`: for each paragraph of each source, what cites it; and how much of the
// scenario is grounded in the text versus marked as the designer's assumption. The numbers are the engine's.
import type { Evidence, GroundingShare } from '../engine/scenario/index.ts'
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
  overall: 'overall',
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}

function shareLine(share: GroundingShare): string {
  const cited = share.citedOnly + share.citedWithAssumption
  const name = CATEGORY_NAMES[share.category].padEnd(16)
  const count = (value: number, ratio: number) => `${String(value).padStart(3)} (${percent(ratio).padStart(4)})`
  const both = share.citedWithAssumption > 0 ? `   ${share.citedWithAssumption} cited also state an assumption` : ''
  const ungrounded = share.ungrounded > 0 ? `   not grounded ${share.ungrounded}` : ''
  return `  ${name}${String(share.total).padStart(4)}   cited ${count(cited, share.textShare)}   assumption only ${count(share.assumptionOnly, share.assumptionShare)}${ungrounded}${both}`
}

export function evidenceLines(evidence: Evidence): string[] {
  const { scenario } = evidence
  const lines = [
    `Evidence for ${scenario.title} (${scenario.id} ${scenario.version})`,
    '',
    'Grounded in the text (cited) versus marked as assumptions:',
  ]
  const headline = evidence.shares.filter((share) => ['action', 'rule', 'parameter', 'starting-value'].includes(share.category))
  for (const share of headline) lines.push(shareLine(share))
  lines.push(shareLine(evidence.overall))
  lines.push('  also:')
  for (const share of evidence.shares.filter((candidate) => !headline.includes(candidate))) lines.push(shareLine(share))
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
