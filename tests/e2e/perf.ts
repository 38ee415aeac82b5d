// The browser edition's figures (not a test: nothing here passes or fails).
//   node src/cli/run-ts.mjs tests/e2e/perf.ts [--json] [--url http://127.0.0.1:4173/] [--turns 10] [--renderer auto|canvas|webgl]
// Without --url it serves the last build (out/web; build it first with `npm run build:web`) with
// `node src/launch/web.mjs --port 0 --no-open --no-build` and stops that server at the end.
//
// What is measured, in headless Chromium (the system's, /usr/bin/chromium unless CHROMIUM_PATH):
//   titleInteractiveMs   median over 5 fresh browser contexts of window.__redLinesReady, the page's
//                        performance.now() when the title screen is shown (time since navigation
//                        start); each run also checks that "New game" is then enabled and clickable.
//   endTurnToReportMs    median over the turns of one game of: End turn pressed → the turn report's
//                        heading painted (the first animation frame after it is in the DOM), computer
//                        players' choices, consent, resolution and the autosave included, MINUS the
//                        time consent dialogs stood open. Dialogs are answered "Decline" inside the
//                        page as soon as they appear, so that part is tiny anyway; the time with the
//                        dialogs is given too (endTurnToReportWithDialogsMs).
//   fpsIdle              map frames per second over 3 s on a fresh first turn (no events to animate).
//   fpsAnimating         map frames per second over the first 1.5 s after each Next turn, while that
//                        turn's pin pricks and incidents animate (playing the United States with a pin
//                        prick every turn, against Chinese and Russian patrols, so there always are some).
//   rendererJsKb         the size of out/web/assets/*.js, raw and gzip (node:zlib, level 9), in KiB.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import type { Browser, Page } from '@playwright/test'
import { CHROMIUM_LAUNCH } from './chromium.ts'

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const ASSETS = join(PROJECT_ROOT, 'out', 'web', 'assets')
const LAUNCH = CHROMIUM_LAUNCH

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv[index + 1] : undefined
}
const json = process.argv.includes('--json')
const TURNS = Number(argument('turns') ?? 10)
const RENDERER = argument('renderer') ?? 'auto'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const round = (value: number, digits = 1) => Number(value.toFixed(digits))

// ---------------------------------------------------------------- the server

async function serve(): Promise<{ url: string; server: ChildProcess | null }> {
  const given = argument('url')
  if (given) return { url: given, server: null }
  readdirSync(ASSETS) // fails early, with the path, when there is no build
  const server = spawn(process.execPath, ['src/launch/web.mjs', '--port', '0', '--no-open', '--no-build'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /served at (http:\/\/\S+)/.exec(output)
      if (match) resolve(match[1])
    })
    server.once('exit', (code) => reject(new Error(`the web server exited (${code}) before serving: ${output}`)))
    setTimeout(() => reject(new Error('the web server did not start within 20 s')), 20_000).unref()
  })
  return { url, server }
}

// ---------------------------------------------------------------- in the page

interface Meter {
  turns: { start: number; shown: number; dialogMs: number; dialogs: number }[]
}

/** Installed before the page loads: times End turn → report, and answers consent dialogs at once. */
function installMeter(): void {
  interface Node {
    textContent: string | null
    closest?(selector: string): Node | null
    querySelector(selector: string): Node | null
    click(): void
  }
  const win = globalThis as unknown as {
    document: {
      addEventListener(type: string, listener: (event: { target: Node }) => void, capture: boolean): void
      querySelector(selector: string): Node | null
    }
    MutationObserver: new (callback: () => void) => { observe(target: unknown, options: unknown): void }
    requestAnimationFrame(callback: () => void): void
    performance: { now(): number }
    __meter: Meter
  }
  const meter: Meter = { turns: [] }
  win.__meter = meter
  let current: Meter['turns'][number] | null = null
  win.document.addEventListener(
    'click',
    (event) => {
      const button = event.target.closest?.('button')
      if (button?.textContent === 'End turn') current = { start: win.performance.now(), shown: 0, dialogMs: 0, dialogs: 0 }
    },
    true,
  )
  const observer = new win.MutationObserver(() => {
    if (!current) return
    const dialog = win.document.querySelector('dialog[open], [role="dialog"]')
    if (dialog) {
      const opened = win.performance.now()
      const decline = [...((dialog as unknown as { querySelectorAll(s: string): Node[] }).querySelectorAll('button') ?? [])].find(
        (b) => b.textContent === 'Decline',
      )
      current.dialogs += 1
      decline?.click()
      current.dialogMs += win.performance.now() - opened
      return
    }
    const heading = win.document.querySelector('#app h1')
    if (heading && /^Turn \d+ report/.test(heading.textContent ?? '')) {
      const turn = current
      current = null
      win.requestAnimationFrame(() => {
        turn.shown = win.performance.now()
        meter.turns.push(turn)
      })
    }
  })
  observer.observe(win.document, { childList: true, subtree: true })
}

/** Frames the map drew per second over `ms`, measured in the page. */
async function framesPerSecond(page: Page, ms: number): Promise<number> {
  return page.evaluate(async (duration) => {
    const browser = globalThis as unknown as {
      __redLines: { map: { frames(): number } }
      performance: { now(): number }
      setTimeout(callback: () => void, ms: number): void
    }
    const map = browser.__redLines.map
    const f0 = map.frames()
    const t0 = browser.performance.now()
    await new Promise<void>((resolve) => browser.setTimeout(resolve, duration))
    return ((map.frames() - f0) * 1000) / (browser.performance.now() - t0)
  }, ms)
}

async function waitForFreshMap(page: Page, frames: number): Promise<void> {
  await page.waitForFunction(
    (min) => ((globalThis as unknown as { __redLines?: { map?: { frames(): number } } }).__redLines?.map?.frames() ?? 0) > min,
    frames,
  )
}

async function forgetMap(page: Page): Promise<void> {
  await page.evaluate(() => void delete (globalThis as unknown as { __redLines?: unknown }).__redLines)
}

// ---------------------------------------------------------------- the measurements

async function titleInteractive(browser: Browser, url: string): Promise<number[]> {
  const runs: number[] = []
  for (let k = 0; k < 5; k++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await page.goto(url)
    const newGame = page.getByRole('button', { name: 'New game' })
    await newGame.click({ trial: true }) // enabled, visible, stable, and hit by a click at its centre
    if (!(await newGame.isEnabled())) throw new Error('New game is not enabled')
    runs.push(await page.evaluate(() => (globalThis as unknown as { __redLinesReady: number }).__redLinesReady))
    await context.close()
  }
  return runs
}

interface GameFigures {
  endTurnMs: number[]
  endTurnWithDialogsMs: number[]
  dialogs: number
  fpsIdle: number
  fpsAnimating: number[]
  renderer: string
  turnsPlayed: number
}

async function playGame(browser: Browser, url: string): Promise<GameFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  if (process.env.PERF_DEBUG) {
    page.on('console', (message) => console.error(`console ${message.type()}: ${message.text()}`))
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`))
  }
  await page.addInitScript(installMeter)
  await page.goto(RENDERER === 'auto' ? url : `${url}?renderer=${RENDERER}`)
  await page.getByRole('button', { name: 'New game' }).click()
  await page.locator('#seed').fill('7')
  await page.locator('#turns').fill(String(TURNS))
  await page.getByRole('button', { name: 'Start' }).click()
  await page.getByRole('heading', { level: 1, name: /^Turn 1 of/ }).waitFor()
  await waitForFreshMap(page, 30)
  const renderer = await page.evaluate(() =>
    (globalThis as unknown as { __redLines: { map: { rendererType(): string } } }).__redLines.map.rendererType(),
  )
  const fpsIdle = await framesPerSecond(page, 3000)

  const fpsAnimating: number[] = []
  let turnsPlayed = 0
  for (let turn = 1; turn <= TURNS; turn++) {
    const pinPrick = page.locator('.card[data-action="scramble-intercept"]').getByRole('button', { name: 'Add to plan' })
    if (await pinPrick.isEnabled()) await pinPrick.click()
    await page.getByRole('button', { name: 'End turn' }).click()
    await page.getByRole('heading', { level: 1, name: /^Turn \d+ report/ }).waitFor()
    await page.waitForFunction((n) => (globalThis as unknown as { __meter: Meter }).__meter.turns.length >= n, turn)
    turnsPlayed = turn
    const next = page.getByRole('button', { name: /^(Next turn|See the outcome)$/ })
    if ((await next.innerText()) !== 'Next turn') break
    await forgetMap(page)
    await next.click()
    await page.getByRole('heading', { level: 1, name: /^Turn \d+ of/ }).waitFor()
    await waitForFreshMap(page, 5)
    fpsAnimating.push(await framesPerSecond(page, 1500))
  }
  const meter = await page.evaluate(() => (globalThis as unknown as { __meter: Meter }).__meter)
  await context.close()
  return {
    endTurnMs: meter.turns.map((t) => t.shown - t.start - t.dialogMs),
    endTurnWithDialogsMs: meter.turns.map((t) => t.shown - t.start),
    dialogs: meter.turns.reduce((sum, t) => sum + t.dialogs, 0),
    fpsIdle,
    fpsAnimating,
    renderer,
    turnsPlayed,
  }
}

function javascriptSize(): { raw: number; gzip: number; files: { name: string; raw: number; gzip: number }[] } {
  const files = readdirSync(ASSETS)
    .filter((name) => name.endsWith('.js'))
    .map((name) => {
      const bytes = readFileSync(join(ASSETS, name))
      return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
    })
  return { raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0), files }
}

// ---------------------------------------------------------------- main

const { url, server } = await serve()
const browser = await chromium.launch(LAUNCH)
try {
  const title = await titleInteractive(browser, url)
  const game = await playGame(browser, url)
  const size = javascriptSize()
  const figures = {
    titleInteractiveMs: round(median(title)),
    endTurnToReportMs: round(median(game.endTurnMs)),
    fpsIdle: round(game.fpsIdle),
    fpsAnimating: round(median(game.fpsAnimating)),
    rendererJsKb: round(size.raw / 1024),
    rendererJsGzipKb: round(size.gzip / 1024),
  }
  if (json) {
    console.log(JSON.stringify(figures))
  } else {
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
    console.log(`server                      ${url}`)
    console.log(
      `title interactive           ${figures.titleInteractiveMs} ms (median of 5 fresh contexts: ${title.map((t) => round(t)).join(', ')})`,
    )
    console.log(
      `End turn → report          ${figures.endTurnToReportMs} ms median over ${game.endTurnMs.length} turns (min ${round(Math.min(...game.endTurnMs))}, max ${round(Math.max(...game.endTurnMs))}), consent dialogs excluded`,
    )
    console.log(
      `  with the dialogs          ${round(median(game.endTurnWithDialogsMs))} ms median; ${game.dialogs} dialogs in ${game.turnsPlayed} turns, each declined in the page at once`,
    )
    console.log(`map renderer                ${game.renderer}`)
    console.log(`map fps, idle               ${figures.fpsIdle} (3 s, first turn, nothing to animate)`)
    console.log(`map fps, animating          ${figures.fpsAnimating} (median of ${game.fpsAnimating.length} × 1.5 s right after Next turn)`)
    console.log(`renderer JavaScript         ${kb(size.raw)} raw, ${kb(size.gzip)} gzip`)
    for (const file of size.files) console.log(`  ${file.name.padEnd(26)}${kb(file.raw)} raw, ${kb(file.gzip)} gzip`)
  }
} finally {
  await browser.close()
  server?.kill()
}
