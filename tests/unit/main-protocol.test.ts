// app://bundle/ resolution and serving: traversal in every spelling is refused (not repaired), normal paths
// resolve inside the renderer folder, and every response carries the CSP and the right MIME type.
import fc from 'fast-check'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, isAbsolute } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  handleBundleRequest,
  mimeTypeFor,
  registerBundleProtocol,
  resolveBundlePath,
} from '../../src/main/protocol.ts'

const root = '/srv/app/out/renderer'

describe('resolveBundlePath rejects', () => {
  it.each([
    ['a dot-dot segment', 'app://bundle/../secret.txt'],
    ['a dot-dot in the middle', 'app://bundle/assets/../../secret.txt'],
    ['a single dot segment', 'app://bundle/./index.html'],
    ['encoded dots', 'app://bundle/%2e%2e/secret.txt'],
    ['mixed-case encoded dots', 'app://bundle/%2E%2e/secret.txt'],
    ['half-encoded dots', 'app://bundle/.%2e/secret.txt'],
    ['an encoded slash', 'app://bundle/..%2fsecret.txt'],
    ['an encoded slash inside a name', 'app://bundle/assets%2Findex.js'],
    ['an encoded backslash', 'app://bundle/%5c..%5csecret.txt'],
    ['a backslash', 'app://bundle/assets\\..\\..\\secret.txt'],
    ['double encoding', 'app://bundle/%252e%252e/secret.txt'],
    ['an encoded NUL', 'app://bundle/index.html%00.png'],
    ['a raw NUL', 'app://bundle/index.html\u0000.png'],
    ['an absolute path (empty segment)', 'app://bundle//etc/passwd'],
    ['a drive letter', 'app://bundle/C:/Windows/win.ini'],
    ['a malformed escape', 'app://bundle/%E0%A4%A.js'],
    ['another host', 'app://other/index.html'],
    ['a look-alike host', 'app://bundle.evil/index.html'],
    ['credentials', 'app://evil@bundle/index.html'],
    ['a port', 'app://bundle:8080/index.html'],
    ['file://', 'file:///etc/passwd'],
    ['https', 'https://bundle/index.html'],
    ['no slash after the host', 'app://bundle'],
    ['an opaque app: URL', 'app:bundle/index.html'],
  ])('%s: %j', (_name, url) => {
    expect(resolveBundlePath(url, root)).toMatchObject({ ok: false })
  })
})

describe('resolveBundlePath resolves', () => {
  it.each([
    ['app://bundle/index.html', 'index.html'],
    ['app://bundle/', 'index.html'],
    ['app://bundle/assets/', 'assets/index.html'],
    ['app://bundle/assets/index-B1a_x.js', 'assets/index-B1a_x.js'],
    ['app://bundle/assets/index.js?v=3#top', 'assets/index.js'],
    ['app://bundle/maps/My%20Map.json', 'maps/My Map.json'],
    ['app://bundle/fonts/%C3%A9t%C3%A9.woff2', 'fonts/été.woff2'],
    ['app://bundle/%E2%80%A4%E2%80%A4/x.js', '\u2024\u2024/x.js'],
  ])('%j → %j inside the root', (url, inside) => {
    expect(resolveBundlePath(url, root)).toEqual({ ok: true, path: join(root, inside) })
  })

  it('never yields a path outside the root, whatever the segments', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '%2f', '%5c', '\\', '', '%00', '%252e', 'C:', '~', '%', '%%32%65'),
      fc.webSegment(),
      fc.string({ maxLength: 6 }),
    )
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const result = resolveBundlePath(`app://bundle/${segments.join('/')}`, root)
        if (result.ok) {
          const inside = relative(root, result.path)
          expect(inside.startsWith('..') || isAbsolute(inside) || inside === '').toBe(false)
        }
      }),
      { numRuns: 2000 },
    )
  })
})

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name, values] as const
    }),
  )

  it('is the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    )
  })

  it("allows scripts only from 'self', and nothing anywhere from the network or eval", () => {
    expect(directives.get('script-src')).toEqual(["'self'"])
    for (const [name, values] of directives) {
      expect(values, name).not.toContain("'unsafe-eval'")
      expect(values, name).not.toContain('*')
      expect(
        values.some((v) => /^(https?|wss?):/.test(v)),
        name,
      ).toBe(false)
    }
    expect(directives.get('object-src')).toEqual(["'none'"])
  })

  it('the scheme is privileged without bypassing CSP or opening CORS', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app')
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true })
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP')
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('corsEnabled')
  })
})

describe('MIME types', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.MJS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['a.ogg', 'audio/ogg'],
    ['noext', 'application/octet-stream'],
    ['a.exe', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type)
  })
})

describe('serving files', () => {
  let dir: string
  let bundle: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rl-protocol-'))
    bundle = join(dir, 'renderer')
    await mkdir(join(bundle, 'assets'), { recursive: true })
    await writeFile(join(bundle, 'index.html'), '<!doctype html><title>Red Lines</title>')
    await writeFile(join(bundle, 'assets', 'index-abc.js'), 'console.log(1)')
    await writeFile(join(dir, 'secret.txt'), 'secret')
    await symlink(join(dir, 'secret.txt'), join(bundle, 'assets', 'leak.js'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const get = (url: string, method = 'GET') => handleBundleRequest({ url, method }, bundle)

  it('serves index.html with the CSP header, the MIME type and nosniff', async () => {
    const response = await get('app://bundle/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('<title>Red Lines</title>')
  })

  it('serves a script as JavaScript', async () => {
    const response = await get('app://bundle/assets/index-abc.js')
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await response.text()).toBe('console.log(1)')
  })

  it('refuses a symlink leading out of the bundle, a folder, a missing file and traversal, all with the CSP', async () => {
    for (const [url, status] of [
      ['app://bundle/assets/leak.js', 404],
      ['app://bundle/assets', 404],
      ['app://bundle/nothing.js', 404],
      ['app://bundle/%2e%2e/secret.txt', 400],
      ['app://elsewhere/index.html', 403],
    ] as const) {
      const response = await get(url)
      expect(response.status, url).toBe(status)
      expect(await response.text(), url).not.toContain('secret')
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY)
    }
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://bundle/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    expect((await get('app://bundle/index.html', 'POST')).status).toBe(405)
  })

  it('registers one handler for the app scheme', async () => {
    const handle = vi.fn()
    registerBundleProtocol({ handle }, bundle)
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function))
    const response: Response = await handle.mock.calls[0][1](new Request('app://bundle/index.html'))
    expect(response.status).toBe(200)
  })
})
