// The debrief in the browser edition: a short game played to its end, the debrief opened from the end
// screen with every section, a quote checked against the article on disk, no axe violations, a print
// view without buttons, CSV with a byte-order mark, a what-if played beside the real timeline, and two
// saved games of one seed compared from the Load list.
import { readFileSync } from 'node:fs'
import { scanA11y } from './axe.ts'
import {
  addAffordableAction,
  endTurn,
  expect,
  fold,
  leaveReport,
  openTitle,
  readStoredSave,
  sourceTexts,
  startGame,
  test,
  writeStoredSave,
} from './fixtures.ts'
import type { Page } from './fixtures.ts'

const SECTIONS = [
  'Outcome',
  'Timeline of pin pricks and incidents',
  'Red lines: tested, held, crossed',
  'Objectives met',
  'Rationales',
  'Every consequence, with its passage',
  'The scenario’s claims in this game',
  'Questions for discussion',
  'What if…',
]

/** Plays a game of `turns` turns to the end screen, the United States taking a preferred affordable action. */
async function playToTheEnd(page: Page, seed: number, turns: number, prefer: string[]): Promise<void> {
  await startGame(page, { seed, turns })
  for (let turn = 1; ; turn++) {
    expect(turn).toBeLessThanOrEqual(turns)
    await addAffordableAction(page, prefer)
    await endTurn(page, 'Decline')
    if ((await leaveReport(page)) === 'end') return
  }
}

async function downloadText(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: button }).click()
  const file = await download
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) }
}

test('the debrief of a finished game: every section, verified quotes, axe, print, exports and a what-if', async ({ page }) => {
  test.setTimeout(120_000)
  await openTitle(page)
  await playToTheEnd(page, 5, 3, ['sanctions', 'grave-concern'])
  await page.getByRole('button', { name: 'Debrief' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Debrief: Pin Pricks')
  await expect(page.locator('.debrief-setup')).toContainText('Seed 5 · 3 of 3 turns played · played by people: United States')
  for (const name of SECTIONS) await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible()
  await expect(page.locator('#debrief-timeline table tbody tr')).toHaveCount(3)
  await expect(page.locator('#debrief-rationales')).toContainText('No rationale was written in this game.')
  await expect(page.locator('#debrief-questions ol.questions > li').first()).toBeVisible()

  // A quote of the consequences, checked against the article read from disk.
  const passages = page.locator('#debrief-consequences .passage')
  expect(await passages.count()).toBeGreaterThan(5)
  await expect(page.locator('.passage[data-verified="false"]')).toHaveCount(0)
  const first = passages.first()
  const quote = (await first.locator('blockquote').innerText()).replace(/^“|”$/g, '')
  const paragraph = Number(/paragraph (\d+)/.exec(await first.locator('.verified').innerText())![1])
  const article = sourceTexts()[0]
    .text.split(/\r?\n/)
    .filter((line) => line.trim() !== '')
  expect(fold(article[paragraph - 1]).includes(fold(quote)), `“${quote}” is in paragraph ${paragraph}`).toBe(true)

  // One turn's consequences open on demand, as a table with its caption.
  await page.locator('#debrief-consequences details summary').first().click()
  await expect(page.getByRole('table', { name: /^Turn 1: every cause/ })).toBeVisible()
  await scanA11y(page, 'debrief')

  // Paper: no buttons, no navigation, no form; black on white; the sections stay.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'Export timeline (CSV)' })).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Sections of the debrief' })).toBeHidden()
  await expect(page.locator('.what-if-form')).toBeHidden()
  await expect(page.getByRole('heading', { level: 2, name: 'Questions for discussion' })).toBeVisible()
  const colours = await page.evaluate(() => {
    const style = (globalThis as unknown as { getComputedStyle(e: unknown): { color: string; backgroundColor: string } }).getComputedStyle
    const doc = (globalThis as unknown as { document: { body: unknown } }).document
    return { color: style(doc.body).color, background: style(doc.body).backgroundColor }
  })
  expect(colours).toEqual({ color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)' })
  await page.emulateMedia({ media: 'screen' })

  // Exports: CSV with a byte-order mark (so "→" shows), JSON with the whole debrief.
  const csv = await downloadText(page, 'Export timeline (CSV)')
  expect(csv.name).toBe('red-lines-debrief-pin-pricks-2021-seed-5-timeline.csv')
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(csv.bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe(
    'turn,date,rung,event,actors,targets,cause,theatre,severity,chance,description',
  )
  const consequences = await downloadText(page, 'Export consequences (CSV)')
  expect([...consequences.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const json = JSON.parse((await downloadText(page, 'Export debrief (JSON)')).bytes.toString('utf8'))
  expect(json.format).toBe('red-lines-debrief')
  expect(json.timeline).toHaveLength(3)

  // What if the United States had passed in turn 2?
  await page.getByLabel('From turn').selectOption('2')
  await page.getByLabel('Role', { exact: true }).selectOption('USA')
  await page.getByRole('button', { name: 'Play' }).click()
  const result = page.locator('.what-if-result')
  await expect(result.getByRole('heading', { level: 3 })).toHaveText('From turn 2: United States passes')
  await expect(result.locator('.first-difference')).toHaveText(/^First difference: the decisions from turn 2, the world from turn 2\.$/)
  const rows = page.getByRole('table', { name: 'The two timelines side by side' }).locator('tbody tr')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0)).toContainText('same')
  await expect(rows.nth(1)).toContainText('(first difference)')

  // And with a rule switched off from turn 1.
  await page.getByLabel('From turn').selectOption('1')
  await page.getByLabel('A rule switched off').check()
  await page.getByLabel('Rule to switch off').selectOption('tension-cooling')
  await page.getByRole('button', { name: 'Play' }).click()
  await expect(result.getByRole('heading', { level: 3 })).toHaveText('From turn 1: without “Tension cools”')
  await expect(result.locator('.first-difference')).toHaveText('First difference: the world from turn 1.')
  await scanA11y(page, 'debrief with a what-if')

  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.locator('#app')).toHaveAttribute('data-screen', 'end')
})

test('two saved games of one seed compared from the Load list, and a save’s debrief', async ({ page }) => {
  test.setTimeout(150_000)
  await openTitle(page)
  await playToTheEnd(page, 9, 2, ['sanctions'])
  const first = await readStoredSave(page, 'autosave')
  expect(first).not.toBeNull()
  await writeStoredSave(page, { ...first!, slot: 'group-a' })
  await page.getByRole('button', { name: 'Main menu' }).click()
  await playToTheEnd(page, 9, 2, ['grave-concern'])
  await page.getByRole('button', { name: 'Main menu' }).click()

  await page.getByRole('button', { name: 'Load game' }).click()
  await page.getByRole('checkbox', { name: 'Compare group-a' }).check()
  await page.getByRole('checkbox', { name: 'Compare autosave' }).check()
  await page.getByRole('button', { name: 'Compare the chosen games' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare groups: Pin Pricks')
  await expect(page.locator('.first-divergence')).toHaveText(
    'The first turn whose decisions differ: turn 1. The first turn after which the world differs: turn 1.',
  )
  await expect(page.getByRole('table', { name: 'Endings, the world at the end and scores' })).toBeVisible()
  await expect(page.locator('.rule-differences > li').first()).toBeVisible()
  await expect(page.getByRole('table', { name: 'The two timelines, turn by turn' }).locator('tbody tr')).toHaveCount(2)
  await scanA11y(page, 'compare groups')

  await page.getByRole('button', { name: 'Back' }).click()
  await page.getByRole('button', { name: 'Debrief group-a' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Debrief: Pin Pricks')
  await expect(page.locator('.debrief-setup')).toContainText('Save “Autosave”')
  await expect(page.locator('#debrief-timeline table tbody tr')).toHaveCount(2)
})
