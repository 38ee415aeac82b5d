// Issue 11: the computer powers decide in a worker while End turn shows their progress, and "What could
// happen?" plays games from the position in workers, with progress, Cancel and the endings as tables.
import { scanA11y } from './axe.ts'
import {
  addAffordableAction,
  answerUntilReport,
  endTurn,
  expect,
  openTitle,
  pressEndTurn,
  readStoredSave,
  reportHeading,
  startGame,
  test,
  turnHeading,
} from './fixtures.ts'

test('What could happen? shows progress, cancels, and shows the endings of the plan against passing as tables', async ({ page }) => {
  await openTitle(page)
  await startGame(page, { seed: 5, turns: 4 })
  await addAffordableAction(page, ['sanctions'])
  const toggle = page.getByRole('button', { name: 'What could happen?' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  const panel = page.getByRole('region', { name: 'What could happen?' })
  const games = panel.getByLabel('Games each way')
  await expect(games).toHaveValue('200')
  await expect(games).toBeFocused()

  // 200 games each way take long enough to see the progress and to cancel.
  await panel.getByRole('button', { name: 'Play the games' }).click()
  const bar = panel.getByRole('progressbar', { name: 'Games played' })
  await expect(bar).toBeVisible()
  await expect(panel).toHaveAttribute('aria-busy', 'true')
  await expect(panel.locator('.wch-count')).toHaveText(/^\d+ of 400 games played$/, { timeout: 30_000 })
  expect(page.workers().some((worker) => /engine-worker/.test(worker.url()))).toBe(true)
  await panel.getByRole('button', { name: 'Cancel' }).click()
  await expect(panel).toContainText('Cancelled: no games were counted.')
  await expect(bar).toBeHidden()
  await expect(panel.getByRole('button', { name: 'Cancel' })).toBeHidden()
  await expect(panel.getByRole('button', { name: 'Play the games' })).toBeEnabled()

  await games.fill('0')
  await panel.getByRole('button', { name: 'Play the games' }).click()
  await expect(panel.getByRole('alert')).toHaveText(/whole number from 1 to 10000/)

  await games.fill('3')
  await panel.getByRole('button', { name: 'Play the games' }).click()
  const endings = panel.getByRole('table', { name: 'How the 3 games each way end' })
  await expect(endings).toBeVisible({ timeout: 60_000 })
  for (const name of ['Rigid blocs', 'Impasse', 'Quasi-alliance', 'Armed clash'])
    await expect(endings.getByRole('row', { name: new RegExp(`^${name}`) })).toHaveCount(1)
  await expect(endings.getByRole('columnheader')).toHaveText(['Ending', 'Your plan', 'Passing', 'Your plan changes it by'])
  const scores = panel.getByRole('table', { name: /^Final scores/ })
  await expect(scores.getByRole('row')).toHaveCount(9)
  await expect(scores.getByRole('row').nth(1)).toContainText('United States (you)')
  await expect(scores.getByRole('row').nth(1)).toContainText(/\d+\.\d ± \d+\.\d \(\d+–\d+\)/)
  await expect(panel).toContainText('From turn 1, 3 games to the end with your plan (')
  await expect(bar).toBeHidden()
  await scanA11y(page, 'turn screen with What could happen?')
})

test('End turn shows the computer powers deciding, one by one, with a hard opponent', async ({ page }) => {
  await openTitle(page)
  await startGame(page, { seed: 9, turns: 3, difficulty: 'hard' })
  const end = page.getByRole('button', { name: 'End turn' })
  // Every state the button passes through, recorded in the page (some last only a moment).
  await end.evaluate((button) => {
    const seen: string[] = []
    const status = document.querySelector('.turn-status')!
    ;(window as unknown as { __endTurnSeen: string[] }).__endTurnSeen = seen
    const options = { attributes: true, childList: true, characterData: true, subtree: true }
    new MutationObserver(() => seen.push(`${button.getAttribute('aria-busy') ?? ''}|${button.textContent ?? ''}`)).observe(button, options)
    new MutationObserver(() => seen.push(`status|${status.textContent ?? ''}`)).observe(status, options)
  })
  // With capital unspent, the prompt asks first ("End turn anyway").
  await pressEndTurn(page)
  await answerUntilReport(page)
  await expect(reportHeading(page)).toHaveText(/^Turn 1 report/)
  const seen = await page.evaluate(() => (window as unknown as { __endTurnSeen: string[] }).__endTurnSeen)
  expect(seen).toContain('true|Computer powers deciding…')
  // The visible status line says the same.
  expect(seen).toContain('status|7 of 7 computer powers have decided.')
  for (let k = 1; k <= 7; k++) expect(seen).toContain(`true|Computer powers deciding… ${k} of 7`)
  expect(page.workers().some((worker) => /engine-worker/.test(worker.url()))).toBe(true)
})

test('New game can put single computer powers at another level; the game keeps it in its save', async ({ page }) => {
  await openTitle(page)
  await page.getByRole('button', { name: 'New game' }).click()
  await page.getByLabel('Scenario').selectOption('shipped/pin-pricks-2021')
  await page.getByText('Single computer powers at another level (optional)').click()
  await page.getByLabel('China', { exact: true }).selectOption('hard')
  // A level for the power the player plays is ignored.
  await page.getByLabel('United States', { exact: true }).selectOption('easy')
  await scanA11y(page, 'new game with power levels open')
  await page.locator('#turns').fill('3')
  await page.getByRole('button', { name: 'Start' }).click()
  await expect(turnHeading(page)).toHaveText(/^Turn 1 of 3/)
  await endTurn(page)
  const save = await readStoredSave(page, 'autosave')
  const file = JSON.parse(save!.generations[0].text) as { formatVersion: number; payload: { game: { levels?: unknown } } }
  expect(file.payload.game.levels).toEqual({ CHN: 'hard' })
  expect(file.formatVersion).toBe(3)
})
