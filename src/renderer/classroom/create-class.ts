// Making a class: the teacher's choices as the protocol's ClassSetup (random roles drawn here, from the
// powers nobody chose), and the server's answer to POST /api/classes.
import type { CompiledScenario } from '../../engine/index.ts'
import type { ClassSetup } from '../../shared/classroom-protocol.ts'
import { ClassSetup as ClassSetupSchema } from '../../shared/classroom-protocol.ts'

export const RANDOM_ROLE = 'random'

export interface TeamChoice {
  name: string
  /** An actor id, or RANDOM_ROLE. */
  role: string
}

export function playableActors(scn: CompiledScenario): string[] {
  return scn.roles.map((role) => role.actor).filter((actor) => scn.file.actors.some((a) => a.id === actor && a.playable))
}

/** Gives each "random" team a power nobody chose; `random(n)` is an integer below n. */
export function assignRoles(
  scn: CompiledScenario,
  teams: readonly TeamChoice[],
  random: (n: number) => number,
): { name: string; actor: string }[] | string {
  const playable = playableActors(scn)
  const chosen = teams.filter((team) => team.role !== RANDOM_ROLE).map((team) => team.role)
  const twice = chosen.find((actor, index) => chosen.indexOf(actor) !== index)
  if (twice) return `Two teams play the same power (${twice}): each power has one team.`
  const free = playable.filter((actor) => !chosen.includes(actor))
  if (teams.length > playable.length) return `This scenario has ${playable.length} powers to play: at most ${playable.length} teams.`
  return teams.map((team) => {
    if (team.role !== RANDOM_ROLE) return { name: team.name.trim(), actor: team.role }
    const [actor] = free.splice(random(free.length), 1)
    return { name: team.name.trim(), actor }
  })
}

/** The setup checked by the protocol's schema: a sentence for the first problem, naming where it is. */
export function checkedSetup(setup: unknown): ClassSetup | string {
  const parsed = ClassSetupSchema.safeParse(setup)
  if (parsed.success) {
    const names = parsed.data.teams.map((team) => team.name.toLowerCase())
    const twice = names.find((name, index) => names.indexOf(name) !== index)
    return twice ? `Two teams are called “${twice}”: each team needs its own name.` : parsed.data
  }
  const issue = parsed.error.issues[0]
  const [section, index] = issue.path
  const where =
    section === 'teams' && typeof index === 'number'
      ? `team ${index + 1}: `
      : issue.path.length
        ? `${issue.path.map(String).join(' ')}: `
        : ''
  return `${where}${issue.message}`
}

export interface CreatedClass {
  code: string
  key: string
  joinUrl: string
}

export async function createClass(origin: string, setup: ClassSetup): Promise<CreatedClass> {
  const response = await fetch(`${origin}/api/classes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(setup),
  })
  const text = await response.text()
  let body: Record<string, unknown> = {}
  try {
    body = JSON.parse(text) as Record<string, unknown>
  } catch {
    // A plain-text answer is shown as it is.
  }
  if (!response.ok) {
    const details = Array.isArray(body.errors)
      ? body.errors
          .map((item) => (typeof item === 'string' ? item : String((item as { message?: unknown })?.message ?? '')))
          .filter(Boolean)
      : []
    const head = typeof body.message === 'string' ? body.message : typeof body.error === 'string' ? body.error : text.slice(0, 300)
    const message = [head, ...details].filter(Boolean).join(' ')
    throw new Error(message || `the server answered ${response.status}`)
  }
  if (typeof body.code !== 'string' || typeof body.key !== 'string' || typeof body.joinUrl !== 'string')
    throw new Error('the server made the class but did not answer with its code, key and join address')
  return { code: body.code, key: body.key, joinUrl: body.joinUrl }
}
