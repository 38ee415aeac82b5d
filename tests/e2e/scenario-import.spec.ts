// The browser edition's own scenarios: import one with a mistake, see it Broken with the exact
// diagnostic, import the fixed files, see it Ready, and play it from New game to the first report.
// Plus the evidence behind a scenario, and an axe scan of the Scenarios screen.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { PROJECT_ROOT, addAffordableAction, endTurn, expect, forgetMap, openTitle, reportHeading, test, turnHeading } from './fixtures.ts'
import type { Page } from './fixtures.ts'

const MINIMAL = join(PROJECT_ROOT, 'tests', 'fixtures', 'scenarios', 'minimal')
const SCENARIO_JSON = readFileSync(join(MINIMAL, 'scenario.json'), 'utf8')
const SOURCE_TEXT = readFileSync(join(MINIMAL, 'sources', 'text.txt'), 'utf8')
// A quote that is not in its paragraph: the engine reports where it is and why.
const BROKEN_JSON = SCENARIO_JSON.replace('Castrian and Borovian ships', 'Castrian and Borovian boats')
const DIAGNOSTIC =
  'minimal/scenario.json:57:67: error: quote not found in paragraph 5 of source "straits-account" [/static/contact/0/citations/0/quote]'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** An axe scan of the page as it is now: zero violations, and checks actually run. */
async function scan(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ')}`).join('\n'),
  )
  expect(violations).toEqual([])
  expect(results.passes.length).toBeGreaterThan(5)
}

async function importFiles(page: Page, scenarioJson: string): Promise<void> {
  await page.getByLabel('Import a scenario').setInputFiles([
    { name: 'scenario.json', mimeType: 'application/json', buffer: Buffer.from(scenarioJson) },
    { name: 'text.txt', mimeType: 'text/plain', buffer: Buffer.from(SOURCE_TEXT) },
  ])
}

const entryOf = (page: Page, folder: string, origin: string) =>
  page.locator(`.scenario-entry[data-origin="${origin}"][data-folder="${folder}"]`)

async function openScenarios(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Scenarios' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeVisible()
  await expect(entryOf(page, 'pin-pricks-2021', 'shipped')).toBeVisible()
}

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
  await expect(minimal.locator('.diagnostics li')).toHaveText([DIAGNOSTIC])
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
  await expect(page.locator('.evidence-summary')).toContainText(/Grounded in the sources: \d+%\. Assumed by the designer: \d+%\./)
  await expect(page.getByRole('table', { name: 'Grounded and assumed, by kind of item' })).toBeVisible()
  await expect(page.locator('.paragraphs summary').first()).toHaveText(/^Cited by \d+$/)
  await scan(page)
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeVisible()
})

test('the Scenarios screen, with a broken import listed, has no axe violations', async ({ page }) => {
  await openTitle(page)
  await openScenarios(page)
  await importFiles(page, BROKEN_JSON)
  await expect(entryOf(page, 'minimal', 'user').locator('.scenario-state')).toHaveText('Broken')
  await scan(page)
})
