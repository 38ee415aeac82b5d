// WCAG 2.2 AA: an axe scan of every screen and dialog, with zero violations allowed.
import {
  addAffordableAction,
  dialog,
  expect,
  leaveReport,
  openTitle,
  pressEndTurn,
  reportHeading,
  roleCheckbox,
  startGame,
  test,
  turnHeading,
} from './fixtures.ts'
import { scanA11y } from './axe.ts'

const scan = scanA11y

test('title, new game, settings, tutorial and load game screens have no axe violations', async ({ page }) => {
  await openTitle(page)
  await expect(page.locator('#continue-note')).toHaveText('No game to continue yet.')
  await scan(page, 'title')

  await page.getByRole('button', { name: 'New game' }).click()
  await expect(page.locator('#seed')).toBeVisible()
  await scan(page, 'new game')
  await page.getByRole('button', { name: 'Back' }).click()

  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await scan(page, 'settings')
  // The colour-blind-safe palette changes colours: it must keep the contrast too.
  await page.getByLabel('Colour-blind-safe palette (Okabe–Ito)').check()
  await expect(page.locator('html')).toHaveAttribute('data-palette', 'okabe-ito')
  await scan(page, 'settings (Okabe–Ito palette)')
  await page.getByLabel('Colour-blind-safe palette (Okabe–Ito)').uncheck()
  await page.getByRole('button', { name: 'Back' }).click()

  await page.getByRole('button', { name: 'Tutorial' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'How to play' })).toBeVisible()
  await scan(page, 'tutorial')
  await page.getByRole('button', { name: 'Back' }).click()

  await page.getByRole('button', { name: 'Load game' }).click()
  await expect(page.getByText('No saved games yet.')).toBeVisible()
  await scan(page, 'load game (empty)')
})

test('game, consent dialog, save dialog, report with Why?, reader, charts, load game and end screens have no axe violations', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await openTitle(page)
  // Seed 7 as the United States: partners propose joint actions on the first turn.
  await startGame(page, { seed: 7, turns: 2 })
  await expect(page.locator('.map canvas')).toBeAttached()
  await scan(page, 'game')
  await addAffordableAction(page)
  await scan(page, 'game (with a plan)')

  await page.getByRole('button', { name: 'Save' }).click()
  await expect(dialog(page)).toBeVisible()
  await scan(page, 'save dialog')
  await dialog(page).getByRole('button', { name: 'Save' }).click()
  await expect(dialog(page)).toHaveCount(0)

  await pressEndTurn(page)
  await expect(dialog(page), 'a partner proposes a joint action').toBeVisible()
  await scan(page, 'consent dialog')
  while (await dialog(page).isVisible()) {
    await dialog(page).getByRole('button', { name: 'Decline' }).click()
    await expect(reportHeading(page).or(dialog(page))).toBeVisible()
  }
  await expect(reportHeading(page)).toBeVisible()
  await scan(page, 'report')
  const group = page
    .locator('.change-group')
    .filter({ has: page.locator('.why blockquote') })
    .first()
  await page
    .locator('details.ledger-step')
    .filter({ has: page.locator(`li.change-group[data-cause="${await group.getAttribute('data-cause')}"]`) })
    .first()
    .locator('> summary')
    .click()
  await group.locator('> details > summary').click()
  const why = group.getByRole('button', { name: /^Why\? / })
  await why.click()
  await expect(why).toHaveAttribute('aria-expanded', 'true')
  await scan(page, 'report (Why? open)')

  await page
    .getByRole('button', { name: /^Read paragraph \d+$/ })
    .first()
    .click()
  await expect(page.locator('li[aria-current="true"]')).toBeVisible()
  await scan(page, 'source reader')
  await page.getByRole('button', { name: 'Back' }).click()
  await leaveReport(page)

  await page.getByRole('button', { name: 'Charts' }).click()
  await expect(page.locator('.plot canvas').first()).toBeAttached()
  await scan(page, 'charts')
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(turnHeading(page)).toBeVisible()

  await pressEndTurn(page)
  while (true) {
    await expect(reportHeading(page).or(dialog(page))).toBeVisible()
    if (!(await dialog(page).isVisible())) break
    await dialog(page).getByRole('button', { name: 'Agree' }).click()
  }
  await leaveReport(page)
  await expect(page.getByRole('heading', { level: 2, name: 'Timeline' })).toBeVisible()
  await scan(page, 'end')

  await page.getByRole('button', { name: 'Main menu' }).click()
  await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled()
  await page.getByRole('button', { name: 'Load game' }).click()
  await expect(page.getByRole('button', { name: 'Load autosave' })).toBeVisible()
  await scan(page, 'load game (with saves)')
  await page
    .getByRole('button', { name: /^Delete / })
    .first()
    .click()
  await expect(dialog(page)).toBeVisible()
  await scan(page, 'delete dialog')
  await dialog(page).getByRole('button', { name: 'Keep' }).click()
})

test('the hot-seat hand-over screen has no axe violations', async ({ page }) => {
  await openTitle(page)
  await startGame(page, { seed: 3, turns: 2, roles: ['United States', 'China'] })
  await expect(page.getByText('Playing United States')).toBeVisible()
  await pressEndTurn(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Pass the device to China' })).toBeVisible()
  await scan(page, 'hand-over')
  await page.getByRole('button', { name: 'Ready: play China' }).click()
  await expect(page.getByText('Playing China')).toBeVisible()
  await expect(roleCheckbox(page, 'China')).toHaveCount(0)
})
