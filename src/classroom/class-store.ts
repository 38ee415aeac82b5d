// The classes of one server: created from a teacher's setup, or rebuilt from their logs after a restart. A
// class whose log cannot be replayed is kept out with the reason (its code answers with that reason); it
// never stops the server or the other classes.
import { mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { CompiledScenario } from '../engine/index.ts'
import { setupProblem } from '../engine/index.ts'
import { ClassSetup } from '../shared/classroom-protocol.ts'
import { ClassGame } from './class-game.ts'
import type { ClassIdentity } from './class-events.ts'
import { ClassLog, LOG_FILE, LOG_VERSION, readClassLog } from './class-log.ts'
import { hashKey, newClassCode, newRejoinCodes, newTeacherKey } from './codes.ts'
import { LiveClass } from './live-class.ts'
import type { ShippedScenarios } from './shipped-scenarios.ts'

export type Created = { ok: true; live: LiveClass; key: string } | { ok: false; errors: string[] }

export interface RestoreReport {
  restored: string[]
  /** Classes whose log ended in a damaged line that was dropped: code and what was dropped. */
  dropped: { code: string; what: string }[]
  finished: string[]
  unavailable: { code: string; problem: string }[]
}

/** `teams.1.name: a team name has at most 40 characters`: where and what, for every problem at once. */
function setupErrors(value: unknown): { setup: ClassSetup } | { errors: string[] } {
  const parsed = ClassSetup.safeParse(value)
  if (parsed.success) return { setup: parsed.data }
  return { errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'the class setup'}: ${issue.message}`) }
}

function teamErrors(scn: CompiledScenario, setup: ClassSetup): string[] {
  const errors: string[] = []
  const names = new Map<string, number>()
  const actors = new Map<string, number>()
  for (const [index, team] of setup.teams.entries()) {
    const at = `teams.${index}`
    const actor = scn.file.actors.find((each) => each.id === team.actor)
    if (!actor) errors.push(`${at}.actor: the scenario has no power "${team.actor}"`)
    else if (!actor.playable) errors.push(`${at}.actor: ${team.actor} cannot be played in this scenario`)
    const sameActor = actors.get(team.actor)
    if (sameActor !== undefined) errors.push(`${at}.actor: ${team.actor} is already played by teams.${sameActor}`)
    else actors.set(team.actor, index)
    const name = team.name.toLocaleLowerCase()
    const sameName = names.get(name)
    if (sameName !== undefined) errors.push(`${at}.name: "${team.name}" is already the name of teams.${sameName}`)
    else names.set(name, index)
  }
  if (errors.length === 0) {
    const problem = setupProblem(scn, { ...setup, humans: setup.teams.map((team) => team.actor) })
    if (problem) errors.push(`turnLimit: ${problem}`)
  }
  return errors
}

export class ClassStore {
  readonly live = new Map<string, LiveClass>()
  readonly unavailable = new Map<string, string>()
  /** Classes whose game ended before the server last started: their logs stay, they are not hosted. */
  readonly finished = new Set<string>()

  constructor(
    readonly dataDir: string,
    private readonly scenarios: ShippedScenarios,
  ) {
    mkdirSync(dataDir, { recursive: true })
  }

  /** Checks a teacher's setup (every problem at once) and, if it is sound, starts the class and its log. */
  async create(value: unknown, now: number): Promise<Created> {
    const checked = setupErrors(value)
    if ('errors' in checked) return { ok: false, errors: checked.errors }
    const { setup } = checked
    const lookup = await this.scenarios.get(setup.scenario)
    if (!lookup.ok) return { ok: false, errors: [`scenario: ${lookup.problem}`] }
    const scn = lookup.scenario
    const errors = teamErrors(scn, setup)
    if (errors.length > 0) return { ok: false, errors }
    const rejoin = newRejoinCodes(setup.teams.length)
    const key = newTeacherKey()
    const teacherKey = hashKey(key)
    for (let attempt = 0; ; attempt++) {
      const identity: ClassIdentity = {
        code: newClassCode(),
        setup,
        scenario: { folder: setup.scenario, id: scn.id, version: scn.version, hash: scn.hash, title: scn.file.title },
        teams: setup.teams.map((team, index) => ({ name: team.name, actor: team.actor, rejoin: rejoin[index] })),
      }
      if (this.live.has(identity.code) || this.unavailable.has(identity.code)) continue
      try {
        const game = new ClassGame(scn, identity)
        const log = ClassLog.create(this.dataDir, { kind: 'class', v: LOG_VERSION, at: now, identity, teacherKey })
        const live = new LiveClass(game, log, teacherKey)
        this.live.set(identity.code, live)
        return { ok: true, live, key }
      } catch (error) {
        // Another class (of this server or another process sharing the folder) has the code: draw again.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 20) throw error
      }
    }
  }

  /** Rebuilds every unfinished class logged in the data folder (skipping those already hosted). */
  async restoreAll(now: number, skip: (code: string) => Promise<boolean> = async () => false): Promise<RestoreReport> {
    const report: RestoreReport = { restored: [], dropped: [], finished: [], unavailable: [] }
    for (const file of readdirSync(this.dataDir).sort()) {
      const code = LOG_FILE.exec(file)?.[1]
      if (!code || this.live.has(code) || (await skip(code))) continue
      const restored = await this.restore(join(this.dataDir, file), now).catch((error: unknown) => ({
        ok: false as const,
        problem: `class ${code}: the replay failed: ${error instanceof Error ? error.message : String(error)}`,
      }))
      if (!restored.ok) {
        this.unavailable.set(code, restored.problem)
        report.unavailable.push({ code, problem: restored.problem })
        continue
      }
      if (restored.dropped) report.dropped.push({ code, what: restored.dropped })
      if (restored.live.game.phase === 'over') {
        await restored.live.close()
        this.finished.add(code)
        report.finished.push(code)
        continue
      }
      this.live.set(code, restored.live)
      report.restored.push(code)
    }
    return report
  }

  /** Replays one log through the same class module as live play; then, if a timer was about to run out, gives the grace. */
  private async restore(
    path: string,
    now: number,
  ): Promise<{ ok: true; live: LiveClass; dropped: string | null } | { ok: false; problem: string }> {
    const read = readClassLog(path)
    if (!read.ok) return read
    const [first, ...rest] = read.lines
    if (!first || first.kind !== 'class') return { ok: false, problem: `${path}: the log does not begin with its class` }
    const { identity } = first
    const lookup = await this.scenarios.get(identity.scenario.folder)
    if (!lookup.ok) return { ok: false, problem: `class ${identity.code}: ${lookup.problem}` }
    if (lookup.scenario.hash !== identity.scenario.hash)
      return {
        ok: false,
        problem: `class ${identity.code}: the scenario "${identity.scenario.folder}" has changed since the class began (it was version ${identity.scenario.version}), so its game cannot be replayed`,
      }
    const game = new ClassGame(lookup.scenario, identity)
    for (const [index, line] of rest.entries()) {
      const where = `${path}: line ${index + 2}`
      if (line.kind === 'class') return { ok: false, problem: `${where}: a second class line` }
      if (line.kind === 'intent') {
        const applied = game.apply(line.event, line.at)
        if (!applied.ok)
          return { ok: false, problem: `${where}: the replay refused this ${line.event.by}'s intention: ${applied.error.message}` }
        continue
      }
      const replayed = game.publicTurns()[line.turn - 1]
      if (replayed?.stateHash !== line.stateHash)
        return { ok: false, problem: `${where}: turn ${line.turn} replays to a different state than the one logged` }
    }
    const log = ClassLog.reopen(path)
    const live = new LiveClass(game, log, first.teacherKey)
    if (game.phase !== 'over') {
      const restarted = live.apply({ by: 'server', message: { type: 'restarted' } }, now)
      if (restarted.ok) await restarted.logged
    }
    return { ok: true, live, dropped: read.dropped }
  }

  /** Closes every class's log once what was applied is on disk. */
  async close(): Promise<void> {
    const closing = [...this.live.values()].map((live) => live.close())
    this.live.clear()
    await Promise.all(closing)
  }
}
