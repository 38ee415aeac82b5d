// New game: optionally, single computer powers at another level than the computer players' (issue 11): the
// game's per-power levels (GameSetup.levels), kept in its saves.
import type { CompiledScenario, Difficulty } from '../../../engine/index.ts'
import { DIFFICULTIES } from '../../../engine/index.ts'
import { h, replaceChildren } from '../dom.ts'

export interface PowerLevelsField {
  element: HTMLDetailsElement
  /** One choice per power of this scenario (each back to "the same"). */
  refresh(scn: CompiledScenario): void
  /** The levels chosen for powers the computer plays, or undefined when none is. */
  levels(humans: readonly string[]): Record<string, Difficulty> | undefined
}

const capitalised = (text: string) => text[0].toUpperCase() + text.slice(1)

export function powerLevelsField(): PowerLevelsField {
  const list = h('div', { className: 'power-levels' })
  const element = h(
    'details',
    { className: 'power-levels-field' },
    h('summary', {}, 'Single computer powers at another level (optional)'),
    h('p', { className: 'note' }, 'A power you play ignores its level here.'),
    list,
  )
  return {
    element,
    refresh(scn) {
      replaceChildren(
        list,
        scn.file.actors.map((actor) =>
          h(
            'div',
            { className: 'field' },
            h('label', { for: `level-${actor.id}` }, actor.name),
            h(
              'select',
              { id: `level-${actor.id}`, 'data-actor': actor.id },
              h('option', { value: '' }, 'Same as the computer players'),
              DIFFICULTIES.map((level) => h('option', { value: level }, capitalised(level))),
            ),
          ),
        ),
      )
    },
    levels(humans) {
      const chosen = [...list.querySelectorAll<HTMLSelectElement>('select[data-actor]')]
        .filter((select) => select.value !== '' && !humans.includes(select.dataset.actor ?? ''))
        .map((select) => [select.dataset.actor!, select.value as Difficulty] as const)
      return chosen.length > 0 ? Object.fromEntries(chosen) : undefined
    },
  }
}
