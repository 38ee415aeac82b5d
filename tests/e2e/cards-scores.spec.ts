// The format-2 rules as a player meets them: a card prices what the rules charge (each extra target, each
// partner's share, a pact signed once a game, an act that builds on another), a refused pact says why in
// the players' words, and scores name the whole game's and the last turn's.
import { endTurn, expect, leaveReport, numberIn, openTitle, startGame, test } from './fixtures.ts'

test('cards price extra targets, partners and once-a-game pacts; scores name the game so far and the turn', async ({ page }) => {
  await openTitle(page)
  await startGame(page, { seed: 7, turns: 4 })
  const card = (id: string) => page.locator(`.card[data-action="${id}"]`)
  const score = page.getByText(/^Playing United States · Score /)

  // Before any turn is played there is no mean yet.
  await expect(score).toHaveText(/^Playing United States · Score \d+ \(at the start; the game counts the mean of its turns\)$/)

  // Sanctions: a second target costs one more.
  await expect(card('sanctions').locator('.cost')).toHaveText('Cost 2 (+1 per extra target)')
  await card('sanctions').getByRole('checkbox', { name: 'Russia' }).check()
  await expect(card('sanctions').getByRole('checkbox', { name: 'China' })).toBeChecked()
  await expect(card('sanctions').locator('.cost')).toHaveText('Cost 3 (+1 per extra target)')

  // AUKUS is signed once a game, each partner paying its share; its deepening needs it first.
  await expect(card('aukus-pact').locator('.cost')).toHaveText('Cost 3 (each partner pays 1; once a game)')
  await expect(card('aukus-deepening').locator('.cost')).toHaveText('Cost 2 (each partner pays 1; after AUKUS-type pact)')
  await expect(card('aukus-deepening').locator('.problem')).toHaveText(
    'Not possible: Deepen AUKUS needs AUKUS-type pact taken first by United States, Australia and United Kingdom.',
  )
  await expect(card('aukus-deepening').getByRole('button', { name: 'Add to plan' })).toBeDisabled()
  await card('aukus-pact').getByRole('button', { name: 'Add to plan' }).click()
  await expect(page.locator('.plan-list')).toContainText('United States: AUKUS-type pact with Australia, United Kingdom → China')

  // The computer partners agree on this seed: the pact is signed.
  await endTurn(page)
  await expect(page.locator('main.report')).toContainText('United States: AUKUS-type pact with Australia, United Kingdom → China')
  const reported = await page.getByText(/^Score of United States: /).innerText()
  expect(reported).toMatch(/^Score of United States: \d+ \(game so far; this turn \d+\)$/)
  // After one turn the mean of the turns is that turn's score.
  expect(numberIn(reported, /: (\d+) \(/)).toBe(numberIn(reported, /this turn (\d+)\)/))
  await leaveReport(page)

  await expect(score).toHaveText(/^Playing United States · Score \d+ \(game so far; last turn \d+\)$/)
  await expect(card('aukus-pact').locator('.problem')).toHaveText(
    'Not possible: AUKUS-type pact is taken once a game, and United States, Australia and United Kingdom already took it; Deepen AUKUS builds on it.',
  )
  await expect(card('aukus-pact').getByRole('button', { name: 'Add to plan' })).toBeDisabled()
  await expect(card('aukus-deepening').locator('.problem')).toHaveText('')
  await expect(card('aukus-deepening').getByRole('button', { name: 'Add to plan' })).toBeEnabled()
})
