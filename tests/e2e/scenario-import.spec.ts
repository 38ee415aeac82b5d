// The browser edition's own scenarios: import one with a mistake, see it Broken with the exact
// diagnostic, import the fixed files, see it Ready, and play it from New game to the first report.
// Plus the evidence behind a scenario, and an axe scan of the Scenarios screen.
import { scanA11y } from './axe.ts'
import { addAffordableAction, endTurn, expect, forgetMap, openTitle, reportHeading, test, turnHeading } from './fixtures.ts'
import { BROKEN_DIAGNOSTIC, BROKEN_JSON, SCENARIO_JSON, entryOf, importFiles, openScenarios } from './user-scenarios.ts'

test('a broken import is listed with its diagnostic; the fixed one replaces it and can be played', async ({ page }) => {
  await openTitle(page)
  await openScenarios(page)
  const shipped = entryOf(page, 'pin-pricks-2021', 'shipped')
  await expect(shipped.locator('.scenario-state')).toHaveText(/^Ready/)
  await expect(shipped).toContainText('shipped')

  await importFiles(page, BROKEN_JSON)
  await expect(page.locator('.import-status')).toContainText('Imported "minimal": Broken')
  const minimal = entryOf(page, 'minimal', 'user')
  await expect(minimal.locator('.scenario-state')).toHaveText('Broken')
  await expect(minimal).toContainText('imported')
  await expect(minimal.locator('.diagnostics li')).toHaveText([BROKEN_DIAGNOSTIC])
  await expect(minimal.getByRole('button', { name: /^Evidence/ })).toHaveCount(0)
  // A broken scenario stops nothing else: the shipped one is still ready.
  await expect(shipped.locator('.scenario-state')).toHaveText(/^Ready/)

  // New game offers only ready scenarios.
  await page.getByRole('button', { name: 'Back' }).click()
  await page.getByRole('button', { name: 'New game' }).click()
  await expect(page.locator('#seed')).toBeVisible()
  await expect(page.locator('#scenario option[value="user/minimal"]')).toHaveCount(0)
  await page.getByRole('button', { name: 'Back' }).click()

  // The fixed files replace it (same id, same folder).
  await openScenarios(page)
  await importFiles(page, SCENARIO_JSON)
  await expect(page.locator('.import-status')).toContainText('Imported "minimal": Ready')
  await expect(entryOf(page, 'minimal', 'user')).toHaveCount(1)
  await expect(entryOf(page, 'minimal', 'user').locator('.scenario-state')).toHaveText(/^Ready/)
  await expect(entryOf(page, 'minimal', 'user').locator('h2')).toHaveText('Minimal: the Straits Standoff')

  // It survives a reload (kept in IndexedDB) and is playable from New game.
  await openTitle(page)
  await page.getByRole('button', { name: 'New game' }).click()
  await expect(page.locator('#seed')).toBeVisible()
  await page.getByLabel('Scenario').selectOption('user/minimal')
  await page.locator('#seed').fill('7')
  await forgetMap(page)
  await page.getByRole('button', { name: 'Start' }).click()
  await expect(turnHeading(page)).toHaveText(/^Turn 1 of \d+ — /)
  await addAffordableAction(page)
  const { turn } = await endTurn(page)
  expect(turn).toBe(1)
  await expect(reportHeading(page)).toBeVisible()
})

test('the evidence of a ready scenario: shares and what cites each paragraph, with no axe violations', async ({ page }) => {
  await openTitle(page)
  await openScenarios(page)
  await entryOf(page, 'pin-pricks-2021', 'shipped')
    .getByRole('button', { name: /^Evidence/ })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: /^Evidence: / })).toBeVisible()
  await expect(page.locator('.evidence-summary')).toHaveText(
    /^Overall, \d+ items \(actions, rules, parameters, computer weights, actors, turn settings and starting values\)\. Number grounded in the text: \d+ \(\d+%\)\. Mechanism cited, number assumed: \d+ \(\d+%\)\. Assumed: \d+ \(\d+%\)\.$/,
  )
  const shares = page.getByRole('table', { name: 'Grounded and assumed, by kind of item' })
  await expect(shares.getByRole('columnheader')).toHaveText([
    'Kind',
    'Items',
    'Number grounded in the text',
    'Mechanism cited, number assumed',
    'Assumed',
  ])
  for (const kind of ['actors', 'turn settings', 'computer weights', 'overall (the kinds above)'])
    await expect(shares.getByRole('rowheader', { name: kind, exact: true })).toBeVisible()
  await expect(shares.getByRole('row', { name: /^turn settings 1 / })).toHaveText(/^turn settings1\d \(\d+%\)\d \(\d+%\)\d \(\d+%\)$/)
  await expect(page.locator('.paragraphs summary').first()).toHaveText(/^Cited by \d+$/)
  await scanA11y(page, 'evidence')
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeVisible()
})

test('the Scenarios screen, with a broken import listed, has no axe violations', async ({ page }) => {
  await openTitle(page)
  await openScenarios(page)
  await importFiles(page, BROKEN_JSON)
  await expect(entryOf(page, 'minimal', 'user').locator('.scenario-state')).toHaveText('Broken')
  await scanA11y(page, 'scenarios')
})
