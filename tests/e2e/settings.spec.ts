// Settings apply at once and are kept across a reload: text size, colour-blind-safe palette, reduced
// motion and animation speed.
import { expect, openTitle, readStoredSettings, test } from './fixtures.ts'
import type { BrowserGlobals, Page } from './fixtures.ts'

async function rootFontSize(page: Page): Promise<string> {
  return page.evaluate(() => {
    const browser = globalThis as unknown as BrowserGlobals & { document: { documentElement: unknown } }
    return browser.getComputedStyle(browser.document.documentElement).fontSize
  })
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
}

test('changed settings apply at once and survive a reload', async ({ page }) => {
  // Start from a browser that does not ask for reduced motion, so the default is "full".
  await page.emulateMedia({ reducedMotion: 'no-preference' })
  await openTitle(page)
  const html = page.locator('html')
  await expect(html).toHaveAttribute('data-text-size', 'normal')
  await expect(html).toHaveAttribute('data-palette', 'default')
  await expect(html).toHaveAttribute('data-motion', 'full')
  expect(await rootFontSize(page)).toBe('16px')

  await openSettings(page)
  const textSize = page.getByLabel('Text size')
  const palette = page.getByLabel('Colour-blind-safe palette (Okabe–Ito)')
  const motion = page.getByLabel('Reduce motion')
  const speed = page.getByLabel('Animation speed')
  await expect(textSize).toHaveValue('normal')
  await expect(palette).not.toBeChecked()
  await expect(motion).not.toBeChecked()
  await expect(speed).toHaveValue('1')

  await textSize.selectOption({ label: 'Large' })
  await expect(html).toHaveAttribute('data-text-size', 'large')
  expect(await rootFontSize(page)).toBe('19px')
  await palette.check()
  await expect(html).toHaveAttribute('data-palette', 'okabe-ito')
  await motion.check()
  await expect(html).toHaveAttribute('data-motion', 'reduced')
  await speed.fill('1.5')
  await expect(page.locator('output[for="speed"]')).toHaveText('1.5×')

  // Saved as they change: wait for the last one to reach storage before reloading.
  await expect
    .poll(() => readStoredSettings(page))
    .toEqual({
      textSize: 'large',
      colourBlindSafe: true,
      reducedMotion: true,
      animationSpeed: 1.5,
      singleKeyShortcuts: true,
      writerTools: false,
    })
  await expect(page.locator('#announcer')).toHaveText('Settings saved.')

  await page.reload()
  await expect(page.getByRole('button', { name: 'New game' })).toBeEnabled()
  await expect(html).toHaveAttribute('data-text-size', 'large')
  await expect(html).toHaveAttribute('data-palette', 'okabe-ito')
  await expect(html).toHaveAttribute('data-motion', 'reduced')
  expect(await rootFontSize(page)).toBe('19px')

  await openSettings(page)
  await expect(textSize).toHaveValue('large')
  await expect(palette).toBeChecked()
  await expect(motion).toBeChecked()
  await expect(speed).toHaveValue('1.5')
  await expect(page.locator('output[for="speed"]')).toHaveText('1.5×')

  // And changed again: the new values replace the stored ones.
  await textSize.selectOption('x-large')
  await expect(html).toHaveAttribute('data-text-size', 'x-large')
  expect(await rootFontSize(page)).toBe('22px')
  await palette.uncheck()
  await expect(html).toHaveAttribute('data-palette', 'default')
  await motion.uncheck()
  await expect(html).toHaveAttribute('data-motion', 'full')
  await expect
    .poll(() => readStoredSettings(page))
    .toEqual({
      textSize: 'x-large',
      colourBlindSafe: false,
      reducedMotion: false,
      animationSpeed: 1.5,
      singleKeyShortcuts: true,
      writerTools: false,
    })
  await page.reload()
  await expect(html).toHaveAttribute('data-text-size', 'x-large')
  await expect(html).toHaveAttribute('data-palette', 'default')
})

test('a browser that prefers reduced motion starts with reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await openTitle(page)
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduced')
  await openSettings(page)
  await expect(page.getByLabel('Reduce motion')).toBeChecked()
})
