// The shape of an extension: a scenario file that names a base (by id and version range) and changes it
// by id — `remove`, then `override`, then `add` — instead of repeating it. Part of the one source of truth
// with schema.ts: the loader's shape check and the published JSON Schema both come from here.
import * as z from 'zod'
import {
  Action,
  Actor,
  COMPUTER_WEIGHT_DESCRIPTIONS,
  COMPUTER_WEIGHT_NAMES,
  ActorId,
  ActorValue,
  ContactPair,
  Effect,
  FORMAT_VERSION,
  Id,
  PARAMETER_DESCRIPTIONS,
  PARAMETER_NAMES,
  Pair,
  PairValue,
  Parameter,
  RULE_KINDS,
  Role,
  Rule,
  RuleBase,
  Rung,
  Scenario,
  Source,
  Theatre,
  Trigger,
  Turns,
  groundingFields,
} from './schema.ts'
import type { ComputerWeightName, ParameterName } from './schema.ts'
import { VERSION_RANGE_PATTERN } from './semver.ts'

/**
 * Builds the extension schema and its parts. Called once, on first use (extensionSchema): most files loaded
 * extend nothing, and a command that checks one of them and exits need not build it.
 */
function buildExtension() {
  const Policy = Scenario.shape.policies.unwrap().element
  const Claim = Scenario.shape.claims.unwrap().element
  const Inject = Scenario.shape.injects.unwrap().element

  const VersionRangeText = z
    .string()
    .max(40)
    .regex(VERSION_RANGE_PATTERN, 'must be a version range such as "^1.0.0", "~1.2.0", "1.x" or "1.2.3"')
    .describe(
      'Which versions of the base this file works with: "1.2.3" exactly, "1.x" or "1.2.x", "^1.2.3" (1.2.3 up to 2.0.0), "~1.2.3" (1.2.3 up to 1.3.0), or "*".',
    )

  const BaseRef = z
    .strictObject({
      id: Id.describe('The id of the base scenario.'),
      version: VersionRangeText,
    })
    .describe('A scenario this file builds on.')

  const GROUNDING_NOTE = 'Giving `citations` or `assumption` replaces both of the base item (grounding travels together).'

  /** A change to one item of a list: its id, plus every field to replace. */
  function itemChange<Shape extends z.ZodRawShape, Key extends z.ZodType>(item: z.ZodObject<Shape>, key: Key) {
    return item
      .partial()
      .extend({ id: key })
      .describe(`Replaces the fields it names; the others are kept (lists inside the item are replaced whole). ${GROUNDING_NOTE}`)
  }

  const PairValueChange = z
    .strictObject({ pair: Pair, value: z.number().optional().describe('The new value.'), ...groundingFields })
    .describe(`Changes the entry of this pair (in either order). ${GROUNDING_NOTE}`)
  const ActorValueChange = z
    .strictObject({ actor: ActorId, value: z.number().optional().describe('The new value.'), ...groundingFields })
    .describe(`Changes the entry of this actor. ${GROUNDING_NOTE}`)
  const DefaultChange = z
    .strictObject({ value: z.number().optional().describe('The new value.'), ...groundingFields })
    .describe(`Changes the default. ${GROUNDING_NOTE}`)

  const PairTableChange = z
    .strictObject({
      default: DefaultChange.optional(),
      pairs: z.array(PairValueChange).max(200).optional().describe('Changes to listed pairs; each pair must be listed in the base.'),
    })
    .describe('Changes to a pair table.')

  const ActorTableChange = z
    .strictObject({
      default: DefaultChange.optional(),
      actors: z.array(ActorValueChange).max(50).optional().describe('Changes to listed actors; each must be listed in the base.'),
    })
    .describe('Changes to an actor table.')

  const ContactChange = z
    .strictObject({ pair: Pair, theatre: Theatre.optional(), ...groundingFields })
    .describe(`Changes the contact of this pair. ${GROUNDING_NOTE}`)

  const RuleChange = z
    .strictObject({
      ...RuleBase,
      name: RuleBase.name.optional(),
      description: RuleBase.description.optional(),
      kind: z.enum(RULE_KINDS).optional(),
      when: Trigger.optional(),
      targets: Pair.optional(),
      camp: z.array(ActorId).min(1).max(12).optional().describe('For double containment: the actors whose acts count together.'),
      pair: Pair.optional(),
      effects: z.array(Effect).min(1).max(40).optional().describe('The new effects (the whole list).'),
    })
    .describe(`Replaces the fields it names; the others are kept. ${GROUNDING_NOTE}`)

  const ParameterChange = Parameter.partial().describe(`Replaces the fields it names. ${GROUNDING_NOTE}`)

  const ParametersChange = z
    .strictObject(
      Object.fromEntries(
        PARAMETER_NAMES.map((name) => [name, ParameterChange.optional().describe(PARAMETER_DESCRIPTIONS[name])]),
      ) as Record<ParameterName, z.ZodOptional<typeof ParameterChange>>,
    )
    .describe('Changes to parameters, by name. Parameters cannot be removed or added: every scenario has all of them.')

  const ComputerChange = z
    .strictObject(
      Object.fromEntries(
        COMPUTER_WEIGHT_NAMES.map((name) => [name, ParameterChange.optional().describe(COMPUTER_WEIGHT_DESCRIPTIONS[name])]),
      ) as Record<ComputerWeightName, z.ZodOptional<typeof ParameterChange>>,
    )
    .describe("Changes to the computer players' weights, by name.")

  const startTables = <Table extends z.ZodType, Readiness extends z.ZodType>(table: Table, readiness: Readiness) =>
    z
      .strictObject({
        alignment: table.optional(),
        tension: table.optional(),
        readiness: readiness.optional(),
        standing: readiness.optional(),
        commitment: table.optional(),
        interdependence: table.optional(),
      })
      .describe('Starting values, by table.')

  const list = <Item extends z.ZodType>(item: Item, description: string) => z.array(item).min(1).max(100).optional().describe(description)

  const Override = z
    .strictObject({
      sources: list(itemChange(Source, Id), 'Changes to sources, by id.'),
      actors: list(itemChange(Actor, ActorId), 'Changes to actors, by id.'),
      static: z
        .strictObject({ baseline: PairTableChange.optional(), contact: list(ContactChange, 'Changes to contacts, by pair.') })
        .optional()
        .describe('Changes to what does not change during a game.'),
      start: startTables(PairTableChange, ActorTableChange).optional(),
      parameters: ParametersChange.optional(),
      computer: ComputerChange.optional(),
      ladder: list(itemChange(Rung, Id), 'Changes to rungs, by id.'),
      actions: list(itemChange(Action, Id), 'Changes to actions, by id.'),
      rules: list(RuleChange, 'Changes to rules, by id.'),
      injects: list(itemChange(Inject, Id), 'Changes to injects, by id (`effects` and `pinPricks` are replaced whole).'),
      roles: list(itemChange(Role, Id), 'Changes to roles, by id (objectives are replaced as a whole list).'),
      turns: Turns.partial().optional().describe('Changes to the turn settings.'),
      policies: list(itemChange(Policy, Id), 'Changes to policies, by id (`choices` is replaced whole).'),
      claims: list(itemChange(Claim, Id), 'Changes to claims, by id (`measure` is replaced whole).'),
    })
    .describe('Items of the base to change, by id (parameters by name, table entries by pair or actor). Each must exist in the base.')

  const ids = (key: z.ZodType, noun: string) => z.array(key).min(1).max(100).optional().describe(`${noun} to remove.`)
  const pairs = (noun: string) =>
    z.array(Pair).min(1).max(200).optional().describe(`Pairs whose ${noun} entry to remove (the default then applies).`)

  const Remove = z
    .strictObject({
      sources: ids(Id, 'Sources'),
      actors: ids(ActorId, 'Actors'),
      static: z
        .strictObject({
          baseline: pairs('baseline'),
          contact: z.array(Pair).min(1).max(66).optional().describe('Pairs that are no longer in contact.'),
        })
        .optional()
        .describe('Entries of `static` to remove.'),
      start: z
        .strictObject({
          alignment: pairs('alignment'),
          tension: pairs('tension'),
          readiness: z
            .array(ActorId)
            .min(1)
            .max(50)
            .optional()
            .describe('Actors whose readiness entry to remove (the default then applies).'),
          standing: z
            .array(ActorId)
            .min(1)
            .max(50)
            .optional()
            .describe('Actors whose standing entry to remove (the default then applies).'),
          commitment: pairs('commitment'),
          interdependence: pairs('interdependence'),
        })
        .optional()
        .describe('Entries of the starting tables to remove.'),
      ladder: ids(Id, 'Rungs'),
      actions: ids(Id, 'Actions'),
      rules: ids(Id, 'Rules'),
      injects: ids(Id, 'Injects'),
      roles: ids(Id, 'Roles'),
      policies: ids(Id, 'Policies'),
      claims: ids(Id, 'Claims'),
    })
    .describe('Items of the base to remove, by id (table entries by pair or actor). Each must exist in the base.')

  const Add = z
    .strictObject({
      sources: list(Source, "New sources; their files are relative to this file's folder."),
      actors: list(Actor, 'New actors.'),
      static: z
        .strictObject({
          baseline: z.array(PairValue).min(1).max(200).optional().describe('New baseline entries.'),
          contact: list(ContactPair, 'New contacts.'),
        })
        .optional()
        .describe('New entries of `static`.'),
      start: startTables(
        z.array(PairValue).min(1).max(200).describe('New entries.'),
        z.array(ActorValue).min(1).max(50).describe('New entries.'),
      ).optional(),
      ladder: list(Rung, 'New rungs; each is placed by its `up` among the rungs of the base.'),
      actions: list(Action, 'New actions, after those of the base.'),
      rules: list(Rule, 'New rules, after those of the base.'),
      injects: list(Inject, 'New injects, after those of the base.'),
      roles: list(Role, 'New roles, after those of the base.'),
      policies: list(Policy, 'New policies, after those of the base.'),
      claims: list(Claim, 'New claims, after those of the base.'),
    })
    .describe('New items. Their ids (pairs, actors) must not exist in the base.')

  const whole = <Schema extends z.ZodType>(schema: Schema) =>
    schema.optional().describe('Replaces this whole section of the base; `remove`, `override` and `add` then apply to it.')

  const Extension = z
    .strictObject({
      $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editors.'),
      formatVersion: z.literal(FORMAT_VERSION).describe('The version of the file format this file is written for.'),
      id: Id,
      title: z.string().min(1).max(120).describe('The title players see.'),
      version: z
        .string()
        .regex(/^\d+\.\d+\.\d+$/, 'must be a version MAJOR.MINOR.PATCH')
        .describe("This extension's own version, MAJOR.MINOR.PATCH."),
      description: z.string().max(4000).describe('What this variant changes and why.'),
      author: z.string().max(200).optional().describe('Who wrote the extension.'),
      extends: z
        .union([BaseRef, z.array(BaseRef).min(1).max(8)])
        .describe('The base, or several extensions of one common base to combine (their changes must not contradict each other).'),
      sources: whole(Scenario.shape.sources),
      actors: whole(Scenario.shape.actors),
      static: whole(Scenario.shape.static),
      start: whole(Scenario.shape.start),
      parameters: whole(Scenario.shape.parameters),
      computer: whole(Scenario.shape.computer),
      ladder: whole(Scenario.shape.ladder),
      actions: whole(Scenario.shape.actions),
      rules: whole(Scenario.shape.rules),
      injects: whole(Scenario.shape.injects.unwrap()),
      roles: whole(Scenario.shape.roles),
      turns: whole(Scenario.shape.turns),
      guide: Scenario.shape.guide,
      lens: Scenario.shape.lens,
      context: whole(Scenario.shape.context.unwrap()),
      glossary: whole(Scenario.shape.glossary.unwrap()),
      policies: whole(Scenario.shape.policies.unwrap()),
      claims: whole(Scenario.shape.claims.unwrap()),
      remove: Remove.optional(),
      override: Override.optional(),
      add: Add.optional(),
    })
    .describe(
      'A Red Lines scenario that extends another: it names its base in `extends` and removes, overrides and adds items by id. The merged result is checked like any scenario.',
    )
  return { Extension, BaseRef }
}

let built: ReturnType<typeof buildExtension> | undefined

/** The schema of an extension file (built on first use). */
export function extensionSchema(): ReturnType<typeof buildExtension>['Extension'] {
  built ??= buildExtension()
  return built.Extension
}

export type ExtensionFile = z.infer<ReturnType<typeof buildExtension>['Extension']>
export type BaseRefData = z.infer<ReturnType<typeof buildExtension>['BaseRef']>
