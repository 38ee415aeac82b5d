// Claims as data: the propositions a scenario's source makes, as tests the model can pass or fail.
// A policy is a fixed set of choices some actors take every turn; a claim compares a policy with a
// baseline (or with a limit) on one measure over many paired games. schema.ts spreads `claimSections`
// into the scenario; the building blocks come in as arguments so that this file imports schema.ts
// for types only (a runtime import would be a cycle).
import * as z from 'zod'

/** The reserved baseline in which every actor the policy names passes. */
export const QUIET_BASELINE = 'quiet'

export const CLAIM_MEASURE_KINDS = [
  'alignment',
  'interdependence',
  'mean-tension',
  'incidents',
  'rigidity',
  'rigid-blocs',
  'quasi-alliance',
  'armed-clash',
  'impasse',
  'score',
] as const
export type ClaimMeasureKind = (typeof CLAIM_MEASURE_KINDS)[number]

interface Blocks {
  Id: z.ZodString
  ActorId: z.ZodString
  Pair: z.ZodTuple<[z.ZodString, z.ZodString], null>
  Citation: z.ZodType<{ source: string; paragraph: number; quote: string }>
}

export function claimSections({ Id, ActorId, Pair, Citation }: Blocks) {
  const PolicyChoice = z
    .strictObject({
      action: Id.describe('The id of an action in `actions`.'),
      targets: z.array(ActorId).max(7).optional().describe('Whom it is aimed at, as the action requires.'),
      partners: z.array(ActorId).max(7).optional().describe('Who joins it, as the action requires.'),
    })
    .describe('One choice an actor makes every turn of the policy; it must be legal at the start of the game.')

  const Policy = z
    .strictObject({
      id: Id,
      name: z.string().min(1).max(80).describe('A short name, shown with the claims that use it.'),
      description: z.string().max(1000).describe('What the policy is, in a sentence.'),
      choices: z
        .record(ActorId, z.array(PolicyChoice).max(10))
        .describe(
          'By actor: the choices it takes every turn. An actor named with an empty list passes every turn; actors not named are played as the claim says (`others`).',
        ),
    })
    .describe('A scripted policy: what some actors do every turn, for testing claims.')

  const pairMeasure = <Kind extends string>(kind: Kind, description: string) =>
    z.strictObject({ kind: z.literal(kind), pair: Pair }).describe(description)
  const gameShare = <Kind extends string>(kind: Kind, description: string) =>
    z.strictObject({ kind: z.literal(kind) }).describe(`${description} Per game 1 or 0, so its mean is the share of games.`)

  const ClaimMeasure = z
    .discriminatedUnion('kind', [
      pairMeasure('alignment', "The pair's alignment at the end of the game, −1..1."),
      pairMeasure('interdependence', "The pair's interdependence at the end of the game, 0..1."),
      z
        .strictObject({
          kind: z.literal('mean-tension'),
          pair: Pair.optional().describe('The pair; the mean over all pairs when omitted.'),
        })
        .describe('Tension, 0..1, averaged over every turn played (of the pair, or of all pairs).'),
      z.strictObject({ kind: z.literal('incidents') }).describe('Incidents per turn played.'),
      z.strictObject({ kind: z.literal('rigidity') }).describe('Bloc rigidity at the end of the game, 0..100.'),
      gameShare('rigid-blocs', 'Whether the game ends with rigid blocs.'),
      gameShare('quasi-alliance', 'Whether the game ends with a quasi-alliance.'),
      gameShare('armed-clash', 'Whether the game ends in an armed clash.'),
      gameShare('impasse', 'Whether the game ends in an impasse.'),
      z
        .strictObject({ kind: z.literal('score'), role: Id.describe('The id of a role in `roles`.') })
        .describe("The role's final score, 0..100."),
    ])
    .describe('What a claim measures in each game, in the raw units of the model (not normalised).')

  const Claim = z
    .strictObject({
      id: Id,
      statement: z.string().min(10).max(1000).describe('The claim in plain words, as the source makes it.'),
      citations: z.array(Citation).min(1).max(20).describe('The passages that make the claim. Every claim is cited.'),
      policy: Id.describe('The id of the policy under test, in `policies`.'),
      baseline: Id.optional().describe(
        `The policy it is compared with, or "${QUIET_BASELINE}" (every actor the policy names passes). Without a baseline the claim is absolute: the policy's mean is compared with \`limit\`.`,
      ),
      others: z
        .enum(['none', 'computer'])
        .describe('Actors neither policy names: played by the computer at normal difficulty ("computer"), or passing ("none").'),
      turns: z.number().int().min(1).max(100).describe('Turns per game (at most `turns.max`).'),
      measure: ClaimMeasure,
      direction: z
        .enum(['higher', 'lower'])
        .describe(
          'With a baseline: whether the policy makes the measure higher or lower. Without: whether the mean stays above or below `limit`.',
        ),
      minEffect: z
        .number()
        .min(0)
        .optional()
        .describe(
          'With a baseline (required there): the smallest mean difference, policy minus baseline in the direction claimed, that counts. The claim holds when the difference is at least this and its 95% interval excludes 0.',
        ),
      limit: z
        .number()
        .optional()
        .describe(
          'Without a baseline (required there): the bound the mean must respect. "lower" holds when the upper end of the 95% interval is at most the limit; "higher" when the lower end is at least the limit.',
        ),
    })
    .describe('A proposition of the source, testable on the model: a policy against a baseline (or a limit) on one measure.')

  return {
    policies: z.array(Policy).min(1).max(50).optional().describe('Scripted policies the claims compare.'),
    claims: z
      .array(Claim)
      .min(1)
      .max(50)
      .optional()
      .describe('The claims the source makes, as tests: `redlines claims` runs them and the Evidence screen shows them.'),
  }
}

type Sections = ReturnType<typeof claimSections>
export type PolicyData = NonNullable<z.infer<Sections['policies']>>[number]
export type ClaimData = NonNullable<z.infer<Sections['claims']>>[number]
export type ClaimMeasureData = ClaimData['measure']
