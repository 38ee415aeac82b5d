// Nothing the player did is lost: the autosave survives a reload, named saves list and load, a loaded
// game continues exactly as the original would, and a damaged autosave falls back to an earlier copy.
import {
  addAffordableAction,
  dialog,
  endTurn,
  expect,
  leaveReport,
  openTitle,
  readStoredSave,
  startGame,
  stateHashOf,
  test,
  turnHeading,
  writeStoredSave,
} from './fixtures.ts'
import type { Page } from './fixtures.ts'

interface Snapshot {
  heading: string
  summary: string
  score: string
  ladder: string
}

async function snapshot(page: Page): Promise<Snapshot> {
  await expect(turnHeading(page)).toBeVisible()
  return {
    heading: await turnHeading(page).innerText(),
    summary: await page.locator('.map-summary').innerText(),
    score: await page
      .getByText(/^Playing .* · Score \d+ \((game so far; last turn \d+|at the start; the game counts the mean of its turns)\)$/)
      .innerText(),
    ladder: await page.locator('.ladder-list li[aria-current="step"]').innerText(),
  }
}

/** One turn played the same way every time: a fixed action, every proposal declined. */
async function playTurn(page: Page): Promise<string> {
  await addAffordableAction(page, ['scramble-intercept', 'grave-concern'])
  await endTurn(page, 'Decline')
  const report = await page.locator('main.report section').allInnerTexts()
  await leaveReport(page)
  return report.join('\n')
}

async function continueFromTitle(page: Page): Promise<void> {
  const continueButton = page.getByRole('button', { name: 'Continue' })
  await expect(page.locator('#continue-note')).toHaveText('Resume the game you played last.')
  await expect(continueButton).toBeEnabled()
  await continueButton.click()
}

test('autosave, Continue after a reload, named saves, deterministic continuation, damaged autosave recovery', async ({ page }) => {
  test.setTimeout(90_000)
  await openTitle(page)
  await expect(page.locator('#continue-note')).toHaveText('No game to continue yet.')
  await expect(page.getByRole('button', { name: 'Continue' })).toBeDisabled()

  await startGame(page, { seed: 5, turns: 8 })
  await playTurn(page)
  await playTurn(page)
  const before = await snapshot(page)
  expect(before.heading).toMatch(/^Turn 3 of 8 — /)
  const autosave = await readStoredSave(page, 'autosave')
  expect(autosave?.generations.length, 'one autosave generation per turn').toBe(2)
  const savedHash = stateHashOf(autosave!)
  expect(savedHash).toMatch(/^[0-9a-f]{64}$/)
  expect(stateHashOf(autosave!, 1), 'the two turns left different states').not.toBe(savedHash)

  // Reload: Continue resumes the very same position.
  await page.reload()
  await continueFromTitle(page)
  expect(await snapshot(page)).toEqual(before)

  // A named save of the continued game records the same state hash as the autosave it came from.
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(dialog(page)).toBeVisible()
  const name = page.getByLabel('Name of the save')
  await expect(name).toHaveValue(/^Pin Pricks.* turn 3$/)
  await expect(dialog(page).getByRole('button', { name: 'Save' }), 'focus moves into the dialog').toBeFocused()
  await name.fill('Fork at turn 3')
  await dialog(page).getByRole('button', { name: 'Save' }).click()
  await expect(dialog(page)).toHaveCount(0)
  await expect(page.locator('#announcer')).toHaveText('Saved as "Fork at turn 3".')
  const named = await readStoredSave(page, 'fork-at-turn-3')
  expect(named, 'the named save is stored under a slot made from its name').not.toBeNull()
  expect(stateHashOf(named!), 'the loaded game is exactly the saved one').toBe(savedHash)
  expect(JSON.parse(named!.generations[0].text).payload.name).toBe('Fork at turn 3')

  // Play on from the fork…
  const firstRun = await playTurn(page)
  const firstHash = stateHashOf((await readStoredSave(page, 'autosave'))!)

  // …then load the fork from Load game, play the same turn again: the same world results.
  await page.getByRole('button', { name: 'Main menu' }).click()
  await page.getByRole('button', { name: 'Load game' }).click()
  const slots = page.locator('ul.slots > li')
  await expect(slots).toHaveCount(2)
  await expect(slots.filter({ hasText: /^fork-at-turn-3 — / })).toHaveCount(1)
  await expect(slots.filter({ hasText: /^Autosave — / })).toHaveCount(1)
  await page.getByRole('button', { name: 'Load fork-at-turn-3' }).click()
  expect(await snapshot(page)).toEqual(before)
  const secondRun = await playTurn(page)
  expect(secondRun, 'save → load → continue gives the same turn as continuing').toBe(firstRun)
  expect(stateHashOf((await readStoredSave(page, 'autosave'))!)).toBe(firstHash)
  const afterTurn3 = await snapshot(page)
  expect(afterTurn3.heading).toMatch(/^Turn 4 of 8 — /)

  // Damage the newest autosave generation. Continue reports it and offers the earlier copy.
  const stored = (await readStoredSave(page, 'autosave'))!
  expect(stored.generations.length).toBe(4)
  const intact = stored.generations[1].text
  stored.generations[0] = { text: '{"format": "red-lines-save", "payload": garbage', modified: new Date().toISOString() }
  await writeStoredSave(page, stored)
  await page.reload()
  await continueFromTitle(page)
  await expect(dialog(page)).toBeVisible()
  await expect(dialog(page).getByRole('heading', { name: 'This save is damaged' })).toBeVisible()
  await expect(dialog(page)).toContainText('The latest copy of "autosave" could not be used: not valid JSON')
  await expect(dialog(page)).toContainText('An earlier copy (1 save back) is intact')
  await dialog(page).getByRole('button', { name: 'Open the earlier copy' }).click()
  expect(await snapshot(page), 'the earlier copy is the same turn played the first time').toEqual(afterTurn3)
  // The damaged copy is kept, not deleted or overwritten.
  const kept = (await readStoredSave(page, 'autosave'))!
  expect(kept.generations[0].text).toContain('garbage')
  expect(kept.generations[1].text).toBe(intact)

  // Every copy damaged: the title says so and keeps the files.
  await writeStoredSave(page, { slot: 'autosave', generations: kept.generations.map((g) => ({ ...g, text: 'not a save' })) })
  await page.reload()
  await continueFromTitle(page)
  await expect(page.getByRole('alert')).toContainText('The save "autosave" is damaged and no earlier copy could be read')
  await expect(page.getByRole('heading', { level: 1, name: 'Red Lines' })).toBeVisible()
})
