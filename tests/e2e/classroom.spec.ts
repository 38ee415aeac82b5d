// The classroom end to end on loopback: the class server (a child process on port 0 with a temporary data
// folder) serving the built browser edition; a teacher and three teams, each in its own browser context, play
// three turns with a joint proposal across two teams; a team's page closes and comes back to the same seat
// and plan, another's network drops and its orders go out when it is back; the server is killed and started
// again mid-turn and the game goes on; a forged message for another seat is refused; the timeline and the
// debrief show every team's rationale and its quote. Then the teacher's controls, and axe on the pages.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from '@playwright/test'
import { qrMatrix, qrPath } from '../../src/renderer/classroom/qr.ts'
import { scanA11y } from './axe.ts'
import { PROJECT_ROOT, expect, fold, sourceTexts, test } from './fixtures.ts'
import type { Page } from './fixtures.ts'

interface RunningServer {
  child: ChildProcess
  url: string
  port: number
}

/** The page's class client, as the renderer exposes it for tests. */
interface ClassHook {
  __redLinesClass: { sendStudent(message: unknown): boolean }
}

let dataDir = ''
let webRoot = ''
let server: RunningServer

/**
 * The class server in a child process, on its programmatic entry, serving a snapshot of the built browser
 * edition (other runs may rebuild out/web while this spec runs). It prints its address when it listens.
 */
function startServer(port: number): Promise<RunningServer> {
  const program = [
    `const { startClassServer } = await import(${JSON.stringify(join(PROJECT_ROOT, 'src', 'classroom', 'server.ts'))})`,
    `const server = await startClassServer({ port: ${port}, dataDir: ${JSON.stringify(dataDir)}, webRoot: ${JSON.stringify(webRoot)}, report: () => {} })`,
    "process.on('SIGTERM', () => server.close().then(() => process.exit(0)))",
    'console.log(`listening at ${server.url}/`)',
  ].join('\n')
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', program], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const found = /listening at (http:\/\/127\.0\.0\.1:(\d+))\//.exec(out)
      if (found) resolve({ child, url: found[1], port: Number(found[2]) })
    })
    child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`the class server exited (${code}) before listening:\n${out}\n${err}`)))
  })
}

async function stopServer(running: RunningServer, signal: NodeJS.Signals): Promise<void> {
  if (running.child.exitCode !== null) return
  const exited = new Promise((resolve) => running.child.once('exit', resolve))
  running.child.kill(signal)
  await exited
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'red-lines-classes-'))
  webRoot = mkdtempSync(join(tmpdir(), 'red-lines-web-'))
  cpSync(join(PROJECT_ROOT, 'out', 'web'), webRoot, { recursive: true })
  server = await startServer(0)
})

test.afterAll(async () => {
  if (server) await stopServer(server, 'SIGTERM')
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(webRoot, { recursive: true, force: true })
})

/** Pages outside the fixture's own page: uncaught errors fail the test all the same. */
function watch(page: Page, errors: string[], who: string): Page {
  page.on('pageerror', (error) => errors.push(`${who}: ${error.message}`))
  return page
}

async function makeClass(teacher: Page, teams: [string, string][], turns: number): Promise<{ code: string; joinUrl: string }> {
  await teacher.goto(`${server.url}/?teach&renderer=canvas`)
  await expect(teacher.getByRole('heading', { level: 1, name: 'Make a class' })).toBeVisible()
  await teacher.getByLabel('Scenario').selectOption('pin-pricks-2021')
  for (const [index, [name, actor]] of teams.entries()) {
    if (index >= 2) await teacher.getByRole('button', { name: 'Add a team' }).click()
    await teacher.getByLabel(`Team ${index + 1} name`).fill(name)
    await teacher.locator(`#team-${index}-role`).selectOption(actor)
  }
  await teacher.getByLabel('Number of turns').fill(String(turns))
  await teacher.getByLabel('Seed').fill('11')
  await teacher.getByRole('button', { name: 'Make the class' }).click()
  const code = (await teacher.locator('.class-code-big').innerText()).trim()
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/)
  await expect(teacher).toHaveURL(new RegExp(`\\?teach=${code}$`))
  return { code, joinUrl: (await teacher.locator('.join-url').innerText()).trim() }
}

/** Joins as `typed` (names are matched without regard to case); the seat shows the team's own name. */
async function joinClass(context: BrowserContext, code: string, typed: string, team = typed): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${server.url}/?class=${code}&renderer=canvas`)
  await expect(page.getByLabel('Class code')).toHaveValue(code)
  await page.getByLabel('Your team’s name').fill(typed)
  await page.getByRole('button', { name: 'Join' }).click()
  await expect(page.locator('.class-who')).toContainText(`Team ${team} ·`)
  return page
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 })

async function addAction(page: Page, action: string): Promise<void> {
  const card = page.locator(`.card[data-action="${action}"]`)
  const name = await card.locator('h3').innerText()
  await card.getByRole('button', { name: 'Add to plan' }).click()
  await expect(page.locator('.plan-list')).toContainText(name)
}

async function writeRationale(page: Page, text: string, paragraph?: number): Promise<void> {
  await page.getByLabel(/^Why these orders\?/).fill(text)
  if (paragraph !== undefined) await page.getByLabel(/^Paragraph of the article/).fill(String(paragraph))
}

/** Submits the team's orders: the page shows them submitted (or, for the last team, the next phase). */
async function submit(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Submit orders' }).click()
  await expect(page.getByRole('button', { name: 'Submit orders' })).toHaveCount(0)
}

/**
 * Answers the joint proposals put to a team: Agree to the one named, Decline the rest (the computer's powers
 * propose too). Each answer shows on the page before the next.
 */
async function answerProposals(page: Page, agreeTo?: string): Promise<void> {
  const unanswered = page.locator('.question').filter({ hasText: 'You have not answered yet.' })
  for (let left = await unanswered.count(); left > 0; left -= 1) {
    const question = unanswered.first()
    const title = await question.getByRole('heading').innerText()
    const agree = agreeTo !== undefined && title === agreeTo
    await question.getByRole('button', { name: agree ? 'Agree' : 'Decline' }).click()
    // The last answer of the class resolves the turn: the report replaces the question.
    const answered = page
      .locator('.question')
      .filter({ hasText: title })
      .filter({ hasText: `Your answer: ${agree ? 'agree' : 'decline'}.` })
    await expect(answered.or(heading(page).filter({ hasText: / report/ }))).toBeVisible()
  }
}

/** The turn report, then back to planning the next turn (or the end). */
async function readReport(page: Page, turn: number): Promise<void> {
  await expect(heading(page)).toHaveText(new RegExp(`^Turn ${turn} report`))
  await page.getByRole('button', { name: /^(Next turn|See the outcome)$/ }).click()
}

test('a teacher and three teams play three turns: a joint proposal, a drop, a server restart and a forged message', async ({ browser }) => {
  test.setTimeout(240_000)
  const errors: string[] = []
  const contexts = await Promise.all([0, 1, 2, 3].map(() => browser.newContext()))
  const teacher = watch(await contexts[0].newPage(), errors, 'teacher')
  const { code, joinUrl } = await makeClass(
    teacher,
    [
      ['Dragons', 'CHN'],
      ['Bears', 'RUS'],
      ['Eagles', 'USA'],
    ],
    3,
  )

  await test.step('the console shows the join address and a QR code of it', async () => {
    expect(joinUrl).toBe(`${server.url}/?class=${code}`)
    const qr = teacher.locator('svg.qr')
    await expect(qr).toHaveAttribute('aria-label', `QR code of ${joinUrl}`)
    expect(await qr.locator('path').getAttribute('d')).toBe(qrPath(qrMatrix(joinUrl)))
  })

  const dragons = watch(await joinClass(contexts[1], code, 'Dragons'), errors, 'Dragons')
  const bears = watch(await joinClass(contexts[2], code, 'bears', 'Bears'), errors, 'Bears')
  let eagles = watch(await joinClass(contexts[3], code, 'Eagles'), errors, 'Eagles')
  await expect(teacher.locator('.team-line')).toHaveText([
    /^Dragons \(China\) · 1 device/,
    /^Bears \(Russia\) · 1 device/,
    /^Eagles \(United States\) · 1 device/,
  ])
  await expect(dragons.locator('.class-phase')).toHaveText('Waiting for the teacher to start the class.')
  await teacher.getByRole('button', { name: 'Start the class' }).click()
  for (const page of [dragons, bears, eagles]) await expect(heading(page)).toHaveText(/^Turn 1 of 3 — /)

  await test.step('turn 1: China proposes a joint air patrol to Russia, which agrees on its own device', async () => {
    await addAction(dragons, 'joint-air-patrol')
    await writeRationale(dragons, 'We fly with Russia to show the partnership is real.', 3)
    await submit(dragons)
    await expect(bears.locator('.class-phase')).toHaveText('Turn 1: the teams are planning.')
    await writeRationale(bears, 'Russia keeps its capital for the patrol China asked for.')
    await submit(bears)
    // Names only while waiting: never another team's plan.
    await expect(bears.locator('.ready-summary')).toContainText('Dragons, Bears. Not yet: Eagles.')
    await expect(bears.locator('.ready-summary')).not.toContainText('patrol')
    await addAction(eagles, 'grave-concern')
    await writeRationale(eagles, 'Words first: we voice concern before any sanctions.', 10)
    await submit(eagles)
    const patrol = 'China proposes: China: Joint air patrol with Russia → Japan'
    const question = bears.locator('.question').filter({ hasText: patrol })
    await expect(question).toContainText('Alignment between you and')
    await answerProposals(bears, patrol)
    await answerProposals(dragons)
    await answerProposals(eagles)
    for (const page of [dragons, bears, eagles]) {
      await expect(heading(page)).toHaveText(/^Turn 1 report/)
      await expect(page.locator('main')).toContainText('China: Joint air patrol with Russia → Japan')
    }
    for (const page of [dragons, bears, eagles]) await readReport(page, 1)
    await expect(heading(dragons)).toHaveText(/^Turn 2 of 3 — /)
  })

  await test.step('the teacher reveals turn 1: every team’s rationale with its quoted paragraph', async () => {
    await teacher.getByRole('button', { name: 'Reveal the last turn' }).click()
    const turn1 = teacher.locator('.timeline-turns > li[data-turn="1"]')
    await expect(turn1.locator('.rationale')).toHaveCount(3)
    await expect(turn1.locator('.rationale[data-actor="CHN"]')).toContainText('Dragons (China): We fly with Russia')
    const article = sourceTexts()[0].text
    const quoted = await turn1.locator('.rationale[data-actor="CHN"] blockquote').innerText()
    expect(fold(article)).toContain(fold(quoted))
  })

  await test.step('the projector shows the world large, and no team’s plan', async () => {
    const projector = watch(await contexts[0].newPage(), errors, 'projector')
    await projector.goto(`${server.url}/?project=${code}&renderer=canvas`)
    await expect(heading(projector)).toHaveText(/^Turn 2 of 3 — /)
    await expect(projector.getByRole('heading', { name: 'Escalation ladder' })).toBeVisible()
    await expect(projector.locator('.projector-teams li')).toHaveText(['Dragons — China', 'Bears — Russia', 'Eagles — United States'])
    await expect(projector.locator('.projector-chart details tbody tr')).toHaveCount(2)
    await expect(projector.locator('.class-projector canvas').first()).toBeAttached()
    await scanA11y(projector, 'projector')
    await projector.close()
  })

  await test.step('turn 2: a team’s page closes and comes back to the same seat and plan', async () => {
    await addAction(eagles, 'grave-concern')
    await writeRationale(eagles, 'Still talking.')
    const eaglesPlan = teacher.locator('.team-list > li[data-team="Eagles"] .team-plan')
    await expect(eaglesPlan).toContainText('grave concern')
    await expect(eaglesPlan).toContainText('Reasons: Still talking.')
    await eagles.close()
    await expect(teacher.locator('.team-list > li[data-team="Eagles"] .team-line')).toContainText('no device connected')
    eagles = watch(await contexts[3].newPage(), errors, 'Eagles again')
    await eagles.goto(`${server.url}/?class=${code}&renderer=canvas`)
    await expect(eagles.locator('.class-who')).toContainText('Team Eagles')
    await expect(eagles.locator('.plan-list')).toContainText('grave concern')
    await expect(eagles.getByLabel(/^Why these orders\?/)).toHaveValue('Still talking.')
  })

  await test.step('turn 2: a team’s network drops; orders made offline go out when it is back', async () => {
    await contexts[2].setOffline(true)
    await expect(bears.locator('.class-link')).toHaveText('Reconnecting… Your seat and your orders are kept.')
    await expect(teacher.locator('.team-list > li[data-team="Bears"] .team-line')).toContainText('no device connected')
    await addAction(bears, 'grave-concern')
    await contexts[2].setOffline(false)
    await expect(bears.locator('.class-link')).toHaveText('')
    await expect(teacher.locator('.team-list > li[data-team="Bears"] .team-line')).toContainText('1 device')
    await expect(teacher.locator('.team-list > li[data-team="Bears"] .team-plan')).toContainText('Russia: Statement of grave concern')
  })

  await test.step('a forged plan for another team’s power is refused and changes nothing', async () => {
    const forged = await dragons.evaluate(() =>
      (globalThis as unknown as ClassHook).__redLinesClass.sendStudent({
        type: 'plan',
        turn: 2,
        choices: [{ actor: 'USA', action: 'grave-concern', targets: ['CHN'] }],
        ready: true,
      }),
    )
    expect(forged).toBe(true)
    await expect(dragons.getByRole('alert').filter({ hasText: 'your team plays CHN' })).toHaveText(
      'Choice 1 is for USA; your team plays CHN.',
    )
    await expect(teacher.locator('.team-list > li[data-team="Dragons"] .team-plan')).toContainText('Nothing planned yet.')
    await expect(teacher.locator('.team-list > li[data-team="Eagles"] .team-line')).toContainText('planning')
  })

  await test.step('the server is killed mid-turn and started again: every seat, plan and submission is still there', async () => {
    await addAction(dragons, 'energy-deal')
    await submit(dragons)
    await expect(teacher.locator('.team-list > li[data-team="Dragons"] .team-line')).toContainText('submitted')
    const port = server.port
    await stopServer(server, 'SIGKILL')
    for (const page of [dragons, bears, eagles, teacher]) await expect(page.locator('.class-link')).toContainText('Reconnecting…')
    server = await startServer(port)
    for (const page of [dragons, bears, eagles, teacher]) await expect(page.locator('.class-link')).toHaveText('')
    await expect(dragons.getByRole('heading', { name: 'Orders submitted' })).toBeVisible()
    await expect(dragons.locator('.plan-list')).toContainText('Energy and investment deal')
    await expect(eagles.locator('.plan-list')).toContainText('grave concern')
    await expect(teacher.locator('.team-list > li[data-team="Dragons"] .team-line')).toContainText('1 device · submitted')
    await expect(teacher.locator('.ready-summary')).toHaveText('1 of 3 teams have submitted: Dragons. Not yet: Bears, Eagles.')
  })

  await test.step('turn 2 resolves and turn 3 ends the game', async () => {
    await submit(eagles)
    await submit(bears)
    await expect(
      bears.locator('.question').filter({ hasText: /^China proposes: China: Energy and investment deal with Russia/ }),
    ).toHaveCount(1)
    for (const page of [bears, dragons, eagles]) await answerProposals(page)
    for (const page of [dragons, bears, eagles]) await readReport(page, 2)
    for (const page of [dragons, bears, eagles]) {
      await expect(heading(page)).toHaveText(/^Turn 3 of 3 — /)
      await writeRationale(page, `Last turn for ${await page.locator('.class-who').innerText()}`.slice(0, 80), 1)
      await submit(page)
    }
    for (const page of [dragons, bears, eagles]) await answerProposals(page)
    for (const page of [dragons, bears, eagles]) await readReport(page, 3)
    await expect(heading(dragons)).toHaveText('The game is over')
    await teacher.getByRole('button', { name: 'Reveal the last turn' }).click()
    const turn3 = dragons.locator('.timeline-turns > li[data-turn="3"]')
    await expect(turn3.locator('.rationale')).toHaveCount(3)
    await expect(turn3.locator('.rationale blockquote')).toHaveCount(3)
    await dragons.getByRole('button', { name: 'Debrief' }).click()
    await expect(heading(dragons)).toContainText('Debrief')
    const rationales = dragons.locator('#debrief-rationales')
    await expect(rationales.locator('.rationales[data-actor]')).toHaveCount(3)
    await expect(rationales.locator('.rationales[data-actor="CHN"]')).toContainText('We fly with Russia to show the partnership is real.')
    // Turn 1 cited paragraphs 3 (China) and 10 (the US), turn 3 paragraph 1 for all three: each quote is the article's.
    await expect(rationales.locator('blockquote')).toHaveCount(5)
    const article = fold(sourceTexts()[0].text)
    for (const quote of await rationales.locator('blockquote').allInnerTexts()) expect(article).toContain(fold(quote))
    await dragons.getByRole('button', { name: 'Back to the class' }).click()
    // Once the game is over every turn's rationales are everyone's to read, revealed or not (turn 2 was not).
    await expect(dragons.locator('.timeline-turns > li[data-turn="2"]')).toContainText('Eagles (United States): Still talking.')
  })

  expect(errors).toEqual([])
  await Promise.all(contexts.map((context) => context.close()))
})

test('the teacher’s controls: timer, pause and resume, an injected event, ending the turn, rolling it back', async ({ browser }) => {
  test.setTimeout(120_000)
  const errors: string[] = []
  const contexts = await Promise.all([0, 1].map(() => browser.newContext()))
  const teacher = watch(await contexts[0].newPage(), errors, 'teacher')
  await teacher.goto(`${server.url}/?teach&renderer=canvas`)
  await teacher.getByLabel('Scenario').selectOption('pin-pricks-2021')
  await teacher.getByLabel('Team 1 name').fill('Owls')
  await teacher.locator('#team-0-role').selectOption('JPN')
  await teacher.getByRole('button', { name: 'Remove team 2' }).click()
  await teacher.getByLabel('Turn timer (minutes)').fill('2')
  await teacher.getByLabel('Seed').fill('11')
  await teacher.getByRole('button', { name: 'Make the class' }).click()
  const code = (await teacher.locator('.class-code-big').innerText()).trim()
  const owls = watch(await joinClass(contexts[1], code, 'Owls'), errors, 'Owls')
  await teacher.getByRole('button', { name: 'Start the class' }).click()
  await expect(owls.locator('.class-timer')).toHaveText(/^Time left: (2:00|1:[0-5]\d)$/)

  await teacher.getByRole('button', { name: 'Pause' }).click()
  await expect(owls.locator('.class-phase')).toHaveText('The teacher has paused the class.')
  await expect(owls.locator('.class-timer')).toHaveText(/^Paused with (2:00|1:[0-5]\d) left$/)
  // The orders stand still while paused: the planning part of the page takes no input.
  await expect(owls.locator('.class-body')).toHaveJSProperty('inert', true)
  await teacher.getByRole('button', { name: 'Resume' }).click()
  await teacher.getByRole('button', { name: 'Extend the timer by 5 minutes' }).click()
  await expect(owls.locator('.class-timer')).toHaveText(/^Time left: (7:00|6:[0-5]\d)$/)

  await teacher.getByLabel('Inject an event').selectOption({ label: 'Warships around Japan' })
  await expect(teacher.locator('#inject-description')).toContainText('Chinese and Russian warships sail together around Japan')
  await teacher.getByRole('button', { name: 'Inject', exact: true }).click()
  await expect(teacher.getByRole('list', { name: 'Events queued for the next turn' })).toContainText('Warships around Japan (next turn)')
  await addAction(owls, 'grave-concern')
  await teacher.getByRole('button', { name: 'End the turn now' }).click()
  // The computer's powers may put joint proposals to Japan: Owls decline them.
  await expect(owls.locator('.class-phase').or(heading(owls).filter({ hasText: / report/ }))).toHaveText(/answering|report/)
  await answerProposals(owls)
  await expect(heading(owls)).toHaveText(/^Turn 1 report/)
  await expect(owls.locator('main')).toContainText('Warships around Japan')
  await owls.getByRole('button', { name: 'Next turn' }).click()
  await expect(heading(owls)).toHaveText(/^Turn 2 of /)

  await teacher.getByRole('button', { name: 'Roll back the last turn' }).click()
  await teacher.getByRole('dialog').getByRole('button', { name: 'Roll back' }).click()
  await expect(heading(owls)).toHaveText(/^Turn 1 of /)
  await expect(teacher.locator('.class-timeline')).toContainText('No turn has been played yet.')
  expect(errors).toEqual([])
  await Promise.all(contexts.map((context) => context.close()))
})

test('the join screen and the teacher’s console have no axe violations', async ({ page }) => {
  await page.goto(`${server.url}/?renderer=canvas`)
  await page.getByRole('button', { name: 'Join a class' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Join a class' })).toBeVisible()
  await scanA11y(page, 'join a class')

  await makeClass(
    page,
    [
      ['Dragons', 'CHN'],
      ['Eagles', 'USA'],
    ],
    2,
  )
  await expect(page.locator('.team-line')).toHaveCount(2)
  await scanA11y(page, 'teacher’s console')
  const code = (await page.locator('.class-code-big').innerText()).trim()

  // A refused join: the browser logs the 404 of an unknown code as a console error, so not on the watched page.
  const student = await page.context().newPage()
  await student.goto(`${server.url}/?class=${code}&renderer=canvas`)
  await student.getByLabel('Your team’s name').fill('Sharks')
  await student.getByRole('button', { name: 'Join' }).click()
  await expect(student.locator('#join-error')).toHaveText('That class has no team of that name. Check the spelling, or ask the teacher.')
  await scanA11y(student, 'join a class (an error)')
  await student.getByLabel('Class code').fill('ZZZZZZ')
  await student.getByRole('button', { name: 'Join' }).click()
  await expect(student.locator('#join-error')).toHaveText('There is no class with that code. Check the code on the teacher’s screen.')
  await student.close()
})
