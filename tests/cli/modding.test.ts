// The modding side of `redlines`: extensions found among sibling and user folders, provenance, evidence,
// paths, the generated documentation, the shipped extension's effect, and --watch with real files.
import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { desktopPaths } from '../../src/cli/user-paths.ts'
import { userDataLayout } from '../../src/main/paths.ts'
import { computeEvidence, loadScenario } from '../../src/engine/scenario/index.ts'
import { captureOutput } from '../support/capture.ts'
import { folderFiles } from '../support/extension-fixtures.ts'
import { ROOT } from '../support/scenarios.ts'

const BASE = 'scenarios/pin-pricks-2021'
const LENS = 'scenarios/pin-pricks-one-threat'

async function run(...args: string[]) {
  const out = captureOutput()
  const code = await main(args, out)
  return { code, ...out }
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'redlines-modding-'))

const savedUserData = process.env.REDLINES_USER_DATA_DIR
afterEach(() => {
  if (savedUserData === undefined) delete process.env.REDLINES_USER_DATA_DIR
  else process.env.REDLINES_USER_DATA_DIR = savedUserData
})

/** An extension of Pin Pricks written in the test. */
function writeExtension(folder: string, changes: Record<string, unknown>): void {
  mkdirSync(folder, { recursive: true })
  const document = {
    formatVersion: 2,
    id: 'my-lens',
    title: 'My lens',
    version: '1.0.0',
    description: '',
    extends: { id: 'pin-pricks-2021', version: '^1.0.0' },
    ...changes,
  }
  writeFileSync(join(folder, 'scenario.json'), JSON.stringify(document, null, 2))
}

describe('redlines validate with extensions', () => {
  it('finds the shipped base next to the shipped extension and says what the extension changes', async () => {
    const result = await run('validate', LENS)
    expect(result.code).toBe(0)
    expect(result.stdout[0]).toBe(
      `${LENS}: extends pin-pricks-2021 1.2.1 (${BASE}/scenario.json): 10 items overridden, 2 added, 6 removed, 0 in replaced sections (--provenance lists every item)`,
    )
    expect(result.stdout).toContain(`  removed     action "differentiated-engagement"     by ${LENS}/scenario.json:20:17`)
    expect(
      result.stdout.some((line) =>
        /^ {2}added {7}rule "unified-toolbox" +scenarios\/pin-pricks-one-threat\/scenario\.json:\d+:\d+$/.test(line),
      ),
    ).toBe(true)
    expect(result.stderr).toEqual([`${LENS}: valid (pin-pricks-one-threat 1.1.0)`])
  })

  it('with --provenance, says where every item comes from', async () => {
    const result = await run('validate', '--provenance', LENS)
    const loaded = loadScenario(folderFiles(join(ROOT, LENS)), {
      resolveBase: () => ({ files: folderFiles(join(ROOT, BASE)), location: '../pin-pricks-2021' }),
    })
    if (!loaded.ok) throw new Error('the extension should load')
    const itemLines = result.stdout.filter((line) => /^ {2}(inherited|overridden|added|replaced|own|removed) /.test(line))
    expect(itemLines).toHaveLength(loaded.provenance.length + loaded.removed.length)
    expect(itemLines.filter((line) => line.startsWith('  inherited ')).every((line) => line.includes(`${BASE}/scenario.json:`))).toBe(true)
    const own = await run('validate', '--provenance', BASE)
    expect(own.stdout[0]).toBe(`${BASE}: every item is written in its own file`)
  })

  it('names both files when an extension overrides what the base does not have', async () => {
    const dir = tempDir()
    cpSync(join(ROOT, BASE), join(dir, 'pin-pricks-2021'), { recursive: true })
    writeExtension(join(dir, 'my-lens'), { override: { actions: [{ id: 'sanction', cost: 1 }] } })
    const result = await run('validate', join(dir, 'my-lens'))
    expect(result.code).toBe(1)
    // The base's list of actions, where the error points: the line of its "actions" key.
    const baseLines = readFileSync(join(dir, 'pin-pricks-2021', 'scenario.json'), 'utf8').split('\n')
    const actionsLine = baseLines.findIndex((line) => line.startsWith('  "actions": [')) + 1
    expect(result.stdout).toEqual([
      `${join(dir, 'my-lens')}/scenario.json:14:15: error: cannot override action "sanction": the base "pin-pricks-2021" has no such action [/override/actions/0/id] (see ${join(dir, 'pin-pricks-2021')}/scenario.json:${actionsLine}:14 [/actions]) hint: did you mean "sanctions"?`,
    ])
  })

  it("finds a base in the user's own scenarios folder", async () => {
    const userData = tempDir()
    process.env.REDLINES_USER_DATA_DIR = userData
    cpSync(join(ROOT, BASE), join(userData, 'scenarios', 'pin-pricks-2021'), { recursive: true })
    const elsewhere = join(tempDir(), 'my-lens')
    writeExtension(elsewhere, { override: { turns: { default: 6 } } })
    const result = await run('validate', elsewhere)
    expect(result.code).toBe(0)
    expect(result.stdout[0]).toContain(`extends pin-pricks-2021 1.2.1 (${join(userData, 'scenarios', 'pin-pricks-2021')}/scenario.json)`)
    const simulated = await run('simulate', '--scenario', elsewhere, '--json')
    expect(JSON.parse(simulated.stdout[0]).turns).toHaveLength(6)
  })

  it('reads the source files an extension adds, from its own folder', async () => {
    const dir = tempDir()
    cpSync(join(ROOT, BASE), join(dir, 'pin-pricks-2021'), { recursive: true })
    mkdirSync(join(dir, 'my-lens', 'sources'), { recursive: true })
    writeFileSync(join(dir, 'my-lens', 'sources', 'note.txt'), 'A note\n\nBoth capitals keep a hotline open for emergencies.\n')
    const note = { id: 'note', title: 'A note', date: '2025-01-01', file: 'sources/note.txt' }
    const hotline = {
      id: 'hotline',
      name: 'Hotline',
      description: 'Call the other capital.',
      actors: ['USA', 'CHN'],
      targets: { from: ['USA', 'CHN'], min: 1, max: 1 },
      cost: 1,
      tags: ['diplomatic', 'de-escalation'],
      pinPrick: false,
      effects: [{ variable: 'tension', between: ['actor', 'targets'], delta: -0.05 }],
      citations: [{ source: 'note', paragraph: 2, quote: 'keep a hotline open for emergencies' }],
    }
    writeExtension(join(dir, 'my-lens'), { add: { sources: [note], actions: [hotline] } })
    const result = await run('validate', join(dir, 'my-lens'))
    expect(result.stdout.filter((line) => line.includes('error'))).toEqual([])
    expect(result.code).toBe(0)
    expect(
      result.stdout.some(
        (line) => line.startsWith('  added       source "note" ') && line.includes(`${join(dir, 'my-lens')}/scenario.json:`),
      ),
    ).toBe(true)
    const evidence = JSON.parse((await run('evidence', join(dir, 'my-lens'), '--json')).stdout[0])
    expect(evidence.sources.map((source: { id: string }) => source.id)).toEqual(['blocs-2021', 'note'])
    expect(evidence.sources[1].paragraphs[1].citedBy[0].label).toBe('action "hotline"')
  })

  it('reports a missing base with the nearest id', async () => {
    const dir = tempDir()
    writeExtension(join(dir, 'my-lens'), { extends: { id: 'pin-pricks-2012', version: '1.x' } })
    cpSync(join(ROOT, BASE), join(dir, 'pin-pricks-2021'), { recursive: true })
    const result = await run('validate', join(dir, 'my-lens'))
    expect(result.stdout).toEqual([
      `${join(dir, 'my-lens')}/scenario.json:8:11: error: base scenario "pin-pricks-2012" was not found [/extends/id] hint: did you mean "pin-pricks-2021"?`,
    ])
  })
})

describe('the shipped extension, played', () => {
  it('simulates', async () => {
    const result = await run('simulate', '--scenario', LENS, '--seed', '2', '--turns', '3', '--json')
    expect(result.code).toBe(0)
    const doc = JSON.parse(result.stdout[0])
    expect(doc.scenario.id).toBe('pin-pricks-one-threat')
    expect(doc.turns).toHaveLength(3)
  })

  it('moves the batch results the way its lens says: closer China–Russia sooner, more incidents, clashes and rigid blocs', async () => {
    const batch = async (scenario: string, turns: string, runs: string) => {
      const result = await run('batch', '--scenario', scenario, '--runs', runs, '--seed', '1', '--turns', turns, '--workers', '2', '--json')
      expect(result.code).toBe(0)
      return JSON.parse(result.stdout[0])
    }
    const [baseEarly, lensEarly] = [await batch(BASE, '1', '24'), await batch(LENS, '1', '24')]
    expect(lensEarly.meanPairAlignment).toBeGreaterThan(baseEarly.meanPairAlignment + 0.03)
    const [base, lens] = [await batch(BASE, '12', '96'), await batch(LENS, '12', '96')]
    expect(lens.meanIncidents).toBeGreaterThan(base.meanIncidents)
    expect(lens.outcomes.armedClash).toBeGreaterThan(base.outcomes.armedClash)
    expect(lens.outcomes.rigidBlocs).toBeGreaterThan(base.outcomes.rigidBlocs)
  })
})

describe('redlines evidence', () => {
  it('prints the shares and each paragraph with what cites it', async () => {
    const result = await run('evidence', 'scenarios/tutorial')
    expect(result.code).toBe(0)
    expect(result.stdout[0]).toBe('Evidence for Tutorial: the Grey Strait (tutorial 1.2.0)')
    expect(result.stdout).toContain('  kind            items   number grounded in the text   mechanism cited, number assumed      assumed')
    expect(result.stdout).toContain('  actions             5                      5 (100%)                          0 (  0%)     0 (  0%)')
    expect(
      result.stdout.some(
        (line) => line.startsWith('¶2   This short text was written for the Red Lines tutorial.') && line.endsWith('— not cited'),
      ),
    ).toBe(true)
    const seventh = result.stdout.findIndex((line) => line.startsWith('¶7 '))
    expect(result.stdout[seventh + 1]).toMatch(/^ {7}rule "pressure-binds-partners": "pressure on one partner/)
  })

  it("prints the engine's numbers as JSON with --json", async () => {
    const result = await run('evidence', LENS, '--json')
    const loaded = loadScenario(folderFiles(join(ROOT, LENS)), {
      resolveBase: () => ({ files: folderFiles(join(ROOT, BASE)), location: '../pin-pricks-2021' }),
    })
    if (!loaded.ok) throw new Error('the extension should load')
    expect(JSON.parse(result.stdout[0])).toEqual(computeEvidence(loaded.scenario, loaded.sources))
  })

  it('keeps the --json fields of before and adds the three-way split, what overall counts and the injects', async () => {
    const result = await run('evidence', 'tests/fixtures/scenarios/grounded-numbers', '--json')
    expect(result.code).toBe(0)
    const evidence = JSON.parse(result.stdout[0])
    expect(Object.keys(evidence)).toEqual(['scenario', 'sources', 'shares', 'overall', 'overallCategories', 'injects'])
    expect(evidence.injects).toEqual([])
    expect(evidence.overallCategories).toEqual([
      'action',
      'rule',
      'parameter',
      'computer-weight',
      'actor',
      'turn-settings',
      'starting-value',
    ])
    const actors = evidence.shares.find((share: { category: string }) => share.category === 'actor')
    expect(actors).toEqual({
      category: 'actor',
      total: 3,
      citedOnly: 1,
      citedWithAssumption: 1,
      assumptionOnly: 1,
      ungrounded: 0,
      textShare: 2 / 3,
      assumptionShare: 1 / 3,
      numberGroundedShare: 1 / 3,
      mechanismCitedShare: 1 / 3,
    })
    expect(evidence.shares.slice(0, 7).map((share: { category: string }) => share.category)).toEqual([
      'action',
      'rule',
      'parameter',
      'starting-value',
      'static-value',
      'rung',
      'objective',
    ])
  })

  it('needs exactly one scenario', async () => {
    expect((await run('evidence')).code).toBe(2)
  })
})

describe('redlines paths', () => {
  it('computes the desktop folders as Electron does, on every system', () => {
    const linux = desktopPaths({ platform: 'linux', env: {}, home: '/home/ada' })
    expect(linux).toMatchObject({
      userData: '/home/ada/.config/Red Lines',
      scenarios: '/home/ada/.config/Red Lines/scenarios',
      origin: '~/.config',
    })
    expect(desktopPaths({ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, home: '/home/ada' }).userData).toBe('/cfg/Red Lines')
    expect(desktopPaths({ platform: 'linux', env: { XDG_CONFIG_HOME: 'relative' }, home: '/home/ada' }).userData).toBe(
      '/home/ada/.config/Red Lines',
    )
    expect(desktopPaths({ platform: 'darwin', env: {}, home: '/Users/ada' }).saves).toBe(
      '/Users/ada/Library/Application Support/Red Lines/saves',
    )
    const windows = desktopPaths({ platform: 'win32', env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, home: 'C:\\Users\\ada' })
    expect(windows.settings).toBe('C:\\Users\\ada\\AppData\\Roaming\\Red Lines\\settings.json')
    expect(desktopPaths({ platform: 'win32', env: {}, home: 'C:\\Users\\ada' }).exports).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Red Lines\\exports',
    )
  })

  it("agrees with the desktop edition's own layout", () => {
    const paths = desktopPaths({ platform: 'linux', env: {}, home: '/home/ada' })
    const layout = userDataLayout(paths.userData)
    expect([paths.scenarios, paths.saves, paths.settings, paths.exports, paths.rules]).toEqual([
      layout.scenariosDir,
      layout.savesDir,
      layout.settingsFile,
      layout.exportsDir,
      layout.rulesDir,
    ])
  })

  it('prints them, readable or as JSON', async () => {
    const dir = tempDir()
    process.env.REDLINES_USER_DATA_DIR = dir
    const readable = await run('paths')
    expect(readable.code).toBe(0)
    expect(readable.stdout[0]).toBe('Red Lines desktop edition, user data folder (from REDLINES_USER_DATA_DIR):')
    expect(readable.stdout[2]).toBe(`  scenarios   ${join(dir, 'scenarios')}  (not created yet)   your own scenarios, one folder each`)
    const json = JSON.parse((await run('paths', '--json')).stdout[0])
    expect(json).toEqual({
      userData: dir,
      scenarios: join(dir, 'scenarios'),
      saves: join(dir, 'saves'),
      settings: join(dir, 'settings.json'),
      exports: join(dir, 'exports'),
      rules: join(dir, 'rules'),
      from: 'REDLINES_USER_DATA_DIR',
    })
  })
})

describe('redlines docs', () => {
  it('finds scenarios/MODDING.md current, and a stale copy stale', async () => {
    expect((await run('docs', '--check', 'scenarios/MODDING.md')).code).toBe(0)
    const dir = tempDir()
    const stale = join(dir, 'MODDING.md')
    writeFileSync(stale, readFileSync('scenarios/MODDING.md', 'utf8').replace('| `json-syntax` |', '| `json-syntaxx` |'))
    const checked = await run('docs', '--check', stale)
    expect(checked.code).toBe(1)
    expect(checked.stderr).toEqual([`redlines: ${stale} is stale: run "redlines docs --write ${stale}"`])
    expect((await run('docs', '--write', stale)).code).toBe(0)
    expect(readFileSync(stale, 'utf8')).toBe(readFileSync('scenarios/MODDING.md', 'utf8'))
  })

  it('refuses a file without the generated sections', async () => {
    const file = join(tempDir(), 'empty.md')
    writeFileSync(file, '# nothing here\n')
    const result = await run('docs', '--write', file)
    expect(result.code).toBe(1)
    expect(result.stderr[0]).toMatch(/has no generated section "field-reference", "diagnostics"/)
  })
})

describe('redlines validate --watch', () => {
  it('prints new diagnostics on every save, also of a source and also when the editor saves by rename, and stops on Ctrl+C', async () => {
    const dir = join(tempDir(), 'minimal')
    cpSync(join(ROOT, 'tests/fixtures/scenarios/minimal'), dir, { recursive: true })
    const file = join(dir, 'scenario.json')
    const good = readFileSync(file, 'utf8')
    const child = spawn(process.execPath, ['src/cli/redlines.mjs', 'validate', '--watch', dir], { cwd: ROOT })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    let seen = 0
    const next = async (pattern: RegExp): Promise<string> => {
      const started = Date.now()
      for (;;) {
        const rest = output.slice(seen)
        const match = pattern.exec(rest)
        if (match) {
          seen += match.index + match[0].length
          return rest.slice(0, match.index + match[0].length)
        }
        if (Date.now() - started > 15_000) throw new Error(`timed out waiting for ${pattern}; output so far:\n${output}`)
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    }
    try {
      expect(await next(/valid \(minimal 1\.0\.0\)\n.*watching for changes/)).toMatch(/: checking\n/)
      writeFileSync(file, good.replace('"id": "ALD",', '"id": "ALD", "colour": "red",'))
      expect(await next(/watching for changes/)).toContain(`${dir}/scenario.json:17:20: error: unknown key "colour" [/actors/0/colour]`)
      // An editor that writes a new file and renames it over the old one.
      writeFileSync(join(dir, '.scenario.json.tmp'), good)
      renameSync(join(dir, '.scenario.json.tmp'), file)
      expect(await next(/watching for changes/)).toMatch(/: valid \(minimal 1\.0\.0\)/)
      const source = join(dir, 'sources', 'text.txt')
      writeFileSync(source, readFileSync(source, 'utf8').replace('heightened alert', 'high alert'))
      expect(await next(/watching for changes/)).toMatch(/error: quote not found in paragraph 3 of source "straits-account"/)
      child.kill('SIGINT')
      expect(await exited).toBe(0)
      expect(output).toMatch(/stopped watching\n$/)
    } finally {
      child.kill('SIGKILL')
    }
  })
})
