// A modder's loop in the browser edition: change a scenario while a game is on, see the game notice it,
// Playtest the change with one key, and open saves whose scenario changed on the old or the new rules.
// Plus deleting an imported scenario, files left out of an import with their reasons, and provenance.
import { scanA11y } from './axe.ts'
import {
  addAffordableAction,
  dialog,
  endTurn,
  expect,
  forgetMap,
  leaveReport,
  openTitle,
  test,
  turnHeading,
  turnOnWriterTools,
} from './fixtures.ts'
import type { Page } from './fixtures.ts'
import { BROKEN_DIAGNOSTIC, BROKEN_JSON, SCENARIO_JSON, entryOf, importFiles, openScenarios } from './user-scenarios.ts'

// Version 1.1.0 of the test scenario: Castria may no longer make hotline calls.
const CHANGED_JSON = SCENARIO_JSON.replace('"version": "1.0.0"', '"version": "1.1.0"').replace(
  '"actors": ["ALD", "BOR", "CAS"],\n      "targets": { "min": 1, "max": 1 },\n      "cost": 1,',
  '"actors": ["ALD", "BOR"],\n      "targets": { "min": 1, "max": 1 },\n      "cost": 1,',
)

async function importOnScenariosScreen(page: Page, json: string, state: RegExp): Promise<void> {
  await openTitle(page)
  await openScenarios(page)
  await importFiles(page, json)
  await expect(page.locator('.import-status')).toContainText(state)
}

/** New game on the imported test scenario, as Castria, seed 7; then `turns` turns with a hotline call each. */
async function playMinimal(page: Page, turns: number, length = 12): Promise<void> {
  await openTitle(page)
  await page.getByRole('button', { name: 'New game' }).click()
  await expect(page.locator('#seed')).toBeVisible()
  await page.getByLabel('Scenario').selectOption('user/minimal')
  await page.locator('#seed').fill('7')
  await page.locator('#turns').fill(String(length))
  await forgetMap(page)
  await page.getByRole('button', { name: 'Start' }).click()
  await expect(turnHeading(page)).toHaveText(new RegExp(`^Turn 1 of ${length} — `))
  for (let turn = 1; turn <= turns; turn++) {
    expect(await addAffordableAction(page, ['hotline-call'])).toBe('hotline-call')
    expect((await endTurn(page)).turn).toBe(turn)
    await leaveReport(page)
  }
}

test('Playtest: the game sees its scenario change, and P replays it from turn 1 on the new rules', async ({ page, context }) => {
  expect(CHANGED_JSON).not.toBe(SCENARIO_JSON)
  await openTitle(page)
  await turnOnWriterTools(page)
  await importOnScenariosScreen(page, SCENARIO_JSON, /Ready/)
  await playMinimal(page, 2)
  await expect(turnHeading(page)).toHaveText(/^Turn 3 of 12/)
  await expect(page.locator('.rules-changed')).toBeHidden()

  // The modder saves a change (here: imports it in another tab); the game says so by itself.
  const editor = await context.newPage()
  await importOnScenariosScreen(editor, CHANGED_JSON, /Imported "minimal": Ready/)
  await expect(page.locator('.rules-changed')).toHaveText(
    'The files of "minimal" changed. Press P (Playtest) to play this game again from turn 1 on them.',
  )

  await page.locator('body').press('p')
  const notice = page.locator('.playtest-notice')
  await expect(notice).toContainText('Playtest on the changed rules: 2 turns replayed from turn 1 with the same seed (7)')
  await expect(notice.locator('li')).toHaveText([
    '2 choices were not carried out:',
    /^Turn 1: Castria: Hotline call → \w+ — CAS cannot take "hotline-call" \(allowed: ALD, BOR\)\.$/,
    /^Turn 2: Castria: Hotline call → \w+ — CAS cannot take "hotline-call" \(allowed: ALD, BOR\)\.$/,
  ])
  await expect(turnHeading(page)).toHaveText(/^Turn 3 of 12/)
  await expect(page.locator('.card[data-action="hotline-call"]')).toHaveCount(0)
  await scanA11y(page, 'game after a playtest')

  // One button puts back the game as it was before Playtest.
  await notice.getByRole('button', { name: 'Back to the game before Playtest' }).click()
  await expect(page.locator('.playtest-notice')).toHaveText('Back to the game as it was before Playtest.')
  await expect(page.locator('.card[data-action="hotline-call"]')).toHaveCount(1)
  await page.locator('body').press('p')
  await expect(notice).toContainText('Playtest on the changed rules: 2 turns replayed')

  // A broken change: Playtest says what is wrong and the game goes on as it was.
  await importOnScenariosScreen(editor, BROKEN_JSON, /Imported "minimal": Broken/)
  await expect(page.locator('.rules-changed')).toHaveText(
    'The files of "minimal" changed and it cannot be loaded now. Press P (Playtest) to see why.',
  )
  await page.getByRole('button', { name: 'Playtest', exact: true }).click()
  await expect(notice.locator('p')).toHaveText(
    'Playtest: the scenario cannot be loaded as it is now, so the game goes on unchanged. Fix these and press P again:',
  )
  await expect(notice.locator('li')).toHaveText([BROKEN_DIAGNOSTIC])
  await expect(turnHeading(page)).toHaveText(/^Turn 3 of 12/)
  // P typed into a field is text, not a playtest.
  await page.getByRole('button', { name: 'Save' }).click()
  await dialog(page).getByLabel('Name of the save').press('p')
  await expect(dialog(page)).toBeVisible()
  await dialog(page).getByRole('button', { name: 'Cancel' }).click()
  await editor.close()
})

test('a save whose scenario changed opens on the exact old rules or replays on the new ones, as the player chooses', async ({ page }) => {
  await importOnScenariosScreen(page, SCENARIO_JSON, /Ready/)
  await playMinimal(page, 2)

  // The scenario changes; Continue asks which rules, saying both are available.
  await importOnScenariosScreen(page, CHANGED_JSON, /Imported "minimal": Ready/)
  await openTitle(page)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(dialog(page)).toContainText('This game’s scenario has changed')
  await expect(dialog(page)).toContainText('was played on minimal 1.0.0. The scenario in "minimal" is now version 1.1.0')
  await expect(dialog(page)).toContainText('The exact old rules are still available, in the copy the game kept when the game began')
  await scanA11y(page, 'changed-scenario dialog')
  await forgetMap(page)
  await dialog(page).getByRole('button', { name: 'Open on the old rules (1.0.0)' }).click()
  await expect(turnHeading(page)).toHaveText(/^Turn 3 of 12/)
  await expect(page.locator('.playtest-notice')).toHaveText(
    'Opened on the exact rules it was played with (minimal 1.0.0), from the copy the game kept when the game began.',
  )
  await expect(page.locator('.card[data-action="hotline-call"]')).toHaveCount(1)

  await page.getByRole('button', { name: 'Main menu' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await forgetMap(page)
  await dialog(page).getByRole('button', { name: 'Replay on the new rules (1.1.0)' }).click()
  await expect(turnHeading(page)).toHaveText(/^Turn 3 of 12/)
  await expect(page.locator('.playtest-notice p')).toHaveText(
    'Replayed on the new rules (minimal 1.1.0; the save was made with 1.0.0): 2 turns replayed from turn 1 with the same seed (7); the computer chose afresh.',
  )
  await expect(page.locator('.card[data-action="hotline-call"]')).toHaveCount(0)

  // Deleted from the browser: the old rules are still kept, replaying is not possible, and the dialog says so.
  await page.getByRole('button', { name: 'Main menu' }).click()
  await openScenarios(page)
  await entryOf(page, 'minimal', 'user').getByRole('button', { name: 'Delete minimal' }).click()
  await expect(dialog(page)).toContainText('Delete "minimal"?')
  await dialog(page).getByRole('button', { name: 'Delete' }).click()
  await expect(entryOf(page, 'minimal', 'user')).toHaveCount(0)
  await expect(page.locator('.import-status')).toHaveText('"minimal" changed: the list is up to date.')
  await openTitle(page)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(dialog(page)).toContainText('The scenario in "minimal" cannot be loaded now')
  await expect(dialog(page)).toContainText('Replaying on the new rules is not possible until the scenario loads again.')
  await expect(dialog(page).getByRole('button')).toHaveText(['Open on the old rules (1.0.0)', 'Cancel'])
  await forgetMap(page)
  await dialog(page).getByRole('button', { name: 'Open on the old rules (1.0.0)' }).click()
  await expect(turnHeading(page)).toHaveText(/^Turn 3 of 12/)
})

test('an import leaves out what does not belong, with the reason, and lists it with the scenario', async ({ page }) => {
  await openTitle(page)
  await openScenarios(page)
  await expect(page.locator('.user-folder')).toContainText("Your own scenarios are kept in this browser's own storage")
  await importFiles(page, SCENARIO_JSON, [
    { name: 'notes.md', buffer: Buffer.from('# notes') },
    { name: 'latin1.txt', buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9]) },
  ])
  await expect(page.locator('.import-status')).toHaveText(
    'Imported "minimal": Ready with warnings, 2 problems listed below. Left out: notes.md (only scenario.json and .txt source files belong to a scenario); latin1.txt (it is not UTF-8 text; save it as UTF-8).',
  )
  await expect(entryOf(page, 'minimal', 'user').locator('.diagnostics li')).toHaveText([
    'minimal/notes.md: warning: skipped: only scenario.json and .txt source files belong to a scenario',
    'minimal/latin1.txt: warning: skipped: it is not UTF-8 text; save it as UTF-8',
  ])
})

test('provenance: where every item of an extension comes from', async ({ page }) => {
  await openTitle(page)
  await openScenarios(page)
  await entryOf(page, 'pin-pricks-one-threat', 'shipped')
    .getByRole('button', { name: /^Provenance/ })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: /^Provenance: / })).toBeVisible()
  await expect(page.locator('.provenance-summary')).toHaveText(
    /^Extends pin-pricks-2021 \d+\.\d+\.\d+ \(pin-pricks-2021\/scenario\.json\): \d+ items overridden, \d+ added, \d+ removed, \d+ in replaced sections, \d+ inherited unchanged\.$/,
  )
  const rows = page.locator('.provenance-table tbody tr')
  const changed = page.locator('.provenance-table tbody tr:visible')
  const changedCount = await changed.count()
  expect(changedCount).toBeGreaterThan(0)
  // An overridden item is written in the base, and the fields the extension replaced come from the extension.
  await expect(changed.first().locator('td code')).toHaveText(
    /^pin-pricks-2021\/scenario\.json:\d+:\d+; [a-z, ]+ from pin-pricks-one-threat\/scenario\.json:\d+:\d+$/,
  )
  await page.getByLabel('Show only what an extension changed').uncheck()
  expect(await page.locator('.provenance-table tbody tr:visible').count()).toBe(await rows.count())
  expect(await rows.count()).toBeGreaterThan(changedCount)
  await expect(
    page
      .locator('.provenance-table tbody tr:visible td code')
      .filter({ hasText: /^pin-pricks-2021\/scenario\.json:/ })
      .first(),
  ).toBeVisible()
  await scanA11y(page, 'provenance')
})

test('the New game list follows the user’s scenarios as they change, keeping what the player chose', async ({ page, context }) => {
  await openTitle(page)
  await page.getByRole('button', { name: 'New game' }).click()
  await expect(page.locator('#seed')).toBeVisible()
  await page.getByLabel('Scenario').selectOption('shipped/tutorial')
  await page.locator('#seed').fill('4242')
  await expect(page.locator('#scenario option[value="user/minimal"]')).toHaveCount(0)

  const editor = await context.newPage()
  await importOnScenariosScreen(editor, SCENARIO_JSON, /Imported "minimal": Ready/)
  await expect(page.locator('#scenario option[value="user/minimal"]')).toHaveCount(1)
  await expect(page.getByLabel('Scenario')).toHaveValue('shipped/tutorial')
  await expect(page.locator('#seed')).toHaveValue('4242')
  await editor.close()
})

test('Playtest on the outcome screen, a hot-seat Playtest with its hand-over, and P turned off in Settings', async ({ page }) => {
  await openTitle(page)
  await turnOnWriterTools(page)
  await importOnScenariosScreen(page, SCENARIO_JSON, /Ready/)
  await playMinimal(page, 2, 2)
  const outcome = page.getByRole('heading', { level: 1, name: /the last turn is played|everyone loses/ })
  await expect(outcome).toBeVisible()
  await importOnScenariosScreen(page, CHANGED_JSON, /Imported "minimal": Ready/)
  await openTitle(page)
  await page.getByRole('button', { name: 'Continue' }).click()
  await forgetMap(page)
  await dialog(page).getByRole('button', { name: 'Open on the old rules (1.0.0)' }).click()
  await expect(outcome).toBeVisible()
  await page.getByRole('button', { name: 'Playtest', exact: true }).click()
  await expect(page.locator('#app')).toHaveAttribute('data-screen', 'end')
  await expect(outcome).toBeVisible()
  await expect(page.locator('.playtest-notice li').first()).toHaveText('2 choices were not carried out:')

  // Hot seat: after Playtest, the device goes to the first player before anyone's plan shows.
  await openTitle(page)
  await page.getByRole('button', { name: 'New game' }).click()
  await page.getByLabel('Scenario').selectOption('user/minimal')
  await page.getByRole('checkbox', { name: /^Borovia —/ }).check()
  await forgetMap(page)
  await page.getByRole('button', { name: 'Start' }).click()
  await expect(turnHeading(page)).toBeVisible()
  await page.locator('body').press('p')
  await expect(page.getByRole('heading', { level: 1, name: /^Pass the device to / })).toBeVisible()
  await page.getByRole('button', { name: /^Ready: play / }).click()
  await expect(page.locator('.playtest-notice p')).toHaveText(/^Playtest \(the rules are unchanged\): 0 turns replayed/)

  // With single-key shortcuts off, P is only a letter.
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Single-key shortcut: P for Playtest').uncheck()
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.locator('.playtest-notice')).toHaveCount(0)
  await page.locator('body').press('p')
  await expect(page.getByRole('heading', { level: 1, name: /^Pass the device to / })).toHaveCount(0)
  await expect(page.locator('.playtest-notice')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Playtest', exact: true })).not.toHaveAttribute('aria-keyshortcuts', 'P')
})
