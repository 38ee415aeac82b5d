// The browser edition's figures (not a test: nothing here passes or fails).
//   node src/cli/run-ts.mjs tests/e2e/perf.ts [--json] [--web out/web] [--url http://127.0.0.1:4173/] [--turns 10]
//                                              [--renderer auto|canvas|webgl]
// Without --url it serves the last build in --web (out/web; build it first with `npm run build:web`) with the
// server of `npm run web` (src/launch/web-server.mjs), on a free port, for as long as it runs. Sizes are read
// from that folder.
//
// What is measured, in headless Chromium (the system's, /usr/bin/chromium unless CHROMIUM_PATH):
//   titleInteractiveMs   median over 5 fresh browser contexts of window.__redLinesReady, the page's
//                        performance.now() when the title screen is shown (time since navigation
//                        start); each run also checks that "New game" is then enabled and clickable.
//   endTurnToReportMs    median over the turns of one game of 20 turns (--turns) of: End turn pressed → the turn report's
//                        heading painted (the first animation frame after it is in the DOM), computer
//                        players' choices, consent, resolution and the autosave included, MINUS the
//                        time consent dialogs stood open. Dialogs are answered "Decline" inside the
//                        page as soon as they appear, so that part is tiny anyway; the time with the
//                        dialogs is given too (endTurnToReportWithDialogsMs). The computer players at
//                        normal; endTurnToReportHardMs is the same with them at hard (the computer's
//                        choices are made in a worker while End turn shows their progress), over 20
//                        turns of as many games as that takes.
//   fpsIdle              map frames per second over 3 s on a fresh first turn once its map is drawn (no
//                        events to animate): the map draws only when something changes or moves, so 0.
//   fpsAnimating         map frames per second while each Next turn's pin pricks and incidents animate:
//                        from the map's first frame until it goes idle, at most 1.5 s (playing the United
//                        States with a pin prick every turn, against Chinese and Russian patrols, so there
//                        always are some); the median over the turns that animate anything.
//   rendererGzipKb       every JS and CSS file the pages of a whole game download (title, new game, ten turns,
//                        the end screen, the engine worker), gzip level 9, in kB (1000 bytes); with
//                        rendererBrotliKb (quality 11, as the server sends them) and rendererRawKb.
//   titleGzipKb          the same for what is downloaded until the title screen is interactive.
//   barePhaserGzipKb     the baseline: the bare Phaser page (tests/bench/bare-phaser) built the same way;
//                        rendererToBarePhaser is the ratio.
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { CHROMIUM_LAUNCH } from './chromium.ts'
import { barePhaserSizes, sizesOf } from './perf-sizes.ts'
import { createWebServer } from '../../src/launch/web-server.mjs'

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const LAUNCH = CHROMIUM_LAUNCH

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv[index + 1] : undefined
}
const json = process.argv.includes('--json')
const TURNS = Number(argument('turns') ?? 20)
const RENDERER = argument('renderer') ?? 'auto'
const WEB = resolve(PROJECT_ROOT, argument('web') ?? join('out', 'web'))
const ASSETS = join(WEB, 'assets')

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const round = (value: number, digits = 1) => Number(value.toFixed(digits))

// ---------------------------------------------------------------- the server

async function serve(): Promise<{ url: string; server: Server | null }> {
  const given = argument('url')
  if (given) return { url: given, server: null }
  readdirSync(ASSETS) // fails early, with the path, when there is no build
  const server = createWebServer(WEB)
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', done)
  })
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server }
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
      // Decline every proposal; past the prompt about capital left unspent, end the turn anyway.
      const decline = [...((dialog as unknown as { querySelectorAll(s: string): Node[] }).querySelectorAll('button') ?? [])].find(
        (b) => b.textContent === 'Decline' || b.textContent === 'End turn anyway',
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

/** The name in out/web/assets of a URL of the build's JS or CSS, else null. */
function assetName(url: string): string | null {
  return /\/assets\/([^/?#]+\.(?:js|css))(?:[?#]|$)/.exec(url)?.[1] ?? null
}

/** The build's JS and CSS files that the pages (and workers) of `context` request from now on. */
function recordAssets(context: BrowserContext): Set<string> {
  const names = new Set<string>()
  context.on('request', (request) => {
    const name = assetName(request.url())
    if (name) names.add(name)
  })
  return names
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

interface MapHook {
  __redLines?: { map?: { frames(): number; idle(): boolean } }
}

/** Waits until the screen's (new) map has drawn `frames` frames, or has drawn and gone idle (when `idle`). */
async function waitForFreshMap(page: Page, frames: number, idle = false): Promise<void> {
  await page.waitForFunction(
    ({ min, idle }) => {
      const map = (globalThis as unknown as MapHook).__redLines?.map
      return !!map && map.frames() >= min && (!idle || map.idle())
    },
    { min: frames, idle },
  )
}

/**
 * Frames per second from now until the map goes idle or `ms` pass (its first frame drawn already); null when it
 * goes idle within a quarter of a second (a turn with nothing to animate).
 */
async function animatingFramesPerSecond(page: Page, ms: number): Promise<number | null> {
  return page.evaluate(async (limit) => {
    const browser = globalThis as unknown as Required<MapHook> & {
      performance: { now(): number }
      requestAnimationFrame(callback: () => void): void
    }
    const map = browser.__redLines.map!
    const f0 = map.frames()
    const t0 = browser.performance.now()
    for (;;) {
      await new Promise<void>((resolve) => browser.requestAnimationFrame(resolve))
      const elapsed = browser.performance.now() - t0
      if (map.idle() || elapsed >= limit) return elapsed < 250 ? null : ((map.frames() - f0) * 1000) / elapsed
    }
  }, ms)
}

async function forgetMap(page: Page): Promise<void> {
  await page.evaluate(() => {
    delete (globalThis as unknown as { __redLines?: unknown }).__redLines
  })
}

// ---------------------------------------------------------------- the measurements

async function titleInteractive(browser: Browser, url: string): Promise<{ runs: number[]; assets: Set<string> }> {
  const runs: number[] = []
  let assets = new Set<string>()
  for (let k = 0; k < 5; k++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await page.goto(url)
    const newGame = page.getByRole('button', { name: 'New game' })
    await newGame.click({ trial: true }) // enabled, visible, stable, and hit by a click at its centre
    if (!(await newGame.isEnabled())) throw new Error('New game is not enabled')
    runs.push(await page.evaluate(() => (globalThis as unknown as { __redLinesReady: number }).__redLinesReady))
    // What the page fetched before the title was shown (it may fetch more afterwards, for later screens).
    const fetched = await page.evaluate(() => {
      const browser = globalThis as unknown as {
        __redLinesReady: number
        performance: { getEntriesByType(type: string): { name: string; startTime: number }[] }
      }
      return browser.performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime <= browser.__redLinesReady)
        .map((entry) => entry.name)
    })
    assets = new Set(fetched.flatMap((name) => assetName(name) ?? []))
    await context.close()
  }
  return { runs, assets }
}

interface GameFigures {
  endTurnMs: number[]
  endTurnWithDialogsMs: number[]
  dialogs: number
  fpsIdle: number
  fpsAnimating: number[]
  renderer: string
  turnsPlayed: number
  /** JS and CSS the whole game downloaded. */
  assets: Set<string>
}

async function playGame(
  browser: Browser,
  url: string,
  { difficulty = 'normal', seed = 7, measureMap = true }: { difficulty?: 'normal' | 'hard'; seed?: number; measureMap?: boolean } = {},
): Promise<GameFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const assets = recordAssets(context)
  const page = await context.newPage()
  if (process.env.PERF_DEBUG) {
    page.on('console', (message) => console.error(`console ${message.type()}: ${message.text()}`))
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`))
  }
  await page.addInitScript(installMeter)
  await page.goto(RENDERER === 'auto' ? url : `${url}?renderer=${RENDERER}`)
  await page.getByRole('button', { name: 'New game' }).click()
  await page.locator('#seed').fill(String(seed))
  await page.locator('#turns').fill(String(TURNS))
  await page.getByLabel('Computer players').selectOption(difficulty)
  await page.getByRole('button', { name: 'Start' }).click()
  await page.getByRole('heading', { level: 1, name: /^Turn 1 of/ }).waitFor()
  await waitForFreshMap(page, 1, true)
  const renderer = await page.evaluate(() =>
    (globalThis as unknown as { __redLines: { map: { rendererType(): string } } }).__redLines.map.rendererType(),
  )
  const fpsIdle = measureMap ? await framesPerSecond(page, 3000) : 0

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
    if ((await next.innerText()) !== 'Next turn') {
      await next.click()
      await page.locator('#app[data-screen="end"]').waitFor()
      break
    }
    await forgetMap(page)
    await next.click()
    await page.getByRole('heading', { level: 1, name: /^Turn \d+ of/ }).waitFor()
    await waitForFreshMap(page, 1)
    const fps = measureMap ? await animatingFramesPerSecond(page, 1500) : null
    if (fps !== null) fpsAnimating.push(fps)
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
    assets,
  }
}

// ---------------------------------------------------------------- main

const { url, server } = await serve()
const browser = await chromium.launch(LAUNCH)
try {
  const title = await titleInteractive(browser, url)
  const game = await playGame(browser, url)
  // End turn with the computer players at hard: TURNS turns, over more games where one ends sooner.
  const hardMs: number[] = []
  for (let seed = 7; hardMs.length < TURNS && seed < 17; seed++)
    hardMs.push(...(await playGame(browser, url, { difficulty: 'hard', seed, measureMap: false })).endTurnMs)
  hardMs.splice(TURNS)
  const kB = (bytes: number) => round(bytes / 1000)
  const whole = sizesOf(ASSETS, game.assets)
  const titleSize = sizesOf(ASSETS, title.assets)
  const bare = await barePhaserSizes()
  const figures = {
    titleInteractiveMs: round(median(title.runs)),
    endTurnToReportMs: round(median(game.endTurnMs)),
    endTurnToReportHardMs: round(median(hardMs)),
    fpsIdle: round(game.fpsIdle),
    fpsAnimating: round(median(game.fpsAnimating)),
    rendererGzipKb: kB(whole.gzip),
    rendererBrotliKb: kB(whole.brotli),
    rendererRawKb: kB(whole.raw),
    titleGzipKb: kB(titleSize.gzip),
    barePhaserGzipKb: kB(bare.gzip),
    rendererToBarePhaser: round(whole.gzip / bare.gzip, 2),
  }
  if (json) {
    console.log(JSON.stringify(figures))
  } else {
    const sizes = (file: { raw: number; gzip: number; brotli: number }) =>
      `${kB(file.raw)} kB raw, ${kB(file.gzip)} kB gzip, ${kB(file.brotli)} kB brotli`
    console.log(`server                      ${url}`)
    console.log(
      `title interactive           ${figures.titleInteractiveMs} ms (median of 5 fresh contexts: ${title.runs.map((t) => round(t)).join(', ')})`,
    )
    console.log(
      `End turn → report          ${figures.endTurnToReportMs} ms median over ${game.endTurnMs.length} turns (min ${round(Math.min(...game.endTurnMs))}, max ${round(Math.max(...game.endTurnMs))}), consent dialogs excluded`,
    )
    console.log(
      `End turn → report, hard    ${figures.endTurnToReportHardMs} ms median over ${hardMs.length} turns (min ${round(Math.min(...hardMs))}, max ${round(Math.max(...hardMs))}), consent dialogs excluded`,
    )
    console.log(
      `  with the dialogs          ${round(median(game.endTurnWithDialogsMs))} ms median; ${game.dialogs} dialogs in ${game.turnsPlayed} turns, each declined in the page at once`,
    )
    console.log(`map renderer                ${game.renderer}`)
    console.log(`map fps, idle               ${figures.fpsIdle} (3 s, first turn drawn, nothing to animate)`)
    console.log(
      `map fps, animating          ${figures.fpsAnimating} (median of ${game.fpsAnimating.length} turns' events: ${game.fpsAnimating.map((f) => round(f)).join(', ')})`,
    )
    console.log(`renderer, a whole game      ${sizes(whole)}; ${figures.rendererToBarePhaser} × the bare Phaser page (${sizes(bare)})`)
    for (const file of whole.files) console.log(`  ${file.name.padEnd(34)}${sizes(file)}${title.assets.has(file.name) ? '  (title)' : ''}`)
    console.log(`title screen                ${sizes(titleSize)}`)
  }
} finally {
  await browser.close()
  server?.close()
}
