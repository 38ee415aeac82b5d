// Shared fixtures of the classroom tests: a three-team setup on the shipped scenario and helpers to play it.
import type { ClassSetup, StudentMessage } from '../../../src/shared/classroom-protocol.ts'
import type { ClassGame } from '../../../src/classroom/class-game.ts'
import type { ClassIdentity } from '../../../src/classroom/class-events.ts'
import { ShippedScenarios } from '../../../src/classroom/shipped-scenarios.ts'

export const SCENARIO = 'pin-pricks-2021'

export const SETUP: ClassSetup = {
  scenario: SCENARIO,
  seed: 7,
  turnLimit: 4,
  difficulty: 'normal',
  teams: [
    { name: 'Dragons', actor: 'CHN' },
    { name: 'Bears', actor: 'RUS' },
    { name: 'Eagles', actor: 'USA' },
  ],
  turnSeconds: 120,
  answerSeconds: 60,
}

/** China proposes a joint air patrol to Russia (the Bears' power): a question for the Bears' devices. */
export const JOINT_PATROL = { actor: 'CHN', action: 'joint-air-patrol', partners: ['RUS'], targets: ['JPN'] }
export const SANCTIONS = { actor: 'USA', action: 'sanctions', targets: ['CHN', 'RUS'] }

export const scenarios = new ShippedScenarios()

export async function loadScenario() {
  const lookup = await scenarios.get(SCENARIO)
  if (!lookup.ok) throw new Error(lookup.problem)
  return lookup.scenario
}

export function identityOf(setup: ClassSetup = SETUP): ClassIdentity {
  return {
    code: 'ABC234',
    setup,
    scenario: { folder: setup.scenario, id: 'x', version: '1', hash: 'h', title: 'T' },
    teams: setup.teams.map((team, index) => ({ ...team, rejoin: `ABCDEFG${index + 2}` })),
  }
}

export function plan(turn: number, choices: Extract<StudentMessage, { type: 'plan' }>['choices'], ready = true) {
  return { type: 'plan' as const, turn, choices, ready }
}

/** Answers every question of the turn: agree where `agree(key)` says so. */
export function answerAll(game: ClassGame, now: number, agree: (key: string) => boolean) {
  const results = []
  for (const team of game.teams)
    for (const question of game.questionsFor(team.name))
      results.push(
        game.apply(
          { by: 'team', team: team.name, message: { type: 'answer', turn: game.turn, key: question.key, agree: agree(question.key) } },
          now,
        ),
      )
  return results
}
