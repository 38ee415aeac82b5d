// The server of `npm run web` on a real folder and a real port (issue 10, finding 6): it serves only real
// paths inside its root (a link out of it is "Not found"), and answers only requests addressed to its loopback
// name and port (a DNS-rebinding page sends its own name as Host and gets 421).
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWebServer, isAllowedHost } from '../../src/launch/web-server.mjs'

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

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rl-web-'))
  const root = join(dir, 'web')
  const outside = join(dir, 'outside')
  await mkdir(join(root, 'assets'), { recursive: true })
  await mkdir(outside)
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Red Lines</title>')
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)')
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
