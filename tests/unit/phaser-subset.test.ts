// The builds put src/renderer/map/phaser-subset.js in place of 'phaser' (only what the map uses). The types
// come from the whole package, so nothing but this test notices a `Phaser.X` the subset does not export.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : []
  })
}

const subset = readFileSync('src/renderer/map/phaser-subset.js', 'utf8')
const exported = new Set(
  [...subset.matchAll(/^export (?:const \{([^}]+)\}|const (\w+)|\{([^}]+)\})/gm)].flatMap((match) =>
    (match[1] ?? match[2] ?? match[3]).split(',').map((name) => name.trim()),
  ),
)

describe('the Phaser subset', () => {
  it('exports every Phaser.X the renderer names', () => {
    const named = new Set<string>()
    for (const file of sourceFiles('src/renderer')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bPhaser\.([A-Za-z]+)/g)) named.add(match[1])
    }
    expect(named.size).toBeGreaterThan(5)
    expect([...named].filter((name) => !exported.has(name)).sort()).toEqual([])
  })

  it('reads the exports it checks against', () => {
    for (const name of ['Game', 'Scene', 'CANVAS', 'WEBGL', 'Scale', 'Scenes', 'Core', 'GameObjects', 'Textures'])
      expect(exported).toContain(name)
  })
})
