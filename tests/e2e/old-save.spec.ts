// A save made by Red Lines 0.1.0 still works in the browser edition: with the rules that version kept when
// the game began (Pin Pricks 1.0.0, format 1), the save imports, opens on those old rules at the turn it
// was saved and plays on; the same save with its recorded state altered is refused.
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  PROJECT_ROOT,
  addAffordableAction,
  dialog,
  endTurn,
  expect,
  leaveReport,
  openTitle,
  readStoredSave,
  test,
  turnHeading,
} from './fixtures.ts'
import type { BrowserGlobals, Page } from './fixtures.ts'

const FIXTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'saves', 'v0.1.0')
const SAVE_TEXT = readFileSync(join(FIXTURE, 'pin-pricks-2021-v0.1.0.save.json'), 'utf8')
const SAVE = JSON.parse(SAVE_TEXT) as { payload: { scenario: { hash: string }; stateHash: string } }
const RULES_HASH = SAVE.payload.scenario.hash

/** The kept rules of Pin Pricks 1.0.0 as the game keeps them (src/renderer/session/kept-rules.ts). */
function keptRulesText(): string {
  const dir = join(FIXTURE, 'pin-pricks-2021-1.0.0')
  const files: Record<string, string> = { 'scenario.json': readFileSync(join(dir, 'scenario.json'), 'utf8') }
  for (const name of readdirSync(join(dir, 'sources'))) files[`sources/${name}`] = readFileSync(join(dir, 'sources', name), 'utf8')
  return JSON.stringify({ format: 'red-lines-rules', formatVersion: 1, hash: RULES_HASH, files, bases: [] })
}

/** Puts kept rules in the browser's storage, where the game put them when the old game began. */
async function keepRules(page: Page, hash: string, text: string): Promise<void> {
  await page.evaluate(
    ({ key, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = (globalThis as unknown as BrowserGlobals).indexedDB.open('red-lines')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const transaction = db.transaction('kept-rules', 'readwrite')
          const store = transaction.objectStore('kept-rules') as unknown as { put(value: unknown, key: string): unknown }
          store.put(value, key)
          transaction.oncomplete = () => {
            db.close()
            resolve()
          }
          transaction.onerror = () => reject(transaction.error)
        }
      }),
    { key: hash, value: text },
  )
}

async function importSave(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Import a save file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) })
}

/** Answers the question a save on changed rules asks: open it on the exact old rules. */
async function openOnOldRules(page: Page): Promise<void> {
  await expect(dialog(page)).toContainText('was played on pin-pricks-2021 1.0.0')
  await expect(dialog(page)).toContainText('The exact old rules are still available')
  await dialog(page).getByRole('button', { name: 'Open on the old rules (1.0.0)' }).click()
}

test('a save made by version 0.1.0 imports, opens on its kept old rules and plays on; altered, it is refused', async ({ page }) => {
  test.setTimeout(90_000)
  await openTitle(page)
  await page.getByRole('button', { name: 'Load game' }).click()
  await expect(page.getByLabel('Import a save file')).toBeAttached()
  await keepRules(page, RULES_HASH, keptRulesText())

  // Its recorded state altered (the checksum made right again): only the replay can tell, and it does.
  const altered = structuredClone(SAVE)
  altered.payload.stateHash = createHash('sha256').update('not the state').digest('hex')
  const alteredText = JSON.stringify({ ...altered, checksum: createHash('sha256').update(JSON.stringify(altered.payload)).digest('hex') })
  await importSave(page, 'altered.json', alteredText)
  await openOnOldRules(page)
  await expect(page.locator('#announcer')).toHaveText('Not imported: altered.json: replaying the save does not give the state it recorded.')
  await expect(page.locator('.slots li')).toHaveText(['No saved games yet.'])

  await importSave(page, 'old.json', SAVE_TEXT)
  await openOnOldRules(page)
  await expect(page.locator('#announcer')).toHaveText('Imported "Old game (v0.1.0)" as imported-old-game-v0-1-0.')
  // Listed like any other save: what it is, read from its data and scored on its kept rules.
  await expect(page.locator('.slots li').filter({ hasText: 'imported-old-game-v0-1-0' })).toContainText(
    /^imported-old-game-v0-1-0 — Pin Pricks · [A-Za-z ]+ · Turn 6 of 8 · score \d+ · saved \d/,
  )
  await page.getByRole('button', { name: 'Load imported-old-game-v0-1-0' }).click()
  await openOnOldRules(page)
  await expect(turnHeading(page)).toHaveText(/^Turn 6 of 8/)
  await expect(page.locator('#announcer')).toContainText('Opened on the exact rules it was played with (pin-pricks-2021 1.0.0)')

  await addAffordableAction(page)
  await endTurn(page, 'Decline')
  await leaveReport(page)
  await expect(turnHeading(page)).toHaveText(/^Turn 7 of 8/)
  // The autosave after that turn is a save of this version, on the same old rules.
  const autosave = await readStoredSave(page, 'autosave')
  const payload = (JSON.parse(autosave?.generations[0].text ?? '{}') as { payload?: { appVersion: string; scenario: { hash: string } } })
    .payload
  expect(payload?.appVersion).not.toBe('0.1.0')
  expect(payload?.scenario.hash).toBe(RULES_HASH)
})
