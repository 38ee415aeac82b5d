// The turn screen's numbers and sentences: objectives, a choice's forecast and its direct effects, in one
// unit system — every quantity in points on a 0–100 scale (alignment from −100 to +100), the score included —
// and in names, never ids.
import type {
  ChoiceForecast,
  CompiledScenario,
  EffectData,
  ObjectiveStatus,
  ForecastAnswer,
  ReactionForecast,
  StateVariable,
} from '../../engine/index.ts'
import { actorName } from './view-models.ts'

/** The one unit, said once where numbers are shown. */
export const UNITS_NOTE = 'Numbers are points on a 0–100 scale (alignment runs from −100 to +100); the score is out of 100.'

/** "+5 pts", "−0.4 pts": a change in points, one decimal below 10 and whole above. */
export function points(delta: number, decimals = Math.abs(delta) < 9.95 ? 1 : 0): string {
  const size = Math.abs(delta).toFixed(decimals)
  const zero = Number(size) === 0
  return `${zero ? '±' : delta > 0 ? '+' : '−'}${size} pts`
}

/** A state variable's amount in points (its 0..1 or −1..1 value × 100; readiness is already 0..100). */
function variablePoints(scn: CompiledScenario, variable: StateVariable | EffectData['variable'], delta: number): number {
  return variable === 'readiness' ? (delta * 100) / scn.params.readinessMax : delta * 100
}

function capitalised(text: string): string {
  return text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text
}

/** A name for a sentence: the player's own power is "you". */
function who(scn: CompiledScenario, id: string, viewer: string | null): string {
  return id === viewer ? 'you' : actorName(scn, id)
}

/** One change in words: "China and Russia draw closer (+4 pts)", "Russia will want to answer you". */
export function changeSentence(
  scn: CompiledScenario,
  variable: StateVariable,
  actors: readonly string[],
  delta: number,
  viewer: string | null,
): string {
  const [a, b] = actors.map((id) => who(scn, id, viewer))
  const up = delta > 0
  const amount = ` (${points(variablePoints(scn, variable, delta))})`
  const both = `${a} and ${b}`
  switch (variable) {
    case 'alignment':
      return capitalised(`${both} ${up ? 'draw closer' : 'drift apart'}${amount}`)
    case 'tension':
      return `Tension between ${both} ${up ? 'rises' : 'eases'}${amount}`
    case 'commitment':
      return capitalised(`${both} ${up ? 'commit more firmly to each other' : 'commit less to each other'}${amount}`)
    case 'interdependence':
      return capitalised(`${both} ${up ? 'grow more dependent on each other' : 'loosen their ties'}${amount}`)
    case 'grievance':
      return capitalised(up ? `${a} will want to answer ${b}` : `${a} ${a === 'you' ? 'settle' : 'settles'} a score with ${b}`)
    case 'readiness':
      return capitalised(`${a === 'you' ? 'your' : `${a}’s`} military readiness ${up ? 'grows' : 'falls'}${amount}`)
    case 'standing':
      return capitalised(`${a === 'you' ? 'your' : `${a}’s`} standing ${up ? 'rises' : 'falls'}${amount}`)
    default:
      return capitalised(`${variable} ${up ? 'rises' : 'falls'}${amount}`)
  }
}

/** "China, Russia and you": names joined for a sentence. */
function joined(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/**
 * Who will want to answer whom, folded: "China and Russia will want to answer you and Japan" rather than one
 * sentence per pair. Grievances that ease stay one sentence each.
 */
function grievanceSentences(scn: CompiledScenario, reactions: readonly ReactionForecast[], viewer: string): string[] {
  const targetsOf = new Map<string, string[]>()
  const eased: string[] = []
  for (const reaction of reactions) {
    const [feeler, target] = reaction.actors
    if (reaction.delta < 0) {
      eased.push(changeSentence(scn, 'grievance', reaction.actors, reaction.delta, viewer))
      continue
    }
    const targets = targetsOf.get(feeler) ?? []
    if (!targets.includes(target)) targets.push(target)
    targetsOf.set(feeler, targets)
  }
  const byTargets = new Map<string, string[]>()
  for (const [feeler, targets] of targetsOf) {
    const key = targets.join('|')
    byTargets.set(key, [...(byTargets.get(key) ?? []), feeler])
  }
  const answers = [...byTargets].map(([key, feelers]) => {
    const targets = key.split('|').map((id) => who(scn, id, viewer))
    return capitalised(`${joined(feelers.map((id) => who(scn, id, viewer)))} will want to answer ${joined(targets)}`)
  })
  return [...answers, ...eased]
}

/** The reactions, one line per rule: "Reciprocal responses (Russia): China and Russia draw closer (+1.0 pts); Russia will want to answer you". */
export function reactionLines(scn: CompiledScenario, reactions: readonly ReactionForecast[], viewer: string): string[] {
  const byRule = new Map<string, ReactionForecast[]>()
  for (const reaction of reactions) byRule.set(reaction.rule, [...(byRule.get(reaction.rule) ?? []), reaction])
  return [...byRule].map(([rule, changes]) => {
    const sentences = changes
      .filter((change) => change.variable !== 'grievance')
      .map((change) => changeSentence(scn, change.variable, change.actors, change.delta, viewer))
    sentences.push(
      ...grievanceSentences(
        scn,
        changes.filter((change) => change.variable === 'grievance'),
        viewer,
      ),
    )
    return `${rule}: ${sentences.filter((sentence, k) => sentences.indexOf(sentence) === k).join('; ')}`
  })
}

const PARTNER_ANSWERS: Record<ForecastAnswer, string> = {
  agree: 'will agree',
  decline: 'will decline (the action is then cancelled)',
  'cannot-pay': 'cannot pay its share (the action is then cancelled)',
  asked: 'is asked when the turn ends (its player decides)',
}

/** "Japan will agree", "India will decline (the action is then cancelled)". */
export function partnerLines(scn: CompiledScenario, forecast: ChoiceForecast): string[] {
  return forecast.partners.map((partner) => `${actorName(scn, partner.partner)} ${PARTNER_ANSWERS[partner.answer]}`)
}

/** "United States–China 4% → 7%". */
export function riskLines(scn: CompiledScenario, forecast: ChoiceForecast): string[] {
  const percent = (chance: number) => `${Math.round(chance * 100)}%`
  return forecast.risks.map(
    (risk) => `${actorName(scn, risk.actors[0])}–${actorName(scn, risk.actors[1])} ${percent(risk.before)} → ${percent(risk.after)}`,
  )
}

/** The objectives a choice moves, biggest first: "Keep the allies close +0.8 pts". */
export function objectiveLines(forecast: ChoiceForecast): string[] {
  return forecast.objectives
    .filter((objective) => Math.abs(objective.delta) >= 0.05)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .map((objective) => `${objective.description} ${points(objective.delta)}`)
}

/** The objective's measure, in points: "+24" for an alignment, "37" otherwise. */
export function measureText(objective: ObjectiveStatus): string {
  const kind = objective.measure.kind
  if (kind === 'alignment' || kind === 'mean-alignment') {
    const value = Math.round(objective.value * 200 - 100)
    return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value)}`
  }
  return String(Math.round(objective.value * 100))
}

const MEASURE_NAMES: Record<ObjectiveStatus['measure']['kind'], string> = {
  alignment: 'alignment',
  tension: 'tension',
  interdependence: 'interdependence',
  commitment: 'commitment',
  readiness: 'readiness',
  standing: 'standing',
  'mean-alignment': 'mean alignment',
  'mean-tension': 'mean tension',
  rigidity: 'bloc rigidity',
  rung: 'escalation',
}

/** "mean alignment +24, keep it high". */
export function goalText(objective: ObjectiveStatus): string {
  return `${MEASURE_NAMES[objective.measure.kind]} ${measureText(objective)}, keep it ${objective.goal}`
}

const REF_NAMES: Record<string, string> = {
  actor: 'you',
  partners: 'your partners',
  participants: 'you and your partners',
  targets: 'the targets',
}

function refName(scn: CompiledScenario, ref: string): string {
  return REF_NAMES[ref] ?? actorName(scn, ref)
}

/** An action's direct effect as the card lists it, in points: "Alignment between you and the targets −15 pts". */
export function describeEffect(scn: CompiledScenario, effect: EffectData): string {
  const amount = points(variablePoints(scn, effect.variable, effect.delta), 0)
  switch (effect.variable) {
    case 'readiness':
    case 'standing': {
      const owner = refName(scn, effect.of)
      const whose = owner === 'you' ? 'your' : owner === 'you and your partners' ? 'your and your partners’' : `${owner}’s`
      return capitalised(`${whose} ${effect.variable === 'readiness' ? 'military readiness' : 'standing'} ${amount}`)
    }
    case 'grievance': {
      const of = refName(scn, effect.of)
      const toward = refName(scn, effect.toward)
      if (effect.delta > 0) return capitalised(`${of} will want to answer ${toward}`)
      return capitalised(`${of} ${of.startsWith('you') ? 'settle' : 'settles'} a score with ${toward}`)
    }
    default: {
      const name = capitalised(effect.variable)
      const per = effect.per === 'participant' ? ' per participant' : effect.per === 'target' ? ' per target' : ''
      return `${name} between ${refName(scn, effect.between[0])} and ${refName(scn, effect.between[1])} ${amount}${per}`
    }
  }
}
