// A whole game by mouse, as the United States, to the end screen.
import {
  addAffordableAction,
  budgetLeft,
  endTurn,
  expect,
  leaveReport,
  numberIn,
  openTitle,
  startGame,
  test,
  turnHeading,
} from './fixtures.ts'

const TURNS = 12

test('a 12-turn game by mouse reaches the end screen with objectives and a timeline', async ({ page }) => {
  test.setTimeout(120_000)
  await openTitle(page)
  await startGame(page, { seed: 7, turns: TURNS })
  await expect(page.getByText('Playing United States')).toBeVisible()

  // Undo takes back exactly the last change of the plan.
  const budget = await budgetLeft(page)
  expect(budget).toBe(3)
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled()
  const first = await addAffordableAction(page)
  expect(first).not.toBeNull()
  await page.getByRole('button', { name: 'Undo' }).click()
  expect(await budgetLeft(page)).toBe(budget)
  await expect(page.locator('.plan-list')).toContainText('Nothing planned yet')
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled()

  let lastReport = 0
  let dialogsSeen = 0
  let screen: 'game' | 'end' = 'game'
  for (let turn = 1; screen === 'game'; turn++) {
    expect(turn, 'the game ends within its turn limit').toBeLessThanOrEqual(TURNS)
    await expect(turnHeading(page)).toHaveText(new RegExp(`^Turn ${turn} of ${TURNS} — `))
    const added = await addAffordableAction(page, ['scramble-intercept', 'grave-concern', 'sanctions'])
    if (turn === 1) expect(added, 'something is affordable on the first turn').not.toBeNull()
    const actionName = added ? await page.locator(`.card[data-action="${added}"] h3`).innerText() : null

    // Agree to the first proposal of a turn, decline the others.
    const { turn: reported, dialogs } = await endTurn(page, (index) => (index === 0 ? 'Agree' : 'Decline'))
    dialogsSeen += dialogs
    expect(reported, 'the report is for the turn just played').toBe(turn)
    expect(reported, 'report numbers increase').toBeGreaterThan(lastReport)
    lastReport = reported
    if (actionName) await expect(page.locator('main.report')).toContainText(`United States: ${actionName}`)
    await expect(page.getByRole('button', { name: /^Why\? / }).first()).toBeVisible()
    screen = await leaveReport(page)
  }

  // The end screen.
  const headline = await page.getByRole('heading', { level: 1 }).innerText()
  const timeline = page.locator('ol.timeline > li')
  const entries = await timeline.count()
  if (lastReport < TURNS) {
    expect(headline, 'a game cut short says why').toMatch(/^Armed clash in .*: everyone loses$/)
    expect(entries).toBe(lastReport)
  } else {
    expect(headline).toMatch(/: the last turn is played$/)
    expect(entries).toBe(TURNS)
  }
  // The scenario starts in December 2021, three months a turn.
  await expect(timeline.first()).toHaveText(/^December 2021: /)
  if (entries > 1) await expect(timeline.nth(1)).toHaveText(/^March 2022: /)
  for (const entry of await timeline.allInnerTexts()) expect(entry).toMatch(/; \d+ actions; \d+ incidents?/)

  const objectives = page.getByRole('region', { name: 'Objectives' })
  await expect(objectives.getByRole('heading', { level: 3 })).toHaveCount(8)
  // Pin Pricks scores the whole game: the points are the mean of every turn's score, the last turn's beside them.
  await expect(
    objectives.getByRole('heading', {
      level: 3,
      name: new RegExp(`^United States \\(you\\): \\d+ points \\(mean of the ${TURNS} turns; last turn \\d+\\)$`),
    }),
  ).toBeVisible()
  const lines = await objectives.locator('li').allInnerTexts()
  expect(lines.length).toBeGreaterThanOrEqual(8)
  for (const line of lines) expect(line).toMatch(/^(Met|Not met): .+ \(\d+%\)$/)

  for (const name of ['New game', 'Charts', 'Export timeline (CSV)', 'Main menu'])
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible()
  test.info().annotations.push({ type: 'consent dialogs answered', description: String(dialogsSeen) })

  // The score on the end screen is the last report's: check it is a number within 0..100.
  const score = numberIn(await objectives.getByRole('heading', { name: /United States \(you\)/ }).innerText(), /: (\d+) points/)
  expect(score).toBeGreaterThanOrEqual(0)
  expect(score).toBeLessThanOrEqual(100)
})
