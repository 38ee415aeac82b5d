// Context for students: New game and the source reader say the game is a model, not history, when it
// starts and what it leaves out; the reader gives the source's reference and marks the errata of its copy
// without changing the text the quotes are checked against.
import { scanA11y } from './axe.ts'
import { expect, openTitle, sourceTexts, startGame, test } from './fixtures.ts'
import type { Page } from './fixtures.ts'

const SIZES = [
  [1440, 900],
  [1280, 720],
  [1024, 768],
] as const

const contextNote = (page: Page) => page.getByRole('region', { name: 'A model, not history' })

async function expectPinPricksContext(page: Page): Promise<void> {
  const note = contextNote(page)
  await expect(note).toBeVisible()
  await expect(note).toContainText(/^A model, not history\s*A model, not a history and not a forecast\./)
  await expect(note).toContainText('Turn 1 is December 2021; each turn stands for 3 months.')
  await expect(note.getByRole('listitem').filter({ hasText: 'invasion of Ukraine' })).toHaveText(
    /^Russia’s full-scale invasion of Ukraine — 24 February 2022, between turn 1 \(December 2021\) and turn 2 \(March 2022\)\. Turn 2 is March 2022, weeks after the invasion, but the model contains no war in Europe/,
  )
}

for (const [width, height] of SIZES) {
  test(`at ${width}×${height} New game and the reader give the context, the reference and the errata`, async ({ page }) => {
    await page.setViewportSize({ width, height })
    await openTitle(page)
    await page.getByRole('button', { name: 'New game' }).click()
    await page.getByLabel('Scenario').selectOption('shipped/pin-pricks-2021')
    await expectPinPricksContext(page)
    await scanA11y(page, `new game with the context note at ${width}×${height}`)

    // Another scenario, without a context of its own, gets the general note and its own start date.
    await page.getByLabel('Scenario').selectOption('shipped/tutorial')
    await expect(contextNote(page)).toContainText('A model, not a history and not a forecast: it plays out one reading of its sources')
    await expect(contextNote(page)).toContainText('Turn 1 is January 2030')
    await expect(contextNote(page).getByRole('listitem')).toHaveCount(0)

    await page.getByRole('button', { name: 'Back' }).click()
    await startGame(page, { turns: 4 })
    await page.getByRole('button', { name: 'Source reader' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Source reader' })).toBeVisible()
    await expectPinPricksContext(page)

    const article = page.getByRole('article', { name: 'China–Russia military alignment and the Western response' })
    const reference = article.locator('.reference-facts')
    await expect(reference).toContainText('Published byAl Jazeera')
    await expect(reference).toContainText('Date25 November 2021')
    await expect(article.locator('.copy-note')).toContainText('scraped')

    // The errata: each a mark on the very words, described by its note, and listed under its paragraph.
    const marks = article.locator('mark.erratum')
    await expect(marks).toHaveCount(10)
    const dateStamp = marks.filter({ hasText: 'date 2021-11-25' })
    await expect(dateStamp).toHaveAccessibleDescription(/date stamp of the web page.*Most likely: “Weeks after”/)
    await expect(marks.filter({ hasText: '$ 55 billion gas project. of dollars' })).toHaveAccessibleDescription(/55 billion dollars/)
    await expect(marks.filter({ hasText: 'Ningxia. Chinese in August' })).toHaveAccessibleDescription(/Ningxia region in August 2021/)
    const paragraph11 = article.locator('li[value="11"]')
    await expect(paragraph11.getByRole('list', { name: 'Errata in this paragraph' })).toContainText(
      'Erratum: “$ 55 billion gas project. of dollars” — Garbled in this copy',
    )
    await dateStamp.hover()
    await expect(dateStamp).toHaveAttribute('title', /date stamp/)

    // The paragraphs read exactly as the file: the quotes are checked against this text.
    const paragraphs = sourceTexts()[0]
      .text.split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
    for (const number of [1, 4, 11]) {
      await expect(article.locator(`li[value="${number}"] > p`)).toHaveText(paragraphs[number - 1])
    }
    await scanA11y(page, `source reader with errata at ${width}×${height}`)
  })
}
