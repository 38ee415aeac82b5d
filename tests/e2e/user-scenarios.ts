// The test scenario the browser-import specs use, and the steps of importing it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PROJECT_ROOT, expect } from './fixtures.ts'
import type { Page } from './fixtures.ts'

const MINIMAL = join(PROJECT_ROOT, 'tests', 'fixtures', 'scenarios', 'minimal')
export const SCENARIO_JSON = readFileSync(join(MINIMAL, 'scenario.json'), 'utf8')
export const SOURCE_TEXT = readFileSync(join(MINIMAL, 'sources', 'text.txt'), 'utf8')
// A quote that is not in its paragraph: the engine reports where it is and why.
export const BROKEN_JSON = SCENARIO_JSON.replace('Castrian and Borovian ships', 'Castrian and Borovian boats')
export const BROKEN_DIAGNOSTIC =
  'minimal/scenario.json:57:67: error: quote not found in paragraph 5 of source "straits-account" [/static/contact/0/citations/0/quote]'

export interface ExtraFile {
  name: string
  buffer: Buffer
}

/** Picks scenario.json (with the given text), the source, and any extra files in the import field. */
export async function importFiles(page: Page, scenarioJson: string, extra: ExtraFile[] = []): Promise<void> {
  await page
    .getByLabel('Import a scenario')
    .setInputFiles([
      { name: 'scenario.json', mimeType: 'application/json', buffer: Buffer.from(scenarioJson) },
      { name: 'text.txt', mimeType: 'text/plain', buffer: Buffer.from(SOURCE_TEXT) },
      ...extra.map((file) => ({ ...file, mimeType: 'text/plain' })),
    ])
}

export const entryOf = (page: Page, folder: string, origin: string) =>
  page.locator(`.scenario-entry[data-origin="${origin}"][data-folder="${folder}"]`)

/** From the title screen to the Scenarios screen, with the shipped scenarios listed. */
export async function openScenarios(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Scenarios' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeVisible()
  await expect(entryOf(page, 'pin-pricks-2021', 'shipped')).toBeVisible()
}
