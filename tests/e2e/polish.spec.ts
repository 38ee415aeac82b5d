// Polish (issue 12, part 11): glossary terms explained on hover and by keyboard, charts as wide as the page
// with the scenario's thresholds marked and their lines named, and Load rows that say what each save is.
import { scanA11y } from './axe.ts'
import { endTurn, expect, leaveReport, numberIn, openTitle, startGame, test, turnHeading } from './fixtures.ts'
import type { Locator, Page } from './fixtures.ts'

const SIZES = [
  [1440, 900],
  [1280, 720],
  [1024, 768],
] as const

const term = (scope: Page | Locator, name: RegExp) => scope.getByRole('button', { name })

const MODEL_WORDS = ['rigidity', 'quasi-alliance', 'pin prick', 'readiness', 'interdependence', 'grievance']
async function expectAllTerms(strip: Locator): Promise<void> {
  for (const word of MODEL_WORDS) {
    const button = term(strip, new RegExp(`^${word}$`))
    await expect(button).toHaveAccessibleDescription(/^\S.{30,}/)
  }
}
const tipOf = async (page: Page, trigger: Locator) => page.locator(`#${await trigger.getAttribute('aria-describedby')}`)

for (const [width, height] of SIZES) {
  test(`at ${width}×${height} glossary terms, full-width charts with thresholds and Load rows that say what a save is`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height })
    await openTitle(page)
    await startGame(page, { turns: 12, roles: ['United States'] })

    // The turn screen: "Rigidity" in the summary is a term, its definition shown on hover with this scenario's threshold.
    const rigidity = term(page.locator('.map-summary'), /^Rigidity$/)
    await rigidity.hover()
    const rigidityTip = await tipOf(page, rigidity)
    await expect(rigidityTip).toBeVisible()
    await expect(rigidityTip).toHaveText(/How tight and separate the two camps are.* rigid at 50 or more for 2 turns in a row\./)
    await expect(rigidity).toHaveAccessibleDescription(/How tight and separate the two camps are/)
    await page.mouse.move(0, 0)
    await expect(rigidityTip).toBeHidden()

    // The ladder's "Pin pricks" rung: by keyboard, focus shows the scenario's own definition, Escape hides it.
    const pinPricks = term(page.locator('.ladder'), /^Pin pricks$/)
    await pinPricks.focus()
    const pinTip = await tipOf(page, pinPricks)
    await expect(pinTip).toBeVisible()
    await expect(pinTip).toContainText("tests the rival's red lines")
    await page.keyboard.press('Escape')
    await expect(pinTip).toBeHidden()
    await expect(pinPricks).toBeFocused()
    // Enter keeps it open until focus leaves.
    await page.keyboard.press('Enter')
    await expect(pinTip).toBeVisible()
    await page.mouse.move(0, 0)
    await expect(pinTip).toBeVisible()
    await scanA11y(page, `game with a glossary tooltip open at ${width}×${height}`)
    await page.keyboard.press('Tab')
    await expect(pinTip).toBeHidden()

    // Every word of the model is explained under the cards, where their numbers are (readiness, grievance…).
    await expectAllTerms(page.locator('.actions-panel .glossary-strip'))

    // The report: rigidity in "The world now" is a term too, and every word under the ledger's note.
    await endTurn(page, 'Decline')
    await expectAllTerms(page.locator('.report .glossary-strip'))
    const reportRigidity = term(page.getByRole('region', { name: 'The world now' }), /^rigidity$/)
    await reportRigidity.focus()
    await expect(await tipOf(page, reportRigidity)).toBeVisible()
    await leaveReport(page)
    const scoreNow = numberIn(await page.getByText(/^Playing United States · Score /).innerText(), /Score (\d+)/)

    // Charts: as wide as the page, thresholds drawn from the scenario, lines named, no "turn: --".
    await page.getByRole('button', { name: 'Charts' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Charts over time' })).toBeVisible()
    const main = await page.locator('main.charts').boundingBox()
    const plots = page.locator('.chart .plot')
    await expect(plots).toHaveCount(4)
    for (const plot of await plots.all()) {
      await expect(plot.locator('canvas')).toBeAttached()
      const box = await plot.locator('canvas').boundingBox()
      expect(box!.width, 'a chart uses the width of the page').toBeGreaterThan(main!.width * 0.85)
    }
    const chart = (name: RegExp) => page.getByRole('region', { name })
    await expect(chart(/^Bloc rigidity/).locator('.plot')).toHaveAttribute('data-thresholds-drawn', '50')
    await expect(chart(/^Bloc rigidity/)).toContainText('Marked: Rigid blocs at 50.')
    await expect(chart(/^Alignment/).locator('.plot')).toHaveAttribute('data-thresholds-drawn', '75')
    await expect(chart(/^Tension/).locator('.plot')).toHaveAttribute('data-thresholds-drawn', /^20 35 50 /)
    await expect(chart(/^Tension/)).toContainText('Ladder: Pin pricks at 35')
    await expect(chart(/^Alignment/).locator('.u-legend')).toContainText('China–Russia')
    await expect(chart(/^Tension/).locator('.u-legend')).toContainText(/[A-Z][A-Za-z ]+–[A-Z][A-Za-z ]+ \(the hottest pair now\)/)
    await expect(chart(/^Scores/).locator('.u-legend')).toContainText('United States')
    for (const legend of await page.locator('.u-legend').all()) await expect(legend).not.toContainText('--')
    const chartRigidity = term(chart(/^Bloc rigidity/), /^rigidity$/)
    await chartRigidity.hover()
    await expect(await tipOf(page, chartRigidity)).toBeVisible()
    await scanA11y(page, `charts at ${width}×${height}`)
    // A narrower window: the charts follow.
    const before = (await plots.first().locator('canvas').boundingBox())!.width
    await page.setViewportSize({ width: width - 200, height })
    await expect.poll(async () => (await plots.first().locator('canvas').boundingBox())!.width).toBeLessThan(before - 150)
    await page.setViewportSize({ width, height })
    await page.getByRole('button', { name: 'Back' }).click()
    await expect(turnHeading(page)).toBeVisible()

    // Load: the autosave's row says the scenario, the power, the turn, its score and when it was saved.
    await page.getByRole('button', { name: 'Main menu' }).click()
    await page.getByRole('button', { name: 'Load game' }).click()
    const row = page.locator('ul.slots > li').filter({ hasText: /^Autosave/ })
    await expect(row).toContainText(
      new RegExp(
        `^Autosave — Pin Pricks · United States · Turn 2 of 12 · score ${scoreNow} · saved \\d{1,2} [A-Z][a-z]+ \\d{4}(,| at) \\d{2}:\\d{2}`,
      ),
    )
    await scanA11y(page, `load game at ${width}×${height}`)
  })
}
