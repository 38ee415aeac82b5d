// An extension that removes an action or an actor also leaves out the base's policies that use it, and
// the claims that compare those policies: they no longer apply to the variant, and a user's extension
// written before the base declared them must keep loading. Each one left out is a warning that names
// the removal responsible; a policy or claim the extension itself writes is checked as usual.
import type { JsonObject, JsonValue } from '../ingest/json.ts'
import type { ScenarioLayer } from './scenario-layer.ts'
import type { Entry, Working } from './working.ts'

const isObject = (value: JsonValue | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The actions and actors a policy's choices name. */
function namesOf(policy: JsonObject): { actions: string[]; actors: string[] } {
  const actions: string[] = []
  const actors: string[] = []
  const choices = isObject(policy.choices) ? policy.choices : {}
  for (const [actor, list] of Object.entries(choices)) {
    actors.push(actor)
    if (!Array.isArray(list)) continue
    for (const choice of list) {
      if (!isObject(choice)) continue
      if (typeof choice.action === 'string') actions.push(choice.action)
      for (const key of ['targets', 'partners'] as const) {
        const ids = choice[key]
        if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') actors.push(id)
      }
    }
  }
  return { actions, actors }
}

const writtenBy = (entry: Entry, layer: ScenarioLayer) =>
  entry.origin.layer === layer || Object.values(entry.fields).some((origin) => origin.layer === layer)

export function dropStalePolicies(working: Working, layer: ScenarioLayer): void {
  const keys = (name: string) => new Set((working.collections.get(name) ?? []).map((entry) => entry.key))
  const actions = keys('actions')
  const actors = keys('actors')
  const removedBy = (collection: string, key: string) => working.removed.get(`${collection}/${key}`)?.pointer ?? ''

  const policies = working.collections.get('policies') ?? []
  const dropped = new Set<string>()
  const keptPolicies = policies.filter((entry) => {
    if (writtenBy(entry, layer)) return true
    const names = namesOf(entry.value)
    const action = names.actions.find((id) => !actions.has(id))
    const actor = names.actors.find((id) => !actors.has(id))
    if (action === undefined && actor === undefined) return true
    const [collection, missing] = action !== undefined ? ['actions', action] : ['actors', actor!]
    layer.sink.warning(
      'inherited-dropped',
      removedBy(collection, missing),
      `policy "${entry.key}" of the base uses ${collection === 'actions' ? 'action' : 'actor'} "${missing}", which this file removes: the policy is left out`,
    )
    dropped.add(entry.key)
    working.removed.set(`policies/${entry.key}`, { layer, pointer: removedBy(collection, missing) })
    return false
  })
  if (dropped.size === 0) return
  working.collections.set('policies', keptPolicies)

  const claims = working.collections.get('claims') ?? []
  working.collections.set(
    'claims',
    claims.filter((entry) => {
      if (writtenBy(entry, layer)) return true
      const uses = [entry.value.policy, entry.value.baseline].find((id) => typeof id === 'string' && dropped.has(id))
      if (uses === undefined) return true
      layer.sink.warning(
        'inherited-dropped',
        '',
        `claim "${entry.key}" of the base compares policy "${String(uses)}", which is left out: the claim is left out too`,
      )
      working.removed.set(`claims/${entry.key}`, { layer, pointer: '' })
      return false
    }),
  )
}
