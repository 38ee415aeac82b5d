// The class's match as this device sees it: rebuilt from the server's resolved turns by replaying them with
// the engine (the same playTurn the server ran), and checked turn by turn against the server's state hash.
// The server never sends state; a device that replays to another world says so instead of showing it.
import type { CompiledScenario, GameSetup, HumanTurn, Match } from '../../engine/index.ts'
import { advanceMatch, newMatch, stateHash, withoutLastTurn } from '../../engine/index.ts'
import type { ClassView, PublicTurn } from '../../shared/classroom-protocol.ts'

export type MirrorResult = { ok: true; match: Match } | { ok: false; message: string; match: Match | null }

export function setupOf(view: ClassView): GameSetup {
  return { seed: view.setup.seed, turnLimit: view.setup.turnLimit, humans: [...view.setup.humans], difficulty: view.setup.difficulty }
}

/** A public turn as the engine's human turn. */
export function humanTurnOf(turn: PublicTurn): HumanTurn {
  const human: HumanTurn = {
    choices: turn.choices,
    agreed: turn.agreed,
    ...(turn.injects && turn.injects.length > 0 ? { injects: turn.injects } : {}),
    ...(turn.difficulty ? { difficulty: turn.difficulty } : {}),
    ...(turn.rationales && turn.rationales.length > 0 ? { rationales: turn.rationales } : {}),
  }
  return human
}

/** What of a public turn decides the world (rationales do not): two turns with the same key replay alike. */
function decidingKey(turn: PublicTurn): string {
  return JSON.stringify([turn.turn, turn.choices, turn.agreed, turn.injects ?? [], turn.difficulty ?? null, turn.stateHash])
}

const sameSetup = (a: GameSetup, b: GameSetup) => JSON.stringify(a) === JSON.stringify(b)

export class ClassMirror {
  private match: Match | null = null
  private keys: string[] = []

  constructor(readonly scenario: CompiledScenario) {}

  /**
   * The match of `view`: turns already replayed are kept (a rollback drops the last), new ones are played.
   * Rationales revealed later do not replay a turn again; they are read from the view.
   */
  update(view: ClassView): MirrorResult {
    const scn = this.scenario
    const setup = setupOf(view)
    try {
      if (!this.match || !sameSetup(this.match.setup, setup)) {
        this.match = newMatch(scn, setup)
        this.keys = []
      }
      const keys = view.turns.map(decidingKey)
      let common = 0
      while (common < this.keys.length && common < keys.length && this.keys[common] === keys[common]) common += 1
      while (this.keys.length > common) {
        this.match = withoutLastTurn(this.match)
        this.keys.pop()
      }
      for (const turn of view.turns.slice(common)) {
        if (turn.turn !== this.match.turns.length + 1)
          return this.fail(`the server sent turn ${turn.turn} where turn ${this.match.turns.length + 1} was expected`)
        const next = advanceMatch(scn, this.match, humanTurnOf(turn))
        const hash = stateHash(next.state)
        if (hash !== turn.stateHash)
          return this.fail(
            `turn ${turn.turn} replayed on this device gives another world than the server's (state ${hash.slice(0, 12)}… here, ${turn.stateHash.slice(0, 12)}… on the server). This device's copy of "${view.scenario.title}" or of the game differs from the server's: reload the page, and tell the teacher if it stays.`,
          )
        this.match = next
        this.keys.push(decidingKey(turn))
      }
      return { ok: true, match: this.match }
    } catch (error) {
      return this.fail(`the class's turns cannot be replayed here: ${(error as Error).message}`)
    }
  }

  private fail(message: string): MirrorResult {
    const match = this.match
    // Start again from scratch on the next update rather than from a state that disagrees.
    this.match = null
    this.keys = []
    return { ok: false, message, match }
  }
}
