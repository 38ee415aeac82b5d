// The scenarios a class may run: only those shipped with the game (a folder of the scenarios directory),
// read and checked by the same loader as the command line, compiled once and kept.
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CliError } from '../cli/errors.ts'
import { loadScenarioFromDisk } from '../cli/load-from-disk.ts'
import type { CompiledScenario } from '../engine/index.ts'

export const DEFAULT_SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios', import.meta.url))
const FOLDER_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export type ScenarioLookup = { ok: true; scenario: CompiledScenario } | { ok: false; problem: string }

export class ShippedScenarios {
  private readonly loaded = new Map<string, Promise<ScenarioLookup>>()

  constructor(readonly folder: string = DEFAULT_SCENARIOS_DIR) {}

  get(name: string): Promise<ScenarioLookup> {
    let lookup = this.loaded.get(name)
    if (!lookup) {
      lookup = this.load(name)
      this.loaded.set(name, lookup)
    }
    return lookup
  }

  private async load(name: string): Promise<ScenarioLookup> {
    const path = join(this.folder, name)
    if (!FOLDER_NAME.test(name) || !existsSync(join(path, 'scenario.json')) || !statSync(path).isDirectory())
      return { ok: false, problem: `"${name}" is not a scenario shipped with the game` }
    try {
      return { ok: true, scenario: (await loadScenarioFromDisk(path)).scenario }
    } catch (error) {
      const detail = error instanceof CliError ? [error.message, ...error.lines].join('; ') : String(error)
      return { ok: false, problem: `the shipped scenario "${name}" does not load: ${detail}` }
    }
  }
}
