// A notice above the game or the outcome: what a Playtest or a re-run did, or why it could not, with an
// optional way back.
import { button, h } from './dom.ts'

export interface GameNotice {
  /** The first line is the summary; the others are listed under it. */
  lines: readonly string[]
  /** Puts back the game as it was before (after a Playtest). */
  undo?: { label: string; run: () => void }
}

export function noticeView(notice: GameNotice | undefined): HTMLElement | null {
  if (!notice || notice.lines.length === 0) return null
  const [summary, ...rest] = notice.lines
  return h(
    'div',
    { className: 'playtest-notice', role: 'status' },
    h('p', {}, summary),
    rest.length > 0
      ? h(
          'ul',
          {},
          rest.map((line) => h('li', {}, line)),
        )
      : null,
    notice.undo ? button(notice.undo.label, notice.undo.run, { className: 'small' }) : null,
  )
}
