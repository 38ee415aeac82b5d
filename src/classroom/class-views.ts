// What each kind of client is sent. The class view carries no team's plan; a seat view carries one team's plan
// and the questions put to that team only; the teacher's view carries every plan.
import type { ClassView, SeatView, TeacherView } from '../shared/classroom-protocol.ts'
import type { ClassGame } from './class-game.ts'

/** Devices connected now, by team name. */
export type DeviceCounts = ReadonlyMap<string, number>

export function classView(game: ClassGame, devices: DeviceCounts, now: number = Date.now()): ClassView {
  const { code, setup, scenario } = game.identity
  return {
    code,
    scenario: { ...scenario },
    setup: { seed: setup.seed, turnLimit: setup.turnLimit, difficulty: setup.difficulty, humans: game.teams.map((team) => team.actor) },
    teams: game.teams.map((team) => ({
      name: team.name,
      actor: team.actor,
      devices: devices.get(team.name) ?? 0,
      ready: game.phase === 'planning' && game.planOf(team.name).ready,
    })),
    phase: game.phase,
    paused: game.paused,
    turn: game.turn,
    deadline: game.deadline,
    remainingMs: game.remainingMs,
    difficulty: game.difficulty,
    injects: [...game.injects],
    turns: game.publicTurns(),
    now,
  }
}

export function seatView(game: ClassGame, teamName: string): SeatView {
  const team = game.teamNamed(teamName)
  if (!team) throw new Error(`seatView: no team "${teamName}"`)
  const plan = game.planOf(team.name)
  return {
    team: team.name,
    actor: team.actor,
    rejoin: team.rejoin,
    turn: game.turn,
    plan: { ...plan, choices: plan.choices.map((choice) => ({ ...choice })) },
    questions: game.questionsFor(team.name),
  }
}

export function teacherView(game: ClassGame, joinUrl: string, network: TeacherView['network']): TeacherView {
  return { joinUrl, network, plans: Object.fromEntries(game.teams.map((team) => [team.name, seatView(game, team.name).plan])) }
}
