// The server of `npm run web` on a real folder and a real port (issue 10, finding 6): it serves only real
// paths inside its root (a link out of it is "Not found"), and answers only requests addressed to its loopback
// name and port (a DNS-rebinding page sends its own name as Host and gets 421).
import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseEncoding } from '../../src/launch/web-compression.mjs'
import { CONTENT_SECURITY_POLICY, createWebServer, isAllowedHost } from '../../src/launch/web-server.mjs'

let dir: string
let server: ReturnType<typeof createWebServer>
let port: number

/** A request with exactly this Host header (fetch would set its own). */
function get(path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string; type: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, body, type: res.headers['content-type'] }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** The raw response to a request with this Accept-Encoding (none when undefined). */
function getRaw(
  path: string,
  acceptEncoding?: string,
  method = 'GET',
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${port}` }
    if (acceptEncoding !== undefined) headers['accept-encoding'] = acceptEncoding
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

function decoded(response: { headers: IncomingHttpHeaders; body: Buffer }): string {
  const encoding = response.headers['content-encoding']
  const bytes = encoding === 'br' ? brotliDecompressSync(response.body) : encoding === 'gzip' ? gunzipSync(response.body) : response.body
  return bytes.toString('utf8')
}

const SCRIPT = `export const text = ${JSON.stringify('Red Lines '.repeat(400))}\n`

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rl-web-'))
  const root = join(dir, 'web')
  const outside = join(dir, 'outside')
  await mkdir(join(root, 'assets'), { recursive: true })
  await mkdir(outside)
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Red Lines</title>')
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(root, 'assets', 'big.js'), SCRIPT)
  await writeFile(join(root, 'assets', 'picture.png'), Buffer.alloc(4000, 7))
  // The build's copies: current ones for built.js, stale ones (older than the file) for stale.js, and a link
  // out of the folder in place of a copy for linked.js.
  await writeFile(join(root, 'assets', 'built.js'), SCRIPT)
  await writeFile(join(root, 'assets', 'built.js.br'), brotliCompressSync("// the build's brotli copy\n"))
  await writeFile(join(root, 'assets', 'built.js.gz'), gzipSync("// the build's gzip copy\n"))
  await writeFile(join(root, 'assets', 'stale.js'), SCRIPT)
  await writeFile(join(root, 'assets', 'stale.js.br'), brotliCompressSync('// an old build\n'))
  const past = new Date(Date.now() - 3_600_000)
  await utimes(join(root, 'assets', 'stale.js.br'), past, past)
  await writeFile(join(root, 'assets', 'linked.js'), SCRIPT)
  await writeFile(join(outside, 'linked.js.br'), brotliCompressSync('SECRET'))
  await symlink(join(outside, 'linked.js.br'), join(root, 'assets', 'linked.js.br'))
  await writeFile(join(outside, 'secret.txt'), 'SECRET')
  await symlink(join(outside, 'secret.txt'), join(root, 'leak.txt'))
  await symlink(outside, join(root, 'linked'))
  // A link that stays inside the root is served: the rule is about where a path really is.
  await symlink(join(root, 'assets', 'app.js'), join(root, 'alias.js'))
  server = createWebServer(root)
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise((done) => server.close(done))
  await rm(dir, { recursive: true, force: true })
})

describe('npm run web: files', () => {
  it('serves the files inside its folder', async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: '<!doctype html><title>Red Lines</title>' })
    expect(await get('/assets/app.js')).toMatchObject({ status: 200, body: 'console.log(1)' })
    expect(await get('/alias.js')).toMatchObject({ status: 200, body: 'console.log(1)' })
  })

  it('does not follow a link out of its folder, to a file or through a folder', async () => {
    for (const path of ['/leak.txt', '/linked/secret.txt', '/../outside/secret.txt', '/%2e%2e/outside/secret.txt']) {
      const result = await get(path)
      expect(result.status, path).toBe(404)
      expect(result.body, path).not.toContain('SECRET')
    }
  })
})

describe('npm run web: the Host header', () => {
  it('answers its loopback names at its port', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`])
      expect((await get('/', host)).status, host).toBe(200)
  })

  it('refuses any other name or port with 421 and a plain message (DNS rebinding)', async () => {
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1:${port + 1}`,
      'localhost',
      `localhost.:${port}`,
      `127.0.0.2:${port}`,
    ]) {
      const result = await get('/', host)
      expect(result.status, host).toBe(421)
      expect(result.type).toBe('text/plain; charset=utf-8')
      expect(result.body).toMatch(/^Misdirected request: this server answers only at http:\/\/127\.0\.0\.1:\d+\//)
      expect(result.body).not.toContain('Red Lines</title>')
    }
  })

  it('the rule on its own', () => {
    expect(isAllowedHost('127.0.0.1:4173', 4173)).toBe(true)
    expect(isAllowedHost(undefined, 4173)).toBe(false)
    expect(isAllowedHost('localhost', 80)).toBe(true)
    expect(isAllowedHost('localhost:80', 80)).toBe(true)
    expect(isAllowedHost('attacker.test:4173', 4173)).toBe(false)
  })
})

describe('npm run web: compression', () => {
  it('sends brotli or gzip as accepted, with Content-Encoding, Vary and the security headers, decoding to the file', async () => {
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.5, gzip;q=0.8', 'gzip'],
      ['*', 'br'],
    ] as const) {
      const response = await getRaw('/assets/big.js', accept)
      expect(response.status, accept).toBe(200)
      expect(response.headers['content-encoding'], accept).toBe(encoding)
      expect(response.headers.vary, accept).toBe('Accept-Encoding')
      expect(Number(response.headers['content-length']), accept).toBe(response.body.length)
      expect(response.body.length, accept).toBeLessThan(SCRIPT.length / 4)
      expect(response.headers['content-type'], accept).toBe('text/javascript; charset=utf-8')
      expect(response.headers['content-security-policy'], accept).toBe(CONTENT_SECURITY_POLICY)
      expect(response.headers['x-content-type-options'], accept).toBe('nosniff')
      expect(decoded(response), accept).toBe(SCRIPT)
    }
  })

  it('sends the file as it is when no encoding is accepted, still saying that it varies', async () => {
    for (const accept of [undefined, '', 'identity', 'gzip;q=0, br;q=0', 'deflate', '*;q=0']) {
      const response = await getRaw('/assets/big.js', accept)
      expect(response.headers['content-encoding'], String(accept)).toBeUndefined()
      expect(response.headers.vary, String(accept)).toBe('Accept-Encoding')
      expect(response.body.toString('utf8'), String(accept)).toBe(SCRIPT)
    }
  })

  it('compresses the page itself, and answers HEAD with the headers of GET and no body', async () => {
    const page = await getRaw('/', 'gzip')
    expect(page.headers['content-encoding']).toBe('gzip')
    expect(decoded(page)).toBe('<!doctype html><title>Red Lines</title>')
    const head = await getRaw('/assets/big.js', 'br', 'HEAD')
    const get = await getRaw('/assets/big.js', 'br')
    expect(head.body.length).toBe(0)
    expect(head.headers['content-encoding']).toBe('br')
    expect(head.headers['content-length']).toBe(get.headers['content-length'])
  })

  it("sends the build's compressed copies when they are current, and compresses the file itself when they are older", async () => {
    expect(decoded(await getRaw('/assets/built.js', 'br'))).toBe("// the build's brotli copy\n")
    expect(decoded(await getRaw('/assets/built.js', 'gzip'))).toBe("// the build's gzip copy\n")
    expect(decoded(await getRaw('/assets/stale.js', 'br'))).toBe(SCRIPT)
  })

  it('never sends a copy that is a link out of the folder', async () => {
    const response = await getRaw('/assets/linked.js', 'br')
    expect(response.headers['content-encoding']).toBe('br')
    expect(decoded(response)).toBe(SCRIPT)
  })

  it('leaves images as they are, without Vary', async () => {
    const response = await getRaw('/assets/picture.png', 'gzip, br')
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.headers.vary).toBeUndefined()
    expect(response.body.equals(Buffer.alloc(4000, 7))).toBe(true)
  })

  it('reads Accept-Encoding with its weights', () => {
    expect(chooseEncoding(undefined)).toBeNull()
    expect(chooseEncoding('gzip, deflate, br')).toBe('br')
    expect(chooseEncoding('GZIP')).toBe('gzip')
    expect(chooseEncoding('br;q=0.2, gzip;q=0.9')).toBe('gzip')
    expect(chooseEncoding('br;q=0, gzip;q=0')).toBeNull()
    expect(chooseEncoding('*;q=0.5, br;q=0')).toBe('gzip')
    expect(chooseEncoding('gzip;q=nonsense')).toBeNull()
    expect(chooseEncoding('identity, deflate')).toBeNull()
  })
})
