// Every item of a scenario that must be grounded in its sources (citations) or marked as an assumption,
// in file order, with its kind: what the validator checks and what the evidence report counts.
import type { CitationData, ScenarioFile } from './schema.ts'
import { COMPUTER_WEIGHT_NAMES } from './schema.ts'

export interface Grounded {
  citations?: CitationData[]
  assumption?: string
}

/** New categories go at the end: `redlines evidence --json` lists its shares in this order. */
export const GROUNDED_CATEGORIES = [
  'action',
  'rule',
  'parameter',
  'starting-value',
  'static-value',
  'rung',
  'objective',
  'actor',
  'turn-settings',
  'computer-weight',
] as const
export type GroundedCategory = (typeof GROUNDED_CATEGORIES)[number]

/**
 * Injects are grounded and checked like everything else, but they are events a teacher may play, not
 * numbers of the model: the evidence lists them under their passages and leaves them out of the shares.
 */
export type GroundedItemCategory = GroundedCategory | 'inject'

export interface GroundedItem {
  item: Grounded
  pointer: string
  label: string
  category: GroundedItemCategory
  /** Objectives may go without grounding (a warning); everything else may not. */
  optional: boolean
  /** The label names several things ("the turn settings"), for the verb of a message. */
  plural?: boolean
}

export function groundedItems(scenario: ScenarioFile): GroundedItem[] {
  const items: GroundedItem[] = []
  const add = (item: Grounded, pointer: string, label: string, category: GroundedItemCategory) =>
    items.push({ item, pointer, label, category, optional: category === 'objective' })
  // An actor's grounding covers its numbers (capability, budget).
  scenario.actors.forEach((actor, index) => add(actor, `/actors/${index}`, `actor "${actor.id}"`, 'actor'))
  const tables = [
    ['static.baseline', '/static/baseline', scenario.static.baseline, 'static-value'],
    ['start.alignment', '/start/alignment', scenario.start.alignment, 'starting-value'],
    ['start.tension', '/start/tension', scenario.start.tension, 'starting-value'],
    ['start.commitment', '/start/commitment', scenario.start.commitment, 'starting-value'],
    ['start.interdependence', '/start/interdependence', scenario.start.interdependence, 'starting-value'],
  ] as const
  for (const [name, base, table, category] of tables) {
    add(table.default, `${base}/default`, `the default of ${name}`, category)
    table.pairs.forEach((entry, index) => add(entry, `${base}/pairs/${index}`, `the ${name} of ${entry.pair.join('-')}`, category))
  }
  const actorTables = [
    ['start.readiness', '/start/readiness', scenario.start.readiness],
    ['start.standing', '/start/standing', scenario.start.standing],
  ] as const
  for (const [name, base, table] of actorTables) {
    add(table.default, `${base}/default`, `the default of ${name}`, 'starting-value')
    table.actors.forEach((entry, index) => add(entry, `${base}/actors/${index}`, `the ${name} of ${entry.actor}`, 'starting-value'))
  }
  scenario.static.contact.forEach((entry, index) =>
    add(entry, `/static/contact/${index}`, `the contact of ${entry.pair.join('-')}`, 'static-value'),
  )
  for (const [name, parameter] of Object.entries(scenario.parameters))
    add(parameter, `/parameters/${name}`, `parameter ${name}`, 'parameter')
  for (const name of COMPUTER_WEIGHT_NAMES) add(scenario.computer[name], `/computer/${name}`, `computer weight ${name}`, 'computer-weight')
  scenario.ladder.forEach((rung, index) => add(rung, `/ladder/${index}`, `rung "${rung.id}"`, 'rung'))
  scenario.actions.forEach((action, index) => add(action, `/actions/${index}`, `action "${action.id}"`, 'action'))
  scenario.rules.forEach((rule, index) => add(rule, `/rules/${index}`, `rule "${rule.id}"`, 'rule'))
  scenario.injects?.forEach((inject, index) => add(inject, `/injects/${index}`, `inject "${inject.id}"`, 'inject'))
  scenario.roles.forEach((role, r) =>
    role.objectives.forEach((objective, index) =>
      add(objective, `/roles/${r}/objectives/${index}`, `objective "${objective.id}" of role "${role.id}"`, 'objective'),
    ),
  )
  // The turn settings' grounding covers the budget and the scoring.
  items.push({
    item: scenario.turns,
    pointer: '/turns',
    label: 'the turn settings',
    category: 'turn-settings',
    optional: false,
    plural: true,
  })
  return items
}
