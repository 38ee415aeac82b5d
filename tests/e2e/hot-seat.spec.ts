// Hot seat keeps secrets, joint actions never fail silently, the consent dialog asks one proposal at a time,
// and Playtest is a scenario writer's tool (issue 12, parts 1, 3, 4 and 8), at two window sizes.
//
// The hot-seat game: the United States, China and India on Pin Pricks, seed 3. The United States proposes a
// Quad naval exercise to India and a leaders' summit to China; China plans an energy deal with Russia; India
// scrambles fighters at China. India declines the exercise: the United States is told, and has the capital
// back, before the turn resolves. At every step the whole page (its text, hidden parts included, and its
// accessibility tree) is read for the other players' plans.
import { scanA11y } from './axe.ts'
import { budgetLeft, dialog, expect, forgetMap, openTitle, pressEndTurn, reportHeading, startGame, test, turnHeading } from './fixtures.ts'
import type { Locator, Page } from './fixtures.ts'

interface Planned {
  actor: string
  action: string
  /** What the planner picks on the card. */
  partners?: string[]
  target?: string
}

const PLANS: Planned[] = [
  { actor: 'United States', action: 'Quad naval exercise', partners: ['India'], target: 'China' },
  { actor: 'United States', action: "Leaders' summit", partners: ['China'] },
  { actor: 'China', action: 'Energy and investment deal', partners: ['Russia'] },
  { actor: 'India', action: 'Scramble fighters', target: 'China' },
]

/** The names of the actions each power may take (its cards), as the scenario gives them. */
const CARDS: Record<string, string[]> = {
  'United States': ["Leaders' summit", 'Scramble fighters', 'Statement of grave concern', 'Quad naval exercise', 'Sanctions'],
  China: ["Leaders' summit", 'Statement of grave concern', 'Energy and investment deal', 'Joint air patrol'],
  India: ["Leaders' summit", 'Scramble fighters', 'Statement of grave concern', 'Quad naval exercise'],
}

/** What must not be on the page while `viewer` has the device: others' plans as a plan lists them, and their actions the viewer has no card for. */
function secretsFrom(viewer: string): string[] {
  return PLANS.filter((plan) => plan.actor !== viewer).flatMap((plan) => [
    `${plan.actor}: ${plan.action}`,
    ...(CARDS[viewer].includes(plan.action) ? [] : [plan.action]),
  ])
}

/** Who has the device, from the screen on show. */
async function viewer(page: Page): Promise<string> {
  const heading = await page.locator('#app h1').first().innerText()
  const handOver = /^Pass the device to (.+)$/.exec(heading)
  if (handOver) return handOver[1]
  const consent = /^(.+): joint actions proposed to you$/.exec(heading)
  if (consent) return consent[1]
  const playing = /Playing (.+?) ·/.exec(await page.locator('.game-header').innerText())
  if (!playing) throw new Error(`no player at the device on "${heading}"`)
  return playing[1]
}

/** Reads the whole page and its accessibility tree; none of the other players' plans may be in them. */
async function expectNoSecrets(page: Page, step: string): Promise<void> {
  const who = await viewer(page)
  const text = await page.evaluate(() => {
    const body = (globalThis as unknown as { document: { body: { innerText: string; textContent: string | null } } }).document.body
    return `${body.innerText}\n${body.textContent ?? ''}`
  })
  const tree = await page.locator('body').ariaSnapshot()
  for (const secret of secretsFrom(who)) {
    expect(text, `${step} (${who} at the device): the page text shows "${secret}"`).not.toContain(secret)
    expect(tree, `${step} (${who} at the device): the accessibility tree shows "${secret}"`).not.toContain(secret)
  }
}

/** Picks on a card's "With" or "Aimed at" picker: checkboxes when several may be chosen, else a select. */
async function pick(card: Locator, legend: 'With' | 'Aimed at', names: string[]): Promise<void> {
  const boxes = card.locator('fieldset.picker').filter({ has: card.page().locator('legend', { hasText: legend }) })
  if ((await boxes.count()) === 0)
    return card
      .getByRole('combobox', { name: legend })
      .selectOption({ label: names[0] })
      .then(() => undefined)
  for (const box of await boxes.getByRole('checkbox').all()) await box.uncheck()
  for (const name of names) await boxes.getByRole('checkbox', { name }).check()
}

async function addPlanned(page: Page, plan: Planned): Promise<void> {
  const card = page.locator('.card').filter({ has: page.getByRole('heading', { level: 3, name: plan.action, exact: true }) })
  if (plan.partners) await pick(card, 'With', plan.partners)
  if (plan.target) await pick(card, 'Aimed at', [plan.target])
  const before = await budgetLeft(page)
  await card.getByRole('button', { name: 'Add to plan' }).click()
  await expect(page.locator('.plan-list')).toContainText(`${plan.actor}: ${plan.action}`)
  expect(await budgetLeft(page)).toBeLessThan(before)
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
]) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size })

    test('hot seat: no player sees another’s plan; a declined Quad exercise comes back to the United States with its capital before the turn resolves', async ({
      page,
    }) => {
      test.setTimeout(180_000)
      await openTitle(page)
      await startGame(page, { seed: 3, turns: 2, roles: ['United States', 'China', 'India'] })

      for (const actor of ['United States', 'China', 'India']) {
        if (actor !== 'United States') {
          await expect(page.getByRole('heading', { level: 1, name: `Pass the device to ${actor}` })).toBeVisible()
          await expectNoSecrets(page, `hand-over to ${actor}`)
          if (actor === 'China') await scanA11y(page, 'hand-over to plan')
          await forgetMap(page)
          await page.getByRole('button', { name: `Ready: play ${actor}` }).click()
        }
        await expect(page.locator('.game-header')).toContainText(`Playing ${actor}`)
        await expectNoSecrets(page, `${actor} plans`)
        for (const plan of PLANS.filter((p) => p.actor === actor)) await addPlanned(page, plan)
        await expectNoSecrets(page, `${actor} has planned`)
        await pressEndTurn(page)
      }

      // The answers: India declines the exercise (and agrees to anything else), China agrees to the summit and
      // declines the rest; a proposal from the computer to the United States is declined. A hand-over comes
      // before each player's answers or new plan; the page is read at every step.
      let returned = false
      for (let step = 0; step < 30; step++) {
        await expect(page.locator('#app h1').first()).toBeVisible()
        // While the computer powers decide (off the page) the turn screen stays, busy: the next step comes after.
        await expect(page.locator('main.game[aria-busy="true"]')).toHaveCount(0)
        const screen = await page.locator('#app').getAttribute('data-screen')
        if (screen === 'report') break
        if (await dialog(page).isVisible()) {
          const who = await viewer(page)
          await expectNoSecrets(page, `${who} is asked`)
          const title = await dialog(page).locator('h2').innerText()
          expect(title, 'one proposal per dialog, named once').toMatch(/^[\w ]+ proposes: [^:]+$/)
          const agree =
            (who === 'India' && !title.startsWith('United States proposes: Quad')) ||
            (who === 'China' && title === "United States proposes: Leaders' summit with China")
          await dialog(page)
            .getByRole('button', { name: agree ? 'Agree' : 'Decline' })
            .click()
          continue
        }
        if (screen === 'hand-over') {
          await expectNoSecrets(page, 'hand-over')
          await forgetMap(page)
          await page.getByRole('button', { name: /^Ready: / }).click()
          continue
        }
        if (screen === 'consent') {
          // The next proposal's dialog opens by itself (or the last answer has moved the turn on).
          await expect(dialog(page).or(page.locator('#app:not([data-screen="consent"])'))).toBeVisible()
          continue
        }
        // Back to planning: the United States, told that India declined, with the capital back.
        expect(screen).toBe('game')
        await expect(page.locator('.game-header')).toContainText('Playing United States')
        const notice = page.locator('.returned-notice')
        await expect(notice).toBeVisible()
        await expect(notice).toContainText('Quad naval exercise with India: India declined to take part this turn.')
        await expect(page.locator('.plan-list')).not.toContainText('Quad naval exercise')
        await expect(page.locator('.plan-list')).toContainText("United States: Leaders' summit with China")
        expect(await budgetLeft(page), 'the exercise’s 2 capital are back (the summit’s 1 is spent)').toBe(2)
        await expectNoSecrets(page, 'the United States plans again')
        await scanA11y(page, 'plan returned after a decline')
        returned = true
        await pressEndTurn(page)
        // The turn moves on (a question, a hand-over, or the report once resolved).
        await expect(page.locator('#app')).not.toHaveAttribute('data-screen', 'game')
      }
      expect(returned, 'the United States was told before the turn resolved').toBe(true)
      await expect(reportHeading(page)).toBeVisible()
    })

    test('consent: one dialog per proposal with its effects and costs; Escape decides later and the turn waits', async ({ page }) => {
      test.setTimeout(120_000)
      await openTitle(page)
      // Seed 7 as the United States: partners propose joint actions on the first turn.
      await startGame(page, { seed: 7, turns: 2 })
      await pressEndTurn(page)
      await expect(dialog(page)).toBeVisible()
      const first = await dialog(page).locator('h2').innerText()
      expect(first).toMatch(/^[\w ]+ proposes: [^:]+$/)
      await expect(dialog(page).getByRole('heading', { name: 'What it does' })).toBeVisible()
      await expect(dialog(page)).toContainText(/You: \d+ political capital this turn \(you have \d+ of \d+ left\)/)
      await scanA11y(page, 'consent dialog')

      // Escape: decide later. Nothing is refused and the turn waits.
      await page.keyboard.press('Escape')
      await expect(dialog(page)).toHaveCount(0)
      await expect(page.getByRole('heading', { level: 1, name: 'United States: joint actions proposed to you' })).toBeVisible()
      const waiting = page.locator('.proposal').filter({ hasText: first })
      await expect(waiting).toContainText('Waiting for your answer')
      await expect(reportHeading(page)).toHaveCount(0)
      await scanA11y(page, 'consent screen with a proposal open')
      const proposals = await page.locator('.proposal').count()

      // Each proposal answered on its own: the first agreed, the others declined.
      await waiting.getByRole('button', { name: /^Answer: / }).click()
      await expect(dialog(page).locator('h2')).toHaveText(first)
      await dialog(page).getByRole('button', { name: 'Agree' }).click()
      for (let k = 1; k < proposals; k++) {
        await expect(dialog(page)).toBeVisible()
        await dialog(page).getByRole('button', { name: 'Decline' }).click()
      }
      await expect(reportHeading(page)).toBeVisible()
    })

    test('a joint action a computer partner will decline is known while planning, and costs nothing', async ({ page }) => {
      await openTitle(page)
      await startGame(page, { seed: 3, turns: 2 })
      const card = page.locator('.card[data-action="leaders-summit"]')
      const before = await budgetLeft(page)
      await card.getByRole('combobox', { name: 'With' }).selectOption({ label: 'China' })
      await expect(card.locator('.problem')).toHaveText('Not possible: China will decline to take part this turn.')
      await expect(card.getByRole('button', { name: 'Add to plan' })).toBeDisabled()
      await card.getByRole('combobox', { name: 'With' }).selectOption({ label: 'Japan' })
      await expect(card.getByRole('button', { name: 'Add to plan' })).toBeEnabled()
      expect(await budgetLeft(page)).toBe(before)
    })

    test('Playtest is off for players, and the Scenario writer tools setting turns on its button and key', async ({ page }) => {
      await openTitle(page)
      await startGame(page, { seed: 3, turns: 2 })
      await expect(page.getByRole('button', { name: 'Playtest', exact: true })).toHaveCount(0)
      await page.locator('body').press('p')
      await expect(page.locator('.playtest-notice')).toHaveCount(0)
      await expect(turnHeading(page)).toHaveText(/^Turn 1 of 2/)

      await page.getByRole('button', { name: 'Settings' }).click()
      const writer = page.getByLabel('Scenario writer tools')
      await expect(writer).not.toBeChecked()
      await writer.check()
      await scanA11y(page, 'settings with the writer tools')
      await page.getByRole('button', { name: 'Back' }).click()
      await expect(page.getByRole('button', { name: 'Playtest', exact: true })).toHaveAttribute('aria-keyshortcuts', 'P')
      await page.locator('body').press('p')
      await expect(page.locator('.playtest-notice')).toContainText('Playtest (the rules are unchanged)')
    })
  })
}

test('the player at the device after a hand-over starts with an empty live region', async ({ page }) => {
  await openTitle(page)
  await startGame(page, { seed: 3, turns: 2, roles: ['United States', 'China'] })
  await addPlanned(page, PLANS[0])
  await expect(page.locator('#announcer')).toContainText('Quad naval exercise')
  await pressEndTurn(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Pass the device to China' })).toBeVisible()
  await expect(page.locator('#announcer')).toHaveText('')
})
