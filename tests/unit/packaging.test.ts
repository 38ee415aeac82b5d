// The packaged build's configuration (package.json "build", read by electron-builder): it cannot be run here
// without the Electron binary, so the configuration itself is checked — targets, files, extra resources,
// fuses, icons — and that the app's own paths resolve inside the layout electron-builder produces.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appLocations } from '../../src/main/paths.ts'

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  scripts: Record<string, string>
  build: {
    files: string[]
    extraResources: { from: string; to: string }[]
    asar: boolean
    electronFuses: Record<string, boolean>
    linux: { target: string[]; icon: string }
    win: { target: string[]; icon: string }
    mac: { target: string[]; icon: string }
  }
}
const build = pkg.build

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file)
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** A minimal glob match for electron-builder's `files` patterns as used here ("dir/**", "name", "!**\/*.ext"). */
function included(file: string): boolean {
  let keep = false
  for (const pattern of build.files) {
    const negated = pattern.startsWith('!')
    const body = negated ? pattern.slice(1) : pattern
    const source = body
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*\//g, '\u0001')
      .replace(/\*\*/g, '\u0002')
      .replace(/\*/g, '[^/]*')
      .replace(/\u0001/g, '(?:.*/)?')
      .replace(/\u0002/g, '.*')
    const regex = new RegExp(`^${source}$`)
    if (regex.test(file)) keep = !negated
  }
  return keep
}

describe('installers', () => {
  it('builds AppImage and deb, NSIS and dmg', () => {
    expect(build.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']))
    expect(build.win.target).toContain('nsis')
    expect(build.mac.target).toContain('dmg')
  })

  it('has an app icon of at least 512 × 512 for every platform, drawn from resources/icon.svg', () => {
    for (const platform of [build.linux, build.win, build.mac]) {
      const size = pngSize(platform.icon)
      expect(platform.icon.startsWith('resources/')).toBe(true)
      expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(512)
    }
    expect(readFileSync('resources/icon.svg', 'utf8')).toMatch(/<svg[^>]*viewBox="0 0 1024 1024"/)
  })

  it('packs the built app and nothing of the sources, and the shipped scenarios as extra resources', () => {
    expect(included('out/main/index.js')).toBe(true)
    expect(included('out/preload/index.cjs')).toBe(true)
    expect(included('out/renderer/index.html')).toBe(true)
    expect(included('package.json')).toBe(true)
    expect(included('out/main/index.js.map')).toBe(false)
    expect(included('src/main/index.ts')).toBe(false)
    expect(included('tests/unit/packaging.test.ts')).toBe(false)
    expect(included(pkg.main.replace(/^\.\//, ''))).toBe(true)
    expect(build.extraResources).toContainEqual(expect.objectContaining({ from: 'scenarios', to: 'scenarios' }))
    expect(build.asar).toBe(true)
  })

  it('flips the fuses: no running as Node, no NODE_OPTIONS or --inspect; cookie encryption and ASAR integrity on', () => {
    expect(build.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })

  it('finds its files inside the packaged layout: the app in resources/app.asar, the scenarios beside it', () => {
    const resources = mkdtempSync(join(tmpdir(), 'redlines-packaged-'))
    const mainDir = join(resources, 'app.asar', 'out', 'main')
    const locations = appLocations(mainDir, { resourcesPath: resources })
    const inAsar = (path: string) => relative(join(resources, 'app.asar'), path).split('\\').join('/')
    expect(included(inAsar(locations.preloadFile))).toBe(true)
    expect(included(`${inAsar(locations.rendererDir)}/index.html`)).toBe(true)
    expect(locations.shippedScenariosDir).toBe(join(resources, build.extraResources[0].to))
  })
})

describe('dependencies', () => {
  const bundledIntoRenderer = ['phaser', 'world-atlas', 'uplot', 'd3-geo', 'topojson-client', '@colyseus/sdk', 'lean-qr']

  it('what Vite bundles into the renderer is not shipped as a runtime dependency', () => {
    for (const name of bundledIntoRenderer) {
      expect(pkg.dependencies[name], name).toBeUndefined()
      expect(pkg.devDependencies[name], name).toBeDefined()
    }
  })

  it('every package the main process, preload or shared code imports is a runtime dependency', () => {
    const files = ['src/main', 'src/preload', 'src/shared'].flatMap((dir) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
        .map((entry) => join(entry.parentPath, entry.name)),
    )
    const missing = new Set<string>()
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/^\s*import\s[^'"]*['"]([^'"./][^'"]*)['"]/gm)) {
        const target = match[1]
        if (target.startsWith('node:') || target === 'electron') continue
        const name = target.startsWith('@') ? target.split('/').slice(0, 2).join('/') : target.split('/')[0]
        if (!pkg.dependencies[name]) missing.add(`${file}: ${name}`)
      }
    }
    expect([...missing]).toEqual([])
  })
})

describe('npm run dist', () => {
  it('fails with one clear line where the Electron binary is absent', () => {
    const empty = mkdtempSync(join(tmpdir(), 'redlines-no-electron-'))
    mkdirSync(join(empty, 'dist'))
    writeFileSync(join(empty, 'README'), 'no binary here')
    const result = spawnSync(process.execPath, ['src/launch/dist.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(empty, 'dist') },
    })
    expect(result.status).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^npm run dist: the Electron binary is not on this machine/)
    expect(pkg.scripts.dist).toBe('node src/launch/dist.mjs')
  })
})
