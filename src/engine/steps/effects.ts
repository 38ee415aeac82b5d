// Scenario effects, whose refs ("actor", "partners", "participants", "targets", or an actor id) are resolved
// against one action taken this turn, or against no act at all (an inject: actor ids only). Resolving them
// gives a fixed list of changes (which value, by how much) that depends on the act alone, never on the state:
// `effectChanges` works it out, `applyChanges` makes the changes. The turn's steps and the computer players'
// fast path (ai/shock-program.ts) both use these lists, so the two cannot drift apart.
import type { Cause, CompiledScenario } from '../compiled.ts'
import type { Choice } from '../choices.ts'
import type { EffectData, RefData } from '../scenario/schema.ts'
import type { ArrayVariable, TurnContext } from './context.ts'
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

/** Changes in the order they are made: change k adds deltas[k] to value indices[k] of variables[k]. */
export interface EffectChanges {
  variables: readonly ArrayVariable[]
  indices: Int32Array
  deltas: Float64Array
}

export const NO_CHANGES: EffectChanges = { variables: [], indices: new Int32Array(0), deltas: new Float64Array(0) }

/** The changes `effects` make for one act (`choice`), or for an event nobody took (`null`). */
export function effectChanges(scn: CompiledScenario, effects: readonly EffectData[], choice: Choice | null): EffectChanges {
  const variables: ArrayVariable[] = []
  const indices: number[] = []
  const deltas: number[] = []
  const push = (variable: ArrayVariable, index: number, delta: number) => {
    variables.push(variable)
    indices.push(index)
    deltas.push(delta)
  }
  for (const effect of effects) {
    if (effect.variable === 'readiness' || effect.variable === 'standing') {
      for (const id of distinct(resolveRef(effect.of, choice))) push(effect.variable, scn.actorIndex[id], effect.delta)
      continue
    }
    if (effect.variable === 'grievance') {
      const toward = distinct(resolveRef(effect.toward, choice))
      for (const who of distinct(resolveRef(effect.of, choice))) {
        for (const target of toward) {
          if (who !== target) push('grievance', scn.actorIndex[who] * scn.n + scn.actorIndex[target], effect.delta)
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
    for (const pair of pairs) push(effect.variable, pair, delta)
  }
  return variables.length === 0 ? NO_CHANGES : { variables, indices: Int32Array.from(indices), deltas: Float64Array.from(deltas) }
}

/** Makes the changes, under `cause`; `by`, for the ledger, names who acted. */
export function applyChanges(ctx: TurnContext, cause: Cause, changes: EffectChanges, by?: string[]): void {
  const { variables, indices, deltas } = changes
  for (let k = 0; k < variables.length; k++) change(ctx, cause, variables[k], indices[k], deltas[k], by)
}

/** Applies `effects` for one act (`choice`), or for an event nobody took (`null`: no one is named as acting). */
export function applyEffects(ctx: TurnContext, cause: Cause, effects: readonly EffectData[], choice: Choice | null): void {
  // Who acted is only written into ledger entries: skip building it when no ledger is kept.
  applyChanges(ctx, cause, effectChanges(ctx.scn, effects, choice), ctx.ledger && choice ? participantsOf(choice) : undefined)
}
