// Lenses on New game: Pin Pricks offers its readings in a "Reading" list (the default first), each with its
// one sentence; choosing one, by keyboard, starts the lens extension, and the game says which reading it is.
import { expect, openTitle, roleCheckbox, test, turnHeading } from './fixtures.ts'

test('New game offers the readings of Pin Pricks and starts the chosen lens', async ({ page }) => {
  await openTitle(page)
  await page.getByRole('button', { name: 'New game' }).click()
  await expect(page.locator('#seed')).toBeVisible()
  const scenario = page.getByLabel('Scenario')
  // The lenses are readings of their base, not scenarios of their own.
  await expect(scenario.locator('option[value="shipped/pin-pricks-values"]')).toHaveCount(0)
  await scenario.selectOption('shipped/pin-pricks-2021')

  const reading = page.getByLabel('Reading')
  await expect(reading).toBeVisible()
  const options = await reading.locator('option').allTextContents()
  expect(options[0]).toMatch(/\(the default\)$/)
  expect(options).toEqual(expect.arrayContaining(['Values (Gould-Davies)', 'Interests (Lo, Gabuev)']))
  await expect(reading).toHaveAccessibleDescription(
    'Western hostile acts push China and Russia together, and the rivalry hardens into rigid blocs.',
  )

  // By keyboard: focus the list and choose the values lens.
  await reading.focus()
  await reading.selectOption({ label: 'Values (Gould-Davies)' })
  await expect(reading).toHaveAccessibleDescription(/^China and Russia align because both regimes are hostile to liberal democratic values/)
  await expect(page.locator('.scenario-description')).toContainText('Gould-Davies')

  // The tutorial has no lenses: the list goes away, and comes back with Pin Pricks.
  await scenario.selectOption('shipped/tutorial')
  await expect(reading).toBeHidden()
  await scenario.selectOption('shipped/pin-pricks-2021')
  await reading.selectOption({ label: 'Values (Gould-Davies)' })
  await roleCheckbox(page, 'China').check()
  await page.locator('#turns').fill('3')
  await page.locator('#seed').fill('5')
  await page.getByRole('button', { name: 'Start' }).press('Enter')

  await expect(turnHeading(page)).toHaveText(/^Turn 1 of 3 — /)
  await expect(page.locator('.scenario-name')).toHaveText('Pin Pricks: Values')
})
