// Injects: events a teacher can play into a game at the start of a turn ("an incident in the Sea of
// Japan", "a new sanctions package"). An inject is grounded like an action, but nobody takes it: its
// effects name actors by id. schema.ts spreads `injectSection` into the scenario; the building blocks come
// in as arguments so that this file imports schema.ts for types only (a runtime import would be a cycle).
import * as z from 'zod'
import type { Effect, Id, Pair, grounded } from './schema.ts'

interface Blocks {
  Id: typeof Id
  Pair: typeof Pair
  Effect: typeof Effect
  grounded: typeof grounded
}

export const MAX_INJECTS = 30

export function injectSection({ Id, Pair, Effect, grounded }: Blocks) {
  const Inject = grounded({
    id: Id,
    name: z
      .string()
      .min(1)
      .max(80)
      .describe('The name the teacher picks it by and the ledger shows as the cause ("Incident in the Sea of Japan").'),
    description: z
      .string()
      .min(1)
      .max(1000)
      .describe('What happened, in a few sentences: what the teacher and the students read when it is injected.'),
    effects: z
      .array(Effect)
      .min(1)
      .max(40)
      .describe(
        'What the event changes, applied at the start of the turn before the actions. Nobody takes an inject, so every ref names an actor by id ("CHN"); the refs relative to an act ("actor", "partners", "participants", "targets") and `per` are refused.',
      ),
    pinPricks: z
      .array(Pair)
      .min(1)
      .max(20)
      .optional()
      .describe(
        "Pairs whose incident hazard this turn rises as by one pin prick each, as an action marked `pinPrick` raises it for its participants and targets. Only pairs in `static.contact` can have incidents. The event does not cause an incident itself: incidents stay chance's.",
      ),
  }).describe(
    'An event a teacher can inject at the start of a turn. Its changes are booked in the ledger under its id and name, with its citations, before the actions of the turn.',
  )

  return {
    injects: z
      .array(Inject)
      .min(1)
      .max(MAX_INJECTS)
      .optional()
      .describe(
        'Events a teacher can inject into a game at the start of a turn (optional). They never happen by themselves: only when injected.',
      ),
  }
}

type Section = ReturnType<typeof injectSection>
export type InjectData = NonNullable<z.infer<Section['injects']>>[number]
