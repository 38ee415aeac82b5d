// The End turn button while the computer powers decide (in a worker): busy, with how many have decided.
import type { CompiledScenario } from '../../engine/index.ts'
import type { PrepareTurn } from '../session/session.ts'
import { announce } from './dom.ts'
import { prepareOffPage } from './engine-threads.ts'

export interface TurnProgress {
  /** Gives to GameSession.endTurn: the computer's choices off the page, shown on the button. */
  prepare: PrepareTurn
  /** The button as it was. */
  finish(): void
}

export function computerTurnProgress(scn: CompiledScenario, endButton: HTMLButtonElement, status: HTMLElement): TurnProgress {
  const label = endButton.textContent
  return {
    prepare: (match, choices) => {
      endButton.setAttribute('aria-busy', 'true')
      endButton.textContent = 'Computer powers deciding…'
      status.textContent = 'The computer powers are deciding.'
      announce('The computer powers are deciding.')
      return prepareOffPage(scn, match, choices, (done, of) => {
        endButton.textContent = `Computer powers deciding… ${done} of ${of}`
        status.textContent = `${done} of ${of} computer powers have decided.`
      }).finally(() => {
        endButton.textContent = 'Resolving the turn…'
        status.textContent = 'Resolving the turn.'
      })
    },
    finish: () => {
      endButton.removeAttribute('aria-busy')
      endButton.textContent = label
      status.textContent = ''
    },
  }
}
