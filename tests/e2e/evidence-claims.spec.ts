// The claims of a scenario on the Evidence screen: each statement with its passages, a test that runs in
// the page without freezing it (progress, Cancel), and a verdict per claim.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { scanA11y } from './axe.ts'
import { PROJECT_ROOT, expect, openTitle, test } from './fixtures.ts'
import { entryOf, importFiles, openScenarios } from './user-scenarios.ts'

const CLAIMS_JSON = readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'scenarios', 'claims', 'scenario.json'), 'utf8')

test('the Evidence screen tests the claims in the page, can cancel, and shows each verdict', async ({ page }) => {
  await openTitle(page)
  await openScenarios(page)
  await importFiles(page, CLAIMS_JSON)
  await entryOf(page, 'claims-fixture', 'user')
    .getByRole('button', { name: /^Evidence/ })
    .click()
  await expect(page.getByRole('heading', { level: 2, name: 'Claims of the source, as tests' })).toBeVisible()
  await expect(page.locator('.claims > li')).toHaveCount(3)
  await expect(page.getByRole('heading', { level: 3, name: 'Joint patrols raise tension between Aldoria and Castria.' })).toBeVisible()

  // A long test (with robustness) can be cancelled while it runs.
  await page.getByLabel(/Also test robustness/).check()
  await page.getByRole('button', { name: 'Test the claims' }).click()
  await expect(page.locator('#claims-progress')).toContainText(/Playing game \d+ of \d+/)
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.locator('#claims-progress')).toHaveText('Test cancelled.')
  await expect(page.getByRole('button', { name: 'Test the claims' })).toBeEnabled()

  await page.getByLabel(/Also test robustness/).uncheck()
  await page.getByRole('button', { name: 'Test the claims' }).click()
  await expect(page.locator('#claims-progress')).toHaveText('Tested: 2 of 3 claims hold.')
  await expect(page.locator('[data-claim="patrols-raise-tension"]')).toHaveText(
    /^Holds: effect \+[\d.]+ \(95% interval \+[\d.]+ to \+[\d.]+\)/,
  )
  await expect(page.locator('[data-claim="patrols-calm-things"]')).toHaveText(/^Does not hold: /)
  await expect(page.locator('[data-claim="quiet-no-clash"]')).toHaveText(/^Holds: mean /)

  // A claim's passage opens in the sources below.
  await page.locator('.claims .citations summary').first().click()
  await page.getByRole('button', { name: 'Read paragraph 3' }).first().click()
  await expect(page.locator('#evidence-straits-account-3')).toBeFocused()
  await scanA11y(page, 'evidence-claims')
})
