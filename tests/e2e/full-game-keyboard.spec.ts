// A whole (short) game with the keyboard alone: Tab, Shift+Tab, Enter, Space and the arrow keys.
// Focus is only ever moved by those keys; the test reads where it is, and checks it can be seen.
import { expect, numberIn, openTitle, reportHeading, test, turnHeading, unspentPrompt } from './fixtures.ts'
import type { BrowserGlobals, Page } from './fixtures.ts'

interface Focused {
  tag: string
  /** The accessible-ish name: aria-label, else the text, else the id. */
  name: string
  id: string
  type: string
  expanded: string | null
  outlineStyle: string
  outlineWidth: string
  inDialog: boolean
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    interface El {
      tagName: string
      id: string
      textContent: string | null
      type?: string
      getAttribute(name: string): string | null
      closest(selector: string): unknown
    }
    const browser = globalThis as unknown as BrowserGlobals
    const element = browser.document.activeElement as El
    const style = browser.getComputedStyle(element)
    return {
      tag: element.tagName,
      name: (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim() || element.id,
      id: element.id,
      type: element.type ?? '',
      expanded: element.getAttribute('aria-expanded'),
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
      inDialog: element.closest('dialog, [role="dialog"]') !== null,
    }
  })
}

function expectVisibleFocus(element: Focused): void {
  expect(element.outlineStyle, `the focused ${element.tag} "${element.name}" shows an outline`).not.toBe('none')
  expect(parseFloat(element.outlineWidth), `the focus outline of "${element.name}" has a width`).toBeGreaterThanOrEqual(2)
}

/** Presses Tab (or Shift+Tab) until the focused element matches; every stop must show its focus. */
async function tabTo(page: Page, wanted: (element: Focused) => boolean, what: string, backwards = false, max = 150): Promise<Focused> {
  const seen: string[] = []
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
    const element = await focused(page)
    if (element.tag === 'BODY') {
      seen.push('(body)')
      continue
    }
    expectVisibleFocus(element)
    if (wanted(element)) return element
    seen.push(element.name.slice(0, 30))
  }
  throw new Error(`${what} was not reached with ${backwards ? 'Shift+Tab' : 'Tab'}; focus went through: ${seen.join(' | ')}`)
}

const isButton = (name: string | RegExp) => (element: Focused) =>
  element.tag === 'BUTTON' && (typeof name === 'string' ? element.name === name : name.test(element.name))

test('a 3-turn game can be played with the keyboard alone, with focus always visible', async ({ page }) => {
  test.setTimeout(120_000)
  await openTitle(page)

  // Title: focus starts on New game.
  let now = await focused(page)
  expect(now.name).toBe('New game')
  await page.keyboard.press('Enter')

  // New game: the form, reached by Tab; the number of turns set with the arrow keys.
  await expect(page.getByRole('heading', { level: 1, name: 'New game' })).toBeFocused()
  await expect(page.locator('#seed')).toBeVisible()
  const usa = await tabTo(page, (element) => element.type === 'checkbox', 'the first role')
  expect(usa.tag).toBe('INPUT')
  await expect(page.getByRole('checkbox', { name: /^United States —/ })).toBeChecked()
  // Space toggles a role off and on again.
  await page.keyboard.press('Space')
  await expect(page.getByRole('checkbox', { name: /^United States —/ })).not.toBeChecked()
  await page.keyboard.press('Space')
  await expect(page.getByRole('checkbox', { name: /^United States —/ })).toBeChecked()
  await tabTo(page, (element) => element.id === 'turns', 'the number of turns')
  const defaultTurns = Number(await page.locator('#turns').inputValue())
  for (let k = defaultTurns; k > 3; k--) await page.keyboard.press('ArrowDown')
  await expect(page.locator('#turns')).toHaveValue('3')
  // The seed cannot be typed with these keys: note the random one so a failure can be replayed.
  test.info().annotations.push({ type: 'seed', description: await page.locator('#seed').inputValue() })
  await tabTo(page, isButton('Start'), 'Start')
  await page.keyboard.press('Enter')

  let screen: 'game' | 'end' = 'game'
  let lastReport = 0
  for (let turn = 1; screen === 'game'; turn++) {
    await expect(turnHeading(page)).toHaveText(new RegExp(`^Turn ${turn} of 3 — `))
    await expect(turnHeading(page)).toBeFocused()

    // The first affordable action (if any): Tab to its "Add to plan", Enter; then back up to End turn,
    // which comes before the cards.
    const affordable = await page.getByRole('button', { name: 'Add to plan', disabled: false }).count()
    if (turn === 1) expect(affordable, 'something is affordable on the first turn').toBeGreaterThan(0)
    if (affordable > 0) {
      await tabTo(page, isButton('Add to plan'), 'an enabled Add to plan button')
      const plannedBefore = await page.locator('.plan-list li').allInnerTexts()
      await page.keyboard.press('Enter')
      await expect(page.locator('.plan-list li')).not.toHaveText(plannedBefore)
      await expect(page.locator('.plan-list')).toContainText('United States:')
      await tabTo(page, isButton('End turn'), 'End turn', true)
    } else {
      await tabTo(page, isButton('End turn'), 'End turn')
    }
    await page.keyboard.press('Enter')

    // Partners' proposals: focus lands on Agree; the first is agreed with Enter, the rest declined
    // with Tab and Space.
    let dialogs = 0
    for (;;) {
      await expect(reportHeading(page).or(page.getByRole('dialog'))).toBeVisible()
      if (!(await page.getByRole('dialog').isVisible())) break
      now = await focused(page)
      expect(now.inDialog, 'focus moves into the dialog').toBe(true)
      if (await unspentPrompt(page).isVisible()) {
        // Capital left that could still buy an action: the prompt offers to keep planning first.
        expect(now.name).toBe('Keep planning')
        expectVisibleFocus(now)
        now = await tabTo(page, isButton('End turn anyway'), 'End turn anyway', false, 2)
        expect(now.inDialog, 'Tab stays within the dialog').toBe(true)
        await page.keyboard.press('Enter')
        continue
      }
      expect(now.name).toBe('Agree')
      expectVisibleFocus(now)
      if (dialogs === 0) {
        await page.keyboard.press('Enter')
      } else {
        now = await tabTo(page, isButton('Decline'), 'Decline', false, 3)
        expect(now.inDialog, 'Tab stays within the dialog').toBe(true)
        await page.keyboard.press('Space')
      }
      dialogs += 1
    }

    // The report: a Why? opened with Enter, then on to Next turn.
    await expect(reportHeading(page)).toBeFocused()
    const reported = numberIn(await reportHeading(page).innerText(), /^Turn (\d+) report/)
    expect(reported).toBe(turn)
    expect(reported).toBeGreaterThan(lastReport)
    lastReport = reported
    const why = await tabTo(page, isButton(/^Why\? /), 'a Why? button')
    expect(why.expanded).toBe('false')
    await page.keyboard.press('Enter')
    now = await focused(page)
    expect(now.expanded, 'Enter opens the explanation').toBe('true')
    await expect(page.locator('.why:visible').first()).toBeVisible()
    const next = await tabTo(page, isButton(/^(Next turn|See the outcome)$/), 'Next turn')
    await page.keyboard.press('Enter')
    screen = next.name === 'Next turn' ? 'game' : 'end'
  }

  // The end screen, then its charts and back, all by keyboard.
  await expect(page.locator('#app')).toHaveAttribute('data-screen', 'end')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/: (the last turn is played|everyone loses)$/)
  await expect(page.locator('ol.timeline > li')).toHaveCount(lastReport)
  await tabTo(page, isButton('Charts'), 'Charts')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Charts over time' })).toBeVisible()
  // Focus starts on the heading, so Tab reaches Back first.
  await tabTo(page, isButton('Back'), 'Back', false, 1)
  await page.keyboard.press('Enter')
  await expect(page.locator('#app')).toHaveAttribute('data-screen', 'end')
  await tabTo(page, isButton('Main menu'), 'Main menu')
  await page.keyboard.press('Space')
  await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled()
})
