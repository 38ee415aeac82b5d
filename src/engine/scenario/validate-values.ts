// Numbers the schema cannot bound alone: ranges that depend on the variable or on another value,
// the order of the ladder, and totals.
import type { ParameterName, ScenarioFile } from './schema.ts'
import { PARAMETER_NAMES } from './schema.ts'
import type { DiagnosticSink } from './diagnostics.ts'

/** Parameters that are shares or probabilities. */
const RATES: ReadonlySet<ParameterName> = new Set<ParameterName>([
  'balanceRate',
  'interestPull',
  'pactPull',
  'armsReactivity',
  'armsCost',
  'tensionCooling',
  'grievanceFading',
  'clashChance',
  'incidentTension',
  'incidentAlignment',
  'interdependenceFloor',
  'autonomyCap',
  'autonomyMargin',
  'standingFading',
  'quasiAllianceThreshold',
])
const TURN_COUNTS: ReadonlySet<ParameterName> = new Set<ParameterName>(['rigidTurns', 'impasseTurns'])

function inRange(value: number, low: number, high: number): boolean {
  return value >= low && value <= high
}

export function checkValues(scenario: ScenarioFile, sink: DiagnosticSink): void {
  checkStartValues(scenario, sink)
  checkParameters(scenario, sink)
  checkLadder(scenario, sink)
  checkActionsAndTurns(scenario, sink)
}

function checkStartValues(scenario: ScenarioFile, sink: DiagnosticSink): void {
  const tables = [
    ['static.baseline', '/static/baseline', scenario.static.baseline, -1, 1],
    ['alignment', '/start/alignment', scenario.start.alignment, -1, 1],
    ['tension', '/start/tension', scenario.start.tension, 0, 1],
    ['commitment', '/start/commitment', scenario.start.commitment, 0, 1],
    ['interdependence', '/start/interdependence', scenario.start.interdependence, 0, 1],
  ] as const
  scenario.start.standing.actors.forEach((entry, index) => {
    if (!inRange(entry.value, 0, 1))
      sink.error('out-of-range', `/start/standing/actors/${index}/value`, `standing must be between 0 and 1, got ${entry.value}`)
  })
  if (!inRange(scenario.start.standing.default.value, 0, 1)) {
    sink.error(
      'out-of-range',
      '/start/standing/default/value',
      `standing must be between 0 and 1, got ${scenario.start.standing.default.value}`,
    )
  }
  for (const [name, base, table, low, high] of tables) {
    const values: [number, string][] = [
      [table.default.value, `${base}/default/value`],
      ...table.pairs.map((entry, index): [number, string] => [entry.value, `${base}/pairs/${index}/value`]),
    ]
    for (const [value, pointer] of values) {
      if (!inRange(value, low, high)) sink.error('out-of-range', pointer, `${name} must be between ${low} and ${high}, got ${value}`)
    }
  }
  const readinessMax = scenario.parameters.readinessMax.value
  const readiness = scenario.start.readiness
  const values: [number, string][] = [
    [readiness.default.value, '/start/readiness/default/value'],
    ...readiness.actors.map((entry, index): [number, string] => [entry.value, `/start/readiness/actors/${index}/value`]),
  ]
  for (const [value, pointer] of values) {
    if (!inRange(value, 0, readinessMax)) {
      sink.error('out-of-range', pointer, `readiness must be between 0 and readinessMax (${readinessMax}), got ${value}`)
    }
  }
}

function checkParameters(scenario: ScenarioFile, sink: DiagnosticSink): void {
  for (const name of PARAMETER_NAMES) {
    const value = scenario.parameters[name].value
    const pointer = `/parameters/${name}/value`
    if (TURN_COUNTS.has(name)) {
      if (!Number.isInteger(value) || value < 1)
        sink.error('out-of-range', pointer, `parameter ${name} must be a whole number of at least 1, got ${value}`)
    } else if (RATES.has(name)) {
      if (!inRange(value, 0, 1)) sink.error('out-of-range', pointer, `parameter ${name} must be between 0 and 1, got ${value}`)
    } else if (name === 'rigidityThreshold') {
      if (!inRange(value, 0, 100)) sink.error('out-of-range', pointer, `parameter ${name} must be between 0 and 100, got ${value}`)
    } else if (value < 0) {
      sink.error('out-of-range', pointer, `parameter ${name} must be at least 0, got ${value}`)
    }
  }
}

function checkLadder(scenario: ScenarioFile, sink: DiagnosticSink): void {
  scenario.ladder.forEach((rung, index) => {
    const base = `/ladder/${index}`
    const previous = scenario.ladder[index - 1]
    if (index === 0 && rung.up !== 0) {
      sink.error('ladder-order', `${base}/up`, `the first rung must start at 0, got up = ${rung.up}`)
    }
    if (previous && !(rung.up > previous.up)) {
      sink.error(
        'ladder-order',
        `${base}/up`,
        `rung "${rung.id}" must start above the rung before it: up ${rung.up} is not greater than ${previous.up}`,
      )
    }
    if (rung.down > rung.up) {
      sink.error('ladder-order', `${base}/down`, `rung "${rung.id}": down ${rung.down} must not be greater than up ${rung.up}`)
    }
    if (previous && rung.down < previous.down) {
      sink.error(
        'ladder-order',
        `${base}/down`,
        `rung "${rung.id}": down ${rung.down} must not be less than the down of the rung before it (${previous.down})`,
      )
    }
  })
}

function checkActionsAndTurns(scenario: ScenarioFile, sink: DiagnosticSink): void {
  scenario.actions.forEach((action, index) => {
    for (const field of ['partners', 'targets'] as const) {
      const range = action[field]
      if (range && range.min > range.max) {
        sink.error('min-above-max', `/actions/${index}/${field}/min`, `${field}.min ${range.min} is greater than ${field}.max ${range.max}`)
      }
    }
  })
  const { turns } = scenario
  if (turns.default > turns.max) {
    sink.error('min-above-max', '/turns/default', `turns.default ${turns.default} is greater than turns.max ${turns.max}`)
  }
  if (!scenario.actors.some((actor) => actor.playable)) {
    sink.error('no-playable-actor', '/actors', 'no actor is playable', 'set "playable": true on at least one actor')
  }
  const capability = scenario.actors.reduce((sum, actor) => sum + actor.capability, 0)
  if (!(capability > 0)) {
    sink.error('zero-capability', '/actors', 'the capabilities of the actors sum to 0', 'give at least one actor a positive capability')
  }
}
