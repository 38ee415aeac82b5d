import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeUtf8, encodeUtf8, findLoneSurrogate, utf8Length } from '../../src/engine/ingest/utf8.ts'

const bytes = (...values: number[]) => new Uint8Array(values)

function errorOf(input: Uint8Array) {
  const result = decodeUtf8(input)
  if (result.ok) throw new Error('expected a decoding error')
  return result.error
}

describe('decodeUtf8', () => {
  it('decodes one-, two-, three- and four-byte characters', () => {
    expect(decodeUtf8(bytes(0x41, 0xc3, 0xa9, 0xe2, 0x80, 0x9c, 0xf0, 0x9f, 0x98, 0x80))).toEqual({ ok: true, text: 'Aé“😀' })
    expect(decodeUtf8(bytes())).toEqual({ ok: true, text: '' })
  })

  it('strips a leading byte order mark, and only a leading one', () => {
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d))).toEqual({ ok: true, text: '{}' })
    expect(decodeUtf8(bytes(0x20, 0xef, 0xbb, 0xbf))).toEqual({ ok: true, text: ' \uFEFF' })
  })

  it.each([
    ['a lone continuation byte', bytes(0x41, 0x80), 1, 'unexpected continuation byte 0x80'],
    ['an overlong two-byte form', bytes(0xc0, 0xaf), 0, 'overlong encoding (byte 0xC0)'],
    ['an overlong three-byte form', bytes(0xe0, 0x80, 0xaf), 0, 'overlong encoding of U+002F'],
    ['an overlong four-byte form', bytes(0xf0, 0x80, 0x80, 0xaf), 0, 'overlong encoding of U+002F'],
    ['an encoded surrogate', bytes(0xed, 0xa0, 0x80), 0, 'encoded surrogate U+D800'],
    ['a code point above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0, 'code point above U+10FFFF'],
    ['a byte that never appears', bytes(0x41, 0x42, 0xff), 2, 'byte 0xFF never appears in UTF-8'],
    ['a sequence cut by the end of the file', bytes(0x41, 0xe2, 0x80), 1, 'truncated sequence (byte 0xE2 at the end of the file)'],
    [
      'a sequence cut by another character',
      bytes(0xe2, 0x41, 0x42),
      0,
      'truncated sequence (byte 0xE2 is not followed by enough continuation bytes)',
    ],
  ])('rejects %s', (_, input, offset, message) => {
    const error = errorOf(input)
    expect(error.offset).toBe(offset)
    expect(error.message).toBe(`invalid UTF-8 at byte ${offset}: ${message}`)
  })

  it('reports the line and the column (in characters) of the first invalid byte', () => {
    const text = encodeUtf8('{\n  "name": "é😀x')
    const input = new Uint8Array([...text, 0xff, 0x0a])
    expect(errorOf(input)).toMatchObject({ offset: text.length, line: 2, column: 15 })
    expect(errorOf(bytes(0x0d, 0x0a, 0x0d, 0x41, 0x80))).toMatchObject({ offset: 4, line: 3, column: 2 })
  })

  it('agrees with a fatal TextDecoder on arbitrary bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true })
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        let expected: string | null
        try {
          expected = decoder.decode(input)
        } catch {
          expected = null
        }
        const result = decodeUtf8(input)
        expect(result.ok ? result.text : null).toBe(expected)
      }),
      { numRuns: 2000 },
    )
  })

  it('round-trips any well-formed string through encodeUtf8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (text) => {
        const encoded = encodeUtf8(text)
        expect(Buffer.from(encoded).equals(Buffer.from(text, 'utf8'))).toBe(true)
        expect(utf8Length(text)).toBe(encoded.length)
        if (!text.startsWith('\uFEFF')) expect(decodeUtf8(encoded)).toEqual({ ok: true, text })
      }),
    )
  })

  it('decodes five megabytes quickly', () => {
    const input = new Uint8Array(5 * 1024 * 1024).fill(0x61)
    const started = performance.now()
    expect(decodeUtf8(input).ok).toBe(true)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('encodeUtf8 and findLoneSurrogate', () => {
  it('encodes an unpaired surrogate as U+FFFD', () => {
    expect([...encodeUtf8('a\uD800b')]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62])
    expect(utf8Length('a\uD800b')).toBe(5)
  })

  it('finds the first unpaired surrogate with its position', () => {
    expect(findLoneSurrogate('ok 😀\nfine')).toBeNull()
    expect(findLoneSurrogate('ab\n😀c\uDC00')).toEqual({
      offset: 6,
      line: 2,
      column: 3,
      message: 'invalid text: unpaired surrogate U+DC00 has no UTF-8 form',
    })
    expect(findLoneSurrogate('\uD83D')).toMatchObject({ offset: 0, line: 1, column: 1 })
  })
})
