// Static gates over the source: patterns that are never allowed, and the engine's purity.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|mts|mjs|js)$/.test(entry.name) ? [path] : []
  })
}

const BANNED = [
  /\beval\(/,
  /new Function\(/,
  /\.innerHTML\s*=/,
  /insertAdjacentHTML/,
  /document\.write\(/,
  /sandbox:\s*false/,
  /nodeIntegration:\s*true/,
  /contextIsolation:\s*false/,
  /webSecurity:\s*false/,
  /webviewTag:\s*true/,
  /allowRunningInsecureContent:\s*true/,
  /\.outerHTML\s*=/,
  /\bloadFile\(/,
  /['"`]file:\/\//,
]

describe('static gates', () => {
  it('no source file uses eval, new Function, HTML injection or a weakened window', () => {
    const hits = sourceFiles('src').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, k) => (BANNED.some((pattern) => pattern.test(line)) ? [`${file}:${k + 1}: ${line.trim()}`] : [])),
    )
    expect(hits).toEqual([])
  })

  it('the engine imports only itself, zod and immer, and never reads the clock or Math.random', () => {
    const problems: string[] = []
    for (const file of sourceFiles('src/engine')) {
      const text = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
        .join('\n')
      for (const match of text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)) {
        const target = match[1]
        if (!target.startsWith('.') && target !== 'zod' && target !== 'immer') problems.push(`${file}: imports ${target}`)
      }
      if (/\bMath\.random\b|\bDate\.now\b|\bnew Date\(|\bperformance\.now\b/.test(text))
        problems.push(`${file}: reads the clock or Math.random`)
      if (/\b(window|document|localStorage|process)\./.test(text)) problems.push(`${file}: touches the DOM or the process`)
    }
    expect(problems).toEqual([])
  })
})

/** The layers each layer may import from (by relative path); a layer always may import itself. */
const LAYER_IMPORTS: Record<string, readonly string[]> = {
  engine: [],
  shared: ['engine'],
  preload: ['shared'],
  main: ['shared', 'classroom'],
  renderer: ['engine', 'shared'],
  cli: ['engine', 'shared'],
  classroom: ['engine', 'shared', 'cli'],
  launch: ['classroom'],
}

describe('layers', () => {
  it('every relative import stays within its layer or goes to a layer it may use', () => {
    const problems: string[] = []
    for (const file of sourceFiles('src')) {
      const layer = relative('src', file).split(sep)[0]
      const allowed = LAYER_IMPORTS[layer]
      if (!allowed) {
        problems.push(`${file}: in a folder of src/ that is not a known layer`)
        continue
      }
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.[^'"]*)['"]/g)) {
        const target = relative('src', resolve(dirname(file), match[1])).split(sep)[0]
        if (target !== layer && !allowed.includes(target)) problems.push(`${file}: imports ${match[1]} (layer ${target})`)
      }
    }
    expect(problems).toEqual([])
  })

  it('the layer check sees a relative import across layers', () => {
    const file = join('src', 'preload', 'index.ts')
    const line = "import { HOST_CHANNELS } from '../main/channels.ts'"
    const [match] = line.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.[^'"]*)['"]/g)
    expect(relative('src', resolve(dirname(file), match[1])).split(sep)[0]).toBe('main')
  })
})

describe('every layer is type-checked', () => {
  it.each([
    ['src/renderer/tsconfig.json', 'src/renderer/main.ts'],
    ['src/engine/tsconfig.json', 'src/engine/turn.ts'],
    ['src/main/tsconfig.json', 'src/main/index.ts'],
  ])('%s covers its own files', (config, file) => {
    const listed = execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', config, '--listFilesOnly'], {
      encoding: 'utf8',
    })
    expect(listed.split('\n').some((line) => line.endsWith(file))).toBe(true)
  })
})
