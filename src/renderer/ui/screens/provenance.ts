// Where every item of a scenario comes from: its own file, a base it extends, or an extension that
// replaced, overrode, added or removed it — the game's view of `redlines validate --provenance`.
import type { RelatedLocation } from '../../../engine/scenario/index.ts'
import { describeProvenanceItem } from '../../../engine/scenario/index.ts'
import type { App, Screen } from '../app.ts'
import type { CatalogEntry, Provenance } from '../catalog.ts'
import { button, h } from '../dom.ts'

/** `scenario.json` of folder `mine` is `mine/scenario.json`; `../base/scenario.json` is `base/scenario.json`. */
export function shownFile(folder: string, file: string): string {
  const parts: string[] = [folder]
  for (const part of file.split('/')) {
    if (part === '..') parts.pop()
    else if (part !== '.' && part !== '') parts.push(part)
  }
  return parts.join('/')
}

const where = (folder: string, at: RelatedLocation): string => `${shownFile(folder, at.file)}:${at.line}:${at.column}`

const CHANGE_WORDS: Record<string, string> = {
  own: 'its own',
  inherited: 'inherited',
  replaced: 'replaced section',
  overridden: 'overridden',
  added: 'added',
}

/** One sentence on what the scenario builds on and how much it changes. */
export function provenanceSummary(folder: string, provenance: Provenance): string {
  if (provenance.bases.length === 0) return `Every item is written in ${folder}'s own files.`
  const chain = provenance.bases.map((base) => `${base.id} ${base.version} (${shownFile(folder, base.file)})`).join(', which extends ')
  const count = (change: string) => provenance.entries.filter((entry) => entry.change === change).length
  return (
    `Extends ${chain}: ${count('overridden')} items overridden, ${count('added')} added, ` +
    `${provenance.removed.length} removed, ${count('replaced')} in replaced sections, ${count('inherited')} inherited unchanged.`
  )
}

export function provenanceScreen(entry: Pick<CatalogEntry, 'title' | 'listing' | 'provenance'>, onBack: () => void): Screen {
  return {
    name: 'provenance',
    title: 'Provenance',
    render(_app: App) {
      const provenance = entry.provenance ?? { entries: [], removed: [], bases: [] }
      const folder = entry.listing.folder
      const changedOnly = h('input', { type: 'checkbox', id: 'changed-only', checked: provenance.bases.length > 0 })
      const rows = [
        ...provenance.entries.map((item) => ({
          changed: item.change !== 'own' && item.change !== 'inherited',
          cells: [
            describeProvenanceItem(item),
            CHANGE_WORDS[item.change] ?? item.change,
            [where(folder, item.at), ...(item.overrides ?? []).map((o) => `${o.fields.join(', ')} from ${where(folder, o.at)}`)].join('; '),
          ],
        })),
        ...provenance.removed.map((item) => ({
          changed: true,
          cells: [describeProvenanceItem(item), 'removed', `by ${where(folder, item.by)}`],
        })),
      ]
      const body = h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            { 'data-changed': row.changed ? 'true' : 'false' },
            h('th', { scope: 'row' }, row.cells[0]),
            h('td', {}, row.cells[1]),
            h('td', {}, h('code', {}, row.cells[2])),
          ),
        ),
      )
      const filter = () => {
        for (const row of body.querySelectorAll<HTMLElement>('tr')) row.hidden = changedOnly.checked && row.dataset.changed !== 'true'
      }
      changedOnly.addEventListener('change', filter)
      filter()
      return h(
        'main',
        { className: 'provenance' },
        h('h1', {}, `Provenance: ${entry.title}`),
        h('div', { className: 'actions' }, button('Back', onBack, { className: 'primary' })),
        h('p', { className: 'provenance-summary' }, provenanceSummary(folder, provenance)),
        h('div', { className: 'field' }, changedOnly, h('label', { for: 'changed-only' }, ' Show only what an extension changed')),
        h(
          'table',
          { className: 'provenance-table' },
          h('caption', {}, 'Where each item comes from'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Item', 'Change', 'Written at'].map((label) => h('th', { scope: 'col' }, label)),
            ),
          ),
          body,
        ),
      )
    },
  }
}
