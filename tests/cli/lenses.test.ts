// Lenses: the shipped readings of Pin Pricks load with no diagnostics, and `--lens` finds them by id, name or
// short name on simulate, batch, claims and dilemma (a real `redlines` process for one of each).
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { loadScenario } from '../../src/engine/scenario/index.ts'
import { captureOutput } from '../support/capture.ts'
import { folderFiles } from '../support/extension-fixtures.ts'
import { ROOT } from '../support/scenarios.ts'

const BASE = 'scenarios/pin-pricks-2021'
const LENSES = ['pin-pricks-values', 'pin-pricks-interests', 'pin-pricks-one-threat']

async function run(...args: string[]) {
  const out = captureOutput()
  const code = await main(args, out)
  return { code, ...out }
}

/** The real command, as a user runs it. */
function redlines(...args: string[]) {
  const result = spawnSync(process.execPath, ['src/cli/redlines.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // An empty folder of the user's own scenarios, so that none of this machine's lenses are listed.
    env: { ...process.env, REDLINES_USER_DATA_DIR: mkdtempSync(join(tmpdir(), 'redlines-lens-user-')) },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const savedUserData = process.env.REDLINES_USER_DATA_DIR
beforeEach(() => {
  process.env.REDLINES_USER_DATA_DIR = mkdtempSync(join(tmpdir(), 'redlines-lens-user-'))
})
afterEach(() => {
  if (savedUserData === undefined) delete process.env.REDLINES_USER_DATA_DIR
  else process.env.REDLINES_USER_DATA_DIR = savedUserData
})

describe('the shipped lenses', () => {
  it.each(LENSES)('%s loads with no diagnostics, declares its reading and extends Pin Pricks', (folder) => {
    const loaded = loadScenario(folderFiles(join(ROOT, 'scenarios', folder)), {
      resolveBase: (id) =>
        id === 'pin-pricks-2021' ? { files: folderFiles(join(ROOT, BASE)), location: '../pin-pricks-2021' } : undefined,
    })
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'))
    expect(loaded.diagnostics).toEqual([])
    expect(loaded.bases.map((base) => base.id)).toEqual(['pin-pricks-2021'])
    expect(loaded.scenario.lens?.name).toBeTruthy()
    expect(loaded.scenario.lens?.citations.length).toBeGreaterThan(0)
  })

  it('validate says which scenario a lens reads', async () => {
    const result = await run('validate', 'scenarios/pin-pricks-values')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      'scenarios/pin-pricks-values: lens of pin-pricks-2021: Values (Gould-Davies): China and Russia align because both regimes are hostile to liberal democratic values: the partnership runs deep whatever the West does, and Western acts add little to it.',
    )
    expect(result.stdout.filter((line) => line.includes('warning') || line.includes('error'))).toEqual([])
  })

  it('a wrong lens quote is an error at the lens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redlines-lens-'))
    cpSync(join(ROOT, BASE), join(dir, 'pin-pricks-2021'), { recursive: true })
    mkdirSync(join(dir, 'mine'))
    const lens = {
      name: 'Mine',
      reading: 'My reading.',
      citations: [{ source: 'blocs-2021', paragraph: 12, quote: 'shared love of democracy' }],
    }
    writeFileSync(
      join(dir, 'mine', 'scenario.json'),
      JSON.stringify({
        formatVersion: 2,
        id: 'mine',
        title: 'Mine',
        version: '1.0.0',
        description: '',
        extends: { id: 'pin-pricks-2021', version: '^1.0.0' },
        lens,
      }),
    )
    const result = await run('validate', join(dir, 'mine'))
    expect(result.code).toBe(1)
    expect(
      result.stdout.some((line) => line.includes('quote not found in paragraph 12') && line.endsWith('[/lens/citations/0/quote]')),
    ).toBe(true)
  })
})

describe('--lens', () => {
  it('simulate plays the lens named by its short name', () => {
    const result = redlines('simulate', '--scenario', BASE, '--lens', 'values', '--turns', '1', '--seed', '3')
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')[0]).toBe('Pin Pricks: Values (pin-pricks-values 1.0.0), seed 3, 1 turns, computer: normal')
  })

  it('simulate with the lens is the lens folder itself, byte for byte', async () => {
    const viaLens = await run('simulate', '--scenario', BASE, '--lens', 'Interests (Lo, Gabuev)', '--turns', '2', '--json')
    const direct = await run('simulate', '--scenario', 'scenarios/pin-pricks-interests', '--turns', '2', '--json')
    expect(viaLens.code).toBe(0)
    expect(JSON.parse(viaLens.stdout[0]).scenario.id).toBe('pin-pricks-interests')
    expect(viaLens.stdout).toEqual(direct.stdout)
  })

  it('"default" and the base\'s own id are the scenario itself', async () => {
    for (const name of ['default', 'pin-pricks-2021']) {
      const result = await run('simulate', '--scenario', BASE, '--lens', name, '--turns', '1')
      expect(result.code).toBe(0)
      expect(result.stdout[0]).toMatch(/^Pin Pricks \(pin-pricks-2021 /)
    }
  })

  it('batch runs the lens', () => {
    const result = redlines('batch', '--scenario', BASE, '--lens', 'interests', '--runs', '2', '--turns', '2', '--workers', '1', '--json')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout).scenario.id).toBe('pin-pricks-interests')
  })

  it('claims tests the lens, its own claim included', () => {
    const result = redlines(
      'claims',
      '--scenario',
      BASE,
      '--lens',
      'pin-pricks-values',
      '--runs',
      '4',
      '--claim',
      'values-hold-without-pressure',
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Pin Pricks: Values: claims tested with 4 paired seeds/)
    expect(result.stdout).toMatch(/^HOLDS {2}values-hold-without-pressure: /m)
  })

  it('dilemma accepts it', async () => {
    const result = await run('dilemma', '--scenario', BASE, '--lens', 'one-threat', '--runs', '1', '--turns', '1', '--json')
    expect(result.code).toBe(0)
    expect(result.stdout).toHaveLength(1)
  })

  it('an unknown lens is one line listing the lenses, exit 2', () => {
    const result = redlines('simulate', '--scenario', BASE, '--lens', 'marxist')
    expect(result.code).toBe(2)
    const [first] = result.stderr.split('\n')
    expect(first).toBe(
      'redlines: --lens: no lens of pin-pricks-2021 is called "marxist" (lenses: default "Reaction (Bochkov)", pin-pricks-interests "Interests (Lo, Gabuev)", pin-pricks-one-threat "One threat (Stoltenberg)", pin-pricks-values "Values (Gould-Davies)")',
    )
    expect(result.stdout).toBe('')
  })

  it("finds a lens in the user's scenarios folder", async () => {
    const userData = mkdtempSync(join(tmpdir(), 'redlines-lens-user-'))
    process.env.REDLINES_USER_DATA_DIR = userData
    const folder = join(userData, 'scenarios', 'my-reading')
    mkdirSync(folder, { recursive: true })
    const lens = {
      name: 'Mine',
      reading: 'My reading.',
      citations: [{ source: 'blocs-2021', paragraph: 19, quote: 'There is no grand conspiracy against the West' }],
    }
    writeFileSync(
      join(folder, 'scenario.json'),
      JSON.stringify({
        formatVersion: 2,
        id: 'my-reading',
        title: 'My reading',
        version: '1.0.0',
        description: '',
        extends: { id: 'pin-pricks-2021', version: '^1.0.0' },
        lens,
      }),
    )
    const result = await run('simulate', '--scenario', BASE, '--lens', 'mine', '--turns', '1')
    expect(result.code).toBe(0)
    expect(result.stdout[0]).toMatch(/^My reading \(my-reading 1\.0\.0\)/)
  })
})
