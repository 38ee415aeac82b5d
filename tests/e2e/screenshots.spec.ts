// The README's screenshots, 1280×800: title, new game, a turn, a turn report with "Why?" open, the source
// reader, the charts, the end screen and the settings. `npm test` writes them to test-results/screenshots/
// (it never changes tracked files); `npm run screenshots` refreshes the README's copies in resources/screenshots/.
import { mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { PROJECT_ROOT, addAffordableAction, endTurn, expect, leaveReport, openTitle, test, turnHeading, waitForMap } from './fixtures.ts'
import type { Page } from './fixtures.ts'

const FOLDER = process.env.REDLINES_UPDATE_SCREENSHOTS
  ? join(PROJECT_ROOT, 'resources', 'screenshots')
  : join(PROJECT_ROOT, 'test-results', 'screenshots')
const TURNS = 6

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(FOLDER, `${name}.png`)
  // Screenshots must not show a blinking caret or a focus ring left by the last click.
  await page.evaluate(() =>
    (globalThis as unknown as { document: { activeElement: { blur?(): void } | null } }).document.activeElement?.blur?.(),
  )
  await page.screenshot({ path, caret: 'hide', animations: 'disabled', scale: 'css' })
  expect(statSync(path).size, `${name}.png is a real image`).toBeGreaterThan(10_000)
  await test.info().attach(name, { path, contentType: 'image/png' })
}

test('screenshots of the main screens for the README', async ({ page }) => {
  test.setTimeout(120_000)
  mkdirSync(FOLDER, { recursive: true })
  expect(page.viewportSize()).toEqual({ width: 1280, height: 800 })
  await openTitle(page)

  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await shoot(page, 'settings')
  await page.getByRole('button', { name: 'Back' }).click()

  await page.getByRole('button', { name: 'New game' }).click()
  await expect(page.locator('#seed')).toBeVisible()
  await page.locator('#turns').fill(String(TURNS))
  await page.locator('#seed').fill('7')
  await shoot(page, 'new-game')
  await page.getByRole('button', { name: 'Start' }).click()
  await expect(turnHeading(page)).toBeVisible()

  for (let turn = 1; turn <= 3; turn++) {
    await addAffordableAction(page, ['scramble-intercept', 'sanctions'])
    await endTurn(page, (index) => (index === 0 ? 'Agree' : 'Decline'))
    await leaveReport(page)
  }

  // Turn 4: two actions planned, the map drawn with the last turn's events.
  await addAffordableAction(page, ['sanctions', 'quad-exercise'])
  await addAffordableAction(page, ['scramble-intercept', 'grave-concern'])
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0))
  await waitForMap(page)
  await shoot(page, 'turn')

  // Its report, scrolled to a change with its Why? open.
  await endTurn(page, (index) => (index === 0 ? 'Agree' : 'Decline'))
  const group = page
    .locator('li.change-group')
    .filter({ has: page.locator('.why blockquote') })
    .first()
  await page
    .locator('details.ledger-step')
    .filter({ has: page.locator(`li.change-group[data-cause="${await group.getAttribute('data-cause')}"]`) })
    .first()
    .locator('> summary')
    .click()
  await group.locator('> details > summary').click()
  await group.getByRole('button', { name: /^Why\? / }).click()
  await expect(group.locator('.why')).toBeVisible()
  // The open explanation near the top, with the changes before it in sight.
  await group.evaluate((element: { scrollIntoView(options: unknown): void }) => {
    element.scrollIntoView({ block: 'start' })
    ;(globalThis as unknown as { scrollBy(x: number, y: number): void }).scrollBy(0, -160)
  })
  await shoot(page, 'report')

  // The source reader on the cited paragraph.
  await group
    .getByRole('button', { name: /^Read paragraph \d+$/ })
    .first()
    .click()
  await expect(page.locator('li[aria-current="true"]')).toBeInViewport()
  await shoot(page, 'reader')
  await page.getByRole('button', { name: 'Back' }).click()

  // Play out the game.
  let screen = await leaveReport(page)
  while (screen === 'game') {
    await addAffordableAction(page, ['scramble-intercept', 'sanctions'])
    await endTurn(page, 'Decline')
    screen = await leaveReport(page)
  }
  await expect(page.getByRole('heading', { level: 2, name: 'Timeline' })).toBeVisible()
  await shoot(page, 'end')

  await page.getByRole('button', { name: 'Charts' }).click()
  await expect(page.locator('.plot canvas')).toHaveCount(4)
  await shoot(page, 'charts')
  await page.getByRole('button', { name: 'Back' }).click()

  // The title, with a game to continue.
  await page.getByRole('button', { name: 'Main menu' }).click()
  await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled()
  await shoot(page, 'title')
})
