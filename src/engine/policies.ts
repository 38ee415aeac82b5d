// A scenario's declared policies as the engine plays them: the choices each named actor takes every turn,
// and the consent of scripted actors, who take part only in the joint actions their policy lists (a policy
// of restraint is not drawn into others' exercises). Claims, the dilemma analysis and the command's
// scripts all play policies this way.
import type { Choice, ConsentPolicy } from './choices.ts'
import { jointKey } from './choices.ts'
import type { ScriptedTurn } from './game.ts'
import type { PolicyData } from './scenario/schema-claims.ts'

/** The choices a policy makes every turn, actor by actor (none for a missing policy). */
export function policyChoices(policy: PolicyData | undefined): Choice[] {
  if (!policy) return []
  return Object.entries(policy.choices).flatMap(([actor, list]) =>
    list.map((entry) => {
      const choice: Choice = { actor, action: entry.action }
      if (entry.targets) choice.targets = [...entry.targets]
      if (entry.partners) choice.partners = [...entry.partners]
      return choice
    }),
  )
}

/** A turn of scripted actors: their choices, and consent only to the joint actions those choices list. */
export function scriptedTurnOf(choices: readonly Choice[], actors: readonly string[]): ScriptedTurn {
  const agreed = new Set(choices.map(jointKey))
  const consents: ConsentPolicy = (_partner, choice) => agreed.has(jointKey(choice))
  return { choices, actors, consents }
}
