// The scenarios screen: every scenario the catalogue knows, ready or not, with its problems in full,
// updated by itself when the user's scenarios change; where the user's own scenarios live; the evidence
// and provenance behind a ready one; and, in the browser edition, importing and deleting scenarios.
import type { App, Screen } from '../app.ts'
import type { CatalogEntry } from '../catalog.ts'
import { invalidateCatalog, loadCatalog, loadEntry, problemsOf } from '../catalog.ts'
import { announce, button, h, modal, replaceChildren } from '../dom.ts'
import type { PickedFile } from '../../host/user-scenarios.ts'
import { canImportScenarios, scenarioFilesOf } from '../../host/user-scenarios.ts'
import { skipReasonText } from '../skip-reasons.ts'
import { evidenceScreen } from './evidence.ts'
import { provenanceScreen } from './provenance.ts'
import { originLabel, scenarioState } from './scenario-labels.ts'
import { titleScreen } from './title.ts'

export function scenariosScreen(notice?: string): Screen {
  return {
    name: 'scenarios',
    title: 'Scenarios',
    render(app: App) {
      const list = h('div', { className: 'scenario-list' }, h('p', {}, 'Loading scenarios…'))
      const status = h('p', { className: 'import-status', role: 'status' }, notice ?? '')
      // Refreshes may overlap (changes arrive while one is reading): only the latest is drawn, and the
      // control that had focus in the list gets it back in the new one.
      let generation = 0
      const refresh = async (): Promise<CatalogEntry[] | string> => {
        const mine = ++generation
        invalidateCatalog()
        const catalog = await loadCatalog(app.host)
        if (mine !== generation) return catalog
        const focused = focusedControl(list)
        if (typeof catalog === 'string') replaceChildren(list, h('p', { role: 'alert' }, catalog))
        else
          replaceChildren(
            list,
            catalog.map((entry, index) => scenarioCard(app, entry, index)),
          )
        focused?.()
        return catalog
      }
      void refresh()
      // An import on this screen refreshes the list and says how it went itself.
      const importing = { now: false }
      app.onScenariosChanged((folders) => {
        if (importing.now) return
        void refresh().then(() => {
          const what = folders.length > 0 ? folders.map((folder) => `"${folder}"`).join(', ') : 'Your scenarios'
          status.textContent = `${what} changed: the list is up to date.`
        })
      })
      return h(
        'main',
        { className: 'scenarios' },
        h('h1', {}, 'Scenarios'),
        h(
          'p',
          { className: 'note' },
          'Every scenario the game found, and whether it can be played. A broken scenario lists each problem with the file, line and column to fix; the others still work.',
        ),
        userFolder(app),
        canImportScenarios(app.host) ? importForm(app, status, refresh, importing) : null,
        canImportScenarios(app.host) ? null : status,
        list,
        h(
          'div',
          { className: 'actions' },
          button('Back', () => app.show(titleScreen())),
        ),
      )
    },
  }
}

/** Remembers the button in the list that has focus, by its scenario and label; the returned function refocuses it. */
function focusedControl(list: HTMLElement): (() => void) | null {
  const active = document.activeElement
  if (!(active instanceof HTMLElement) || !list.contains(active)) return null
  const card = active.closest<HTMLElement>('.scenario-entry')
  const label = active.getAttribute('aria-label') ?? active.textContent
  return () => {
    const again = card
      ? [...list.querySelectorAll<HTMLElement>(`.scenario-entry[data-origin="${card.dataset.origin}"] button`)].find(
          (button) =>
            button.closest<HTMLElement>('.scenario-entry')?.dataset.folder === card.dataset.folder &&
            (button.getAttribute('aria-label') ?? button.textContent) === label,
        )
      : undefined
    if (again) return again.focus()
    // The scenario is gone: the screen's heading takes focus, not the page.
    const heading = list.closest('main')?.querySelector<HTMLElement>('h1')
    heading?.setAttribute('tabindex', '-1')
    heading?.focus()
  }
}

/** Where the user's own scenarios go, and on the desktop a button to open that folder. */
function userFolder(app: App): HTMLElement {
  const where = h('code', { className: 'user-folder-path' }, '…')
  const open = button('Open the folder', () => {
    void app.host.openUserScenarioFolder().then((result) => announce(result.ok ? 'The folder is open.' : result.message))
  })
  open.hidden = true
  void app.host.userScenarioFolder().then((result) => {
    where.textContent = result.ok ? result.value.location : `unknown (${result.message})`
    open.hidden = !(result.ok && result.value.canOpen)
  })
  return h(
    'p',
    { className: 'user-folder' },
    app.host.edition === 'desktop'
      ? 'Your own scenarios: put each in a folder of its own (its scenario.json and its sources/*.txt) inside '
      : 'Your own scenarios are kept in ',
    where,
    '. The list updates by itself when they change. ',
    open,
  )
}

function diagnosticList(heading: string, lines: readonly string[]): HTMLElement[] | null {
  if (lines.length === 0) return null
  return [
    h('h3', {}, heading),
    h(
      'ul',
      { className: 'diagnostics' },
      lines.map((line) => h('li', {}, h('code', {}, line))),
    ),
  ]
}

function scenarioCard(app: App, entry: CatalogEntry, index: number): HTMLElement {
  const state = scenarioState(entry)
  const headingId = `scenario-${index}`
  const key = { origin: entry.listing.origin, folder: entry.listing.folder }
  return h(
    'section',
    {
      className: `scenario-entry state-${state === 'Broken' ? 'broken' : state === 'Ready' ? 'ready' : 'warnings'}`,
      'aria-labelledby': headingId,
      'data-folder': entry.listing.folder,
      'data-origin': entry.listing.origin,
    },
    h('h2', { id: headingId }, entry.title),
    h(
      'dl',
      { className: 'scenario-facts' },
      h('dt', {}, 'State'),
      h('dd', { className: 'scenario-state' }, state),
      h('dt', {}, 'Folder'),
      h('dd', {}, entry.listing.folder),
      h('dt', {}, 'Origin'),
      h('dd', {}, originLabel(entry.listing, app.host.edition)),
      entry.listing.origin === 'user' ? [h('dt', {}, 'Location'), h('dd', { className: 'location' }, entry.listing.location)] : null,
    ),
    diagnosticList('Why it cannot be played', entry.errors),
    diagnosticList('Warnings', entry.warnings),
    h(
      'div',
      { className: 'actions' },
      entry.scenario
        ? [
            button(
              'Evidence',
              () => {
                void loadEntry(app.host, key).then((fresh) => {
                  if (fresh.scenario) app.show(evidenceScreen(fresh.title, fresh.scenario, () => app.show(scenariosScreen())))
                })
              },
              { 'aria-label': `Evidence for ${entry.title}` },
            ),
            button(
              'Provenance',
              () => {
                void loadEntry(app.host, key).then((fresh) => {
                  if (fresh.provenance) app.show(provenanceScreen(fresh, () => app.show(scenariosScreen())))
                })
              },
              { 'aria-label': `Provenance of ${entry.title}` },
            ),
          ]
        : null,
      entry.listing.origin === 'user' && canImportScenarios(app.host)
        ? button('Delete', () => void deleteImported(app, entry), { 'aria-label': `Delete ${entry.listing.folder}` })
        : null,
    ),
  )
}

async function deleteImported(app: App, entry: CatalogEntry): Promise<void> {
  if (!canImportScenarios(app.host)) return
  const sure = await modal(
    `Delete "${entry.listing.folder}"?`,
    [
      h(
        'p',
        {},
        'The imported scenario is removed from this browser; your own files are not touched. Saved games can still be opened on the copy of its rules the game kept when they began.',
      ),
    ],
    [
      { label: 'Delete', value: true },
      { label: 'Cancel', value: false, primary: true },
    ],
    false,
  )
  if (!sure) return
  const result = await app.host.deleteScenario(entry.listing.folder)
  // The host tells this screen of the change, which refreshes the list.
  announce(result.ok ? `Deleted "${entry.listing.folder}".` : `Not deleted: ${result.message}`)
}

function importForm(
  app: App,
  status: HTMLElement,
  refresh: () => Promise<CatalogEntry[] | string>,
  importing: { now: boolean },
): HTMLElement {
  const input = h('input', {
    id: 'import-scenario',
    type: 'file',
    multiple: true,
    accept: '.json,.txt,application/json,text/plain',
    'aria-describedby': 'import-scenario-note',
  })
  input.addEventListener('change', () => {
    const chosen = [...(input.files ?? [])]
    if (chosen.length === 0 || !canImportScenarios(app.host)) return
    const importer = app.host
    importing.now = true
    void importPicked().finally(() => (importing.now = false))
    async function importPicked(): Promise<void> {
      const picked: PickedFile[] = await Promise.all(
        chosen.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
      )
      input.value = ''
      const read = scenarioFilesOf(picked)
      const left = read.skipped.map((skipped) => `${skipped.file} (${skipReasonText(skipped.reason)})`)
      const result = await importer.importScenario(read)
      if (!result.ok) {
        status.textContent = `The scenario was not imported: ${result.message}` + (left.length > 0 ? ` Left out: ${left.join('; ')}.` : '')
        return
      }
      const catalog = await refresh()
      const entry =
        typeof catalog === 'string'
          ? undefined
          : catalog.find((e) => e.listing.origin === 'user' && e.listing.folder === result.value.folder)
      const state = entry ? scenarioState(entry) : 'Broken'
      const problems = entry ? problemsOf(entry).length : 0
      status.textContent =
        `Imported "${result.value.folder}": ${state}` +
        (problems > 0 ? `, ${problems} problem${problems === 1 ? '' : 's'} listed below.` : '.') +
        (left.length > 0 ? ` Left out: ${left.join('; ')}.` : '')
    }
  })
  return h(
    'section',
    { className: 'import', 'aria-labelledby': 'import-heading' },
    h('h2', { id: 'import-heading' }, 'Your own scenarios'),
    h('div', { className: 'field' }, h('label', { for: 'import-scenario' }, 'Import a scenario'), input),
    h(
      'p',
      { id: 'import-scenario-note', className: 'note' },
      'Choose its scenario.json and its source .txt files together. They stay in this browser; importing a scenario with the same id again replaces it.',
    ),
    status,
  )
}
