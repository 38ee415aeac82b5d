// New game: scenario, its reading (a lens, when it has several), role (several for hot seat), difficulty,
// number of turns, seed.
import { DIFFICULTIES } from '../../../engine/index.ts'
import type { Difficulty } from '../../../engine/index.ts'
import { GameSession } from '../../session/session.ts'
import type { App, Screen } from '../app.ts'
import type { CatalogEntry } from '../catalog.ts'
import { invalidateCatalog, loadCatalog, problemsOf } from '../catalog.ts'
import { announce, button, h, replaceChildren } from '../dom.ts'
import { contextNote } from '../source-context.ts'
import { gameScreen } from './game.ts'
import { powerLevelsField } from './new-game-levels.ts'
import { keepRulesOf } from '../rules.ts'
import { keepUnfinishedAutosave } from '../saving.ts'
import { titleScreen } from './title.ts'

export interface NewGamePreset {
  folder?: string
  roles?: string[]
  difficulty?: Difficulty
  turns?: number
  seed?: number
}

/** What the form holds now, so that a refreshed form keeps the player's choices. */
function presetFromForm(root: ParentNode): NewGamePreset | null {
  const scenario = root.querySelector<HTMLSelectElement>('#scenario')
  if (!scenario) return null
  const number = (selector: string) => {
    const value = Number(root.querySelector<HTMLInputElement>(selector)?.value)
    return Number.isInteger(value) ? value : undefined
  }
  const chosen = root.querySelector<HTMLSelectElement>('#lens')?.value || scenario.value
  return {
    folder: chosen.slice(chosen.indexOf('/') + 1),
    roles: [...root.querySelectorAll<HTMLInputElement>('input[name=role]:checked')].map((input) => input.value),
    difficulty: (root.querySelector<HTMLSelectElement>('#difficulty')?.value as Difficulty | undefined) ?? undefined,
    turns: number('#turns'),
    seed: number('#seed'),
  }
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000
}

export function newGameScreen(preset: NewGamePreset = {}): Screen {
  return {
    name: 'new-game',
    title: 'New game',
    render(app: App) {
      const body = h('div', { className: 'form-body' }, h('p', {}, 'Loading scenarios…'))
      const main = h(
        'main',
        { className: 'new-game' },
        h('h1', {}, 'New game'),
        body,
        h(
          'div',
          { className: 'actions' },
          button('Back', () => app.show(titleScreen())),
        ),
      )
      // Only the latest of overlapping reloads is drawn.
      let generation = 0
      const show = (wanted: NewGamePreset) => {
        const mine = ++generation
        return loadCatalog(app.host).then((catalog) => {
          if (mine !== generation) return
          if (typeof catalog === 'string') replaceChildren(body, h('p', { role: 'alert' }, catalog))
          else replaceChildren(body, form(app, catalog, wanted))
        })
      }
      invalidateCatalog()
      void show(preset)
      // The list follows the user's scenarios as they change, keeping what the player chose.
      app.onScenariosChanged(() => {
        const focused = document.activeElement?.id
        void show(presetFromForm(body) ?? preset).then(() => {
          if (focused) document.getElementById(focused)?.focus()
          announce('Your scenarios changed: the list of scenarios is up to date.')
        })
      })
      return main
    },
  }
}

const keyOf = (entry: CatalogEntry) => `${entry.listing.origin}/${entry.listing.folder}`

/** The readings offered with a scenario: the lenses among the ready scenarios that extend it. */
function lensesOf(base: CatalogEntry | undefined, ready: CatalogEntry[]): CatalogEntry[] {
  const id = base?.scenario?.id
  return id === undefined ? [] : ready.filter((entry) => entry !== base && entry.lensOf === id)
}

function form(app: App, catalog: CatalogEntry[], preset: NewGamePreset): HTMLElement {
  const ready = catalog.filter((entry) => entry.scenario)
  const broken = catalog.filter((entry) => !entry.scenario)
  const readyIds = new Set(ready.map((entry) => entry.scenario!.id))
  // A lens is offered as a reading of its base, not as a scenario of its own (unless its base is missing).
  const bases = ready.filter((entry) => entry.lensOf === undefined || !readyIds.has(entry.lensOf))
  const presetEntry = ready.find((entry) => entry.listing.folder === preset.folder)
  const presetBase =
    presetEntry && !bases.includes(presetEntry) ? bases.find((entry) => entry.scenario!.id === presetEntry.lensOf) : presetEntry
  const scenarioSelect = h(
    'select',
    { id: 'scenario', name: 'scenario' },
    bases.map((entry) => h('option', { value: keyOf(entry), selected: entry === presetBase }, entry.title)),
  )
  const lensSelect = h('select', { id: 'lens', name: 'lens', 'aria-describedby': 'lens-reading' })
  const lensReading = h('p', { id: 'lens-reading', className: 'note lens-reading' })
  const lensField = h('div', { className: 'field lens-field' }, h('label', { for: 'lens' }, 'Reading'), lensSelect, lensReading)
  const rolesBox = h('fieldset', { className: 'roles' })
  const difficulty = h(
    'select',
    { id: 'difficulty' },
    DIFFICULTIES.map((d) => h('option', { value: d, selected: d === (preset.difficulty ?? 'normal') }, d[0].toUpperCase() + d.slice(1))),
  )
  const powerLevels = powerLevelsField()
  const turns = h('input', { id: 'turns', type: 'number', min: 1, inputmode: 'numeric' })
  const seed = h('input', {
    id: 'seed',
    type: 'number',
    min: 0,
    max: 4294967295,
    value: preset.seed ?? randomSeed(),
    inputmode: 'numeric',
  })
  const error = h('p', { className: 'error', role: 'alert' })
  const description = h('p', { className: 'scenario-description' })
  const context = h('div', { className: 'context-slot' })

  const selectedBase = () => bases.find((entry) => keyOf(entry) === scenarioSelect.value) ?? bases[0]
  const selected = () => {
    const base = selectedBase()
    return lensesOf(base, ready).find((entry) => keyOf(entry) === lensSelect.value) ?? base
  }
  /** The Reading list of the chosen scenario: its own reading (the default) and each lens, or hidden when it has none. */
  const refreshLenses = (wanted: CatalogEntry | undefined) => {
    const base = selectedBase()
    const lenses = lensesOf(base, ready)
    lensField.hidden = lenses.length === 0
    const own = base?.scenario?.file.lens?.name ?? "The scenario's own reading"
    replaceChildren(
      lensSelect,
      h('option', { value: '', selected: !wanted || !lenses.includes(wanted) }, `${own} (the default)`),
      lenses.map((entry) =>
        h('option', { value: keyOf(entry), selected: entry === wanted }, entry.scenario!.file.lens?.name ?? entry.title),
      ),
    )
  }
  const showReading = () => {
    const entry = selected()
    const lens = entry?.scenario?.file.lens
    lensReading.textContent = lens
      ? lens.reading
      : entry === selectedBase() && lensesOf(entry, ready).length > 0
        ? 'The reading the scenario was written for.'
        : ''
  }
  const refresh = () => {
    const entry = selected()
    if (!entry?.scenario) return
    const scn = entry.scenario
    showReading()
    description.textContent = scn.file.description
    replaceChildren(context, contextNote(scn, 'context-title'))
    powerLevels.refresh(scn)
    turns.max = String(scn.file.turns.max)
    turns.value = String(Math.min(preset.turns ?? scn.file.turns.default, scn.file.turns.max))
    const wanted = preset.roles ?? [scn.roles[0]?.actor]
    replaceChildren(
      rolesBox,
      h('legend', {}, 'Play as (choose several for hot seat: players take turns at one machine)'),
      scn.roles
        .filter((role) => scn.file.actors.find((actor) => actor.id === role.actor)?.playable)
        .map((role) =>
          h(
            'label',
            { className: 'role' },
            h('input', { type: 'checkbox', name: 'role', value: role.actor, checked: wanted.includes(role.actor) }),
            ` ${role.name} `,
            h('span', { className: 'note' }, `— ${role.description}`),
          ),
        ),
    )
  }
  scenarioSelect.addEventListener('change', () => {
    preset = {}
    refreshLenses(undefined)
    refresh()
  })
  // Another reading of the same scenario keeps the powers the player ticked.
  lensSelect.addEventListener('change', () => {
    preset = { ...preset, roles: [...rolesBox.querySelectorAll<HTMLInputElement>('input[name=role]:checked')].map((input) => input.value) }
    refresh()
  })
  refreshLenses(presetEntry)
  refresh()

  const start = async () => {
    const entry = selected()
    if (!entry?.scenario) return
    const humans = [...rolesBox.querySelectorAll<HTMLInputElement>('input[name=role]:checked')].map((input) => input.value)
    const turnCount = Number(turns.value)
    const seedValue = Number(seed.value)
    const problems: string[] = []
    if (humans.length === 0) problems.push('Choose at least one power to play.')
    if (!Number.isInteger(turnCount) || turnCount < 1 || turnCount > entry.scenario.file.turns.max)
      problems.push(`Turns must be a whole number from 1 to ${entry.scenario.file.turns.max}.`)
    if (!Number.isInteger(seedValue) || seedValue < 0 || seedValue > 4294967295)
      problems.push('The seed must be a whole number from 0 to 4294967295.')
    error.textContent = problems.join(' ')
    if (problems.length > 0) return
    const kept = await keepUnfinishedAutosave(app)
    if (kept) announce(`Your unfinished game is kept as "${kept}" in Load game.`)
    app.session = new GameSession({
      listing: entry.listing,
      scenario: entry.scenario,
      humans,
      difficulty: difficulty.value as Difficulty,
      levels: powerLevels.levels(humans),
      turnLimit: turnCount,
      seed: seedValue,
    })
    const notKept = await keepRulesOf(app, entry)
    announce(`New game: ${entry.title}, seed ${seedValue}. ${notKept ?? ''}`.trim())
    app.show(gameScreen(notKept ? { lines: [notKept] } : undefined))
  }

  return h(
    'form',
    { className: 'new-game-form', onsubmit: (event: Event) => (event.preventDefault(), void start()) },
    h('div', { className: 'field' }, h('label', { for: 'scenario' }, 'Scenario'), scenarioSelect),
    lensField,
    description,
    context,
    broken.length > 0
      ? h(
          'details',
          { className: 'broken-scenarios' },
          h('summary', {}, `${broken.length} scenario${broken.length === 1 ? '' : 's'} cannot be played`),
          broken.map((entry) =>
            h(
              'div',
              {},
              h('h3', {}, entry.listing.folder),
              h(
                'ul',
                {},
                problemsOf(entry).map((p) => h('li', {}, p)),
              ),
            ),
          ),
        )
      : null,
    rolesBox,
    h('div', { className: 'field' }, h('label', { for: 'difficulty' }, 'Computer players'), difficulty),
    powerLevels.element,
    h('div', { className: 'field' }, h('label', { for: 'turns' }, 'Number of turns'), turns),
    h(
      'div',
      { className: 'field' },
      h('label', { for: 'seed' }, 'Seed'),
      seed,
      h('span', { className: 'note' }, ' Share it: the same seed and choices give the same world.'),
    ),
    error,
    h('button', { type: 'submit', className: 'primary' }, 'Start'),
  )
}
