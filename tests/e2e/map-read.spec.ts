// The map is there to be read: a legend in the page; every power and pair reachable as a button whose
// focus (or the pointer on the map) highlights it and tells its alignment, tension and last turn's
// change; every marker inside the canvas and the canvas inside the window at the sizes players use;
// labels that grow with the text size; and a scenario of invented powers on its own schematic canvas.
import { scanA11y } from './axe.ts'
import { expect, forgetMap, openTitle, startGame, startTutorial, test, turnHeading } from './fixtures.ts'
import type { MapSnapshot, Page, RedLinesWindow } from './fixtures.ts'

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
]

/** Waits for the screen's map to have drawn and gone quiet, and returns where it drew everything. */
async function idleSnapshot(page: Page): Promise<MapSnapshot> {
  await page.waitForFunction(
    () => {
      const map = (globalThis as unknown as RedLinesWindow).__redLines?.map
      return !!map && map.frames() > 0 && map.idle() && map.snapshot() !== null
    },
    undefined,
    { timeout: 20_000 },
  )
  return page.evaluate(() => (globalThis as unknown as RedLinesWindow).__redLines!.map!.snapshot()!)
}

const mapFrames = (page: Page): Promise<number> => page.evaluate(() => (globalThis as unknown as RedLinesWindow).__redLines!.map!.frames())

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} the map fits, has a legend, and tells about a power on focus and on hover`, async ({ page }) => {
    await page.setViewportSize(size)
    await openTitle(page)
    await startGame(page, { seed: 7, turns: 4, roles: ['United States'] })
    const snapshot = await idleSnapshot(page)
    expect(snapshot.geography).toBe('world')

    // Every marker, all it draws included, lies inside the canvas; the canvas lies inside the window.
    expect(snapshot.actors.map((a) => a.id).sort()).toEqual(['AUS', 'CHN', 'GBR', 'IND', 'JPN', 'KOR', 'RUS', 'USA'])
    for (const a of snapshot.actors) {
      expect(a.x - a.extent, `${a.id} left`).toBeGreaterThanOrEqual(0)
      expect(a.x + a.extent, `${a.id} right`).toBeLessThanOrEqual(snapshot.width)
      expect(a.y - a.extent, `${a.id} top`).toBeGreaterThanOrEqual(0)
      expect(a.y + a.extent, `${a.id} bottom`).toBeLessThanOrEqual(snapshot.height)
      expect(a.label.x, `${a.id} label`).toBeGreaterThanOrEqual(0)
      expect(a.label.x + a.label.w, `${a.id} label`).toBeLessThanOrEqual(snapshot.width)
    }
    const canvas = await page.locator('.map canvas').boundingBox()
    expect(canvas).not.toBeNull()
    expect(canvas!.x).toBeGreaterThanOrEqual(0)
    expect(canvas!.x + canvas!.width).toBeLessThanOrEqual(size.width)
    expect(Math.round(canvas!.width)).toBe(snapshot.width)
    expect(Math.round(canvas!.height)).toBe(snapshot.height)

    const legend = page.locator('.map-legend')
    await expect(legend).toBeVisible()
    // Folded so the plan stays near; opened from the keyboard.
    await expect(legend.getByRole('listitem').first()).toBeHidden()
    await legend.locator('summary').focus()
    await page.keyboard.press('Enter')
    await expect(legend.getByRole('listitem')).toHaveCount(10)
    await expect(legend).toContainText('Dashed line: rival pair')
    await expect(legend).toContainText('Ring: readiness')

    // Keyboard: Tab reaches the powers' buttons; focus shows China's details and highlights it on the map.
    const china = page.getByRole('list', { name: 'Powers on the map' }).getByRole('button', { name: 'China', exact: true })
    await china.focus()
    await expect(china).toHaveAccessibleDescription(/Readiness .*Closest to Russia: alignment \+\d+.*Highest tension with .*: \d+%/)
    await expect(page.locator('.map-detail')).toContainText('China: Bloc A')
    const tooltip = page.locator('.map-tooltip')
    await expect(tooltip).toBeVisible()
    await expect(tooltip).toContainText('Closest to Russia')
    await expect.poll(async () => (await idleSnapshot(page)).highlight).toEqual({ kind: 'actor', id: 'CHN' })
    // Escape hides the tooltip and leaves the focus where it was; the next power shows it again.
    await page.keyboard.press('Escape')
    await expect(tooltip).toBeHidden()
    await expect(china).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(tooltip).toContainText('Russia: Bloc A')
    await expect(page.getByRole('button', { name: 'Russia', exact: true })).toBeFocused()
    await expect.poll(async () => (await idleSnapshot(page)).highlight).toEqual({ kind: 'actor', id: 'RUS' })
    if (size.width === 1280) await scanA11y(page, `game with a power in focus at ${size.width}×${size.height}`)
    await page.getByRole('button', { name: 'Russia', exact: true }).blur()
    await expect(tooltip).toBeHidden()

    // The pointer on the United States' marker: the tooltip names it; off the map, it goes.
    const usa = snapshot.actors.find((a) => a.id === 'USA')!
    // The map sits below the cards: bring it into view, then point where the marker is now.
    await page.locator('.map canvas').scrollIntoViewIfNeeded()
    const box = (await page.locator('.map canvas').boundingBox())!
    await page.mouse.move(box.x + usa.x, box.y + usa.y)
    await expect(tooltip).toBeVisible()
    await expect(tooltip).toContainText('United States (you): Bloc')
    await expect.poll(async () => (await idleSnapshot(page)).highlight).toEqual({ kind: 'actor', id: 'USA' })
    // Resting on it, the map draws nothing more.
    const resting = await mapFrames(page)
    await page.waitForTimeout(1000)
    expect(await mapFrames(page), 'frames while the pointer rests').toBe(resting)
    await page.mouse.move(box.x + box.width / 2, box.y + box.height + 200)
    await expect(tooltip).toBeHidden()
    await expect.poll(async () => (await idleSnapshot(page)).highlight).toBeNull()
  })
}

test('a pair tells its alignment and tension on focus, and a click on the map finds its button', async ({ page }) => {
  await openTitle(page)
  await startGame(page, { seed: 7, turns: 4, roles: ['United States'] })
  const snapshot = await idleSnapshot(page)
  await page.locator('.map-pairs summary').click()
  const pair = page.getByRole('list', { name: 'Pairs of powers' }).getByRole('button', { name: 'China–Russia' })
  await pair.focus()
  await expect(pair).toHaveAccessibleDescription(/^Alignment [+−]\d+ \(.+\)\. Tension \d+%$/)
  await expect.poll(async () => (await idleSnapshot(page)).highlight).toEqual({ kind: 'link', a: 'CHN', b: 'RUS' })

  // A click on Japan's marker moves focus to Japan's button.
  const japan = snapshot.actors.find((a) => a.id === 'JPN')!
  const canvas = (await page.locator('.map canvas').boundingBox())!
  await page.mouse.click(canvas.x + japan.x, canvas.y + japan.y)
  await expect(page.getByRole('button', { name: 'Japan', exact: true })).toBeFocused()
})

test('the map labels grow with the text size', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await openTitle(page)
  await startGame(page, { seed: 7, turns: 4, roles: ['United States'] })
  const normal = await idleSnapshot(page)
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Text size').selectOption('x-large')
  await forgetMap(page)
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(turnHeading(page)).toBeVisible()
  const larger = await idleSnapshot(page)
  // The page's text is 22 px instead of 16: the labels' text grows by as much, at whatever size the map has now.
  expect(normal.fontScale / normal.scale).toBeCloseTo(1, 5)
  expect(larger.fontScale / larger.scale).toBeCloseTo(22 / 16, 5)
  const labelHeight = (s: MapSnapshot, id: string) => s.actors.find((a) => a.id === id)!.label.h / s.scale
  expect(labelHeight(larger, 'CHN')).toBeGreaterThan(labelHeight(normal, 'CHN') * 1.25)
})

test('the tutorial, whose powers are invented, draws them on its own schematic map filling the canvas', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await openTitle(page)
  await startTutorial(page)
  const snapshot = await idleSnapshot(page)
  expect(snapshot.geography).toBe('schematic')
  const xs = snapshot.actors.map((a) => a.x)
  const ys = snapshot.actors.map((a) => a.y)
  expect(Math.max(...xs) - Math.min(...xs), 'the powers spread across the width').toBeGreaterThan(snapshot.width * 0.5)
  expect(Math.max(...ys) - Math.min(...ys), 'the powers spread down the height').toBeGreaterThan(snapshot.height * 0.5)
  for (const a of snapshot.actors) {
    expect(a.onMap, a.id).toBe(true)
    expect(a.x - a.extent).toBeGreaterThanOrEqual(0)
    expect(a.x + a.extent).toBeLessThanOrEqual(snapshot.width)
    expect(a.y - a.extent).toBeGreaterThanOrEqual(0)
    expect(a.y + a.extent).toBeLessThanOrEqual(snapshot.height)
  }
  await expect(page.getByRole('list', { name: 'Powers on the map' }).getByRole('button')).toHaveText(['Arvenia', 'Dorvia', 'Selmark (you)'])
  await scanA11y(page, 'tutorial with its schematic map')
})
