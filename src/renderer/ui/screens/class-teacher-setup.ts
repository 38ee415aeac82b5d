// The teacher's console, first page: make a class. A shipped scenario and its reading, the teams (a name and
// a power, or a random power), the computer players for the rest, the seed (random, shown), the number of
// turns and the optional timers. The class's code, key and join address come back from the server.
import { DIFFICULTIES } from '../../../engine/index.ts'
import type { Difficulty } from '../../../engine/index.ts'
import { MAX_TEAMS } from '../../../shared/classroom-protocol.ts'
import type { TeamChoice } from '../../classroom/create-class.ts'
import { RANDOM_ROLE, assignRoles, checkedSetup, createClass, playableActors } from '../../classroom/create-class.ts'
import { rememberTeacherKey } from '../../classroom/identity.ts'
import { rememberRoute } from '../../classroom/routes.ts'
import type { App, Screen } from '../app.ts'
import type { CatalogEntry } from '../catalog.ts'
import { loadCatalog } from '../catalog.ts'
import { announce, button, h, replaceChildren } from '../dom.ts'
import { classTeacherScreen } from './class-teacher.ts'
import { titleScreen } from './title.ts'

const randomBelow = (n: number) => (n <= 1 ? 0 : crypto.getRandomValues(new Uint32Array(1))[0] % n)

export function classSetupScreen(): Screen {
  return {
    name: 'class-setup',
    title: 'Make a class',
    render(app: App) {
      const body = h('div', { className: 'form-body' }, h('p', {}, 'Loading scenarios…'))
      void loadCatalog(app.host).then((catalog) => {
        if (typeof catalog === 'string') return replaceChildren(body, h('p', { role: 'alert' }, catalog))
        replaceChildren(
          body,
          setupForm(
            app,
            catalog.filter((entry) => entry.scenario && entry.listing.origin === 'shipped'),
          ),
        )
      })
      return h(
        'main',
        { className: 'class-setup' },
        h('h1', {}, 'Make a class'),
        h(
          'p',
          {},
          'Teams play powers on their own devices; the computer plays the rest. Students join with the code this page shows next.',
        ),
        body,
        h(
          'div',
          { className: 'actions' },
          button('Back', () => app.show(titleScreen())),
        ),
      )
    },
  }
}

function setupForm(app: App, shipped: CatalogEntry[]): HTMLElement {
  const ids = new Set(shipped.map((entry) => entry.scenario!.id))
  const bases = shipped.filter((entry) => entry.lensOf === undefined || !ids.has(entry.lensOf))
  const lensesOf = (base: CatalogEntry) => shipped.filter((entry) => entry !== base && entry.lensOf === base.scenario!.id)
  const scenarioSelect = h(
    'select',
    { id: 'class-scenario' },
    bases.map((entry) => h('option', { value: entry.listing.folder }, entry.title)),
  )
  const lensSelect = h('select', { id: 'class-lens' })
  const lensField = h('div', { className: 'field lens-field' }, h('label', { for: 'class-lens' }, 'Reading'), lensSelect)
  const teamsBox = h('fieldset', { className: 'class-teams' })
  const difficulty = h(
    'select',
    { id: 'class-difficulty' },
    DIFFICULTIES.map((d) => h('option', { value: d, selected: d === 'normal' }, d[0].toUpperCase() + d.slice(1))),
  )
  const turns = h('input', { id: 'class-turns', type: 'number', min: 1, inputmode: 'numeric' })
  const seed = h('input', {
    id: 'class-seed',
    type: 'number',
    min: 0,
    max: 4294967295,
    inputmode: 'numeric',
    value: randomBelow(1_000_000),
  })
  const turnMinutes = h('input', {
    id: 'class-turn-minutes',
    type: 'number',
    min: 1,
    max: 60,
    inputmode: 'numeric',
    'aria-describedby': 'turn-timer-note',
  })
  const answerSeconds = h('input', {
    id: 'class-answer-seconds',
    type: 'number',
    min: 10,
    max: 600,
    value: 60,
    inputmode: 'numeric',
  })
  const error = h('p', { className: 'error', role: 'alert' })
  let teams: TeamChoice[] = [
    { name: '', role: RANDOM_ROLE },
    { name: '', role: RANDOM_ROLE },
  ]

  const base = () => bases.find((entry) => entry.listing.folder === scenarioSelect.value) ?? bases[0]
  const selected = () => shipped.find((entry) => entry.listing.folder === lensSelect.value) ?? base()
  const drawTeams = () => {
    const scn = selected()?.scenario
    if (!scn) return
    const actors = playableActors(scn)
    const max = Math.min(MAX_TEAMS, actors.length)
    replaceChildren(
      teamsBox,
      h('legend', {}, `Teams (1 to ${max}; the computer plays every power no team plays)`),
      h(
        'ol',
        { className: 'team-rows' },
        teams.map((team, index) => {
          const nameInput = h('input', {
            id: `team-${index}-name`,
            type: 'text',
            maxlength: 40,
            value: team.name,
            autocomplete: 'off',
          })
          nameInput.addEventListener('input', () => (team.name = nameInput.value))
          const roleSelect = h(
            'select',
            { id: `team-${index}-role` },
            h('option', { value: RANDOM_ROLE, selected: team.role === RANDOM_ROLE }, 'Random power'),
            actors.map((actor) =>
              h('option', { value: actor, selected: team.role === actor }, scn.roles.find((role) => role.actor === actor)?.name ?? actor),
            ),
          )
          roleSelect.addEventListener('change', () => (team.role = roleSelect.value))
          return h(
            'li',
            { className: 'team-row' },
            h('label', { for: nameInput.id }, `Team ${index + 1} name`),
            nameInput,
            h('label', { for: roleSelect.id }, 'plays'),
            roleSelect,
            teams.length > 1
              ? button('Remove', () => ((teams = teams.filter((other) => other !== team)), drawTeams()), {
                  className: 'small',
                  'aria-label': `Remove team ${index + 1}`,
                })
              : null,
          )
        }),
      ),
      teams.length < max
        ? button(
            'Add a team',
            () => (
              teams.push({ name: '', role: RANDOM_ROLE }),
              drawTeams(),
              document.getElementById(`team-${teams.length - 1}-name`)?.focus()
            ),
          )
        : null,
    )
  }
  const refresh = () => {
    const lenses = lensesOf(base())
    lensField.hidden = lenses.length === 0
    const scn = selected()?.scenario
    if (!scn) return
    turns.max = String(scn.file.turns.max)
    turns.value = String(scn.file.turns.default)
    const actors = playableActors(scn)
    teams = teams
      .slice(0, Math.min(MAX_TEAMS, actors.length))
      .map((team) => (actors.includes(team.role) ? team : { ...team, role: RANDOM_ROLE }))
    drawTeams()
  }
  const drawLenses = () => {
    replaceChildren(
      lensSelect,
      h('option', { value: '' }, `${base()?.scenario?.file.lens?.name ?? 'The scenario’s own reading'} (the default)`),
      lensesOf(base()).map((entry) => h('option', { value: entry.listing.folder }, entry.scenario!.file.lens?.name ?? entry.title)),
    )
  }
  scenarioSelect.addEventListener('change', () => (drawLenses(), refresh()))
  lensSelect.addEventListener('change', refresh)
  drawLenses()
  refresh()

  const submit = async () => {
    const entry = selected()
    if (!entry?.scenario) return
    const assigned = assignRoles(entry.scenario, teams, randomBelow)
    if (typeof assigned === 'string') return void (error.textContent = assigned)
    const minutes = turnMinutes.value.trim() === '' ? null : Number(turnMinutes.value)
    const setup = checkedSetup({
      scenario: entry.listing.folder,
      seed: Number(seed.value),
      turnLimit: Number(turns.value),
      difficulty: difficulty.value as Difficulty,
      teams: assigned,
      turnSeconds: minutes === null ? null : Math.round(minutes * 60),
      answerSeconds: Number(answerSeconds.value),
    })
    if (typeof setup === 'string') return void (error.textContent = `The class cannot be made: ${setup}.`)
    if (setup.turnLimit > entry.scenario.file.turns.max)
      return void (error.textContent = `This scenario has at most ${entry.scenario.file.turns.max} turns.`)
    error.textContent = ''
    form.inert = true
    try {
      const made = await createClass(location.origin, setup)
      rememberTeacherKey(made.code, made.key)
      rememberRoute('teach', made.code)
      announce(`Class ${made.code} is ready for the students.`)
      app.show(classTeacherScreen(made.code))
    } catch (failure) {
      form.inert = false
      error.textContent = `The class cannot be made: ${(failure as Error).message}`
    }
  }
  const form = h(
    'form',
    { className: 'class-setup-form', onsubmit: (event: Event) => (event.preventDefault(), void submit()) },
    h('div', { className: 'field' }, h('label', { for: 'class-scenario' }, 'Scenario'), scenarioSelect),
    lensField,
    teamsBox,
    h('div', { className: 'field' }, h('label', { for: 'class-difficulty' }, 'Computer players'), difficulty),
    h('div', { className: 'field' }, h('label', { for: 'class-turns' }, 'Number of turns'), turns),
    h(
      'div',
      { className: 'field' },
      h('label', { for: 'class-seed' }, 'Seed'),
      seed,
      h('span', { className: 'note' }, ' Random; the same seed and orders give the same world.'),
    ),
    h(
      'div',
      { className: 'field' },
      h('label', { for: 'class-turn-minutes' }, 'Turn timer (minutes)'),
      turnMinutes,
      h('span', { id: 'turn-timer-note', className: 'note' }, ' Leave empty for no timer: you end each turn.'),
    ),
    h(
      'div',
      { className: 'field' },
      h('label', { for: 'class-answer-seconds' }, 'Time to answer joint proposals (seconds)'),
      answerSeconds,
    ),
    error,
    h('button', { type: 'submit', className: 'primary' }, 'Make the class'),
  )
  return form
}
