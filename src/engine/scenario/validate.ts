// Semantic checks of a scenario that passed the schema: unique ids, references that resolve, sane
// structure, value ranges and grounding. Every problem is reported; nothing throws.
import type { ScenarioFile } from './schema.ts'
import { RELATIVE_REFS } from './schema.ts'
import { DiagnosticSink, didYouMean } from './diagnostics.ts'
import type { Diagnostic, Located } from './diagnostics.ts'
import type { DiagnosticCode } from './diagnostic-codes.ts'
import { checkGrounding } from './validate-grounding.ts'
import { checkValues } from './validate-values.ts'
import { checkClaims } from './validate-claims.ts'
import { checkInjects } from './validate-injects.ts'
import { checkErrata } from './validate-errata.ts'

export interface ValidationContext {
  /** Path of the scenario file, for diagnostics. */
  file: string
  /** Where the value at a JSON pointer of the scenario file is. */
  locate: (pointer: string) => Located
  /** Whether the `file` of the source at `index` is among the files given to the loader. */
  sourceFileExists: (file: string, index: number) => boolean
  /** The paragraphs of each source whose text could be read, by source id. */
  paragraphs: ReadonlyMap<string, readonly string[]>
}

const RELATIVE_REF_SET: ReadonlySet<string> = new Set(RELATIVE_REFS)
const REPEATABLE_RULE_KINDS: ReadonlySet<string> = new Set(['reaction', 'double-containment'])

export function validateScenario(scenario: ScenarioFile, context: ValidationContext): Diagnostic[] {
  const sink = new DiagnosticSink(context.file, context.locate)
  checkIds(scenario, sink)
  new ReferenceChecker(scenario, sink).check()
  checkRuleKinds(scenario, sink)
  checkRoles(scenario, sink)
  checkInjects(scenario, sink)
  checkValues(scenario, sink)
  checkGrounding(scenario, sink, context)
  checkClaims(scenario, sink, context)
  checkErrata(scenario, sink, context.paragraphs)
  return sink.diagnostics
}

/** Reports every repeat of a key after its first occurrence. */
function checkUnique(
  entries: Iterable<[key: string, pointer: string]>,
  describe: (key: string, first: string) => string,
  code: DiagnosticCode,
  sink: DiagnosticSink,
): void {
  const first = new Map<string, string>()
  for (const [key, pointer] of entries) {
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, pointer)
    else sink.error(code, pointer, describe(key, earlier))
  }
}

function idsOf(items: readonly { id: string }[], base: string): [string, string][] {
  return items.map((item, index) => [item.id, `${base}/${index}/id`])
}

function checkIds(scenario: ScenarioFile, sink: DiagnosticSink): void {
  const lists: [string, readonly { id: string }[], string][] = [
    ['source', scenario.sources, '/sources'],
    ['actor', scenario.actors, '/actors'],
    ['rung', scenario.ladder, '/ladder'],
    ['action', scenario.actions, '/actions'],
    ['rule', scenario.rules, '/rules'],
    ['inject', scenario.injects ?? [], '/injects'],
    ['role', scenario.roles, '/roles'],
    ...scenario.roles.map((role, index): [string, readonly { id: string }[], string] => [
      'objective',
      role.objectives,
      `/roles/${index}/objectives`,
    ]),
  ]
  for (const [noun, items, base] of lists) {
    checkUnique(idsOf(items, base), (id, first) => `duplicate ${noun} id "${id}" (first at ${first})`, 'duplicate-id', sink)
  }
}

function checkRuleKinds(scenario: ScenarioFile, sink: DiagnosticSink): void {
  const entries = scenario.rules
    .map((rule, index): [string, string] => [rule.kind, `/rules/${index}`])
    .filter(([kind]) => !REPEATABLE_RULE_KINDS.has(kind))
  const first = new Map<string, string>()
  for (const [kind, pointer] of entries) {
    const earlier = first.get(kind)
    if (earlier === undefined) first.set(kind, pointer)
    else sink.error('duplicate-rule-kind', `${pointer}/kind`, `rule kind "${kind}" may appear only once (first at ${earlier})`)
  }
}

function checkRoles(scenario: ScenarioFile, sink: DiagnosticSink): void {
  const roleOfActor = new Map<string, string>()
  scenario.roles.forEach((role, index) => {
    const earlier = roleOfActor.get(role.actor)
    if (earlier === undefined) roleOfActor.set(role.actor, `/roles/${index}`)
    else sink.warning('duplicate-role-actor', `/roles/${index}/actor`, `actor "${role.actor}" already has a role (${earlier})`)
    const totalWeight = role.objectives.reduce((sum, objective) => sum + objective.weight, 0)
    if (!(totalWeight > 0)) {
      sink.error(
        'zero-weight',
        `/roles/${index}/objectives`,
        `the objectives of role "${role.id}" have a total weight of 0`,
        'give at least one objective a positive weight',
      )
    }
  })
}

type Pair = readonly [string, string]

class ReferenceChecker {
  private readonly actorIds: ReadonlySet<string>
  private readonly actionIds: ReadonlySet<string>

  constructor(
    private readonly scenario: ScenarioFile,
    private readonly sink: DiagnosticSink,
  ) {
    this.actorIds = new Set(scenario.actors.map((actor) => actor.id))
    this.actionIds = new Set(scenario.actions.map((action) => action.id))
  }

  check(): void {
    const { scenario } = this
    const pairTables = [
      ['/static/baseline', scenario.static.baseline],
      ['/start/alignment', scenario.start.alignment],
      ['/start/tension', scenario.start.tension],
      ['/start/commitment', scenario.start.commitment],
      ['/start/interdependence', scenario.start.interdependence],
    ] as const
    for (const [base, table] of pairTables)
      this.pairList(
        table.pairs.map((entry) => entry.pair),
        `${base}/pairs`,
      )
    this.pairList(
      scenario.static.contact.map((entry) => entry.pair),
      '/static/contact',
    )
    const readiness = scenario.start.readiness.actors
    readiness.forEach((entry, index) => this.actor(entry.actor, `/start/readiness/actors/${index}/actor`))
    checkUnique(
      readiness.map((entry, index): [string, string] => [entry.actor, `/start/readiness/actors/${index}/actor`]),
      (actor, first) => `actor "${actor}" is listed twice (first at ${first.replace(/\/actor$/, '')})`,
      'duplicate-actor',
      this.sink,
    )
    scenario.actions.forEach((_action, index) => this.action(index))
    scenario.rules.forEach((rule, index) => {
      const base = `/rules/${index}`
      if ('when' in rule) {
        rule.when.actions?.forEach((id, k) => this.known(id, this.actionIds, 'action', `${base}/when/actions/${k}`, 'unknown-action'))
        rule.when.actors?.forEach((id, k) => this.actor(id, `${base}/when/actors/${k}`))
        rule.when.targets?.forEach((id, k) => this.actor(id, `${base}/when/targets/${k}`))
        rule.effects.forEach((effect, k) => this.effect(effect, `${base}/effects/${k}`))
      }
      if ('targets' in rule) this.pair(rule.targets, `${base}/targets`)
      if ('pair' in rule) this.pair(rule.pair, `${base}/pair`)
    })
    scenario.roles.forEach((role, index) => {
      this.actor(role.actor, `/roles/${index}/actor`)
      role.objectives.forEach((objective, k) => {
        const base = `/roles/${index}/objectives/${k}/measure`
        const measure = objective.measure
        if ('pair' in measure) this.pair(measure.pair, `${base}/pair`)
        if ('actor' in measure) this.actor(measure.actor, `${base}/actor`)
        if ('with' in measure) measure.with.forEach((id, m) => this.actor(id, `${base}/with/${m}`))
      })
    })
  }

  private known(id: string, known: ReadonlySet<string>, noun: string, pointer: string, code: DiagnosticCode): boolean {
    if (known.has(id)) return true
    this.sink.error(code, pointer, `unknown ${noun} "${id}"`, didYouMean(id, known))
    return false
  }

  private actor(id: string, pointer: string): boolean {
    return this.known(id, this.actorIds, 'actor', pointer, 'unknown-actor')
  }

  private pair(pair: Pair, pointer: string): void {
    this.actor(pair[0], `${pointer}/0`)
    this.actor(pair[1], `${pointer}/1`)
    if (pair[0] === pair[1])
      this.sink.error('same-actor-pair', pointer, `a pair needs two different actors, but "${pair[0]}" is named twice`)
  }

  private pairList(pairs: readonly Pair[], base: string): void {
    pairs.forEach((pair, index) => this.pair(pair, `${base}/${index}/pair`))
    const entries = pairs.flatMap((pair, index): [string, string][] =>
      pair[0] === pair[1] ? [] : [[[...pair].sort().join('-'), `${base}/${index}/pair`]],
    )
    checkUnique(
      entries,
      (key, first) => `pair ${key} is listed twice (first at ${first.replace(/\/pair$/, '')})`,
      'duplicate-pair',
      this.sink,
    )
  }

  private ref(ref: string, pointer: string): void {
    if (!RELATIVE_REF_SET.has(ref)) this.actor(ref, pointer)
  }

  private effect(effect: ScenarioFile['actions'][number]['effects'][number], pointer: string): void {
    if ('between' in effect) effect.between.forEach((ref, k) => this.ref(ref, `${pointer}/between/${k}`))
    if ('of' in effect) this.ref(effect.of, `${pointer}/of`)
    if ('toward' in effect) this.ref(effect.toward, `${pointer}/toward`)
  }

  private action(index: number): void {
    const action = this.scenario.actions[index]
    const base = `/actions/${index}`
    const known = [
      ...action.actors.map((id, k) => this.actor(id, `${base}/actors/${k}`)),
      ...(action.partners?.from.map((id, k) => this.actor(id, `${base}/partners/from/${k}`)) ?? []),
      ...(action.targets?.from?.map((id, k) => this.actor(id, `${base}/targets/from/${k}`)) ?? []),
    ]
    action.effects.forEach((effect, k) => this.effect(effect, `${base}/effects/${k}`))
    if (known.every(Boolean) && !this.someoneCanTake(action)) {
      this.sink.warning(
        'action-unusable',
        base,
        `no actor can take action "${action.id}": none of its actors has enough possible partners and targets`,
      )
    }
  }

  private someoneCanTake(action: ScenarioFile['actions'][number]): boolean {
    return action.actors.some((actor) => {
      const others = (ids: readonly string[]) => new Set(ids.filter((id) => id !== actor)).size
      const partnersOk = !action.partners || others(action.partners.from) >= action.partners.min
      const targetPool = action.targets?.from ?? [...this.actorIds]
      const targetsOk = !action.targets || others(targetPool) >= action.targets.min
      return partnersOk && targetsOk
    })
  }
}
