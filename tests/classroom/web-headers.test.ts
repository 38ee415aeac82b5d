// `npm run web` and the class server serve the same browser edition: each file with the same Content-Type
// and every answer with the same security headers (src/classroom/web-headers.mjs); the class server's policy
// differs only in allowing WebSockets to itself.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClassServer } from '../../src/classroom/server.ts'
import { startClassServer } from '../../src/classroom/server.ts'
import { MIME_TYPES } from '../../src/classroom/web-headers.mjs'
import { createWebServer } from '../../src/launch/web-server.mjs'

let dir: string
let web: ReturnType<typeof createWebServer>
let webPort: number
let classServer: ClassServer

/** A file of every type the build holds, one of a type it does not, and the page. */
const FILES = [...Object.keys(MIME_TYPES).map((extension) => `file${extension}`), 'data.bin', 'index.html']

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rl-web-headers-'))
  const webRoot = join(dir, 'web')
  await mkdir(webRoot)
  for (const name of FILES) await writeFile(join(webRoot, name), `contents of ${name}\n`)
  web = createWebServer(webRoot)
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve))
  webPort = (web.address() as AddressInfo).port
  classServer = await startClassServer({ port: 0, dataDir: join(dir, 'data'), webRoot, report: () => {} })
})

afterAll(async () => {
  await new Promise((resolve) => web?.close(resolve))
  await classServer?.close()
  await rm(dir, { recursive: true, force: true })
})

/** The headers of GET `path` from the server on `port`, addressed to it by its loopback name. */
function headersOf(port: number, path: string): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host: `127.0.0.1:${port}` } }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** A policy's directives by name. */
function directives(policy: string | string[] | undefined): Map<string, string> {
  expect(typeof policy, 'one Content-Security-Policy header').toBe('string')
  return new Map(
    String(policy)
      .split(';')
      .map((directive) => {
        const [name, ...values] = directive.trim().split(/\s+/)
        return [name, values.join(' ')]
      }),
  )
}

describe('the two servers of the browser edition', () => {
  it.each(FILES)('send %s with the same Content-Type', async (name) => {
    const [fromWeb, fromClass] = await Promise.all([headersOf(webPort, `/${name}`), headersOf(classServer.port, `/${name}`)])
    expect([fromWeb.status, fromClass.status]).toEqual([200, 200])
    const extension = name.slice(name.lastIndexOf('.'))
    expect(fromWeb.headers['content-type']).toBe(MIME_TYPES[extension] ?? 'application/octet-stream')
    expect(fromClass.headers['content-type']).toBe(fromWeb.headers['content-type'])
  })

  it('send the same security headers, the class server allowing WebSockets to itself besides', async () => {
    const [fromWeb, fromClass] = await Promise.all([headersOf(webPort, '/index.html'), headersOf(classServer.port, '/index.html')])
    for (const header of ['x-content-type-options', 'referrer-policy']) {
      expect(fromWeb.headers[header], header).toBeDefined()
      expect(fromClass.headers[header], header).toBe(fromWeb.headers[header])
    }
    const webPolicy = directives(fromWeb.headers['content-security-policy'])
    const classPolicy = directives(fromClass.headers['content-security-policy'])
    expect([...classPolicy.keys()]).toEqual([...webPolicy.keys()])
    for (const [name, values] of webPolicy) {
      const expected = name === 'connect-src' ? `${values} ws://127.0.0.1:${classServer.port}` : values
      expect(classPolicy.get(name), name).toBe(expected)
    }
    expect(webPolicy.get('connect-src')).toBe("'self'")
  })
})
