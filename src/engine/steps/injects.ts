// Step 1½: the events a teacher injected at the start of the turn, in the order given, before the
// actions. Nobody takes an inject: its effects name actors by id, and no rule reacts to it as to an
// action. Its pin pricks raise this turn's incident hazard of their pairs, as an action's do.
import type { CompiledScenario } from '../compiled.ts'
import type { TurnContext } from './context.ts'
import { clampTouched } from './context.ts'
import { applyEffects } from './effects.ts'

/** Why an inject cannot be played this turn (unknown, or already given in `earlier`), or null. */
export function injectProblem(scn: CompiledScenario, id: string, earlier: readonly string[] = []): string | null {
  if (!Object.prototype.hasOwnProperty.call(scn.injectById, id)) return `scenario "${scn.id}" has no inject "${id}"`
  if (earlier.includes(id)) return `inject "${id}" is already injected this turn`
  return null
}

export function applyInjects(ctx: TurnContext, injects: readonly string[]): void {
  ctx.step = 'injects'
  for (const id of injects) {
    const inject = ctx.scn.injectById[id]
    applyEffects(ctx, inject.cause, inject.data.effects, null)
    for (const pair of inject.pinPrickPairs) ctx.pinPricks[pair] += 1
  }
  clampTouched(ctx)
}
