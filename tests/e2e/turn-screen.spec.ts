// The turn screen as the place where the player decides (issue 12, parts 2, 3, 6 and the unspent-capital
// prompt of 11): objectives in sight with their values, a forecast on every card, the plan, its budget and
// the first row of cards in the viewport without scrolling, the plan in view while adding, confirmations
// visible as well as announced, and a prompt before ending a turn with capital that could still buy something.
import { scanA11y } from './axe.ts'
import { answerUntilReport, budgetLeft, expect, openTitle, startGame, test, unspentPrompt } from './fixtures.ts'
import type { Locator, Page } from './fixtures.ts'

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
]

/** The element's box, checked to lie wholly inside the viewport as the page is scrolled now. */
async function expectInViewport(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox()
  const viewport = page.viewportSize()!
  expect(box, `${what} is laid out`).not.toBeNull()
  expect(box!.y, `${what} starts inside the viewport`).toBeGreaterThanOrEqual(0)
  expect(box!.x, `${what} starts inside the viewport`).toBeGreaterThanOrEqual(0)
  expect(box!.y + box!.height, `${what} ends above the bottom of the ${viewport.width}×${viewport.height} viewport`).toBeLessThanOrEqual(
    viewport.height,
  )
  expect(box!.x + box!.width, `${what} ends inside the viewport's width`).toBeLessThanOrEqual(viewport.width)
}

const scrollY = (page: Page) => page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} the plan, its budget, the objectives and the first row of cards are in sight`, async ({ page }) => {
    await page.setViewportSize(size)
    await openTitle(page)
    await startGame(page, { seed: 7, turns: 4 })
    expect(await scrollY(page)).toBe(0)

    // Objectives: each of the United States' with its points, the measure and its goal.
    const objectives = page.getByRole('region', { name: /^Your objectives: \d+ of 100 now$/ })
    await expect(objectives.locator('li')).toHaveCount(5)
    for (const line of await objectives.locator('li').allInnerTexts()) {
      expect(line).toMatch(/\d+\.\d of \d+ pts/)
      expect(line).toMatch(/keep it (high|low)/)
    }
    await expect(objectives).toContainText('Keep the allies close')

    // The plan, the budget and the End turn button, and the whole first row of cards, without scrolling.
    await expectInViewport(page, page.getByRole('region', { name: /^Your plan/ }).locator('.budget'), 'the budget')
    await expectInViewport(page, page.getByRole('heading', { name: /^Your plan/ }), 'the plan')
    await expectInViewport(page, page.getByRole('button', { name: 'End turn' }), 'End turn')
    await expectInViewport(page, objectives.getByRole('heading'), 'the objectives')
    const cards = page.locator('.card')
    const firstTop = (await cards.first().boundingBox())!.y
    const tops = await cards.evaluateAll((all) => all.map((card) => card.getBoundingClientRect().top))
    const firstRow = tops.filter((top) => Math.abs(top - firstTop) < 2).length
    expect(firstRow, 'at least two cards side by side').toBeGreaterThanOrEqual(2)
    for (let k = 0; k < firstRow; k++) {
      await expectInViewport(page, cards.nth(k).locator('h3'), `card ${k + 1}'s name`)
      await expectInViewport(page, cards.nth(k).getByRole('button', { name: 'Add to plan' }), `card ${k + 1}'s Add to plan`)
    }
    expect(await scrollY(page), 'nothing scrolled the page').toBe(0)

    // Adding from a card further down keeps the plan in view, and says so visibly.
    const sanctions = page.locator('.card[data-action="sanctions"]')
    await sanctions.getByRole('button', { name: 'Add to plan' }).scrollIntoViewIfNeeded()
    await sanctions.getByRole('button', { name: 'Add to plan' }).click()
    await expect(page.locator('.status-line')).toHaveText('Added United States: Sanctions → China.')
    await expectInViewport(page, page.locator('.status-line'), 'the confirmation')
    await expectInViewport(page, page.locator('.plan-list'), 'the plan after adding')
    await expectInViewport(page, page.locator('.budget'), 'the budget after adding')
    await expect(page.locator('.plan-list')).toContainText('United States: Sanctions → China')
    await expect(page.locator('.plan-effect')).toHaveText(/^Expected effect of the plan on your score: [+−±]\d+\.\d pts$/)
    if (size.width === 1280) await scanA11y(page, 'turn screen with a plan')
  })
}

test('a card forecasts the effect on your objectives, the reactions in words, the incident risk and the partners', async ({ page }) => {
  await openTitle(page)
  await startGame(page, { seed: 7, turns: 4 })
  const card = (id: string) => page.locator(`.card[data-action="${id}"]`)
  const sanctions = card('sanctions')
  await sanctions.getByRole('checkbox', { name: 'China' }).uncheck()
  await sanctions.getByRole('checkbox', { name: 'Russia' }).check()
  // They pull China and Russia together: the United States' objective of keeping them apart suffers.
  await expect(sanctions.locator('.forecast-score')).toHaveText(/^Your score: −\d+\.\d pts expected$/)
  await expect(sanctions.locator('.forecast-objectives')).toContainText(/Keep China and Russia apart −\d+\.\d pts/)
  // Sanctions on Russia pull China and Russia together and leave Russia wanting to answer.
  const reactions = sanctions.locator('.forecast-reactions')
  await expect(reactions).toContainText(
    /China and Russia draw closer \(\+\d+(\.\d)? pts\)|Russia and China draw closer \(\+\d+(\.\d)? pts\)/,
  )
  await expect(reactions).toContainText(/(Russia|Russia and China|China and Russia) will want to answer you/)
  await expect(sanctions.locator('.risk')).toHaveText('No added incident risk.')
  // Every number in one unit, no ids or internal words.
  const text = await page.locator('.cards').innerText()
  expect(text).not.toMatch(/\b(USA|CHN|RUS|JPN|KOR|AUS|GBR|IND)\b/)
  expect(text).not.toMatch(/Grievance of|toward the targets/)
  // Capital is counted in whole numbers ("+1 per extra target"); every other change is in points.
  const changes = [...text.replace(/\+\d+ per extra target/g, '').matchAll(/[+−]\d+(?:\.\d+)?( pts)?/g)]
  expect(changes.length).toBeGreaterThan(20)
  for (const change of changes) expect(change[1], `"${change[0]}" is in pts`).toBe(' pts')

  // A pin prick gives the pair's incident risk; a joint action says whether each partner will agree.
  const quad = card('quad-exercise')
  await expect(quad.locator('.risk')).toHaveText(/^Incident risk: United States–China \d+% → \d+%/)
  await expect(quad.locator('.partners-note')).toHaveText(
    /^Must agree: (Japan|Australia|India) (will agree|will decline \(the action is then cancelled\))/,
  )

  // The forecast follows the choice on the card and the rest of the plan: double containment needs both.
  await card('sanctions').getByRole('button', { name: 'Add to plan' }).click()
  await expect(page.locator('.plan-list')).toContainText('Sanctions → Russia')
  await expect(card('one-threat-framing').locator('.forecast-reactions')).toContainText('Double containment')

  // Saving says so on the screen too, not only to screen readers.
  await page.getByRole('button', { name: 'Save' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
  await expect(page.locator('.status-line')).toHaveText(/^Saved as ".+"\.$/)
  await expect(page.locator('.status-line')).toBeInViewport()
  await scanA11y(page, 'turn screen with forecasts')
})

test('ending a turn with capital that could buy an action asks first; not once it is all spent', async ({ page }) => {
  await openTitle(page)
  await startGame(page, { seed: 7, turns: 4 })
  expect(await budgetLeft(page)).toBe(3)
  await page.getByRole('button', { name: 'End turn' }).click()
  await expect(unspentPrompt(page)).toBeVisible()
  await expect(unspentPrompt(page)).toContainText('United States has 3 of 3 political capital left')
  await expect(unspentPrompt(page).getByRole('button', { name: 'Keep planning' })).toBeFocused()
  await scanA11y(page, 'unspent capital prompt')
  await unspentPrompt(page).getByRole('button', { name: 'Keep planning' }).click()
  await expect(unspentPrompt(page)).toHaveCount(0)
  await expect(page.locator('.status-line')).toHaveText('Still planning: 3 capital left.')
  await expect(page.getByRole('button', { name: 'End turn' })).toBeFocused()
  // Escape keeps planning too.
  await page.getByRole('button', { name: 'End turn' }).click()
  await expect(unspentPrompt(page)).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(unspentPrompt(page)).toHaveCount(0)

  // Spend it all: no prompt.
  await page.locator('.card[data-action="aukus-pact"]').getByRole('button', { name: 'Add to plan' }).click()
  expect(await budgetLeft(page)).toBe(0)
  await page.getByRole('button', { name: 'End turn' }).click()
  await expect(unspentPrompt(page)).toHaveCount(0)
  await answerUntilReport(page)
})
