// Scripted choices: { "turns": { "1": { "USA": [ { "action": "sanctions", "targets": ["RUS"] } ] } } }.
import { readFile } from 'node:fs/promises'
import * as z from 'zod'
import type { Choice, CompiledScenario, ScriptedTurn } from '../engine/index.ts'
import { scriptedTurnOf } from '../engine/index.ts'
import type { JsonPositions } from '../engine/ingest/json.ts'
import { parseJson, pointerOf } from '../engine/ingest/json.ts'
import { decodeUtf8 } from '../engine/ingest/utf8.ts'
import { nearest } from '../engine/scenario/index.ts'
import { CliError } from './errors.ts'

const ScriptChoice = z.strictObject({
  action: z.string(),
  targets: z.array(z.string()).optional(),
  partners: z.array(z.string()).optional(),
})
const ScriptFile = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  turns: z.record(z.string().regex(/^[1-9]\d{0,2}$/, 'turn numbers are whole numbers from 1'), z.record(z.string(), z.array(ScriptChoice))),
})

export interface ScriptTurn {
  choices: Choice[]
  /** Every actor the script names for the turn, even with an empty list (it passes). */
  actors: string[]
}
export type Script = Map<number, ScriptTurn>

/**
 * A script's turn as the engine plays it: a scripted actor takes part only in the joint actions its
 * script lists for the turn, so a script of restraint is not drawn into others' exercises.
 */
export function scriptedTurn(turn: ScriptTurn | undefined): ScriptedTurn | undefined {
  return turn && scriptedTurnOf(turn.choices, turn.actors)
}

function didYouMean(name: string, candidates: readonly string[]): string {
  const close = nearest(name, candidates)
  return close ? ` (did you mean "${close}"?)` : ''
}

const MAX_SCRIPT_BYTES = 5 * 1024 * 1024

/** A problem at a place in the script, in the form of the loader's diagnostics: `file:line:column: error: …`. */
function located(path: string, at: { line: number; column: number }, message: string, pointer?: string): string {
  return `${path}:${at.line}:${at.column}: error: ${message}${pointer !== undefined ? ` [${pointer || '/'}]` : ''}`
}

/** The script's JSON, read through the engine's positioned parser (a byte-order mark is dropped). */
async function parseScriptFile(path: string): Promise<{ value: unknown; positions: JsonPositions }> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch {
    throw new CliError(`${path}: cannot read the script file`)
  }
  if (bytes.length > MAX_SCRIPT_BYTES) throw new CliError(`${path}: the script is over the ${MAX_SCRIPT_BYTES}-byte limit`)
  const text = decodeUtf8(bytes)
  if (!text.ok) throw new CliError(`${path}: not UTF-8 text`, [located(path, text.error, text.error.message)])
  const parsed = parseJson(text.text, { maxDepth: 16 })
  if (!parsed.ok) {
    const lines = parsed.errors.map((error) =>
      located(path, error.position, `${error.message}${error.hint ? ` (${error.hint})` : ''}`, error.pointer),
    )
    throw new CliError(
      `${path}: not a valid script (${parsed.errors.length === 1 ? 'one JSON error' : `${parsed.errors.length} JSON errors`})`,
      lines,
    )
  }
  return { value: parsed.value, positions: parsed.positions }
}

export async function readScript(path: string, scn: CompiledScenario): Promise<Script> {
  const { value, positions } = await parseScriptFile(path)
  const parsed = ScriptFile.safeParse(value)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const pointer = pointerOf(issue.path)
      return located(path, positions.nearestValue(pointer), issue.message, pointer)
    })
    throw new CliError(`${path}: not a valid script`, lines)
  }
  const problems: string[] = []
  const script: Script = new Map()
  for (const [turnKey, byActor] of Object.entries(parsed.data.turns)) {
    const turn = Number(turnKey)
    const choices: Choice[] = []
    for (const [actor, list] of Object.entries(byActor)) {
      if (!Object.hasOwn(scn.actorIndex, actor))
        problems.push(`${path}: turn ${turn}: unknown actor "${actor}"${didYouMean(actor, scn.actorIds)}`)
      list.forEach((entry, k) => {
        const where = `${path}: turn ${turn}, ${actor}, choice ${k + 1}`
        if (!Object.hasOwn(scn.actionById, entry.action))
          problems.push(`${where}: unknown action "${entry.action}"${didYouMean(entry.action, Object.keys(scn.actionById))}`)
        for (const id of [...(entry.targets ?? []), ...(entry.partners ?? [])]) {
          if (!Object.hasOwn(scn.actorIndex, id)) problems.push(`${where}: unknown actor "${id}"${didYouMean(id, scn.actorIds)}`)
        }
        const choice: Choice = { actor, action: entry.action }
        if (entry.targets) choice.targets = entry.targets
        if (entry.partners) choice.partners = entry.partners
        choices.push(choice)
      })
    }
    script.set(turn, { choices, actors: Object.keys(byActor) })
  }
  if (problems.length > 0)
    throw new CliError(`${path}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the script`, problems)
  return script
}

export function scriptedActors(script: Script | null): Set<string> {
  const actors = new Set<string>()
  for (const turn of script?.values() ?? []) for (const actor of turn.actors) actors.add(actor)
  return actors
}
