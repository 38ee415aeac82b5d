// The claims of a scenario on the Evidence screen: each statement with its passages, and a test that plays
// the claims in the page a slice at a time (progress, Cancel) and shows whether each holds.
import type { ClaimReport, ClaimsReport, CitationData, CompiledScenario } from '../../../engine/index.ts'
import { testClaims } from '../../../engine/index.ts'
import { citationList } from '../citations.ts'
import { announce, button, h, percent, replaceChildren } from '../dom.ts'

const RUNS = 30
/** Work per slice before the page gets the main thread back. */
const SLICE_MS = 12

export interface ClaimsSection {
  element: HTMLElement
  /** Stops a test in progress (the screen is being left). */
  dispose(): void
}

function signed(x: number): string {
  const text = Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(3)
  return x > 0 ? `+${text}` : text
}

function resultText(scn: CompiledScenario, result: ClaimReport): string {
  const claim = scn.file.claims!.find((candidate) => candidate.id === result.claim)!
  const { effect } = result
  const interval = `95% interval ${signed(effect.low)} to ${signed(effect.high)}`
  const verdict = result.holds ? 'Holds' : 'Does not hold'
  if (claim.baseline !== undefined)
    return `${verdict}: effect ${signed(effect.mean)} (${interval}), ${claim.direction} by at least ${claim.minEffect} claimed, over ${effect.n} paired games.`
  return `${verdict}: mean ${signed(effect.mean)} (${interval}), ${claim.direction === 'lower' ? 'at most' : 'at least'} ${claim.limit} claimed, over ${effect.n} games.`
}

function robustnessText(result: ClaimReport): string | null {
  if (!result.sensitivity) return null
  const { oneAtATime, joint } = result.sensitivity
  const broken =
    oneAtATime.broken.length > 0
      ? ` It fails with ${oneAtATime.broken.slice(0, 5).join(', ')}${oneAtATime.broken.length > 5 ? '…' : ''}.`
      : ''
  return `With each assumed number moved ±20% alone, it holds in ${percent(oneAtATime.share)} of ${oneAtATime.total} runs; with all moved together, in ${percent(joint.share)} of ${joint.total}.${broken}`
}

export function claimsSection(scn: CompiledScenario, onRead: (citation: CitationData) => void): ClaimsSection | null {
  const claims = scn.file.claims ?? []
  if (claims.length === 0) return null
  const policyName = new Map((scn.file.policies ?? []).map((policy) => [policy.id, policy.name]))
  const statusOf = new Map<string, HTMLElement>()
  let timer: ReturnType<typeof setTimeout> | null = null
  let running = false

  const list = h(
    'ol',
    { className: 'claims' },
    claims.map((claim) => {
      const status = h('p', { className: 'claim-status', 'data-claim': claim.id }, 'Not tested yet.')
      statusOf.set(claim.id, status)
      const against =
        claim.baseline === undefined
          ? 'on its own'
          : `against ${claim.baseline === 'quiet' ? 'the same powers doing nothing' : (policyName.get(claim.baseline) ?? claim.baseline)}`
      return h(
        'li',
        { 'aria-labelledby': `claim-${claim.id}` },
        h('h3', { id: `claim-${claim.id}` }, claim.statement),
        h(
          'p',
          { className: 'note' },
          `Tested as: ${policyName.get(claim.policy) ?? claim.policy} ${against}, ${claim.turns} turns, other powers ${claim.others === 'computer' ? 'played by the computer' : 'passing'}.`,
        ),
        citationList(claim.citations, undefined, onRead, `The passages (${claim.citations.length})`),
        status,
      )
    }),
  )

  const progress = h('progress', { max: 1, value: 0, 'aria-label': 'Progress of the claims test', hidden: true })
  const progressText = h('p', { className: 'note', id: 'claims-progress', role: 'status' })
  const robustness = h('input', { type: 'checkbox', id: 'claims-robustness' })
  const start = button('Test the claims', () => run(), { className: 'primary' })
  const cancel = button('Cancel', () => stop('Test cancelled.'), { hidden: true })

  function setRunning(on: boolean): void {
    running = on
    start.disabled = on
    robustness.disabled = on
    cancel.hidden = !on
    progress.hidden = !on
  }

  function stop(message: string): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
    if (!running) return
    setRunning(false)
    progressText.textContent = message
    announce(message)
    start.focus()
  }

  function show(report: ClaimsReport): void {
    for (const result of report.claims) {
      const status = statusOf.get(result.claim)!
      status.className = `claim-status ${result.holds ? 'holds' : 'fails'}`
      const robust = robustnessText(result)
      replaceChildren(status, h('strong', {}, resultText(scn, result)), robust ? h('span', {}, ' ', robust) : null)
    }
    const holding = report.claims.filter((result) => result.holds).length
    const message = `Tested: ${holding} of ${report.claims.length} claims hold.`
    setRunning(false)
    progressText.textContent = message
    announce(message)
  }

  function run(): void {
    if (running) return
    for (const status of statusOf.values()) {
      status.className = 'claim-status'
      status.textContent = 'Testing…'
    }
    setRunning(true)
    const work = testClaims(scn, { runs: RUNS, seed: 1, sensitivity: robustness.checked })
    const slice = () => {
      timer = null
      const until = performance.now() + SLICE_MS
      let step = work.next()
      while (!step.done && performance.now() < until) step = work.next()
      if (step.done) return show(step.value)
      progress.max = step.value.total
      progress.value = step.value.done
      progressText.textContent = `Playing game ${step.value.done} of ${step.value.total}…`
      timer = setTimeout(slice, 0)
    }
    progressText.textContent = 'Starting…'
    timer = setTimeout(slice, 0)
  }

  const element = h(
    'section',
    { className: 'claims-section', 'aria-labelledby': 'claims-heading' },
    h('h2', { id: 'claims-heading' }, 'Claims of the source, as tests'),
    h(
      'p',
      {},
      `Each claim is played as ${RUNS} pairs of games with the same dice, under the policy and its comparison. It holds when the difference is at least the size claimed and its 95% interval is on the claimed side.`,
    ),
    list,
    h(
      'div',
      { className: 'actions' },
      start,
      cancel,
      h('label', { for: 'claims-robustness' }, robustness, ' Also test robustness: every assumed number ±20% (much slower)'),
    ),
    progress,
    progressText,
  )
  return { element, dispose: () => stop('') }
}
