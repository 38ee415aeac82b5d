import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Sha256, sha256Hex } from '../../src/engine/hash.ts'

const reference = (input: string | Uint8Array) => createHash('sha256').update(input).digest('hex')

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
    ['The quick brown fox jumps over the lazy dog', 'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592'],
  ])('hashes the FIPS 180 / well-known vector %j', (input, expected) => {
    expect(sha256Hex(input)).toBe(expected)
    expect(sha256Hex(new TextEncoder().encode(input))).toBe(expected)
  })

  it('hashes a million "a" (the long FIPS 180 vector)', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0')
  })

  it('hashes a string as its UTF-8 bytes', () => {
    expect(sha256Hex('é “quoted” 😀')).toBe(reference(Buffer.from('é “quoted” 😀', 'utf8')))
  })

  it('handles every length around the block and padding boundaries', () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff)
      expect(sha256Hex(bytes)).toBe(reference(bytes))
    }
  })

  it('agrees with node:crypto on arbitrary bytes, fed in arbitrary pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 150 }), { maxLength: 6 }), (pieces) => {
        const hash = new Sha256()
        for (const piece of pieces) hash.update(piece)
        expect(hash.digestHex()).toBe(reference(Buffer.concat(pieces)))
      }),
    )
  })

  it('refuses to be used after the digest', () => {
    const hash = new Sha256().update('abc')
    hash.digestHex()
    expect(() => hash.update('more')).toThrow()
    expect(() => hash.digestHex()).toThrow()
  })

  it('hashes five megabytes well under a second', () => {
    const bytes = new Uint8Array(5 * 1024 * 1024).fill(0x5a)
    const started = performance.now()
    expect(sha256Hex(bytes)).toBe(reference(bytes))
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
