// Scenarios are loaded and checked in a worker, off the page's thread: a large or hostile scenario cannot
// stall the game. The page still gets every shipped scenario, ready to play.
import { expect, openTitle, test } from './fixtures.ts'

test('the scenario list is built by a worker, and every shipped scenario is offered', async ({ page }) => {
  await openTitle(page)
  await page.getByRole('button', { name: 'New game' }).click()
  await expect(page.locator('#seed')).toBeVisible()
  const scenario = page.getByLabel('Scenario')
  await expect(scenario.locator('option[value="shipped/pin-pricks-2021"]')).toHaveCount(1)
  await expect(scenario.locator('option[value="shipped/tutorial"]')).toHaveCount(1)
  const workers = page.workers().map((worker) => worker.url())
  expect(workers.some((url) => /engine-worker/.test(url))).toBe(true)
})
