// The command hashes scenarios with Node's SHA-256 (LoadOptions.sha256) instead of the engine's own: the
// digest, the key of saves and kept rules, must be the same, for files given as bytes or as text, and for an
// extension and its bases.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkScenarioOnDisk } from '../../src/cli/load-from-disk.ts'
import { nativeSha256 } from '../../src/cli/native-hash.ts'
import { loadScenario } from '../../src/engine/scenario/index.ts'
import type { LoadOptions, ScenarioFiles } from '../../src/engine/scenario/index.ts'

function filesOf(folder: string, asText = false): ScenarioFiles {
  const read = (path: string) => (asText ? readFileSync(path, 'utf8') : new Uint8Array(readFileSync(path)))
  const files: Record<string, string | Uint8Array> = { 'scenario.json': read(join(folder, 'scenario.json')) }
  for (const name of readdirSync(join(folder, 'sources'))) files[`sources/${name}`] = read(join(folder, 'sources', name))
  return files
}

function hashOf(files: ScenarioFiles, options: LoadOptions = {}): string {
  const result = loadScenario(files, options)
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'))
  return result.hash
}

describe("the scenario hash with Node's SHA-256", () => {
  it.each(['scenarios/pin-pricks-2021', 'scenarios/tutorial', 'tests/fixtures/scenarios/minimal'])('is the engine’s for %s', (folder) => {
    const engine = hashOf(filesOf(folder))
    expect(hashOf(filesOf(folder), { sha256: nativeSha256 })).toBe(engine)
    expect(hashOf(filesOf(folder, true), { sha256: nativeSha256 })).toBe(engine)
  })

  it('is the engine’s for an extension and its bases', async () => {
    const checked = await checkScenarioOnDisk('scenarios/pin-pricks-values')
    expect(checked.result.ok).toBe(true)
    const bases = new Map([...checked.bases.bases].map(([id, base]) => [id, { files: base.files, location: base.folder }]))
    expect(checked.result.ok && checked.result.hash).toBe(hashOf(checked.disk.files, { resolveBase: (id) => bases.get(id) }))
  })

  it('is the one the hasher given makes', () => {
    const fake = () => ({ update: () => undefined, digestHex: () => 'made by the host' })
    expect(hashOf(filesOf('tests/fixtures/scenarios/minimal'), { sha256: fake })).toBe('made by the host')
  })
})
