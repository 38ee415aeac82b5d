// SHA-256 (FIPS 180-4) in plain TypeScript: the engine may not use node:crypto or WebCrypto.
import { encodeUtf8 } from './ingest/utf8.ts'

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])

const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]

/** An incremental SHA-256: feed it with `update`, then read `digestHex` once. */
export class Sha256 {
  private readonly state = new Int32Array(INITIAL)
  private readonly block = new Uint8Array(64)
  private readonly words = new Int32Array(64)
  private blockLength = 0
  private totalBytes = 0
  private finished = false

  update(input: string | Uint8Array): this {
    if (this.finished) throw new Error('Sha256: update after digest')
    const bytes = typeof input === 'string' ? encodeUtf8(input) : input
    this.totalBytes += bytes.length
    let at = 0
    while (at < bytes.length) {
      const take = Math.min(64 - this.blockLength, bytes.length - at)
      this.block.set(bytes.subarray(at, at + take), this.blockLength)
      this.blockLength += take
      at += take
      if (this.blockLength === 64) {
        this.compress()
        this.blockLength = 0
      }
    }
    return this
  }

  digestHex(): string {
    if (this.finished) throw new Error('Sha256: digest read twice')
    const bitLength = this.totalBytes * 8
    this.block[this.blockLength++] = 0x80
    if (this.blockLength > 56) {
      this.block.fill(0, this.blockLength)
      this.compress()
      this.blockLength = 0
    }
    this.block.fill(0, this.blockLength, 56)
    const high = Math.floor(bitLength / 0x100000000)
    const low = bitLength >>> 0
    for (let k = 0; k < 4; k++) {
      this.block[56 + k] = (high >>> (24 - 8 * k)) & 0xff
      this.block[60 + k] = (low >>> (24 - 8 * k)) & 0xff
    }
    this.compress()
    this.finished = true
    let hex = ''
    for (const word of this.state) hex += (word >>> 0).toString(16).padStart(8, '0')
    return hex
  }

  private compress(): void {
    const w = this.words
    const b = this.block
    for (let t = 0; t < 16; t++) w[t] = (b[4 * t] << 24) | (b[4 * t + 1] << 16) | (b[4 * t + 2] << 8) | b[4 * t + 3]
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15]
      const y = w[t - 2]
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0
    }
    const s = this.state
    let a = s[0],
      bb = s[1],
      c = s[2],
      d = s[3],
      e = s[4],
      f = s[5],
      g = s[6],
      h = s[7]
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
      const choice = (e & f) ^ (~e & g)
      const temp1 = (h + S1 + choice + K[t] + w[t]) | 0
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
      const majority = (a & bb) ^ (a & c) ^ (bb & c)
      const temp2 = (S0 + majority) | 0
      h = g
      g = f
      f = e
      e = (d + temp1) | 0
      d = c
      c = bb
      bb = a
      a = (temp1 + temp2) | 0
    }
    s[0] = (s[0] + a) | 0
    s[1] = (s[1] + bb) | 0
    s[2] = (s[2] + c) | 0
    s[3] = (s[3] + d) | 0
    s[4] = (s[4] + e) | 0
    s[5] = (s[5] + f) | 0
    s[6] = (s[6] + g) | 0
    s[7] = (s[7] + h) | 0
  }
}

/** SHA-256 as lowercase hex; a string is hashed as its UTF-8 bytes. */
export function sha256Hex(input: string | Uint8Array): string {
  return new Sha256().update(input).digestHex()
}
