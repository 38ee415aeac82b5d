// Compression for the server of `npm run web`: which encoding a request accepts, and the encoded bytes of a
// file, from the copy the build wrote beside it (name.br, name.gz: src/renderer/precompress-plugin.ts) or,
// when there is none or it is older than the file, compressed here once and kept in memory.
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

/** The extensions worth compressing (text); images and fonts are compressed already. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.map'])

/** The encodings this server sends, best first, and the suffix of the copies the build writes. */
export const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
]

/**
 * The best encoding an Accept-Encoding header allows ('br' or 'gzip'), or null for the file as it is. Weights
 * count ("gzip;q=0" refuses gzip, a higher q wins, br on a tie); "*" stands for any coding not named.
 */
export function chooseEncoding(header) {
  if (typeof header !== 'string' || header.trim() === '') return null
  const weights = new Map()
  for (const part of header.split(',')) {
    const [token, ...parameters] = part.trim().toLowerCase().split(';')
    if (!token) continue
    let q = 1
    for (const parameter of parameters) {
      const [key, value] = parameter.trim().split('=')
      if (key === 'q') q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value ?? '') ? Number(value) : 0
    }
    weights.set(token, q)
  }
  let best = null
  let bestWeight = 0
  for (const { name } of ENCODINGS) {
    const weight = weights.get(name) ?? weights.get('*') ?? 0
    if (weight > bestWeight) [best, bestWeight] = [name, weight]
  }
  return best
}

const compressors = {
  br: promisify(brotliCompress),
  gzip: promisify(gzip),
}

// Fast enough for a first request of the 1.3 MB Phaser chunk; the build's copies are compressed harder.
const OPTIONS = {
  br: { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } },
  gzip: { level: 6 },
}

/** Files compressed here, by path and encoding, while the file keeps its size and time; at most `limit` bytes. */
export class CompressedCache {
  constructor(limit = 64 * 1024 * 1024) {
    this.limit = limit
    this.used = 0
    this.entries = new Map()
  }

  /** The encoded bytes of `bytes` (the file at `path`, with `info` from its stat). */
  async encode(path, info, bytes, encoding) {
    const key = `${encoding}:${path}`
    const stamp = `${info.size}:${info.mtimeMs}`
    const known = this.entries.get(key)
    if (known?.stamp === stamp) {
      // Most recently used last: the first entries are the ones to drop.
      this.entries.delete(key)
      this.entries.set(key, known)
      return known.encoded
    }
    const encoded = await compressors[encoding](bytes, OPTIONS[encoding])
    if (known) this.drop(key)
    if (encoded.length <= this.limit) {
      this.entries.set(key, { stamp, encoded })
      this.used += encoded.length
      for (const oldest of this.entries.keys()) {
        if (this.used <= this.limit) break
        this.drop(oldest)
      }
    }
    return encoded
  }

  drop(key) {
    this.used -= this.entries.get(key)?.encoded.length ?? 0
    this.entries.delete(key)
  }
}
