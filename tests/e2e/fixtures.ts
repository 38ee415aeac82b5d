// What every end-to-end spec shares: a `test` whose page is watched for console errors, uncaught
// page errors and Content-Security-Policy violations (any of them fails the test), and the steps of
// a game written once — start a game, add an action, end the turn answering partners, go on.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test as base, expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import type { MapSnapshot } from '../../src/renderer/map/index.ts'

export { expect }
export type { Locator, Page }

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const SCENARIO_FOLDER = join(PROJECT_ROOT, 'scenarios', 'pin-pricks-2021')

export interface PageProblems {
  console: string[]
  pageErrors: string[]
  csp: string[]
}

/** Where the map drew its markers (MapHandle.snapshot), in canvas pixels: the renderer's own type. */
export type { MapSnapshot }

/** The browser-side globals the renderer exposes for tests and the benchmark. */
export interface RedLinesWindow {
  __redLines?: { map?: { frames(): number; idle(): boolean; rendererType(): string; snapshot(): MapSnapshot | null } }
  __redLinesReady?: number
  __reportCsp?: (text: string) => void
}

// The project's root tsconfig type-checks tests/ without the DOM library (and these files must not
// pull it in for everyone), so the few browser APIs used inside page.evaluate are typed here.
interface IdbRequest<T> {
  readonly result: T
  readonly error: unknown
  onsuccess: (() => void) | null
  onerror: (() => void) | null
}
interface IdbDatabase {
  transaction(
    store: string,
    mode: 'readonly' | 'readwrite',
  ): {
    objectStore(name: string): { get(key: string): IdbRequest<unknown>; put(value: unknown): IdbRequest<unknown> }
    oncomplete: (() => void) | null
    onerror: (() => void) | null
    readonly error: unknown
  }
  close(): void
}
interface SecurityPolicyViolation {
  violatedDirective: string
  blockedURI: string
  sourceFile: string
  lineNumber: number
}
/** globalThis in the page, as far as these tests use it. */
export interface BrowserGlobals extends RedLinesWindow {
  indexedDB: { open(name: string, version?: number): IdbRequest<IdbDatabase> }
  document: {
    activeElement: unknown
    addEventListener(type: 'securitypolicyviolation', listener: (event: SecurityPolicyViolation) => void): void
  }
  getComputedStyle(element: unknown): { outlineStyle: string; outlineWidth: string; outlineColor: string; fontSize: string }
}

export const test = base.extend<{ problems: PageProblems }>({
  problems: [
    async ({ page }, use, testInfo) => {
      const problems: PageProblems = { console: [], pageErrors: [], csp: [] }
      page.on('console', (message) => {
        const text = message.text()
        if (/Content[- ]Security[- ]Policy/i.test(text)) problems.csp.push(text)
        else if (message.type() === 'error') problems.console.push(`${text} (${message.location().url}:${message.location().lineNumber})`)
      })
      page.on('pageerror', (error) => problems.pageErrors.push(`${error.name}: ${error.message}`))
      // A binding survives reloads and navigations, unlike a variable on window.
      await page.exposeBinding('__reportCsp', (_source, text: string) => void problems.csp.push(text))
      await page.addInitScript(() => {
        const browser = globalThis as unknown as BrowserGlobals
        browser.document.addEventListener('securitypolicyviolation', (event) => {
          const report = browser.__reportCsp
          report?.(
            `securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
          )
        })
      })
      await use(problems)
      if (problems.console.length + problems.pageErrors.length + problems.csp.length > 0) {
        await testInfo.attach('page-problems', { body: JSON.stringify(problems, null, 2), contentType: 'application/json' })
      }
      expect(problems, 'no console errors, page errors or CSP violations').toEqual({ console: [], pageErrors: [], csp: [] })
    },
    { auto: true },
  ],
})

// ---------------------------------------------------------------- the scenario's own text

/** Folds typographic quotes to plain ones and every run of white space to one space (as the engine does). */
export function fold(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The source articles of the shipped scenario, read from disk by the test (not through the app). */
export function sourceTexts(): { file: string; text: string }[] {
  const folder = join(SCENARIO_FOLDER, 'sources')
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => ({ file: name, text: readFileSync(join(folder, name), 'utf8') }))
}

// ---------------------------------------------------------------- locators

export const turnHeading = (page: Page): Locator => page.getByRole('heading', { level: 1, name: /^Turn \d+ of \d+/ })
export const reportHeading = (page: Page): Locator => page.getByRole('heading', { level: 1, name: /^Turn \d+ report/ })
export const dialog = (page: Page): Locator => page.getByRole('dialog')

export function numberIn(text: string, pattern: RegExp): number {
  const match = pattern.exec(text)
  if (!match) throw new Error(`"${text}" does not match ${pattern}`)
  return Number(match[1])
}

// ---------------------------------------------------------------- steps of a game

/**
 * From the title screen: Settings → turn on "Scenario writer tools" (Playtest and its key) → back to the title.
 * Settings are kept in the browser's storage, so this holds for the rest of the test.
 */
export async function turnOnWriterTools(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Scenario writer tools').check()
  await expect.poll(async () => (await readStoredSettings(page))?.writerTools).toBe(true)
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.getByRole('button', { name: 'New game' })).toBeEnabled()
}

/**
 * Opens the title screen, by default with `?renderer=canvas` for the map. With 'auto' the map picks
 * for itself (WebGL only on a fast GPU); on this machine, with no GPU, WebGL through the software
 * rasteriser takes both cores and makes every click several times slower, so the specs that test the
 * UI use the canvas renderer, and console.spec.ts also runs the default and the WebGL paths.
 */
export async function openTitle(page: Page, renderer: 'canvas' | 'webgl' | 'auto' = 'canvas'): Promise<void> {
  await page.goto(renderer === 'auto' ? '/' : `/?renderer=${renderer}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Red Lines' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'New game' })).toBeEnabled()
}

export interface GameOptions {
  seed?: number
  turns?: number
  /** Role names to check (the default is the form's own default, the first role). */
  roles?: string[]
  difficulty?: 'easy' | 'normal' | 'hard'
}

const ROLE_NAMES = ['United States', 'China', 'Russia', 'Japan', 'South Korea', 'Australia', 'United Kingdom', 'India']

export const roleCheckbox = (page: Page, name: string): Locator => page.getByRole('checkbox', { name: new RegExp(`^${name} —`) })

/** From the title screen: New game → fill the form → Start → the first turn is on screen. */
export async function startGame(page: Page, options: GameOptions = {}): Promise<void> {
  await page.getByRole('button', { name: 'New game' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'New game' })).toBeVisible()
  await expect(page.locator('#seed')).toBeVisible()
  // Pin Pricks, whatever other scenarios are bundled (choosing it resets the form's roles and turns).
  await page.getByLabel('Scenario').selectOption('shipped/pin-pricks-2021')
  if (options.roles) {
    for (const name of ROLE_NAMES) await roleCheckbox(page, name).setChecked(options.roles.includes(name))
  }
  if (options.difficulty) await page.getByLabel('Computer players').selectOption(options.difficulty)
  if (options.turns !== undefined) await page.locator('#turns').fill(String(options.turns))
  if (options.seed !== undefined) await page.locator('#seed').fill(String(options.seed))
  await forgetMap(page)
  await page.getByRole('button', { name: 'Start' }).click()
  await expect(turnHeading(page)).toHaveText(new RegExp(`^Turn 1 of ${options.turns ?? 12} — `))
}

export async function budgetLeft(page: Page): Promise<number> {
  return numberIn(await page.locator('.budget').innerText(), /Political capital: (-?\d+) of/)
}

/**
 * Adds the first action the active player can afford (preferring the given action ids), checks that the
 * plan lists it and the budget fell; returns its id, or null when nothing is affordable.
 */
export async function addAffordableAction(page: Page, prefer: string[] = []): Promise<string | null> {
  const before = await budgetLeft(page)
  const enabled = page.locator('.card').filter({ has: page.getByRole('button', { name: 'Add to plan', disabled: false }) })
  const ids = await enabled.evaluateAll((cards) => cards.map((card) => card.getAttribute('data-action') ?? ''))
  const id = prefer.find((wanted) => ids.includes(wanted)) ?? ids[0]
  if (!id) return null
  const card = page.locator(`.card[data-action="${id}"]`)
  const name = await card.locator('h3').innerText()
  await card.getByRole('button', { name: 'Add to plan' }).click()
  await expect(page.locator('.plan-list')).toContainText(name)
  expect(await budgetLeft(page), `adding ${id} spends capital`).toBeLessThan(before)
  return id
}

export type ConsentAnswer = 'Agree' | 'Decline'

/**
 * Presses End turn and answers every partner's consent dialog until the turn report is on screen.
 * Returns the report's turn number and how many dialogs were answered.
 */
export async function endTurn(
  page: Page,
  answer: ConsentAnswer | ((index: number) => ConsentAnswer) = 'Agree',
): Promise<{ turn: number; dialogs: number }> {
  await pressEndTurn(page)
  return answerUntilReport(page, answer)
}

/** The prompt before ending a turn with capital left that could still buy an action. */
export const unspentPrompt = (page: Page): Locator => page.getByRole('dialog', { name: 'End the turn with capital unspent?' })

/**
 * Presses End turn and, if the player could still afford an action, answers the prompt with "End turn anyway".
 * (The prompt opens within the click, so whether it is there is known at once.)
 */
export async function pressEndTurn(page: Page): Promise<boolean> {
  await page.getByRole('button', { name: 'End turn' }).click()
  if (!(await unspentPrompt(page).isVisible())) return false
  await unspentPrompt(page).getByRole('button', { name: 'End turn anyway' }).click()
  await expect(unspentPrompt(page)).toHaveCount(0)
  return true
}

export async function answerUntilReport(
  page: Page,
  answer: ConsentAnswer | ((index: number) => ConsentAnswer) = 'Agree',
): Promise<{ turn: number; dialogs: number }> {
  let dialogs = 0
  for (;;) {
    await expect(reportHeading(page).or(dialog(page))).toBeVisible()
    if (await unspentPrompt(page).isVisible()) {
      await unspentPrompt(page).getByRole('button', { name: 'End turn anyway' }).click()
      continue
    }
    if (await dialog(page).isVisible()) {
      await expect(dialog(page)).toContainText('proposes')
      const choice = typeof answer === 'function' ? answer(dialogs) : answer
      await dialog(page).getByRole('button', { name: choice }).click()
      dialogs += 1
      continue
    }
    const turn = numberIn(await reportHeading(page).innerText(), /^Turn (\d+) report/)
    // The autosave is written while the report shows: wait for it, as a player reading the report would.
    await expect(page.locator('.report [data-autosave]')).not.toHaveAttribute('data-autosave', 'pending')
    return { turn, dialogs }
  }
}

/** On the report: Next turn (back to the game screen) or See the outcome (to the end screen). */
export async function leaveReport(page: Page): Promise<'game' | 'end'> {
  const next = page.getByRole('button', { name: /^(Next turn|See the outcome)$/ })
  const label = await next.innerText()
  await forgetMap(page)
  await next.click()
  if (label === 'Next turn') {
    await expect(turnHeading(page)).toBeVisible()
    return 'game'
  }
  await expect(page.locator('#app')).toHaveAttribute('data-screen', 'end')
  return 'end'
}

/**
 * Waits until the map on the current game screen has drawn more than `frames` frames, or has drawn and gone
 * idle before that (it draws only while something changes or moves).
 */
export async function waitForMap(page: Page, frames = 30): Promise<void> {
  await expect(page.locator('.map canvas')).toBeAttached()
  await page.waitForFunction((min) => {
    const map = (globalThis as RedLinesWindow).__redLines?.map
    return !!map && (map.frames() > min || (map.frames() > 0 && map.idle()))
  }, frames)
}

/** From the title, starts the tutorial scenario and waits for its first turn (the map forgotten, see forgetMap). */
export async function startTutorial(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tutorial' }).click()
  await page.getByRole('button', { name: 'Start the tutorial scenario' }).click()
  await forgetMap(page)
  await page.getByRole('button', { name: 'Start' }).click()
  await expect(turnHeading(page)).toHaveText(/^Turn 1 of 5/)
}

/** Forgets the current map handle, so that waitForMap waits for the next game screen's own map. */
export async function forgetMap(page: Page): Promise<void> {
  await page.evaluate(() => {
    delete (globalThis as RedLinesWindow).__redLines
  })
}

// ---------------------------------------------------------------- the browser's IndexedDB saves

export interface StoredSave {
  slot: string
  generations: { text: string; modified: string }[]
}

export async function readStoredSave(page: Page, slot: string): Promise<StoredSave | null> {
  return page.evaluate(
    (key) =>
      new Promise<StoredSave | null>((resolve, reject) => {
        const open = (globalThis as unknown as BrowserGlobals).indexedDB.open('red-lines')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const get = db.transaction('saves', 'readonly').objectStore('saves').get(key)
          get.onsuccess = () => {
            db.close()
            resolve((get.result as StoredSave | undefined) ?? null)
          }
          get.onerror = () => reject(get.error)
        }
      }),
    slot,
  )
}

export async function writeStoredSave(page: Page, save: StoredSave): Promise<void> {
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = (globalThis as unknown as BrowserGlobals).indexedDB.open('red-lines')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const transaction = db.transaction('saves', 'readwrite')
          transaction.objectStore('saves').put(value)
          transaction.oncomplete = () => {
            db.close()
            resolve()
          }
          transaction.onerror = () => reject(transaction.error)
        }
      }),
    save,
  )
}

export async function readStoredSettings(page: Page): Promise<Record<string, unknown> | null> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown> | null>((resolve, reject) => {
        const open = (globalThis as unknown as BrowserGlobals).indexedDB.open('red-lines')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const get = db.transaction('settings', 'readonly').objectStore('settings').get('settings')
          get.onsuccess = () => {
            db.close()
            resolve(typeof get.result === 'string' ? (JSON.parse(get.result) as Record<string, unknown>) : null)
          }
          get.onerror = () => reject(get.error)
        }
      }),
  )
}

export function stateHashOf(save: StoredSave, generation = 0): string {
  return (JSON.parse(save.generations[generation].text) as { payload: { stateHash: string } }).payload.stateHash
}
