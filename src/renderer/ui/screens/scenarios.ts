// The scenarios screen: every scenario the catalogue knows, ready or not, with its problems in full;
// the evidence behind a ready one; and, in the browser edition, importing the user's own scenarios.
import type { ScenarioListing } from '../../../shared/host.ts'
import type { App, Screen } from '../app.ts'
import type { CatalogEntry } from '../catalog.ts'
import { invalidateCatalog, loadCatalog, loadEntry } from '../catalog.ts'
import { button, h, replaceChildren } from '../dom.ts'
import type { PickedFile } from '../../host/user-scenarios.ts'
import { canImportScenarios, scenarioFilesOf } from '../../host/user-scenarios.ts'
import { evidenceScreen } from './evidence.ts'
import { titleScreen } from './title.ts'

export type ScenarioState = 'Ready' | 'Ready with warnings' | 'Broken'

export function scenarioState(entry: Pick<CatalogEntry, 'scenario' | 'problems'>): ScenarioState {
  if (!entry.scenario) return 'Broken'
  return entry.problems.length > 0 ? 'Ready with warnings' : 'Ready'
}

/** Shipped with the game; the user's own folder on the desktop; imported into this browser. */
export function originLabel(listing: Pick<ScenarioListing, 'origin'>, edition: 'desktop' | 'browser'): string {
  if (listing.origin === 'shipped') return 'shipped'
  return edition === 'browser' ? 'imported' : 'yours'
}

export function scenariosScreen(notice?: string): Screen {
  return {
    name: 'scenarios',
    title: 'Scenarios',
    render(app: App) {
      const list = h('div', { className: 'scenario-list' }, h('p', {}, 'Loading scenarios…'))
      const status = h('p', { className: 'import-status', role: 'status' }, notice ?? '')
      const refresh = async (): Promise<CatalogEntry[] | string> => {
        invalidateCatalog()
        const catalog = await loadCatalog(app.host)
        if (typeof catalog === 'string') replaceChildren(list, h('p', { role: 'alert' }, catalog))
        else
          replaceChildren(
            list,
            catalog.map((entry, index) => scenarioCard(app, entry, index)),
          )
        return catalog
      }
      void refresh()
      return h(
        'main',
        { className: 'scenarios' },
        h('h1', {}, 'Scenarios'),
        h(
          'p',
          { className: 'note' },
          'Every scenario the game found, and whether it can be played. A broken scenario lists each problem with the file, line and column to fix; the others still work.',
        ),
        canImportScenarios(app.host) ? importForm(app, status, refresh) : null,
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
    ),
    entry.problems.length > 0
      ? [
          h('h3', {}, state === 'Broken' ? 'Why it cannot be played' : 'Warnings'),
          h(
            'ul',
            { className: 'diagnostics' },
            entry.problems.map((line) => h('li', {}, h('code', {}, line))),
          ),
        ]
      : null,
    entry.scenario
      ? h(
          'div',
          { className: 'actions' },
          button(
            'Evidence',
            () => {
              void loadEntry(app.host, key).then((fresh) => {
                if (fresh.scenario) app.show(evidenceScreen(fresh.title, fresh.scenario, () => app.show(scenariosScreen())))
              })
            },
            { 'aria-label': `Evidence for ${entry.title}` },
          ),
        )
      : null,
  )
}

function importForm(app: App, status: HTMLElement, refresh: () => Promise<CatalogEntry[] | string>): HTMLElement {
  const input = h('input', {
    id: 'import-scenario',
    type: 'file',
    multiple: true,
    accept: '.json,.txt,application/json,text/plain',
    'aria-describedby': 'import-scenario-note',
  }) as HTMLInputElement
  input.addEventListener('change', () => {
    const chosen = [...(input.files ?? [])]
    if (chosen.length === 0 || !canImportScenarios(app.host)) return
    const importer = app.host
    void (async () => {
      const picked: PickedFile[] = await Promise.all(chosen.map(async (file) => ({ name: file.name, text: await file.text() })))
      input.value = ''
      const { files, ignored } = scenarioFilesOf(picked)
      const result = await importer.importScenario(files)
      if (!result.ok) {
        status.textContent = `The scenario was not imported: ${result.message}`
        return
      }
      const catalog = await refresh()
      const entry =
        typeof catalog === 'string'
          ? undefined
          : catalog.find((e) => e.listing.origin === 'user' && e.listing.folder === result.value.folder)
      const state = entry ? scenarioState(entry) : 'Broken'
      const problems = entry?.problems.length ?? 0
      status.textContent =
        `Imported "${result.value.folder}": ${state}` +
        (problems > 0 ? `, ${problems} problem${problems === 1 ? '' : 's'} listed below.` : '.') +
        (ignored.length > 0 ? ` Ignored: ${ignored.join(', ')}.` : '')
    })()
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
