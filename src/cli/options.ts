// Flag values checked once, with one clear line for each mistake.
import type { CompiledScenario, Difficulty } from '../engine/index.ts'
import { DIFFICULTIES } from '../engine/index.ts'
import { UsageError } from './errors.ts'

export function integerFlag(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`--${name} must be a whole number, got "${raw}"`)
  const value = Number(raw)
  if (value < min || value > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${raw}`)
  return value
}

export function difficultyFlag(raw: string | undefined): Difficulty {
  if (raw === undefined) return 'normal'
  if (!(DIFFICULTIES as readonly string[]).includes(raw))
    throw new UsageError(`--difficulty must be one of ${DIFFICULTIES.join(', ')}, got "${raw}"`)
  return raw as Difficulty
}

/**
 * `--level ACTOR=LEVEL` (repeatable): the computer's level for one power, when not --difficulty's. Checks the
 * form before the scenario is read; levelActorsCheck checks the actors after.
 */
export function levelFlags(raw: readonly string[] | undefined): Record<string, Difficulty> {
  const levels: Record<string, Difficulty> = {}
  for (const value of raw ?? []) {
    const match = /^([^=\s]+)=([^=\s]+)$/.exec(value)
    if (!match) throw new UsageError(`--level must be ACTOR=LEVEL (e.g. USA=hard), got "${value}"`)
    const [, actor, level] = match
    if (!(DIFFICULTIES as readonly string[]).includes(level))
      throw new UsageError(`--level ${actor}=${level}: the level must be one of ${DIFFICULTIES.join(', ')}`)
    if (Object.hasOwn(levels, actor)) throw new UsageError(`--level names ${actor} twice`)
    levels[actor] = level as Difficulty
  }
  return levels
}

/** The --level actors must be the scenario's. */
export function levelActorsCheck(levels: Readonly<Record<string, Difficulty>>, scn: CompiledScenario): void {
  const unknown = Object.keys(levels).filter((actor) => !(actor in scn.actorIndex))
  if (unknown.length > 0)
    throw new UsageError(`--level names ${unknown.join(', ')}, not an actor of ${scn.id} (its actors: ${scn.actorIds.join(', ')})`)
}

/** ", USA hard, CHN easy" for the powers at their own level (for the summary's first line). */
export function levelsText(levels: Readonly<Record<string, string>>): string {
  return Object.entries(levels)
    .map(([actor, level]) => `, ${actor} ${level}`)
    .join('')
}

/** `--others ai|none`: whether unscripted actors are played by the computer. */
export function othersFlag(raw: string | undefined): boolean {
  if (raw === undefined || raw === 'ai') return true
  if (raw === 'none') return false
  throw new UsageError(`--others must be "ai" or "none", got "${raw}"`)
}

/** `--turns`: the scenario's range applies, so this checks the form before the scenario is read, and again after. */
export function turnsFlag(raw: string | undefined, scn: CompiledScenario): number {
  return integerFlag('turns', raw, scn.file.turns.default, 1, scn.file.turns.max)
}

/** What can be said of `--turns` before the scenario is read: a whole number from 1. */
export function checkTurnsForm(raw: string | undefined): void {
  integerFlag('turns', raw, 1, 1, Number.MAX_SAFE_INTEGER)
}

export function requireScenario(raw: string | undefined): string {
  if (!raw) throw new UsageError('--scenario <folder> is required')
  return raw
}

export { quasiAlliancePair } from '../engine/index.ts'
