// Semantic checks of a scenario's injects (duplicate ids are checked with the other lists): ids the
// ledger cannot confuse with an action's or a rule's, effects that name actors by id (an inject has no
// act to resolve "actor" or "targets" against), and pin-prick pairs that exist and can have incidents.
import type { EffectData, ScenarioFile } from './schema.ts'
import { RELATIVE_REFS } from './schema.ts'
import type { DiagnosticSink } from './diagnostics.ts'
import { didYouMean } from './diagnostics.ts'

const RELATIVE_REF_SET: ReadonlySet<string> = new Set(RELATIVE_REFS)

const pairKey = (pair: readonly [string, string]) => [...pair].sort().join('-')

export function checkInjects(scenario: ScenarioFile, sink: DiagnosticSink): void {
  const injects = scenario.injects ?? []
  if (injects.length === 0) return
  const actorIds = new Set(scenario.actors.map((actor) => actor.id))
  const contact = new Set(scenario.static.contact.map((entry) => pairKey(entry.pair)))
  const actor = (id: string, pointer: string): boolean => {
    if (actorIds.has(id)) return true
    sink.error('unknown-actor', pointer, `unknown actor "${id}"`, didYouMean(id, actorIds))
    return false
  }

  // The ledger names a cause by its id alone: an inject must not share one with an action or a rule.
  const causeIds = new Map<string, string>()
  scenario.rules.forEach((rule, index) => causeIds.set(rule.id, `rule "${rule.id}" (/rules/${index}/id)`))
  scenario.actions.forEach((action, index) => causeIds.set(action.id, `action "${action.id}" (/actions/${index}/id)`))

  injects.forEach((inject, index) => {
    const base = `/injects/${index}`
    const clash = causeIds.get(inject.id)
    if (clash) {
      sink.error(
        'duplicate-id',
        `${base}/id`,
        `inject id "${inject.id}" is also the id of ${clash}: the ledger could not tell the two causes apart`,
        'give the inject an id of its own',
      )
    }
    inject.effects.forEach((effect, k) => checkEffect(effect, `${base}/effects/${k}`, actor, sink))
    const seen = new Map<string, number>()
    inject.pinPricks?.forEach((pair, k) => {
      const at = `${base}/pinPricks/${k}`
      const known = [actor(pair[0], `${at}/0`), actor(pair[1], `${at}/1`)].every(Boolean)
      if (pair[0] === pair[1]) {
        sink.error('same-actor-pair', at, `a pair needs two different actors, but "${pair[0]}" is named twice`)
        return
      }
      const key = pairKey(pair)
      const earlier = seen.get(key)
      if (earlier !== undefined) {
        sink.error('duplicate-pair', at, `pair ${key} is listed twice (first at ${base}/pinPricks/${earlier})`)
        return
      }
      seen.set(key, k)
      if (known && !contact.has(key)) {
        sink.warning(
          'pin-prick-without-contact',
          at,
          `pair ${key} is not in contact, so it can have no incident: this pin prick changes nothing`,
          'list the pair in static.contact, or leave it out of pinPricks',
        )
      }
    })
  })
}

function checkEffect(effect: EffectData, pointer: string, actor: (id: string, pointer: string) => boolean, sink: DiagnosticSink): void {
  const refs: [string, string][] = []
  if ('between' in effect) effect.between.forEach((ref, k) => refs.push([ref, `${pointer}/between/${k}`]))
  if ('of' in effect) refs.push([effect.of, `${pointer}/of`])
  if ('toward' in effect) refs.push([effect.toward, `${pointer}/toward`])
  for (const [ref, at] of refs) {
    if (!RELATIVE_REF_SET.has(ref)) {
      actor(ref, at)
      continue
    }
    sink.error(
      'inject-relative-ref',
      at,
      `an inject has no act, so "${ref}" names no one: name the actors by id`,
      'write an actor id such as "CHN", one effect per actor or pair if needed',
    )
  }
  if ('per' in effect && effect.per !== undefined) {
    sink.error(
      'inject-relative-ref',
      `${pointer}/per`,
      `an inject has no act, so "per": "${effect.per}" has nothing to count`,
      'leave "per" out: the delta applies once',
    )
  }
}
