// Discussion questions drawn from the rules that fired: one per kind of rule that acted in this game (the
// rule of that kind that moved the world most), an open question a teacher would ask, filled with this
// game's actors and numbers, beside the rule's passage. Detectors (quasi-alliance, rigid blocs, impasse)
// "fire" when what they detect held at the end of some turn.
import type { CompiledScenario } from '../compiled.ts'
import type { Match } from '../match.ts'
import type { RuleData, RuleKind } from '../scenario/schema.ts'
import { causeSummaries, causeWeight } from './consequences.ts'
import type { CauseSummary, Consequence, DiscussionQuestion } from './types.ts'
import { actorName, changeText, listed, pairText, passagesOf, percentText, valueText } from './words.ts'

interface Fired {
  rule: RuleData
  summary: CauseSummary | null
  consequences: Consequence[]
  /** Detectors: the first turn what they detect held. */
  firstTurn: number | null
}

type Template = (scn: CompiledScenario, match: Match, fired: Fired) => { question: string; context: string }

const turnsText = (turns: readonly number[]) =>
  turns.length === 0 ? 'no turn' : `turn${turns.length === 1 ? '' : 's'} ${listed(turns.map(String))}`

function largest(scn: CompiledScenario, fired: Fired): string {
  const top = fired.summary?.largest ?? []
  return top.length > 0 ? listed(top.map((item) => changeText(scn, { ...item, delta: item.total }))) : 'no net change'
}

function byWhom(scn: CompiledScenario, fired: Fired): string {
  const by = [...new Set(fired.consequences.flatMap((consequence) => consequence.by))]
  return by.length > 0 ? listed(by.map((id) => actorName(scn, id))) : 'nobody in particular'
}

const topOwners = (scn: CompiledScenario, fired: Fired): string => {
  const top = fired.summary?.largest[0]
  if (!top) return 'no one'
  return top.variable === 'grievance'
    ? `${actorName(scn, top.owners[0])} toward ${actorName(scn, top.owners[1])}`
    : pairText(scn, top.owners)
}

const common = (scn: CompiledScenario, fired: Fired) =>
  `It acted in ${turnsText(fired.summary?.turns ?? [])}; over the game it moved ${largest(scn, fired)}.`

const TEMPLATES: Record<RuleKind, Template> = {
  reaction: (scn, _match, fired) => ({
    question: `“${fired.rule.name}” answered acts by ${byWhom(scn, fired)}. Did they expect this answer when they acted, and could they have reached their goal without provoking it?`,
    context: common(scn, fired),
  }),
  'double-containment': (scn, _match, fired) => ({
    question: `${byWhom(scn, fired)} acted against both powers of a pair in the same turn, and “${fired.rule.name}” pushed those two closer. Did treating them as one threat make them one? What would treating them apart have cost?`,
    context: common(scn, fired),
  }),
  arms: (scn, _match, fired) => ({
    question: `The arms race moved readiness most for ${topOwners(scn, fired)}: each power answers its rivals' build-up “for the worst case”. Who ended the game safer, and who only felt safer?`,
    context: common(scn, fired),
  }),
  balance: (scn, _match, fired) => ({
    question: `“${fired.rule.name}” moved ${topOwners(scn, fired)} though nobody acted on that pair directly. Through which third power did it happen, and could anyone have stopped it?`,
    context: common(scn, fired),
  }),
  interests: (scn, _match, fired) => ({
    question: `Common interests pulled ${topOwners(scn, fired)} back toward its baseline, whatever the players did. Which interests in the text could no player’s choice change?`,
    context: common(scn, fired),
  }),
  pacts: (scn, _match, fired) => ({
    question: `Pacts held ${topOwners(scn, fired)} together. When does a commitment make a power safer, and when does it entrap it in its ally’s quarrels?`,
    context: common(scn, fired),
  }),
  'autonomy-cap': (scn, _match, fired) => autonomyQuestion(scn, fired),
  'autonomy-ceiling': (scn, _match, fired) => autonomyQuestion(scn, fired),
  'interdependence-floor': (scn, _match, fired) => ({
    question: `Critical dividends kept ${topOwners(scn, fired)} from drifting apart. Can energy, arms and investment ties hold two powers together when little else does?`,
    context: common(scn, fired),
  }),
  'tension-cooling': (scn, _match, fired) => ({
    question: `Left alone, tension cools (${largest(scn, fired)} over the game). What in this game kept it from cooling faster, and how long should the memory of a pin prick last?`,
    context: common(scn, fired),
  }),
  'tension-hostility': (scn, _match, fired) => ({
    question: `Hostility between armed rivals kept tension warm, most between ${topOwners(scn, fired)}. What would it have taken to let it cool?`,
    context: common(scn, fired),
  }),
  'grievance-fading': (scn, _match, fired) => ({
    question: `Grievances fade (${largest(scn, fired)} over the game), but answering in kind keeps them alive. Which grievance lasted longest in this game, and who fed it?`,
    context: common(scn, fired),
  }),
  incidents: (scn, match, fired) => {
    const incidents = match.turns.flatMap(({ result }) => result.incidents)
    const pairs = [...new Set(incidents.map((incident) => pairText(scn, incident.actors)))]
    const highest = Math.max(0, ...incidents.map((incident) => incident.probability))
    return {
      question: `${incidents.length} incident${incidents.length === 1 ? '' : 's'} nobody chose happened (${listed(pairs)}). Who is responsible for an incident nobody chose, and which pin pricks made it likelier?`,
      context: `The highest chance of an incident that happened was ${percentText(highest)}. ${common(scn, fired)}`,
    }
  },
  'quasi-alliance': (scn, match, fired) => {
    const pair = fired.rule.kind === 'quasi-alliance' ? fired.rule.pair : (['', ''] as [string, string])
    const p = scn.pairOf[scn.actorIndex[pair[0]] * scn.n + scn.actorIndex[pair[1]]]
    return {
      question: `${pairText(scn, pair)} became a quasi-alliance in turn ${fired.firstTurn}. Which acts, by which players, pushed them there, and could any of them have been left undone?`,
      context: `Their alignment stood at ${valueText('alignment', match.start.alignment[p])} at the start and ${valueText('alignment', match.state.alignment[p])} at the end.`,
    }
  },
  'rigid-blocs': (_scn, match, fired) => ({
    question: `The blocs hardened into rigid camps by turn ${fired.firstTurn}. Was it one decision or many small ones, and who could have kept a foot in both camps?`,
    context: `Rigidity was ${Math.round(match.start.rigidity)} of 100 at the start and ${Math.round(match.state.rigidity)} at the end.`,
  }),
  impasse: (_scn, _match, fired) => ({
    question: `An impasse set in at turn ${fired.firstTurn}: rigid blocs, high tension, little movement. What could any one power have done to break it, and at what cost to itself?`,
    context: 'During an impasse de-escalation costs more and the ladder comes down at most one rung a turn.',
  }),
  'standing-fading': (scn, _match, fired) => ({
    question: `Shows of resolve wore off (most for ${topOwners(scn, fired)}). If firmness must be renewed every turn, where does that lead when every power is firm?`,
    context: common(scn, fired),
  }),
}

function autonomyQuestion(scn: CompiledScenario, fired: Fired): { question: string; context: string } {
  const pair = fired.rule.kind === 'autonomy-cap' || fired.rule.kind === 'autonomy-ceiling' ? fired.rule.pair : null
  const names = pair ? pairText(scn, pair) : topOwners(scn, fired)
  return {
    question: `Strategic autonomy held ${names} short of a formal alliance even when they were pushed together. Why would two partners refuse to become allies, and what does that mean for those who fear them?`,
    context: common(scn, fired),
  }
}

/** The order a teacher would take them in: what happened to the players first, the model's slow forces last. */
const QUESTION_ORDER: readonly RuleKind[] = [
  'incidents',
  'quasi-alliance',
  'double-containment',
  'reaction',
  'impasse',
  'rigid-blocs',
  'autonomy-ceiling',
  'autonomy-cap',
  'arms',
  'balance',
  'interdependence-floor',
  'pacts',
  'interests',
  'tension-hostility',
  'tension-cooling',
  'standing-fading',
  'grievance-fading',
]

const DETECTED: Partial<Record<RuleKind, (state: Match['state']) => boolean>> = {
  'quasi-alliance': (state) => state.quasiAlliance,
  'rigid-blocs': (state) => state.rigidBlocs,
  impasse: (state) => state.impasse,
}

export function questionsOf(scn: CompiledScenario, match: Match, consequences: readonly Consequence[]): DiscussionQuestion[] {
  const summaries = new Map(causeSummaries(scn, consequences).map((summary) => [summary.cause.id, summary]))
  const best = new Map<RuleKind, { fired: Fired; weight: number }>()
  for (const rule of scn.file.rules) {
    if (rule.enabled === false) continue
    const detected = DETECTED[rule.kind]
    let fired: Fired | null = null
    if (detected) {
      const turn = match.turns.find(({ result }) => detected(result.state))
      if (turn) fired = { rule, summary: summaries.get(rule.id) ?? null, consequences: [], firstTurn: turn.result.turn }
    } else if (summaries.has(rule.id)) {
      const own = consequences.filter((consequence) => consequence.cause.id === rule.id)
      fired = { rule, summary: summaries.get(rule.id)!, consequences: own, firstTurn: own[0]?.turn ?? null }
    }
    if (!fired) continue
    const weight = causeWeight(scn, consequences, rule.id)
    const current = best.get(rule.kind)
    if (!current || weight > current.weight) best.set(rule.kind, { fired, weight })
  }
  return [...best.entries()]
    .sort(([a], [b]) => QUESTION_ORDER.indexOf(a) - QUESTION_ORDER.indexOf(b))
    .map(([kind, { fired }]) => ({
      kind,
      rule: { id: fired.rule.id, kind: 'rule' as const, name: fired.rule.name },
      ...TEMPLATES[kind](scn, match, fired),
      passages: passagesOf(scn, fired.rule),
    }))
}
