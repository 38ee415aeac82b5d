// CONTRIBUTING.md and the README name files and scripts: every one of them must exist, so the guides
// never send a contributor to something that is gone.
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts

describe.each(['.github/CONTRIBUTING.md', 'README.md'])('%s', (guide) => {
  const text = readFileSync(guide, 'utf8')

  it('names only files and folders that exist', () => {
    const paths = [...text.matchAll(/`((?:src|tests|scenarios|resources)\/[^`\s*<>…]+?)`/g)].map((match) => match[1].replace(/[),.]+$/, ''))
    expect(paths.length).toBeGreaterThan(0)
    expect(paths.filter((path) => !existsSync(path))).toEqual([])
  })

  it('names only npm scripts that exist', () => {
    const named = [...text.matchAll(/npm run ([a-z0-9:-]+)/g)].map((match) => match[1])
    expect(named.length).toBeGreaterThan(0)
    expect([...new Set(named)].filter((name) => !(name in scripts))).toEqual([])
  })
})
