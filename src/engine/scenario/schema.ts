// The one source of truth for the scenario format: it yields the TypeScript types,
// the shape check of the loader and the published JSON Schema (scenarios/scenario.schema.json).
import * as z from 'zod'
import type { ComputerWeightName, ParameterName } from './names.ts'
import { COMPUTER_WEIGHT_NAMES, PARAMETER_NAMES } from './names.ts'
import { claimSections } from './schema-claims.ts'
import { injectSection } from './schema-injects.ts'
import { Context, Glossary, SourceNotes } from './schema-context.ts'

export const FORMAT_VERSION = 2

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const ACTOR_ID = /^[A-Z][A-Z0-9]{1,7}$/

export const Id = z
  .string()
  .regex(KEBAB_ID, 'must be a kebab-case id such as "joint-air-patrol"')
  .max(64)
  .describe('A stable kebab-case id (lower-case letters, digits and single hyphens).')

export const ActorId = z
  .string()
  .regex(ACTOR_ID, 'must be an upper-case actor id such as "CHN"')
  .describe('A stable actor id: upper-case letters and digits, 2 to 8 characters (ISO 3166 alpha-3 for states).')

export const Citation = z
  .strictObject({
    source: Id.describe('The id of a source listed in `sources`.'),
    paragraph: z.number().int().min(1).describe('1-based paragraph number: paragraphs are the non-empty lines of the source file.'),
    quote: z
      .string()
      .min(3)
      .max(2000)
      .describe(
        'Words copied verbatim from that paragraph. Checked on load after folding typographic quotes and apostrophes to plain ones and collapsing white space.',
      ),
  })
  .describe('A passage of a source that grounds an item.')

export const groundingFields = {
  citations: z
    .array(Citation)
    .min(1)
    .max(20)
    .optional()
    .describe('The passages this item is derived from. Give citations, an assumption, or both.'),
  assumption: z
    .string()
    .min(10)
    .max(1000)
    .optional()
    .describe('Why the designer chose this where the text is silent. Shown to players as an open assumption.'),
}

const GROUNDING_META = { anyOf: [{ required: ['citations'] }, { required: ['assumption'] }] }

/** Adds `citations` / `assumption` to an object shape: every rule, action, parameter and starting value is grounded. */
export function grounded<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject({ ...shape, ...groundingFields }).meta(GROUNDING_META)
}

export const Pair = z.tuple([ActorId, ActorId]).describe('Two different actor ids; order does not matter (pair variables are symmetric).')

export const GroundedValue = grounded({ value: z.number().describe('The value.') })

export const PairValue = grounded({ pair: Pair, value: z.number().describe('The value for this pair.') })
export const ActorValue = grounded({ actor: ActorId, value: z.number().describe('The value for this actor.') })

const PairTable = z
  .strictObject({
    default: GroundedValue.describe('The value of every pair not listed in `pairs`.'),
    pairs: z.array(PairValue).max(200).describe('Values for particular pairs.'),
  })
  .describe('A value for every pair of actors: a default plus listed exceptions.')

const ActorTable = z
  .strictObject({
    default: GroundedValue.describe('The value of every actor not listed in `actors`.'),
    actors: z.array(ActorValue).max(50).describe('Values for particular actors.'),
  })
  .describe('A value for every actor: a default plus listed exceptions.')

export const Source = z
  .strictObject({
    id: Id,
    title: z.string().min(1).max(300).describe('The title of the text, as shown in the source reader.'),
    author: z.string().max(300).optional().describe('Who wrote it.'),
    publisher: z.string().max(300).optional().describe('Where it was published.'),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
      .describe('Publication date, YYYY-MM-DD.'),
    file: z
      .string()
      .regex(
        /^sources\/(?!\.)[A-Za-z0-9._-]+\.txt$/,
        'must be a .txt file in the scenario\'s sources/ folder, such as "sources/article.txt"',
      )
      .describe(
        "Path of the plain-text source: a .txt file in the scenario's sources/ folder (every edition reads sources from there). Paragraphs are its non-empty lines.",
      ),
    url: z.string().max(2000).optional().describe('Where the text was published (shown, never fetched).'),
    ...SourceNotes,
  })
  .describe('A text the scenario cites.')

export const Actor = grounded({
  id: ActorId,
  name: z.string().min(1).max(100).describe('The name players see.'),
  capability: z.number().min(0).max(1).describe('Static share of military and economic capability; weights the blocs.'),
  capital: z
    .strictObject({
      lon: z.number().min(-180).max(180).describe('Longitude in degrees, east positive.'),
      lat: z.number().min(-90).max(90).describe('Latitude in degrees, north positive.'),
    })
    .describe(
      'Where the actor is drawn on the map. When no actor is a country the world map knows (by id or name; see MODDING.md), the scenario gets its own schematic map, where capitals only place the powers relative to each other.',
    ),
  playable: z.boolean().describe('Whether a human may take this actor.'),
  budget: z.number().int().min(0).max(20).optional().describe('Political capital per turn; defaults to `turns.budget`.'),
}).describe('A power. Its grounding covers its numbers (capability, budget): cite them or say why they were chosen.')

export const Theatre = z
  .strictObject({
    name: z.string().min(1).max(100).describe('The name of the place, e.g. "East China Sea".'),
    lon: z.number().min(-180).max(180).describe('Longitude in degrees, east positive.'),
    lat: z.number().min(-90).max(90).describe('Latitude in degrees, north positive.'),
  })
  .describe('Where encounters between a pair happen (for the map).')

export const ContactPair = grounded({ pair: Pair, theatre: Theatre.optional() }).describe(
  'A pair whose forces operate near each other: only such pairs can have incidents.',
)

export const PARAMETER_DESCRIPTIONS: Record<ParameterName, string> = {
  balanceRate: 'η: how fast "the enemy of my enemy" reshapes alignment each turn.',
  stressAmplifier: 'β: how much mean tension speeds up the balance term.',
  interestPull: 'μ: pull of alignment back toward the baseline propensity (common interests).',
  pactPull: "h: how strongly a pact holds a pair's alignment up.",
  armsReactivity: "k: Richardson reactivity to rivals' readiness.",
  armsCost: 'α: Richardson fatigue: the cost of keeping forces ready.',
  armsBase: 'g: baseline procurement per turn.',
  readinessMax: 'The cap of readiness.',
  tensionCooling: 'δ: share of tension that cools each turn.',
  hostilityHeat: 'γ: tension fed by hostility and readiness each turn.',
  grievanceFading: 'Share of a grievance that fades each turn.',
  incidentBase: 'λ0: base hazard of an incident for a pair in contact.',
  incidentGrowth: 'θ: growth of the hazard with tension.',
  incidentPinPrick: 'Extra hazard per pin prick between the pair this turn.',
  incidentTension: 'Tension an incident adds (times its severity).',
  incidentAlignment: 'Alignment an incident removes (times its severity).',
  clashChance: 'Chance that a severe incident on the top rung becomes an armed clash.',
  autonomyCap: 'Highest alignment the strategic-autonomy pair accepts.',
  interdependenceFloor: 'Alignment floor per unit of interdependence.',
  quasiAllianceThreshold: 'Alignment of the quasi-alliance pair at or above which it counts as a quasi-alliance.',
  rigidityThreshold: 'Rigidity at or above which the blocs count as rigid.',
  rigidTurns: 'Turns in a row the blocs must be rigid (with unchanged membership) to count as rigid blocs.',
  impasseTension: 'Mean cross-bloc tension at or above which rigid blocs are in an impasse.',
  impasseMovement: 'Largest total change of alignment in a turn that still counts as no movement.',
  impasseTurns: 'Turns in a row the impasse conditions must hold.',
  impasseSurcharge: 'Extra political capital a de-escalation action costs during an impasse.',
  standingFading: 'Share of standing (resolve and influence shown) that fades each turn unless renewed.',
  autonomyMargin:
    'How far above its baseline propensity the strategic-autonomy pair will draw together: the soft ceiling (`autonomy-ceiling`) stands at baseline + autonomyMargin.',
}

export const Parameter = grounded({
  value: z.number().describe('The value.'),
  description: z.string().max(500).optional().describe('A note on the value, shown with the parameter.'),
})

/** An object with one grounded number per name, each described. */
function namedNumbers<Name extends string>(names: readonly Name[], descriptions: Record<Name, string>) {
  return z.strictObject(
    Object.fromEntries(names.map((name) => [name, Parameter.describe(descriptions[name])])) as Record<Name, typeof Parameter>,
  )
}

export const Parameters = namedNumbers(PARAMETER_NAMES, PARAMETER_DESCRIPTIONS).describe(
  'The numbers of the rules. Every parameter is grounded.',
)

export const COMPUTER_WEIGHT_DESCRIPTIONS: Record<ComputerWeightName, string> = {
  incidentCost: 'Score points a computer player counts for each expected incident its acts add near it.',
  reciprocity: 'Score points a computer player gains by answering a grievance of 1 in kind (reciprocal responses).',
  retaliationCost: 'Score points a computer player counts for each unit of grievance its acts raise against it (others answer in kind).',
  allyAlignment:
    "Alignment at or above which a provoker's partner counts as its ally, so that acting against the partner answers the provoker.",
}

export const ComputerWeights = namedNumbers(COMPUTER_WEIGHT_NAMES, COMPUTER_WEIGHT_DESCRIPTIONS).describe(
  "The reasons of the computer players beyond their roles' objectives, each grounded like a parameter.",
)

export const Rung = grounded({
  id: Id,
  name: z.string().min(1).max(60).describe('The name players see, e.g. "Confrontation".'),
  description: z.string().max(500).describe('What this rung means, shown with the ladder.'),
  up: z.number().min(0).max(1).describe('Climb to this rung when the hottest cross-bloc tension reaches this value.'),
  down: z.number().min(0).max(1).describe('Leave this rung downward when that tension falls below this value (at most `up`: hysteresis).'),
}).describe('A rung of the escalation ladder, lowest first.')

export const ACTION_TAGS = ['hostile', 'pin-prick', 'pact', 'joint', 'military', 'economic', 'diplomatic', 'de-escalation'] as const

/** Refs resolved against the act an effect belongs to; an inject has no act, so it cannot use them. */
export const RELATIVE_REFS = ['actor', 'partners', 'participants', 'targets'] as const

export const Ref = z
  .union([
    z.enum(RELATIVE_REFS).describe('Relative to the action: its actor, its partners, actor and partners together, or its targets.'),
    ActorId.describe('A fixed actor.'),
  ])
  .describe('Who an effect applies to.')

const PAIR_VARIABLES = ['alignment', 'tension', 'commitment', 'interdependence'] as const

export const Effect = z
  .union([
    z
      .strictObject({
        variable: z.enum(PAIR_VARIABLES).describe('The pair variable to change.'),
        between: z.tuple([Ref, Ref]).describe('Every pair formed by one actor of each side (pairs of an actor with itself are skipped).'),
        delta: z.number().min(-1).max(1).describe('The change, added before the variable is clamped to its range.'),
        per: z
          .enum(['participant', 'target'])
          .optional()
          .describe(
            'Scale the change with the size of the act: times the number of its participants (actor and partners) or of its targets. Once per act when omitted.',
          ),
      })
      .describe('Changes a pair variable.'),
    z
      .strictObject({
        variable: z.literal('readiness').describe("Readiness: how ready an actor's forces are, 0 .. readinessMax."),
        of: Ref.describe('Whose readiness.'),
        delta: z.number().min(-100).max(100).describe('The change, added before readiness is clamped to 0 .. readinessMax.'),
      })
      .describe('Changes readiness.'),
    z
      .strictObject({
        variable: z.literal('grievance').describe('Grievance: how provoked one actor feels by another, 0 .. 1.'),
        of: Ref.describe('Who feels the grievance.'),
        toward: Ref.describe('Whom it is held against.'),
        delta: z.number().min(-1).max(1).describe('The change, added before the grievance is clamped to 0 .. 1.'),
      })
      .describe('Changes a grievance: how provoked one actor feels by another; computer players answer it.'),
    z
      .strictObject({
        variable: z
          .literal('standing')
          .describe('Standing: the resolve and influence an actor has shown, 0 .. 1; it fades unless renewed.'),
        of: Ref.describe('Whose standing.'),
        delta: z.number().min(-1).max(1).describe('The change, added before standing is clamped to 0 .. 1.'),
      })
      .describe('Changes standing: the private payoff of a firm act (deterrence, reassurance, resolve, influence).'),
  ])
  .describe('One change an action or rule makes.')

export const Action = grounded({
  id: Id,
  name: z.string().min(1).max(80).describe('The name on the action card.'),
  description: z.string().max(1000).describe('What the action is, on the action card.'),
  actors: z.array(ActorId).min(1).describe('Who may take this action.'),
  partners: z
    .strictObject({
      from: z.array(ActorId).min(1).describe('Who may be asked to join.'),
      min: z.number().int().min(1).max(7).describe('Fewest partners.'),
      max: z.number().int().min(1).max(7).describe('Most partners.'),
    })
    .optional()
    .describe('A joint action needs partners; each must consent.'),
  targets: z
    .strictObject({
      from: z.array(ActorId).min(1).optional().describe('Who may be targeted; any other actor when omitted.'),
      min: z.number().int().min(0).max(7).describe('Fewest targets.'),
      max: z.number().int().min(0).max(7).describe('Most targets.'),
      contact: z.boolean().optional().describe('Whether a participant must be in contact with each target.'),
    })
    .optional()
    .describe('Whom the action is aimed at.'),
  cost: z.number().int().min(0).max(10).describe('Political capital it costs the actor who proposes it.'),
  partnerCost: z
    .number()
    .int()
    .min(0)
    .max(10)
    .optional()
    .describe('Political capital each partner of a joint action pays (0 when omitted); a partner without it left declines.'),
  extraTargetCost: z
    .number()
    .int()
    .min(0)
    .max(10)
    .optional()
    .describe('Political capital each target beyond the first adds to the cost (0 when omitted).'),
  oncePerGame: z
    .boolean()
    .optional()
    .describe('A founding act (a pact is signed once): the same participants can take it only once a game.'),
  requires: Id.optional().describe(
    'A once-a-game act (by its id) the same participants must have taken in an earlier turn, e.g. deepening a pact needs the pact.',
  ),
  tags: z.array(z.enum(ACTION_TAGS)).max(8).describe('Kinds the rules react to.'),
  pinPrick: z
    .boolean()
    .describe('A local confrontation near a target: adds to the incident hazard of each participant–target pair this turn.'),
  effects: z.array(Effect).max(40).describe('What the action changes; refs are relative to it.'),
})

export const RuleBase = {
  id: Id,
  name: z.string().min(1).max(80).describe('The name players see in the ledger and the "Why?" panel.'),
  description: z.string().max(1000).describe('What the rule does, in plain words.'),
  enabled: z.boolean().optional().describe('Set to false to switch the rule off (counterfactuals).'),
  ...groundingFields,
}

export const Trigger = z
  .strictObject({
    actions: z.array(Id).optional().describe('Any of these actions.'),
    tags: z.array(z.enum(ACTION_TAGS)).optional().describe('Actions carrying any of these tags.'),
    actors: z.array(ActorId).optional().describe('Taken by (or with) any of these actors.'),
    targets: z.array(ActorId).optional().describe('Aimed at any of these actors.'),
  })
  .describe('Which actions of this turn trigger the reaction (all given conditions must hold).')

const ReactionRule = z
  .strictObject({
    ...RuleBase,
    kind: z.literal('reaction'),
    when: Trigger,
    effects: z.array(Effect).min(1).max(40).describe('Applied once per triggering action; refs are relative to it.'),
  })
  .meta(GROUNDING_META)
  .describe('A causal claim of the text: when an action of a kind is taken, the world reacts.')

const DoubleContainmentRule = z
  .strictObject({
    ...RuleBase,
    kind: z.literal('double-containment'),
    when: Trigger.describe('Which actions count as containment.'),
    targets: Pair.describe('The two actors contained together.'),
    camp: z
      .array(ActorId)
      .min(1)
      .max(12)
      .optional()
      .describe(
        'Actors whose acts count together: when the camp as a whole acted against both this turn the rule fires once, "actor" being the first of the camp that took part and "participants" all who did. Without it the rule fires once per actor that acted against both.',
      ),
    effects: z.array(Effect).min(1).max(40).describe('Applied once per actor (or camp) that acted against both this turn.'),
  })
  .meta(GROUNDING_META)
  .describe('An extra push when one actor (or a camp together) acts against both members of a pair in the same turn.')

const PairRule = <Kind extends string>(kind: Kind, description: string) =>
  z
    .strictObject({ ...RuleBase, kind: z.literal(kind), pair: Pair })
    .meta(GROUNDING_META)
    .describe(description)

const SimpleRule = <Kind extends string>(kind: Kind, description: string) =>
  z
    .strictObject({ ...RuleBase, kind: z.literal(kind) })
    .meta(GROUNDING_META)
    .describe(description)

export const RULE_KINDS = [
  'reaction',
  'double-containment',
  'arms',
  'balance',
  'interests',
  'pacts',
  'autonomy-cap',
  'autonomy-ceiling',
  'interdependence-floor',
  'tension-cooling',
  'tension-hostility',
  'grievance-fading',
  'incidents',
  'quasi-alliance',
  'rigid-blocs',
  'impasse',
  'standing-fading',
] as const

export const Rule = z
  .discriminatedUnion('kind', [
    ReactionRule,
    DoubleContainmentRule,
    SimpleRule('arms', "Richardson arms dynamics: readiness answers rivals' readiness, weighted by hostility and contact."),
    SimpleRule('balance', 'Structural balance: the enemy of my enemy becomes my friend, faster when tension is high.'),
    SimpleRule('interests', 'Alignment drifts back toward the baseline propensity of each pair.'),
    SimpleRule('pacts', 'Commitment holds alignment up.'),
    PairRule('autonomy-cap', "Strategic autonomy: the pair's alignment stays at or below `autonomyCap` (a hard cap)."),
    PairRule(
      'autonomy-ceiling',
      "Strategic autonomy as a soft ceiling at the pair's baseline + `autonomyMargin`: its gains in alignment shrink as it nears the ceiling, and it never passes it.",
    ),
    SimpleRule(
      'interdependence-floor',
      'Interdependence puts a floor under alignment: a pair with ties (interdependence above 0) stays at or above `interdependenceFloor` × its interdependence.',
    ),
    SimpleRule('tension-cooling', 'Tension cools by a share each turn.'),
    SimpleRule('tension-hostility', 'Hostility between armed rivals feeds tension.'),
    SimpleRule('grievance-fading', 'Grievances fade each turn.'),
    SimpleRule('incidents', 'Dangerous incidents nobody chose, likelier with tension and pin pricks.'),
    PairRule('quasi-alliance', 'Detects a quasi-alliance of the pair.'),
    SimpleRule('rigid-blocs', 'Detects rigid blocs.'),
    SimpleRule('impasse', 'Detects an impasse: rigid blocs, high cross-bloc tension, no movement.'),
    SimpleRule('standing-fading', 'Standing fades by `standingFading` each turn unless renewed by firm acts.'),
  ])
  .describe('A rule of the model. Each kind may appear as often as needed; structural kinds at most once.')

export const Measure = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('alignment'), pair: Pair }),
    z.strictObject({ kind: z.literal('tension'), pair: Pair }),
    z.strictObject({ kind: z.literal('interdependence'), pair: Pair }),
    z.strictObject({ kind: z.literal('commitment'), pair: Pair }),
    z.strictObject({ kind: z.literal('readiness'), actor: ActorId }),
    z.strictObject({
      kind: z.literal('mean-alignment'),
      actor: ActorId,
      with: z.array(ActorId).min(1).describe('The others, averaged over.'),
    }),
    z.strictObject({
      kind: z.literal('mean-tension'),
      actor: ActorId,
      with: z.array(ActorId).min(1).describe('The others, averaged over.'),
    }),
    z.strictObject({
      kind: z.literal('standing'),
      actor: ActorId,
      against: z
        .array(ActorId)
        .min(1)
        .optional()
        .describe(
          "Rivals to compare with: the measure is 1 less the shortfall of the actor's standing against their mean standing (deterrence is about not falling behind: a lead adds nothing). Absolute when omitted.",
        ),
    }),
    z.strictObject({ kind: z.literal('rigidity') }),
    z.strictObject({ kind: z.literal('rung') }),
  ])
  .describe('A quantity of the state, normalised to 0..1 for scoring.')

export const Objective = z
  .strictObject({
    id: Id,
    description: z.string().min(1).max(300).describe('What the role wants, in a few words ("Keep the allies close").'),
    weight: z.number().min(0).max(10).describe("How much this objective counts against the role's others."),
    measure: Measure,
    goal: z.enum(['high', 'low']).describe('Whether the role wants the measure high or low.'),
    ...groundingFields,
  })
  .describe("One weighted term of a role's score.")

export const Role = z
  .strictObject({
    id: Id,
    actor: ActorId,
    name: z.string().min(1).max(80).describe('The name players choose.'),
    description: z.string().max(1000).describe('The role in a sentence, shown when choosing it.'),
    objectives: z.array(Objective).min(1).max(12).describe('What the role scores on; the score is their weighted mean.'),
  })
  .describe('A power a player or the computer can play, and what it wants. Everyone loses an armed clash.')

export const Turns = z
  .strictObject({
    start: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
      .describe('Date of turn 1, YYYY-MM.'),
    monthsPerTurn: z.number().int().min(1).max(12).describe('Months each turn stands for.'),
    default: z.number().int().min(1).max(100).describe('Default number of turns.'),
    max: z.number().int().min(1).max(100).describe('Most turns a game may have.'),
    budget: z.number().int().min(0).max(20).describe('Political capital per actor per turn.'),
    scoring: z
      .enum(['mean', 'final'])
      .describe(
        'How a game is scored: "mean", the mean of the per-turn scores over the whole game (an armed clash scores 0 for every turn it cuts off); or "final", the last turn only.',
      ),
    ...groundingFields,
  })
  .meta(GROUNDING_META)
  .describe('Turn settings; the grounding covers the budget and the scoring.')

/** What the player does to move the guide on to its next step. */
export const GUIDE_EVENTS = ['next', 'choice-added', 'turn-ended', 'why-opened', 'source-opened', 'report-closed'] as const
/** The parts of the game screen a guide step can point at. */
export const GUIDE_PLACES = ['score', 'map', 'ladder', 'plan', 'cards', 'end-turn', 'toolbar'] as const

export const GuideStep = z
  .strictObject({
    text: z
      .string()
      .min(1)
      .max(600)
      .describe('What to tell the player at this step, in a sentence or two; `{power}` stands for the name of the power being played.'),
    point: z.enum(GUIDE_PLACES).optional().describe('The part of the game screen to highlight while this step is shown.'),
    until: z
      .enum(GUIDE_EVENTS)
      .describe(
        'What moves the guide on: "next" (the player presses Next), "choice-added" (an action is added to the plan), "turn-ended", "why-opened" (a Why? in the turn report), "source-opened" (the source reader), "report-closed" (back from the report to the next turn).',
      ),
  })
  .describe('One step of an in-game guide. Interface teaching, not a rule: it needs no citation.')

export const Guide = z
  .array(GuideStep)
  .min(1)
  .max(30)
  .describe("A step-by-step guide shown beside the game, for tutorial scenarios. An extension does not inherit its base's guide.")

export const Lens = z
  .strictObject({
    name: z.string().min(1).max(60).describe('The reading\'s short name, shown in the Reading list on New game ("Values").'),
    reading: z.string().min(1).max(300).describe('The reading in one sentence: why the powers act as they do under it.'),
    citations: z.array(Citation).min(1).max(10).describe('The passages that state this reading.'),
  })
  .describe(
    'This scenario is a reading (a lens) of the text: on a base, the default reading; on an extension of one base, another reading of it, offered with the base on New game and by `--lens`. Not inherited.',
  )

export const Scenario = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editors.'),
    formatVersion: z
      .literal(FORMAT_VERSION)
      .describe('The version of the file format this file is written for. Older formats are migrated on load; newer ones are refused.'),
    id: Id,
    title: z.string().min(1).max(120).describe('The title players see.'),
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, 'must be a version MAJOR.MINOR.PATCH')
      .describe("The scenario's own version, MAJOR.MINOR.PATCH."),
    description: z.string().max(4000).describe('What the scenario is about, shown when choosing it.'),
    author: z.string().max(200).optional().describe('Who wrote the scenario.'),
    sources: z.array(Source).min(1).max(20).describe('The texts the scenario cites.'),
    actors: z.array(Actor).min(2).max(12).describe('The powers.'),
    static: z
      .strictObject({
        baseline: PairTable.describe('Baseline propensity a0 of each pair, −1..1: where interests pull alignment.'),
        contact: z.array(ContactPair).max(66).describe('Pairs whose forces operate near each other.'),
      })
      .describe('What does not change during a game.'),
    start: z
      .strictObject({
        alignment: PairTable.describe('−1 (rivals) .. +1 (friends).'),
        tension: PairTable.describe('0 .. 1.'),
        readiness: ActorTable.describe('0 .. readinessMax.'),
        standing: ActorTable.describe('0 .. 1: resolve and influence shown.'),
        commitment: PairTable.describe('0 .. 1: pacts and roadmaps.'),
        interdependence: PairTable.describe('0 .. 1: energy, arms and investment ties.'),
      })
      .describe('The state at the start of turn 1.'),
    parameters: Parameters,
    computer: ComputerWeights,
    ladder: z.array(Rung).min(2).max(12).describe('The escalation ladder, lowest rung first; the first rung starts at 0.'),
    actions: z.array(Action).min(1).max(100).describe('What the powers can do each turn.'),
    rules: z.array(Rule).min(1).max(100).describe('How the world answers: the causal claims of the text and the dynamics of the model.'),
    ...injectSection({ Id, Pair, Effect, grounded }),
    roles: z.array(Role).min(1).max(12).describe('The powers a player can take, and what each wants.'),
    turns: Turns,
    guide: Guide.optional(),
    lens: Lens.optional(),
    context: Context.optional(),
    glossary: Glossary.optional(),
    ...claimSections({ Id, ActorId, Pair, Citation }),
  })
  .describe('A Red Lines scenario: data only, every number grounded in its sources or marked as an assumption.')

export type ScenarioFile = z.infer<typeof Scenario>
export type CitationData = z.infer<typeof Citation>
export type ActionData = z.infer<typeof Action>
export type { ComputerWeightName, ParameterName } from './names.ts'
export { COMPUTER_WEIGHT_NAMES, PARAMETER_NAMES } from './names.ts'
export type { InjectData } from './schema-injects.ts'
export type RuleData = z.infer<typeof Rule>
export type EffectData = z.infer<typeof Effect>
export type RefData = z.infer<typeof Ref>
export type TriggerData = z.infer<typeof Trigger>
export type MeasureData = z.infer<typeof Measure>
export type RoleData = z.infer<typeof Role>
export type LensData = z.infer<typeof Lens>
export type { ContextData, ErratumData, GlossaryData, GlossaryTerm } from './schema-context.ts'
export { GLOSSARY_TERMS } from './schema-context.ts'
export type ActionTag = (typeof ACTION_TAGS)[number]
export type RuleKind = (typeof RULE_KINDS)[number]
