// Nothing outside a scenario's folder is read by the command, as in the desktop edition: a `sources/` folder
// or a source file that is a link (to anywhere) is refused with a line naming the path and why
// (issue 10, finding 2).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { captureOutput } from '../support/capture.ts'

const SCENARIO = 'scenarios/pin-pricks-2021'
const SOURCE = 'sources/china-russia-blocs-2021-11-25.txt'

async function run(...args: string[]) {
  const out = captureOutput()
  const code = await main(args, out)
  return { code, ...out }
}

const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix))

const savedUserData = process.env.REDLINES_USER_DATA_DIR
beforeEach(() => {
  process.env.REDLINES_USER_DATA_DIR = tempDir('redlines-contain-user-')
})
afterEach(() => {
  if (savedUserData === undefined) delete process.env.REDLINES_USER_DATA_DIR
  else process.env.REDLINES_USER_DATA_DIR = savedUserData
})

/** A copy of the shipped scenario whose sources/ folder lives elsewhere, reached through a link. */
function scenarioWithLinkedSources(): { folder: string; outside: string } {
  const parent = tempDir('redlines-contain-')
  const folder = join(parent, 'copy')
  cpSync(SCENARIO, folder, { recursive: true })
  const outside = tempDir('redlines-outside-')
  renameSync(join(folder, 'sources'), join(outside, 'sources'))
  symlinkSync(join(outside, 'sources'), join(folder, 'sources'))
  return { folder, outside }
}

describe('a scenario whose sources lie outside its folder', () => {
  it('validate refuses a linked sources/ folder, naming the path and why, with exit 1', async () => {
    const { folder } = scenarioWithLinkedSources()
    const result = await run('validate', folder)
    expect(result.code).toBe(1)
    const refused = result.stdout.filter((line) => line.includes('not read'))
    expect(refused).toEqual([expect.stringContaining(join(folder, SOURCE))])
    expect(refused[0]).toMatch(/sources is a link/)
    expect(refused[0]).toMatch(/outside the scenario folder|only files inside the scenario folder are read/)
  })

  it('evidence --json prints nothing of a file reached through a link out of the folder', async () => {
    const { folder, outside } = scenarioWithLinkedSources()
    // What a probe would read: a file outside, here the source with one more paragraph, so the scenario stays valid.
    const text = join(outside, 'sources', 'china-russia-blocs-2021-11-25.txt')
    writeFileSync(text, `${readFileSync(text, 'utf8').trimEnd()}\nSECRET-OUTSIDE-TEXT\n`)
    const result = await run('evidence', folder, '--json')
    expect(result.code).toBe(1)
    expect([...result.stdout, ...result.stderr].join('\n')).not.toContain('SECRET-OUTSIDE-TEXT')
    expect(result.stderr.join('\n')).toMatch(/not read/)
  })

  it('a source file that is itself a link out of the folder is refused too', async () => {
    const parent = tempDir('redlines-contain-')
    const folder = join(parent, 'copy')
    cpSync(SCENARIO, folder, { recursive: true })
    const outside = join(tempDir('redlines-outside-'), 'text.txt')
    writeFileSync(outside, readFileSync(join(folder, SOURCE)))
    const linked = join(folder, SOURCE)
    renameSync(linked, `${linked}.moved`)
    symlinkSync(outside, linked)
    const result = await run('validate', folder)
    expect(result.code).toBe(1)
    const refused = result.stdout.filter((line) => line.includes('not read'))
    expect(refused).toHaveLength(1)
    expect(refused[0]).toContain(linked)
    expect(refused[0]).toMatch(/is a link/)
  })

  it('a scenario whose own sources are plain files inside its folder still validates', async () => {
    const parent = tempDir('redlines-contain-')
    const folder = join(parent, 'copy')
    cpSync(SCENARIO, folder, { recursive: true })
    mkdirSync(join(folder, 'sources', 'unused'))
    const result = await run('validate', folder)
    expect(result.stdout.filter((line) => line.includes('not read'))).toEqual([])
    expect(result.code).toBe(0)
  })
})
