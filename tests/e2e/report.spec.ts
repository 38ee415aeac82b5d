// The turn report leads (issue 12 part 5, issue 11 part 2): the player's own actions and score by objective
// first, then the turn's top changes, what the others did with why, and the ledger folded below; Charts, Save and
// Main menu on the report; Back (and Escape) from the reader and Back from the charts restore it as it was.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { scanA11y } from './axe.ts'
import type { Page } from './fixtures.ts'
import { SCENARIO_FOLDER, addAffordableAction, endTurn, expect, openTitle, reportHeading, startGame, test } from './fixtures.ts'

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
] as const

/** Every actor and action id of the shipped scenario, as whole words (none is an English word there). */
const scenario = JSON.parse(readFileSync(join(SCENARIO_FOLDER, 'scenario.json'), 'utf8')) as {
  actors: { id: string }[]
  actions: { id: string }[]
}
const IDS = new RegExp(`(?<![\\w-])(?:${[...scenario.actors, ...scenario.actions].map((item) => item.id).join('|')})(?![\\w-])`)

const top = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element: { getBoundingClientRect(): { top: number } }) => element.getBoundingClientRect().top)

for (const size of SIZES) {
  test(`the report leads with the player at ${size.width}×${size.height}; its panels and scroll survive the reader and the charts`, async ({
    page,
  }) => {
    test.setTimeout(120_000)
    await page.setViewportSize(size)
    await openTitle(page)
    // Seed 7 as the United States: a Quad exercise India declines, and an incident on turn 1.
    await startGame(page, { seed: 7, turns: 4 })
    await addAffordableAction(page, ['quad-exercise'])
    await addAffordableAction(page, ['sanctions', 'scramble-intercept'])
    await endTurn(page, 'Decline')
    await expect(reportHeading(page)).toBeVisible()
    const report = page.locator('main.report')

    // The report's length, all folded (5,357 px at 1440×900 for this turn before the report led).
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    test.info().annotations.push({ type: 'report height', description: `${size.width}×${size.height}: ${height} px` })
    console.log(`report height ${size.width}×${size.height}: ${height} px`)

    // Own actions first: the player's section comes before the top changes and the others'.
    const you = report.locator('section.report-you')
    await expect(you.getByRole('heading', { level: 2 })).toHaveText(/^What you did as United States/)
    await expect(you).toContainText('United States: Quad naval exercise')
    await expect(you.getByText(/^Score of United States: \d+ \(game so far; this turn \d+\)$/)).toBeVisible()
    const rows = you.locator('table tbody tr')
    expect(await rows.count(), 'each objective of the role').toBeGreaterThanOrEqual(3)
    for (const cell of await rows.locator('td:last-child').allInnerTexts()) expect(cell).toMatch(/^[+−±]\d+\.\d$/)
    expect(await top(page, 'section.report-you')).toBeLessThan(await top(page, 'section.report-top'))
    expect(await top(page, 'section.report-top')).toBeLessThan(await top(page, '#others-title'))

    // The top changes: three to five, in words, without ids.
    const topChanges = report.locator('ol.top-changes > li')
    expect(await topChanges.count()).toBeGreaterThanOrEqual(3)
    expect(await topChanges.count()).toBeLessThanOrEqual(5)
    for (const text of await topChanges.allInnerTexts()) expect(text).not.toMatch(IDS)

    // Incidents by severity: a box, not a bullet.
    await expect(report.locator('.report-alerts .alert-box').first()).toBeVisible()

    // The ledger: folded by step and by cause, no separate limit lines, no no-ops, no ids.
    const steps = report.locator('details.ledger-step')
    expect(await steps.count()).toBeGreaterThan(2)
    for (const step of await steps.all()) expect(await step.getAttribute('open')).toBeNull()
    await expect(report.locator('li.change-group[data-cause="clamp"]')).toHaveCount(0)
    const lines = await report.locator('li.change-group ul.entries > li').allTextContents()
    expect(lines.length).toBeGreaterThan(20)
    for (const line of lines) {
      expect(line).not.toMatch(IDS)
      expect(line).not.toMatch(/Range limit|±0\.0 (?:pts )?took effect|: ±0\.0/)
    }
    expect(
      lines.some((line) => / took effect \((?:held back|added|took away) by /.test(line)),
      'a limit folded into a line',
    ).toBe(true)
    // Nothing of the report names an id, the refusal of India included.
    const whole = await report.innerText()
    expect(whole).not.toMatch(IDS)
    expect(whole).toMatch(/declined to take part in [A-Z]/)

    // A computer choice's why: the objective terms and the runner-up.
    const whyComputer = report.getByRole('button', { name: /^Why did .+ do that\?/ }).first()
    await expect(whyComputer).toHaveAttribute('aria-expanded', 'false')
    await whyComputer.click()
    await expect(whyComputer).toHaveAttribute('aria-expanded', 'true')
    const computerPanel = page.locator(`#${await whyComputer.getAttribute('aria-controls')}`)
    await expect(computerPanel).toBeVisible()
    await expect(computerPanel).toContainText('points')
    await expect(computerPanel).toContainText(/The best choice it left out was .+|It had no other choice worth making\./)
    expect(await computerPanel.innerText()).not.toMatch(IDS)

    // Open a step, a cause in it and its Why?, scroll there, and go to the reader.
    const step = steps.filter({ has: page.locator('.why blockquote') }).first()
    await step.locator('> summary').click()
    const group = step
      .locator('li.change-group')
      .filter({ has: page.locator('.why blockquote') })
      .first()
    await group.locator('> details > summary').click()
    const why = group.getByRole('button', { name: /^Why\? / })
    await why.click()
    await expect(group.locator('.why')).toBeVisible()
    await group
      .locator('.why')
      .evaluate((element: { scrollIntoView(options: unknown): void }) => element.scrollIntoView({ block: 'center' }))
    const scrolled = await page.evaluate(() => window.scrollY)
    expect(scrolled).toBeGreaterThan(0)
    await scanA11y(page, `report at ${size.width}×${size.height}`)

    const cause = await group.getAttribute('data-cause')
    const restored = async () => {
      await expect(reportHeading(page)).toBeVisible()
      const again = page.locator(`li.change-group[data-cause="${cause}"]`).first()
      await expect(again.locator('> details')).toHaveAttribute('open', '')
      await expect(again.locator('.why')).toBeVisible()
      await expect(computerPanel).toBeVisible()
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled)
    }
    // Back from the reader.
    await group
      .getByRole('button', { name: /^Read paragraph \d+$/ })
      .first()
      .click()
    await expect(page.getByRole('heading', { level: 1, name: 'Source reader' })).toBeVisible()
    await page.getByRole('button', { name: 'Back' }).click()
    await restored()
    // Escape in the reader.
    await group
      .getByRole('button', { name: /^Read paragraph \d+$/ })
      .first()
      .click()
    await expect(page.getByRole('heading', { level: 1, name: 'Source reader' })).toBeVisible()
    await page.keyboard.press('Escape')
    await restored()
    // Back from the charts.
    await report.getByRole('navigation', { name: 'Report' }).getByRole('button', { name: 'Charts' }).click()
    await expect(page.locator('.plot canvas').first()).toBeAttached()
    await page.getByRole('button', { name: 'Back' }).click()
    await restored()

    // Save and Main menu are on the report too.
    const nav = report.getByRole('navigation', { name: 'Report' })
    await nav.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await nav.getByRole('button', { name: 'Main menu' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Red Lines' })).toBeVisible()
  })
}

// Seed 43 with the United States passing: turn 1 brings a severe China–Australia incident (found with the engine).
test('a severe incident leads the report as a prominent box above everything else, and passes axe', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await openTitle(page)
  await startGame(page, { turns: 12, roles: ['United States'], seed: 43 })
  await endTurn(page, 'Decline')
  await expect(reportHeading(page)).toBeVisible()
  const severe = page.locator('.report-alerts .alert-box.severe')
  await expect(severe).toHaveCount(1)
  await expect(severe.getByRole('heading', { name: 'Severe incident' })).toBeVisible()
  await expect(severe).toContainText(/A severe incident between China and Australia/)
  // Above the player's own section, inside the first screen.
  const boxTop = await top(page, '.report-alerts .alert-box.severe')
  expect(boxTop).toBeLessThan(await top(page, '.report-you'))
  expect(boxTop).toBeLessThan(720)
  // The turn's autosave is written while the report shows, and the report says so.
  await expect(page.locator('.report-actions .autosave-status')).toHaveText('Autosaved.')
  await scanA11y(page, 'report with a severe incident')
})
