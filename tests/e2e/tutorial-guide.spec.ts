// The tutorial scenario teaches the interface in the game, one step at a time: each step points at the
// part of the screen it talks about and moves on when the player does what it asks.
import { scanA11y } from './axe.ts'
import {
  addAffordableAction,
  answerUntilReport,
  expect,
  forgetMap,
  startTutorial,
  leaveReport,
  openTitle,
  pressEndTurn,
  test,
  turnHeading,
  turnOnWriterTools,
} from './fixtures.ts'
import type { Page } from './fixtures.ts'

const guide = (page: Page) => page.getByRole('complementary', { name: /^Guide/ })

async function expectStep(page: Page, step: number, text: RegExp, place: string | null): Promise<void> {
  await expect(guide(page).getByRole('heading')).toHaveText(`Guide — step ${step} of 9`)
  await expect(guide(page).locator('.guide-text')).toHaveText(text)
  if (place) await expect(page.locator('.guide-target')).toHaveAttribute('data-guide', place)
  else await expect(page.locator('.guide-target')).toHaveCount(0)
}

test('the tutorial guide walks through a turn, step by step, and can be hidden', async ({ page }) => {
  await openTitle(page)
  // Playtest (a scenario writer's tool) keeps the guide's place: see below.
  await turnOnWriterTools(page)
  await page.getByRole('button', { name: 'Tutorial' }).click()
  await page.getByRole('button', { name: 'Start the tutorial scenario' }).click()
  await expect(page.getByLabel('Scenario')).toHaveValue('shipped/tutorial')
  await forgetMap(page)
  await page.getByRole('button', { name: 'Start' }).click()
  await expect(turnHeading(page)).toHaveText(/^Turn 1 of 5/)

  await expectStep(page, 1, /^You play Selmark\. Your score, beside its name, measures how well Selmark meets/, 'score')
  await scanA11y(page, 'game with the guide')
  await guide(page).getByRole('button', { name: 'Next guide step' }).click()
  await expectStep(page, 2, /^The map shows/, 'map')
  // The new step's Next has the focus, so a keyboard player presses Enter again.
  await expect(guide(page).getByRole('button', { name: 'Next guide step' })).toBeFocused()
  await guide(page).getByRole('button', { name: 'Next guide step' }).click()
  await expectStep(page, 3, /^The escalation ladder/, 'ladder')
  await guide(page).getByRole('button', { name: 'Next guide step' }).click()
  await expectStep(page, 4, /^Each card is an action/, 'cards')
  // This step waits for an action, not for Next.
  await expect(guide(page).getByRole('button', { name: 'Next guide step' })).toHaveCount(0)
  expect(await addAffordableAction(page, ['talks'])).toBe('talks')
  await expectStep(page, 5, /^Your plan lists/, 'plan')

  // Hidden, it keeps its place; shown again, it is where it was.
  await guide(page).getByRole('button', { name: 'Hide the guide' }).click()
  await expect(guide(page).locator('.guide-text')).toHaveCount(0)
  await expect(page.locator('.guide-target')).toHaveCount(0)
  await guide(page).getByRole('button', { name: 'Show the guide' }).click()
  await expectStep(page, 5, /^Your plan lists/, 'plan')

  await guide(page).getByRole('button', { name: 'Next guide step' }).click()
  await expectStep(page, 6, /^End the turn\./, 'end-turn')
  await pressEndTurn(page)
  await answerUntilReport(page)
  await expectStep(page, 7, /^The report lists every change/, null)
  await page
    .getByRole('button', { name: /^Why\?/ })
    .first()
    .click()
  await expectStep(page, 8, /^Every rule cites its source/, null)
  await leaveReport(page)
  await expectStep(page, 9, /^The toolbar has the rest/, 'toolbar')
  // Playtest keeps the guide's place.
  await page.locator('body').press('p')
  await expect(page.locator('.playtest-notice')).toBeVisible()
  await expectStep(page, 9, /^The toolbar has the rest/, 'toolbar')
  await guide(page).getByRole('button', { name: 'Next guide step' }).click()
  await expect(guide(page)).toContainText('Guide finished: play on your way.')
  await expect(page.locator('.guide-target')).toHaveCount(0)

  // A game loaded past its first turn starts with the guide hidden, one button away.
  await page.getByRole('button', { name: 'Main menu' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(turnHeading(page)).toHaveText(/^Turn 2 of 5/)
  await expect(guide(page).locator('.guide-text')).toHaveCount(0)
  await guide(page).getByRole('button', { name: 'Show the guide' }).click()
  await expectStep(page, 1, /^You play Selmark\./, 'score')
  await expect(guide(page).getByRole('button', { name: 'Hide the guide' })).toBeFocused()
})

test('a scenario without a guide shows none', async ({ page }) => {
  await openTitle(page)
  await page.getByRole('button', { name: 'New game' }).click()
  await page.getByLabel('Scenario').selectOption('shipped/pin-pricks-2021')
  await forgetMap(page)
  await page.getByRole('button', { name: 'Start' }).click()
  await expect(turnHeading(page)).toBeVisible()
  await expect(guide(page)).toHaveCount(0)
})

/** The guide's panel lies inside the window: its top at or below 0 and its bottom at or above the window's. */
async function expectGuideInView(page: Page): Promise<void> {
  const box = await guide(page).boundingBox()
  const viewport = page.viewportSize()
  expect(box, 'the guide has a box').not.toBeNull()
  expect(box!.y).toBeGreaterThanOrEqual(0)
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport!.height)
}

async function scrollToBottom(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  await page.waitForFunction(() => window.scrollY > 0 && window.scrollY + innerHeight >= document.documentElement.scrollHeight - 2)
}

for (const [width, height] of [
  [1440, 900],
  [1280, 720],
  [1024, 768],
] as const) {
  test(`at ${width}×${height} the current step stays in view and follows what the player skipped`, async ({ page }) => {
    await page.setViewportSize({ width, height })
    await openTitle(page)
    await startTutorial(page)
    await expectStep(page, 1, /^You play Selmark\./, 'score')

    // Scrolled down to the cards, the step is still on screen, docked at the top.
    await scrollToBottom(page)
    await expect(guide(page)).toHaveClass(/docked/)
    await expectGuideInView(page)
    await scanA11y(page, `game scrolled, with the docked guide at ${width}×${height}`)

    // Ending the turn at step 1 skips the turn screen's steps: the report shows its own first step.
    await page.getByRole('button', { name: 'End turn' }).click()
    await answerUntilReport(page)
    await expectStep(page, 7, /^The report lists every change.*Press a Why\?/, null)
    await scrollToBottom(page)
    await expectGuideInView(page)

    // Leaving the report without a Why? leaves no stale "Press a Why?" on the turn screen: it shows the
    // first step left there, the one the player skipped.
    await page.evaluate(() => window.scrollTo(0, 0))
    await leaveReport(page)
    await expectStep(page, 1, /^You play Selmark\./, 'score')
    await expect(page.locator('.guide-text')).not.toContainText('Why?')
    // The Why? step comes back in the next report, where there are Why? buttons to press.
    await page.getByRole('button', { name: 'End turn' }).click()
    await answerUntilReport(page)
    await expectStep(page, 7, /Press a Why\?/, null)
    await expect(page.getByRole('button', { name: /^Why\?/ }).first()).toBeVisible()
  })
}
