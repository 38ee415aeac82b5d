// "Why?": every change expands to its rule and the quoted passages, and each quote is really in the
// article (checked here against the source files on disk, not against what the app says).
import { addAffordableAction, endTurn, expect, fold, openTitle, sourceTexts, startGame, test } from './fixtures.ts'

/** The text of a blockquote without the typographic quotes the UI wraps it in. */
function unwrapQuote(text: string): string {
  return text.trim().replace(/^[“"]/, '').replace(/[”"]$/, '')
}

test('Why? reveals the rule and real quotes; Read paragraph opens the reader on that paragraph', async ({ page }) => {
  const article = sourceTexts()
  expect(article.length).toBeGreaterThan(0)
  const foldedArticle = article.map((source) => fold(source.text)).join('\n')

  await openTitle(page)
  await startGame(page, { seed: 11, turns: 4 })
  await addAffordableAction(page, ['sanctions', 'scramble-intercept'])
  await endTurn(page, 'Decline')

  const groups = page.locator('li.change-group')
  expect(await groups.count(), 'the report lists changes').toBeGreaterThan(2)
  // Where a limit took back part of a push, the line of the cause says what was pushed and what took effect
  // (on this seed the limits only take back whole pushes, no-ops left out; report.spec.ts sees one folded in).
  const ledgerLines = await page.locator('li.change-group ul.entries > li').allTextContents()
  const limited = ledgerLines.filter((line) => / took effect \(/.test(line))
  for (const line of limited)
    expect(line).toMatch(
      /^[A-Z][a-z ]+ .+: [+−][\d.]+(?: pts)? pushed(?:,|; with every cause .+ and) [+−][\d.]+(?: pts)? took effect \((?:held back|added|took away) by .+\); .+$/,
    )
  // Every explanation starts closed.
  for (const why of await page.getByRole('button', { name: /^Why\? / }).all()) await expect(why).toHaveAttribute('aria-expanded', 'false')

  // Every quote of every change on the report (open or not) is in the article.
  const allQuotes = await page.locator('li.change-group .why blockquote').allTextContents()
  expect(allQuotes.length).toBeGreaterThan(0)
  for (const text of allQuotes) expect(foldedArticle, 'each quote is in the article').toContain(fold(unwrapQuote(text)))

  // A change group backed by quotes; open its Why?.
  const group = groups.filter({ has: page.locator('.why blockquote') }).first()
  const cause = await group.getAttribute('data-cause')
  // The ledger is folded by step and by cause: open both.
  await page
    .locator('details.ledger-step')
    .filter({ has: page.locator(`li.change-group[data-cause="${cause}"]`) })
    .first()
    .locator('> summary')
    .click()
  await group.locator('> details > summary').click()
  const why = group.getByRole('button', { name: /^Why\? / })
  const panel = group.locator('.why')
  await expect(panel).toBeHidden()
  await why.click()
  await expect(why).toHaveAttribute('aria-expanded', 'true')
  await expect(panel).toBeVisible()
  expect(await why.getAttribute('aria-controls')).toBe(await panel.getAttribute('id'))
  // The rule (or action) is described, then its passages.
  await expect(panel.locator('> p').first()).not.toBeEmpty()
  const quotes = panel.locator('blockquote')
  expect(await quotes.count()).toBeGreaterThan(0)
  for (const text of await quotes.allInnerTexts()) {
    const quote = fold(unwrapQuote(text))
    expect(quote.length, 'a quote is more than a word or two').toBeGreaterThan(10)
    expect(foldedArticle.includes(quote), `the quote of ${cause} is in the article: "${quote}"`).toBe(true)
  }

  // Why? again closes it.
  await why.click()
  await expect(panel).toBeHidden()
  await expect(why).toHaveAttribute('aria-expanded', 'false')
  await why.click()

  // Read paragraph N: the reader opens with paragraph N highlighted, and it holds the quote.
  const item = panel
    .locator('li')
    .filter({ has: page.getByRole('button', { name: /^Read paragraph \d+$/ }) })
    .first()
  const quote = fold(unwrapQuote(await item.locator('blockquote').innerText()))
  const read = item.getByRole('button', { name: /^Read paragraph \d+$/ })
  const paragraph = Number(/(\d+)$/.exec(await read.innerText())![1])
  await read.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Source reader' })).toBeVisible()
  const current = page.locator('ol.paragraphs > li[aria-current="true"]')
  await expect(current).toHaveCount(1)
  await expect(current).toHaveAttribute('value', String(paragraph))
  await expect(current).toHaveAttribute('id', new RegExp(`-${paragraph}$`))
  await expect(current).toHaveClass(/highlight/)
  await expect(current).toBeFocused()
  await expect(current).toBeInViewport()
  await expect(current.locator('.marker')).toHaveText('Cited paragraph:')
  expect(fold(await current.locator('p').innerText())).toContain(quote)
  // The numbering is the article's own: paragraph N is the N-th non-empty line of the source file.
  const lines = article[0].text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  expect(fold(await current.locator('p').innerText())).toBe(fold(lines[paragraph - 1]))

  // Back returns to the same report.
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /^Turn 1 report/ })).toBeVisible()
})
