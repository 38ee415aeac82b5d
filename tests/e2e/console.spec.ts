// A clean console: no errors, no uncaught exceptions, no Content-Security-Policy violations over a whole
// short game that visits every screen, with the map on its default (WebGL when available) renderer.
// The `problems` fixture (fixtures.ts) checks every spec the same way; here the check is explicit, and
// the detector itself is shown to catch a violation.
import { readFile } from 'node:fs/promises'
import type { RedLinesWindow } from './fixtures.ts'
import {
  addAffordableAction,
  dialog,
  endTurn,
  expect,
  leaveReport,
  openTitle,
  startGame,
  test,
  turnHeading,
  waitForMap,
} from './fixtures.ts'

test('a whole short game on the default renderer logs no error and violates no CSP', async ({ page, problems }) => {
  test.setTimeout(90_000)
  const messages: string[] = []
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`))
  await openTitle(page, 'auto')

  for (const [button, heading] of [
    ['Settings', 'Settings'],
    ['Tutorial', 'How to play'],
    ['Load game', 'Load game'],
  ]) {
    await page.getByRole('button', { name: button }).click()
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await page.getByRole('button', { name: 'Back' }).click()
  }

  await startGame(page, { seed: 21, turns: 3 })
  await waitForMap(page)
  const renderer = await page.evaluate(() => (globalThis as unknown as RedLinesWindow).__redLines!.map!.rendererType())
  test.info().annotations.push({ type: 'map renderer', description: renderer })
  await page.getByRole('button', { name: 'Save' }).click()
  await dialog(page).getByRole('button', { name: 'Save' }).click()
  await expect(page.locator('#announcer')).toHaveText(/^Saved as /)

  for (let turn = 1; turn <= 3; turn++) {
    await expect(turnHeading(page)).toHaveText(new RegExp(`^Turn ${turn} of 3`))
    await addAffordableAction(page)
    await endTurn(page, 'Agree')
    await page
      .getByRole('button', { name: /^Why\? / })
      .first()
      .click()
    if (turn === 1) {
      await page
        .getByRole('button', { name: /^Read paragraph \d+$/ })
        .first()
        .click()
      await expect(page.getByRole('heading', { level: 1, name: 'Source reader' })).toBeVisible()
      await page.getByRole('button', { name: 'Back' }).click()
    }
    if ((await leaveReport(page)) === 'end') break
    if (turn === 2) {
      await page.getByRole('button', { name: 'Charts' }).click()
      await expect(page.locator('.plot canvas')).toHaveCount(4)
      await page.getByRole('button', { name: 'Back' }).click()
    }
  }

  // The end screen's export downloads an RFC 4180 CSV with one row per turn.
  await expect(page.locator('#app')).toHaveAttribute('data-screen', 'end')
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export timeline (CSV)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('red-lines-pin-pricks-2021-seed-21.csv')
  const csv = await readFile(await download.path(), 'utf8')
  // A byte-order mark first, so that spreadsheets read the file as UTF-8 ("→", "–" and accents intact).
  expect(csv.startsWith('\uFEFF')).toBe(true)
  const rows = csv.slice(1).split('\r\n').filter(Boolean)
  expect(rows[0]).toMatch(/^turn,date,rung,rigidity,incidents,actions,score USA,/)
  expect(rows.length).toBe(1 + (await page.locator('ol.timeline > li').count()))
  await expect(page.locator('#announcer')).toHaveText('Timeline exported.')

  await page.getByRole('button', { name: 'Main menu' }).click()
  await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled()

  expect(problems.console, 'console errors').toEqual([])
  expect(problems.pageErrors, 'uncaught page errors').toEqual([])
  expect(problems.csp, 'Content-Security-Policy violations').toEqual([])
  expect(messages.filter((line) => line.startsWith('error:'))).toEqual([])
})

test('the map on the WebGL renderer draws without console errors', async ({ page }) => {
  await openTitle(page, 'webgl')
  await startGame(page, { seed: 21, turns: 2 })
  await waitForMap(page)
  expect(await page.evaluate(() => (globalThis as unknown as RedLinesWindow).__redLines!.map!.rendererType())).toBe('WEBGL')
  await addAffordableAction(page)
  await endTurn(page, 'Decline')
  await leaveReport(page)
  await waitForMap(page, 60)
})

test('the problem detector catches a CSP violation and a console error', async ({ page, problems }) => {
  await openTitle(page)
  // An inline script is refused by `script-src 'self'`: the page reports a securitypolicyviolation.
  await page.evaluate(() => {
    const browser = globalThis as unknown as {
      document: { createElement(tag: string): { textContent: string }; body: { append(node: unknown): void } }
    }
    const script = browser.document.createElement('script')
    script.textContent = 'globalThis.__inlineRan = true'
    browser.document.body.append(script)
  })
  await expect.poll(() => problems.csp.length).toBeGreaterThan(0)
  expect(problems.csp.join('\n')).toMatch(/script-src/)
  expect(await page.evaluate(() => (globalThis as { __inlineRan?: boolean }).__inlineRan ?? false), 'the inline script did not run').toBe(
    false,
  )
  await page.evaluate(() => console.error('deliberate error'))
  await expect.poll(() => problems.console.length).toBe(1)
  // Both were deliberate: clear them so the fixture's own check passes.
  problems.csp.length = 0
  problems.console.length = 0
})
