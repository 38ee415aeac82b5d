// A save travels as a file: exported as a download, imported through a file picker, and a file that
// is not an intact save is refused with the reason, leaving the saves as they were.
import { readFileSync } from 'node:fs'
import { addAffordableAction, endTurn, expect, leaveReport, openTitle, startGame, test, turnHeading } from './fixtures.ts'

test('a save exports as a file and imports back; a damaged file is refused', async ({ page }) => {
  await openTitle(page)
  await startGame(page, { seed: 31, turns: 4 })
  await addAffordableAction(page)
  await endTurn(page, 'Decline')
  await leaveReport(page)
  await expect(turnHeading(page)).toHaveText(/^Turn 2 of 4/)

  await page.getByRole('button', { name: 'Main menu' }).click()
  await page.getByRole('button', { name: 'Load game' }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export autosave' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('red-lines-autosave.json')
  const path = await file.path()
  const text = readFileSync(path, 'utf8')
  expect(JSON.parse(text)).toMatchObject({ format: 'red-lines-save', payload: { game: { seed: 31 } } })

  await page
    .getByLabel('Import a save file')
    .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(text.replace('"seed": 31', '"seed": 32')) })
  await expect(page.locator('#announcer')).toHaveText(/^Not imported: broken\.json: its checksum does not match/)
  await expect(page.locator('.slots li')).toHaveCount(1)

  await page.getByLabel('Import a save file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(text) })
  await expect(page.locator('#announcer')).toHaveText(/^Imported "Autosave" as imported-autosave\./)
  await expect(page.locator('.slots li')).toHaveCount(2)
  await page.getByRole('button', { name: 'Load imported-autosave' }).click()
  await expect(turnHeading(page)).toHaveText(/^Turn 2 of 4/)
})
