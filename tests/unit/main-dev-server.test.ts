// `npm run dev`: the window may load electron-vite's dev server, but only on loopback, and then only
// that server (and its hot-reload socket) counts as our page.
import { afterEach, describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, entryUrl, isAllowedRequestUrl, isAppUrl, useDevServer } from '../../src/main/app-url.ts'

afterEach(() => void useDevServer(null))

describe('the dev server in development', () => {
  it('is used for a loopback http address, which becomes the entry page and a trusted page', () => {
    expect(useDevServer('http://localhost:5173')).toBe(true)
    expect(entryUrl()).toBe('http://localhost:5173/')
    expect(isAppUrl('http://localhost:5173/index.html')).toBe(true)
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.ts')).toBe(true)
    expect(isAllowedRequestUrl('ws://localhost:5173/')).toBe(true)
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true)
  })

  it('trusts nothing else: other ports, hosts, credentials', () => {
    useDevServer('http://127.0.0.1:5173')
    expect(isAppUrl('http://127.0.0.1:5174/')).toBe(false)
    expect(isAppUrl('http://evil.example:5173/')).toBe(false)
    expect(isAppUrl('http://user@127.0.0.1:5173/')).toBe(false)
    expect(isAllowedRequestUrl('https://example.com/')).toBe(false)
  })

  it.each(['http://example.com:5173', 'https://localhost:5173', 'file:///tmp/index.html', 'not a url', ''])(
    'refuses %s and keeps the bundle',
    (url) => {
      expect(useDevServer(url)).toBe(false)
      expect(entryUrl()).toBe(APP_ENTRY_URL)
      expect(isAllowedRequestUrl('http://localhost:5173/')).toBe(false)
    },
  )
})
