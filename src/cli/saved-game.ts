// A saved game read by the command: the save file checked as the game checks it (size, JSON, format,
// checksum), its scenario found with the exact rules it was played on (the folder given, the shipped or
// user folder the save names, or the copy of the rules the desktop edition kept under their hash), and the
// game replayed and checked against the state hash it recorded. Every failure names the file and what.
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CompiledScenario, HumanTurn, Match } from '../engine/index.ts'
import { compileScenario, humanTurnsFromOrders, replayRecord, stateHash } from '../engine/index.ts'
import { sha256Hex } from '../engine/hash.ts'
import { parseJson } from '../engine/ingest/json.ts'
import { loadScenario } from '../engine/scenario/index.ts'
import { MAX_SAVE_BYTES, withoutByteOrderMark } from '../shared/host.ts'
import type { SavePayload } from '../shared/save-format.ts'
import { SAVE_FORMAT, SAVE_FORMAT_VERSION, SaveFile, stateFieldsUnknownTo } from '../shared/save-format.ts'
import { CliError } from './errors.ts'
import { loadScenarioFromDisk } from './load-from-disk.ts'
import { currentDesktopPaths, userScenariosFolder } from './user-paths.ts'

const SHIPPED_SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url))

export interface SavedGame {
  payload: SavePayload
  scenario: CompiledScenario
  match: Match
  /** Where the rules were found, for the reader. */
  rulesFrom: string
  warnings: string[]
}

/** The save's payload, or a CliError naming the file and what is wrong with it. */
export async function readSaveFile(path: string): Promise<SavePayload> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`${path}: cannot read the save (${error.code === 'ENOENT' ? 'no such file' : (error.code ?? error.message)})`)
  })
  if (!info.isFile()) throw new CliError(`${path}: not a file`)
  if (info.size > MAX_SAVE_BYTES) throw new CliError(`${path}: larger than a save can be (${info.size} bytes, at most ${MAX_SAVE_BYTES})`)
  const bytes = await readFile(path)
  let text: string
  try {
    text = withoutByteOrderMark(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw new CliError(`${path}: not UTF-8 text, so not a Red Lines save`)
  }
  const parsed = parseJson(text, { maxDepth: 16 })
  if (!parsed.ok) {
    const first = parsed.errors[0]
    throw new CliError(`${path}:${first.position.line}:${first.position.column}: not valid JSON (${first.message})`)
  }
  const raw = parsed.value as { format?: unknown; formatVersion?: unknown; payload?: unknown } | null
  if (
    raw &&
    typeof raw === 'object' &&
    raw.format === SAVE_FORMAT &&
    typeof raw.formatVersion === 'number' &&
    raw.formatVersion > SAVE_FORMAT_VERSION
  )
    throw new CliError(`${path}: written by a newer version of Red Lines (save format ${raw.formatVersion}); update to read it`)
  const file = SaveFile.safeParse(parsed.value)
  if (!file.success) {
    const issue = file.error.issues[0]
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
    throw new CliError(`${path}: not a Red Lines save (${issue?.message ?? 'wrong shape'}${where})`)
  }
  if (sha256Hex(JSON.stringify(raw!.payload)) !== file.data.checksum)
    throw new CliError(`${path}: its checksum does not match: the file is damaged`)
  return file.data.payload
}

/** The folder a save's scenario lives in by default: the shipped scenarios, or the user's own. */
export function defaultScenarioFolder(payload: SavePayload): string {
  return join(payload.scenario.origin === 'shipped' ? SHIPPED_SCENARIOS : userScenariosFolder(), payload.scenario.folder)
}

/** The rules the desktop edition kept under this hash, or null when it kept none (or they no longer load). */
async function keptRules(hash: string): Promise<CompiledScenario | null> {
  let text: string
  try {
    text = await readFile(join(currentDesktopPaths().rules, `${hash}.json`), 'utf8')
  } catch {
    return null
  }
  try {
    const bundle = JSON.parse(text) as {
      format?: unknown
      hash?: unknown
      files?: Record<string, string>
      bases?: { id: string; location: string; files: Record<string, string> }[]
    }
    if (bundle.format !== 'red-lines-rules' || bundle.hash !== hash || !bundle.files) return null
    const bases = new Map((bundle.bases ?? []).map((base) => [base.id, { files: base.files, location: base.location }]))
    const loaded = loadScenario(bundle.files, { resolveBase: (id) => bases.get(id) })
    if (!loaded.ok || loaded.hash !== hash) return null
    return compileScenario(loaded.scenario, loaded.sources, loaded.hash)
  } catch {
    return null
  }
}

/** The save's game replayed on the exact rules it was played on. */
export async function openSavedGame(path: string, scenarioFolder: string | undefined): Promise<SavedGame> {
  const payload = await readSaveFile(path)
  const recorded = payload.scenario
  const folder = scenarioFolder ?? defaultScenarioFolder(payload)
  const warnings: string[] = []
  let scenario: CompiledScenario | null = null
  let rulesFrom = folder
  let mismatch = ''
  try {
    const loaded = await loadScenarioFromDisk(folder)
    if (loaded.scenario.hash === recorded.hash) scenario = loaded.scenario
    else mismatch = `${folder} holds ${loaded.scenario.id} ${loaded.scenario.version}, whose rules differ`
  } catch (error) {
    if (scenarioFolder !== undefined) throw error
    mismatch = `${folder} cannot be loaded (${(error as Error).message})`
  }
  if (!scenario) {
    scenario = await keptRules(recorded.hash)
    rulesFrom = 'the rules the desktop edition kept for it'
    if (!scenario)
      throw new CliError(
        `${path}: the game was played on ${recorded.id} ${recorded.version}, but ${mismatch}, and no copy of its exact rules was kept; give --scenario <folder> with the rules it was played on`,
      )
    warnings.push(`${path}: ${mismatch}; using ${rulesFrom}`)
  }
  const game = payload.game
  let decisions: HumanTurn[] = game.decisions ?? humanTurnsFromOrders(game.orders, game.humans)
  if (decisions.length !== game.orders.length)
    throw new CliError(`${path}: the save records decisions for a different number of turns than it played`)
  decisions = decisions.map((turn) => ({ ...turn }))
  const match = replayRecord(scenario, { ...game, decisions })
  if (typeof match === 'string') throw new CliError(`${path}: ${match}`)
  if (stateHash(match.state, stateFieldsUnknownTo(payload.appVersion)) !== payload.stateHash)
    throw new CliError(
      `${path}: replaying the save does not give the state it recorded (the file or its rules are not what it was played with)`,
    )
  return { payload, scenario, match, rulesFrom, warnings }
}
