// Test doubles for the class client: a class played by the engine as the server would play it (its views
// carry the human turns and the state hash after each), and a transport whose connections the test drives.
import type { HumanTurn, Match } from '../../src/engine/index.ts'
import { agreementKey, advanceMatch, newMatch, normaliseChoice, prepareMatchTurn, stateHash } from '../../src/engine/index.ts'
import type { ClassView, JoinOptions, PublicTurn, SeatView } from '../../src/shared/classroom-protocol.ts'
import type { ClassConnection, ClassTransport } from '../../src/renderer/classroom/transport.ts'
import { JoinRefused } from '../../src/renderer/classroom/transport.ts'
import { defaultScenario } from '../support/scenarios.ts'

export const scenario = defaultScenario()
export const listing = { origin: 'shipped' as const, folder: 'pin-pricks-2021', location: 'test' }
export const HUMANS = ['CHN', 'RUS', 'USA']

/** A class of three teams played by the engine, turn by turn, as the server plays it. */
export class ServerGame {
  match: Match
  turns: PublicTurn[] = []

  constructor(turnLimit = 4, seed = 11) {
    this.match = newMatch(scenario, { seed, turnLimit, humans: HUMANS, difficulty: 'normal' })
  }

  /** Plays a turn: China proposes a joint air patrol to Russia, which agrees. */
  playJointPatrol(): PublicTurn {
    const choices = [normaliseChoice({ actor: 'CHN', action: 'joint-air-patrol', partners: ['RUS'], targets: ['JPN'] })]
    const prepared = prepareMatchTurn(scenario, this.match, choices)
    const agreed = prepared.questions.map((question) => question.key)
    return this.play({ choices, agreed })
  }

  play(turn: HumanTurn): PublicTurn {
    this.match = advanceMatch(scenario, this.match, turn)
    const played: PublicTurn = {
      turn: this.match.turns.length,
      choices: turn.choices.map(normaliseChoice),
      agreed: [...turn.agreed],
      passed: [],
      stateHash: stateHash(this.match.state),
    }
    this.turns.push(played)
    return played
  }

  view(overrides: Partial<ClassView> = {}): ClassView {
    return {
      code: 'ABCDEF',
      scenario: { folder: 'pin-pricks-2021', id: scenario.id, version: scenario.version, hash: scenario.hash, title: scenario.file.title },
      setup: { seed: this.match.setup.seed, turnLimit: this.match.setup.turnLimit, difficulty: 'normal', humans: HUMANS },
      teams: [
        { name: 'Dragons', actor: 'CHN', devices: 1, ready: false },
        { name: 'Bears', actor: 'RUS', devices: 1, ready: false },
        { name: 'Eagles', actor: 'USA', devices: 1, ready: false },
      ],
      phase: 'planning',
      paused: false,
      turn: this.turns.length + 1,
      deadline: null,
      remainingMs: null,
      difficulty: 'normal',
      injects: [],
      turns: this.turns.map((turn) => ({ ...turn })),
      ...overrides,
    }
  }
}

export function seatView(overrides: Partial<SeatView> = {}): SeatView {
  return {
    team: 'Dragons',
    actor: 'CHN',
    rejoin: 'ABCDEFGH',
    turn: 1,
    plan: { choices: [], ready: false },
    questions: [],
    ...overrides,
  }
}

export const patrolKey = (partner: string, choice: Parameters<typeof agreementKey>[1]) => agreementKey(partner, choice)

export class FakeConnection implements ClassConnection {
  sent: [string, unknown][] = []
  left = false
  private handler: ((type: string, message: unknown) => void) | null = null
  private closeHandler: ((code: number, reason: string) => void) | null = null
  constructor(readonly reconnectionToken: string) {}
  send(type: string, message: unknown): void {
    this.sent.push([type, message])
  }
  onMessage(handler: (type: string, message: unknown) => void): void {
    this.handler = handler
  }
  onClose(handler: (code: number, reason: string) => void): void {
    this.closeHandler = handler
  }
  async leave(): Promise<void> {
    this.left = true
    this.closeHandler?.(4000, '')
  }
  deliver(type: string, message: unknown): void {
    this.handler?.(type, message)
  }
  drop(code = 1006): void {
    this.closeHandler?.(code, 'dropped')
  }
}

/** A transport the test scripts: each call takes the next outcome (a connection, or an error to throw). */
export class FakeTransport implements ClassTransport {
  joins: JoinOptions[] = []
  reconnects: string[] = []
  connections: FakeConnection[] = []
  joinOutcomes: (Error | 'ok')[] = []
  reconnectOutcomes: (Error | 'ok')[] = []
  private next = 0

  private connect(): FakeConnection {
    const connection = new FakeConnection(`room:token-${++this.next}`)
    this.connections.push(connection)
    return connection
  }
  get last(): FakeConnection {
    return this.connections[this.connections.length - 1]
  }
  async join(options: JoinOptions): Promise<ClassConnection> {
    this.joins.push(options)
    const outcome = this.joinOutcomes.shift() ?? 'ok'
    if (outcome !== 'ok') throw outcome
    return this.connect()
  }
  async reconnect(token: string): Promise<ClassConnection> {
    this.reconnects.push(token)
    const outcome = this.reconnectOutcomes.shift() ?? new Error('no such session')
    if (outcome !== 'ok') throw outcome
    return this.connect()
  }
}

export const refused = (code: number, message = 'refused') => new JoinRefused(code, message)

/** Lets queued promise callbacks run. */
export const settle = async () => {
  for (let k = 0; k < 10; k++) await Promise.resolve()
}
