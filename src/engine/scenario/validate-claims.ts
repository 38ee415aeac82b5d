// Semantic checks of a scenario's policies and claims: unique ids, references that resolve, the right
// form for a comparative or an absolute claim, cited passages that exist, and policy choices that are
// legal at the start of a game (checked by the engine's own rules, once the rest of the scenario is sound).
import type { ScenarioFile } from './schema.ts'
import { QUIET_BASELINE } from './schema-claims.ts'
import type { DiagnosticSink } from './diagnostics.ts'
import { didYouMean } from './diagnostics.ts'
import { checkCitation } from './validate-grounding.ts'
import { quoteFinderFor } from './quote-finder.ts'
import type { ValidationContext } from './validate.ts'
import { compileScenario } from '../compiled.ts'
import type { CompiledScenario } from '../compiled.ts'
import { initialState } from '../state.ts'
import { formProblem, planTurn } from '../choices.ts'
import type { Choice } from '../choices.ts'

function duplicates(items: readonly { id: string }[], base: string, noun: string, sink: DiagnosticSink): void {
  const first = new Map<string, number>()
  items.forEach((item, index) => {
    const earlier = first.get(item.id)
    if (earlier === undefined) first.set(item.id, index)
    else sink.error('duplicate-id', `${base}/${index}/id`, `duplicate ${noun} id "${item.id}" (first at ${base}/${earlier}/id)`)
  })
}

export function checkClaims(scenario: ScenarioFile, sink: DiagnosticSink, context: ValidationContext): void {
  const policies = scenario.policies ?? []
  const claims = scenario.claims ?? []
  if (policies.length === 0 && claims.length === 0) return
  const errorsBefore = sink.diagnostics.filter((d) => d.severity === 'error').length
  duplicates(policies, '/policies', 'policy', sink)
  duplicates(claims, '/claims', 'claim', sink)

  const actorIds = new Set(scenario.actors.map((actor) => actor.id))
  const actionIds = new Set(scenario.actions.map((action) => action.id))
  const roleIds = new Set(scenario.roles.map((role) => role.id))
  const policyIds = new Set(policies.map((policy) => policy.id))
  const actor = (id: string, pointer: string) => {
    if (actorIds.has(id)) return true
    sink.error('unknown-actor', pointer, `unknown actor "${id}"`, didYouMean(id, actorIds))
    return false
  }

  policies.forEach((policy, p) => {
    const base = `/policies/${p}`
    if (policy.id === QUIET_BASELINE)
      sink.error(
        'claim-form',
        `${base}/id`,
        `"${QUIET_BASELINE}" is the built-in baseline and cannot be a policy id`,
        'give the policy another id',
      )
    for (const [who, choices] of Object.entries(policy.choices)) {
      actor(who, `${base}/choices/${who}`)
      choices.forEach((choice, k) => {
        const at = `${base}/choices/${who}/${k}`
        if (!actionIds.has(choice.action))
          sink.error('unknown-action', `${at}/action`, `unknown action "${choice.action}"`, didYouMean(choice.action, actionIds))
        choice.targets?.forEach((id, m) => actor(id, `${at}/targets/${m}`))
        choice.partners?.forEach((id, m) => actor(id, `${at}/partners/${m}`))
      })
    }
  })

  const sourceIds = new Set(scenario.sources.map((source) => source.id))
  const folded = quoteFinderFor(context.paragraphs)
  claims.forEach((claim, c) => {
    const base = `/claims/${c}`
    claim.citations.forEach((citation, k) => checkCitation(citation, `${base}/citations/${k}`, sink, sourceIds, folded))
    const policy = (id: string, pointer: string) => {
      if (!policyIds.has(id)) sink.error('unknown-policy', pointer, `unknown policy "${id}"`, didYouMean(id, policyIds))
    }
    policy(claim.policy, `${base}/policy`)
    if (claim.baseline !== undefined) {
      if (claim.baseline !== QUIET_BASELINE) policy(claim.baseline, `${base}/baseline`)
      if (claim.baseline === claim.policy)
        sink.error('claim-form', `${base}/baseline`, `claim "${claim.id}" compares policy "${claim.policy}" with itself`)
      if (claim.minEffect === undefined)
        sink.error(
          'claim-form',
          base,
          `claim "${claim.id}" has a baseline but no "minEffect"`,
          'give the smallest difference that counts (0 for any)',
        )
      if (claim.limit !== undefined)
        sink.error('claim-form', `${base}/limit`, `claim "${claim.id}" has a baseline, so it takes "minEffect", not "limit"`)
    } else {
      if (claim.limit === undefined)
        sink.error(
          'claim-form',
          base,
          `claim "${claim.id}" has neither a baseline nor a "limit"`,
          'compare with a "baseline", or give the "limit" its mean must respect',
        )
      if (claim.minEffect !== undefined)
        sink.error('claim-form', `${base}/minEffect`, `claim "${claim.id}" has no baseline, so it takes "limit", not "minEffect"`)
    }
    if (claim.turns > scenario.turns.max)
      sink.error('claim-form', `${base}/turns`, `claim "${claim.id}" plays ${claim.turns} turns, more than turns.max ${scenario.turns.max}`)
    const measure = claim.measure
    if ('pair' in measure && measure.pair) {
      const known = [actor(measure.pair[0], `${base}/measure/pair/0`), actor(measure.pair[1], `${base}/measure/pair/1`)]
      if (known.every(Boolean) && measure.pair[0] === measure.pair[1])
        sink.error('same-actor-pair', `${base}/measure/pair`, `a pair needs two different actors, but "${measure.pair[0]}" is named twice`)
    }
    if (measure.kind === 'score' && !roleIds.has(measure.role))
      sink.error('unknown-role', `${base}/measure/role`, `unknown role "${measure.role}"`, didYouMean(measure.role, roleIds))
  })

  // Legality needs a playable scenario: only when nothing else is wrong.
  if (sink.diagnostics.filter((d) => d.severity === 'error').length > errorsBefore || errorsBefore > 0) return
  let scn: CompiledScenario
  try {
    scn = compileScenario(scenario, Object.fromEntries(context.paragraphs), '')
  } catch {
    return
  }
  const state = initialState(scn, 1)
  policies.forEach((policy, p) => {
    const legal: Choice[] = []
    for (const [who, choices] of Object.entries(policy.choices)) {
      choices.forEach((entry, k) => {
        const choice: Choice = { actor: who, ...entry }
        // The form of the choice only: a once-a-game act or one that needs an earlier act is legal in some turn.
        const problem = formProblem(scn, state, choice)
        if (problem) sink.error('illegal-policy-choice', `/policies/${p}/choices/${who}/${k}`, `policy "${policy.id}": ${problem.reason}`)
        else legal.push(choice)
      })
    }
    // The game's own planning, everyone consenting: what a turn of the policy could not afford.
    const history = new Set(['not-yet', 'once-per-game'])
    for (const rejection of planTurn(scn, state, legal, () => true).rejected.filter((r) => !history.has(r.code))) {
      sink.error(
        'illegal-policy-choice',
        `/policies/${p}/choices/${rejection.choice.actor}`,
        `policy "${policy.id}": ${rejection.reason}`,
        rejection.code === 'over-budget' ? 'drop a choice: over the budget, it would never be carried out' : undefined,
      )
    }
  })
}
