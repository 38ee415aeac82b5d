// A validated scenario turned into index-based tables the turn pipeline reads quickly.
import type {
  ActionData,
  CitationData,
  InjectData,
  MeasureData,
  RoleData,
  RuleData,
  ScenarioFile,
  ParameterName,
  EffectData,
  TriggerData,
} from './scenario/schema.ts'
import type { ComputerWeightName } from './scenario/names.ts'
import { COMPUTER_WEIGHT_NAMES, PARAMETER_NAMES } from './scenario/names.ts'

/** Who or what caused a change: an action, a rule, an inject, a clamp or an index; carried into every ledger entry. */
export interface Cause {
  id: string
  kind: 'action' | 'rule' | 'inject' | 'clamp' | 'index'
  name: string
  citations: readonly CitationData[]
  assumption?: string
  /** A limit (a clamp, cap, ceiling or floor): its entries take back or add to what other causes pushed. */
  limit?: true
}

/** Rule kinds that bound a value rather than push it. */
export const LIMIT_RULE_KINDS: ReadonlySet<string> = new Set(['autonomy-cap', 'autonomy-ceiling', 'interdependence-floor'])

export interface TheatreData {
  name: string
  lon: number
  lat: number
}

export interface CompiledAction {
  data: ActionData
  cause: Cause
  tagSet: ReadonlySet<string>
}

export interface CompiledInject {
  data: InjectData
  cause: Cause
  /** The pairs of `pinPricks`, as pair indices. */
  pinPrickPairs: readonly number[]
}

export interface CompiledTriggeredRule {
  data: Extract<RuleData, { kind: 'reaction' | 'double-containment' }>
  when: TriggerData
  effects: readonly EffectData[]
  cause: Cause
}

export interface CompiledScenario {
  file: ScenarioFile
  id: string
  version: string
  hash: string
  sources: Readonly<Record<string, readonly string[]>>
  actorIds: readonly string[]
  actorIndex: Readonly<Record<string, number>>
  n: number
  /** pairOf[i * n + j] is the index of the unordered pair {i, j}, or -1 when i = j. */
  pairOf: Int32Array
  pairActors: ReadonlyArray<readonly [number, number]>
  capability: readonly number[]
  budget: readonly number[]
  baseline: readonly number[]
  contact: readonly boolean[]
  theatre: ReadonlyArray<TheatreData | null>
  start: {
    alignment: readonly number[]
    tension: readonly number[]
    commitment: readonly number[]
    interdependence: readonly number[]
    readiness: readonly number[]
    standing: readonly number[]
  }
  params: Readonly<Record<ParameterName, number>>
  /** The computer players' weights (see ComputerWeights). */
  computer: Readonly<Record<ComputerWeightName, number>>
  actions: readonly CompiledAction[]
  actionById: Readonly<Record<string, CompiledAction>>
  reactions: readonly CompiledTriggeredRule[]
  containments: readonly CompiledTriggeredRule[]
  injectById: Readonly<Record<string, CompiledInject>>
  /** Structural rules by kind (at most one each); absent or disabled kinds do not run. */
  structural: Readonly<Partial<Record<RuleData['kind'], { data: RuleData; cause: Cause }>>>
  roles: readonly RoleData[]
  roleByActor: Readonly<Record<string, RoleData>>
}

function causeOf(kind: Cause['kind'], item: { id: string; name: string; citations?: CitationData[]; assumption?: string }): Cause {
  const cause: Cause = { id: item.id, kind, name: item.name, citations: item.citations ?? [] }
  if (item.assumption !== undefined) cause.assumption = item.assumption
  return cause
}

function pairTable(
  table: { default: { value: number }; pairs: { pair: [string, string]; value: number }[] },
  n: number,
  pairCount: number,
  pairOf: Int32Array,
  actorIndex: Record<string, number>,
): number[] {
  const values = new Array<number>(pairCount).fill(table.default.value)
  for (const entry of table.pairs) {
    values[pairOf[actorIndex[entry.pair[0]] * n + actorIndex[entry.pair[1]]]] = entry.value
  }
  return values
}

/** Compiles a scenario that has passed both validation passes; it trusts every reference. */
export function compileScenario(file: ScenarioFile, sources: Record<string, readonly string[]>, hash: string): CompiledScenario {
  const actorIds = file.actors.map((actor) => actor.id)
  const n = actorIds.length
  const actorIndex: Record<string, number> = Object.create(null) as Record<string, number>
  actorIds.forEach((id, i) => (actorIndex[id] = i))
  const pairOf = new Int32Array(n * n).fill(-1)
  const pairActors: [number, number][] = []
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      pairOf[i * n + j] = pairOf[j * n + i] = pairActors.length
      pairActors.push([i, j])
    }
  }
  const pairCount = pairActors.length
  const table = (t: Parameters<typeof pairTable>[0]) => pairTable(t, n, pairCount, pairOf, actorIndex)

  const contact = new Array<boolean>(pairCount).fill(false)
  const theatre = new Array<TheatreData | null>(pairCount).fill(null)
  for (const entry of file.static.contact) {
    const p = pairOf[actorIndex[entry.pair[0]] * n + actorIndex[entry.pair[1]]]
    contact[p] = true
    theatre[p] = entry.theatre ?? null
  }

  const actorTable = (t: ScenarioFile['start']['readiness']) => {
    const values = actorIds.map(() => t.default.value)
    for (const entry of t.actors) values[actorIndex[entry.actor]] = entry.value
    return values
  }

  const params = Object.fromEntries(PARAMETER_NAMES.map((name) => [name, file.parameters[name].value])) as Record<ParameterName, number>

  const actions = file.actions.map((data) => ({ data, cause: causeOf('action', data), tagSet: new Set<string>(data.tags) }))
  const actionById: Record<string, CompiledAction> = Object.create(null) as Record<string, CompiledAction>
  for (const action of actions) actionById[action.data.id] = action

  const reactions: CompiledTriggeredRule[] = []
  const containments: CompiledTriggeredRule[] = []
  const structural: Partial<Record<RuleData['kind'], { data: RuleData; cause: Cause }>> = {}
  for (const rule of file.rules) {
    if (rule.enabled === false) continue
    if (rule.kind === 'reaction' || rule.kind === 'double-containment') {
      const compiled = { data: rule, when: rule.when, effects: rule.effects, cause: causeOf('rule', rule) }
      ;(rule.kind === 'reaction' ? reactions : containments).push(compiled)
    } else {
      const cause = causeOf('rule', rule)
      if (LIMIT_RULE_KINDS.has(rule.kind)) cause.limit = true
      structural[rule.kind] = { data: rule, cause }
    }
  }

  const injectById: Record<string, CompiledInject> = Object.create(null) as Record<string, CompiledInject>
  for (const data of file.injects ?? []) {
    const pinPrickPairs = (data.pinPricks ?? []).map((pair) => pairOf[actorIndex[pair[0]] * n + actorIndex[pair[1]]])
    injectById[data.id] = { data, cause: causeOf('inject', data), pinPrickPairs }
  }

  const roleByActor: Record<string, RoleData> = Object.create(null) as Record<string, RoleData>
  for (const role of file.roles) roleByActor[role.actor] ??= role

  return {
    file,
    id: file.id,
    version: file.version,
    hash,
    sources,
    actorIds,
    actorIndex,
    n,
    pairOf,
    pairActors,
    capability: file.actors.map((actor) => actor.capability),
    budget: file.actors.map((actor) => actor.budget ?? file.turns.budget),
    baseline: table(file.static.baseline),
    contact,
    theatre,
    start: {
      alignment: table(file.start.alignment),
      tension: table(file.start.tension),
      commitment: table(file.start.commitment),
      interdependence: table(file.start.interdependence),
      readiness: actorTable(file.start.readiness),
      standing: actorTable(file.start.standing),
    },
    params,
    computer: Object.fromEntries(COMPUTER_WEIGHT_NAMES.map((name) => [name, file.computer[name].value])) as Record<
      ComputerWeightName,
      number
    >,
    actions,
    actionById,
    reactions,
    containments,
    injectById,
    structural,
    roles: file.roles,
    roleByActor,
  }
}

/** The pair whose quasi-alliance the scenario detects, or null. */
export function quasiAlliancePair(scn: CompiledScenario): [string, string] | null {
  const rule = scn.file.rules.find((r) => r.kind === 'quasi-alliance')
  return rule && rule.kind === 'quasi-alliance' ? rule.pair : null
}

export function pairIndex(scn: CompiledScenario, a: string, b: string): number {
  return scn.pairOf[scn.actorIndex[a] * scn.n + scn.actorIndex[b]]
}

export type { MeasureData }
