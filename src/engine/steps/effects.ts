// Applies scenario effects, whose refs ("actor", "partners", "participants", "targets", or an actor id)
// are resolved against one action taken this turn, or against no act at all (an inject: actor ids only).
import type { Cause } from '../compiled.ts'
import type { Choice } from '../choices.ts'
import type { EffectData, RefData } from '../scenario/schema.ts'
import type { TurnContext } from './context.ts'
import { change } from './context.ts'
import { pairIndex } from '../compiled.ts'

const isActorId = (ref: RefData): boolean => ref !== 'actor' && ref !== 'partners' && ref !== 'participants' && ref !== 'targets'

export function resolveRef(ref: RefData, choice: Choice | null): string[] {
  // Without an act a relative ref names no one; the validator refuses such refs in injects.
  if (choice === null) return isActorId(ref) ? [ref] : []
  switch (ref) {
    case 'actor':
      return [choice.actor]
    case 'partners':
      return choice.partners ?? []
    case 'participants':
      return [choice.actor, ...(choice.partners ?? [])]
    case 'targets':
      return choice.targets ?? []
    default:
      return [ref]
  }
}

export function participantsOf(choice: Choice): string[] {
  return [choice.actor, ...(choice.partners ?? [])]
}

/** The distinct actors a ref names (a fixed id and a relative ref may name the same actor). */
function distinct(ids: string[]): string[] {
  return ids.length < 2 ? ids : ids.filter((id, k) => ids.indexOf(id) === k)
}

/** How many times an effect with `per` applies for this act: bigger acts draw bigger reactions. */
function sizeOf(per: 'participant' | 'target' | undefined, choice: Choice | null): number {
  if (choice === null) return 1
  if (per === 'participant') return 1 + (choice.partners?.length ?? 0)
  if (per === 'target') return choice.targets?.length ?? 0
  return 1
}

/** Applies `effects` for one act (`choice`), or for an event nobody took (`null`: no one is named as acting). */
export function applyEffects(ctx: TurnContext, cause: Cause, effects: readonly EffectData[], choice: Choice | null): void {
  const { scn } = ctx
  // Who acted is only written into ledger entries: skip building it when no ledger is kept (AI look-ahead).
  const by = ctx.ledger && choice ? participantsOf(choice) : undefined
  for (const effect of effects) {
    if (effect.variable === 'readiness' || effect.variable === 'standing') {
      for (const id of distinct(resolveRef(effect.of, choice))) change(ctx, cause, effect.variable, scn.actorIndex[id], effect.delta, by)
      continue
    }
    if (effect.variable === 'grievance') {
      const toward = distinct(resolveRef(effect.toward, choice))
      for (const who of distinct(resolveRef(effect.of, choice))) {
        for (const target of toward) {
          if (who === target) continue
          change(ctx, cause, 'grievance', scn.actorIndex[who] * scn.n + scn.actorIndex[target], effect.delta, by)
        }
      }
      continue
    }
    const pairs: number[] = []
    const others = resolveRef(effect.between[1], choice)
    for (const a of resolveRef(effect.between[0], choice)) {
      for (const b of others) {
        const pair = a === b ? -1 : pairIndex(scn, a, b)
        if (pair >= 0 && !pairs.includes(pair)) pairs.push(pair)
      }
    }
    pairs.sort((x, y) => x - y)
    const delta = effect.delta * sizeOf(effect.per, choice)
    for (const pair of pairs) change(ctx, cause, effect.variable, pair, delta, by)
  }
}
