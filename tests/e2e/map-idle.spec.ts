// The map draws only while something changes or moves: no frames at all while the view stands still, frames
// again for a resize or a turn's events, and none again once they are drawn.
import { addAffordableAction, endTurn, expect, leaveReport, openTitle, startGame, test } from './fixtures.ts'
import type { Page, RedLinesWindow } from './fixtures.ts'

const mapFrames = (page: Page): Promise<number> => page.evaluate(() => (globalThis as unknown as RedLinesWindow).__redLines!.map!.frames())

/** Waits until the current game screen's map has drawn and its loop has gone to sleep. */
async function waitForIdleMap(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const map = (globalThis as unknown as RedLinesWindow).__redLines?.map
      return !!map && map.frames() > 0 && map.idle()
    },
    undefined,
    { timeout: 20_000 },
  )
}

test('the idle map draws no frames; a resize and a turn of events draw, then it stops again', async ({ page }) => {
  await openTitle(page)
  await startGame(page, { seed: 7, turns: 4, roles: ['United States'] })
  await waitForIdleMap(page)
  const idleFrom = await mapFrames(page)
  await page.waitForTimeout(2000)
  expect(await mapFrames(page), 'frames drawn in 2 s with nothing changing').toBe(idleFrom)

  await page.setViewportSize({ width: 1100, height: 760 })
  await page.waitForFunction((n) => (globalThis as unknown as RedLinesWindow).__redLines!.map!.frames() > n, idleFrom)
  await waitForIdleMap(page)

  // A pin prick this turn: the next turn's map animates its events before it goes quiet.
  await addAffordableAction(page, ['scramble-intercept'])
  await endTurn(page, 'Decline')
  await leaveReport(page)
  await waitForIdleMap(page)
  expect(await mapFrames(page), 'frames of the animated events').toBeGreaterThan(20)
  const quietFrom = await mapFrames(page)
  await page.waitForTimeout(2000)
  expect(await mapFrames(page), 'frames drawn in 2 s after the events').toBe(quietFrom)
})
