// Launches the built desktop app (out/main/index.js) in Electron: the title screen appears, a game starts
// and a turn ends; a scenario written into the user's folder appears by itself, and a broken edit shows its
// diagnostic. Skipped, with the reason printed, where the Electron binary is not installed.
import { _electron as electron, expect, test } from '@playwright/test'
import type { ElectronApplication, Page } from '@playwright/test'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findElectronBinary, projectRoot } from './electron-binary.ts'

const binary = findElectronBinary()
const mainFile = join(projectRoot, 'out', 'main', 'index.js')
const SKIP_REASON =
  'the Electron binary is not installed (node_modules/electron has no dist/, and ELECTRON_OVERRIDE_DIST_PATH is unset), ' +
  'so the desktop edition cannot be launched here; run `npx install-electron` or point ELECTRON_OVERRIDE_DIST_PATH at an Electron 45 build'

if (!binary) console.warn(`\n*** SKIPPED tests/e2e-electron/smoke.spec.ts: ${SKIP_REASON} ***\n`)

/** Launches the desktop app on a user data folder of its own; `body` gets its first window (and the app). */
async function withDesktopApp(body: (page: Page, userData: string, app: ElectronApplication) => Promise<void>): Promise<void> {
  if (!existsSync(mainFile)) throw new Error(`${mainFile} is missing: run \`npx electron-vite build\` first`)
  const userData = mkdtempSync(join(tmpdir(), 'rl-e2e-electron-'))
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value
  env.REDLINES_USER_DATA_DIR = userData
  const app = await electron.launch({ executablePath: binary!, args: [mainFile], cwd: projectRoot, env })
  try {
    await body(await app.firstWindow(), userData, app)
  } finally {
    await app.close()
    rmSync(userData, { recursive: true, force: true })
  }
}

test.describe('desktop edition smoke test', () => {
  test.skip(!binary, SKIP_REASON)

  test('lists a scenario saved into the user folder by itself, and a broken edit with its diagnostic', async () => {
    await withDesktopApp(async (page, userData) => {
      const folder = join(userData, 'scenarios')
      await page.getByRole('button', { name: 'Scenarios' }).click()
      await expect(page.locator('.user-folder-path')).toHaveText(folder)
      const entry = page.locator('.scenario-entry[data-origin="user"][data-folder="minimal"]')
      await expect(entry).toHaveCount(0)
      const fixture = join(projectRoot, 'tests', 'fixtures', 'scenarios', 'minimal')
      cpSync(fixture, join(folder, 'minimal'), { recursive: true })
      await expect(entry.locator('.scenario-state')).toHaveText('Ready', { timeout: 15_000 })
      const json = readFileSync(join(fixture, 'scenario.json'), 'utf8')
      writeFileSync(join(folder, 'minimal', 'scenario.json'), json.replace('Castrian and Borovian ships', 'Castrian and Borovian boats'))
      await expect(entry.locator('.scenario-state')).toHaveText('Broken', { timeout: 15_000 })
      await expect(entry.locator('.diagnostics li').first()).toContainText('quote not found in paragraph 5')
    })
  })

  test('launches hardened, shows the title screen, starts a game and ends a turn', async () => {
    await withDesktopApp(async (page, userData, app) => {
      await expect(page).toHaveURL(/^app:\/\/bundle\//)

      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
      // No Node in the page, and only the narrow bridge.
      const exposed = await page.evaluate(() => {
        const scope = globalThis as unknown as { require?: unknown; process?: unknown; redLinesHost?: { edition?: string } }
        return { require: typeof scope.require, process: typeof scope.process, edition: scope.redLinesHost?.edition }
      })
      expect(exposed).toEqual({ require: 'undefined', process: 'undefined', edition: 'desktop' })

      await page.getByRole('button', { name: 'New game' }).click()
      await page.getByRole('button', { name: 'Start' }).click()
      await page.getByRole('button', { name: 'End turn' }).click()
      // Computer partners may propose joint actions before the turn resolves; decline each one.
      const announcer = page.locator('#announcer')
      await expect(async () => {
        const proposal = page.getByRole('dialog').getByRole('button', { name: 'Decline' })
        if (await proposal.count()) await proposal.first().click()
        await expect(announcer).toHaveText(/Turn 1 resolved/, { timeout: 1000 })
      }).toPass({ timeout: 30_000 })
      // The autosave went through the guarded IPC channel into the user data folder.
      await expect.poll(() => existsSync(join(userData, 'saves', 'autosave.json'))).toBe(true)
    })
  })
})
