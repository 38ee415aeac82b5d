// Strict UTF-8 (RFC 3629) without TextDecoder/TextEncoder, which the pure engine cannot rely on.

export interface EncodingError {
  /** Byte offset of the first byte of the invalid sequence (for strings: UTF-16 index). */
  offset: number
  line: number
  /** 1-based, counted in characters (code points). */
  column: number
  message: string
}

export type DecodeResult = { ok: true; text: string } | { ok: false; error: EncodingError }

const CHUNK = 0x2000

function unitsToString(units: Uint16Array, length: number): string {
  let text = ''
  for (let start = 0; start < length; start += CHUNK) {
    const chunk = units.subarray(start, Math.min(length, start + CHUNK))
    text += String.fromCharCode.apply(null, chunk as unknown as number[])
  }
  return text
}

function hex(byte: number): string {
  return '0x' + byte.toString(16).toUpperCase().padStart(2, '0')
}

/** Decodes UTF-8, rejecting overlong forms, encoded surrogates, code points above U+10FFFF and truncated sequences. Strips a leading BOM. */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  const length = bytes.length
  const units = new Uint16Array(length)
  let unitCount = 0
  let line = 1
  let column = 1
  let i = length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0

  const fail = (offset: number, message: string): DecodeResult => ({
    ok: false,
    error: { offset, line, column, message: `invalid UTF-8 at byte ${offset}: ${message}` },
  })

  while (i < length) {
    const lead = bytes[i]
    if (lead < 0x80) {
      units[unitCount++] = lead
      if (lead === 0x0a || (lead === 0x0d && bytes[i + 1] !== 0x0a)) {
        line++
        column = 1
      } else {
        column++
      }
      i++
      continue
    }
    let needed: number
    let codePoint: number
    let lowest: number
    if (lead >= 0xc2 && lead <= 0xdf) {
      needed = 1
      codePoint = lead & 0x1f
      lowest = 0x80
    } else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2
      codePoint = lead & 0x0f
      lowest = 0x800
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3
      codePoint = lead & 0x07
      lowest = 0x10000
    } else if (lead >= 0x80 && lead <= 0xbf) {
      return fail(i, `unexpected continuation byte ${hex(lead)}`)
    } else if (lead === 0xc0 || lead === 0xc1) {
      return fail(i, `overlong encoding (byte ${hex(lead)})`)
    } else {
      return fail(i, `byte ${hex(lead)} never appears in UTF-8`)
    }
    for (let k = 1; k <= needed; k++) {
      if (i + k >= length) return fail(i, `truncated sequence (byte ${hex(lead)} at the end of the file)`)
      const next = bytes[i + k]
      if ((next & 0xc0) !== 0x80) return fail(i, `truncated sequence (byte ${hex(lead)} is not followed by enough continuation bytes)`)
      codePoint = (codePoint << 6) | (next & 0x3f)
    }
    if (codePoint < lowest) return fail(i, `overlong encoding of U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`)
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) return fail(i, `encoded surrogate U+${codePoint.toString(16).toUpperCase()}`)
    if (codePoint > 0x10ffff) return fail(i, 'code point above U+10FFFF')
    if (codePoint >= 0x10000) {
      const offsetPoint = codePoint - 0x10000
      units[unitCount++] = 0xd800 | (offsetPoint >> 10)
      units[unitCount++] = 0xdc00 | (offsetPoint & 0x3ff)
    } else {
      units[unitCount++] = codePoint
    }
    column++
    i += needed + 1
  }
  return { ok: true, text: unitsToString(units, unitCount) }
}

/** The first unpaired surrogate of a string (which has no UTF-8 form), or null. Also returns its line and column. */
export function findLoneSurrogate(text: string): EncodingError | null {
  let line = 1
  let column = 1
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit === 0x0a || (unit === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++
      column = 1
      continue
    }
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++
        column++
        continue
      }
    }
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const name = 'U+' + unit.toString(16).toUpperCase()
      return { offset: i, line, column, message: `invalid text: unpaired surrogate ${name} has no UTF-8 form` }
    }
    column++
  }
  return null
}

/** Encodes a string as UTF-8; unpaired surrogates become U+FFFD. */
export function encodeUtf8(text: string): Uint8Array {
  const bytes = new Uint8Array(utf8Length(text))
  let at = 0
  for (let i = 0; i < text.length; i++) {
    let codePoint = text.charCodeAt(i)
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      const next = text.charCodeAt(i + 1)
      if (codePoint <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (next - 0xdc00)
        i++
      } else {
        codePoint = 0xfffd
      }
    }
    if (codePoint < 0x80) {
      bytes[at++] = codePoint
    } else if (codePoint < 0x800) {
      bytes[at++] = 0xc0 | (codePoint >> 6)
      bytes[at++] = 0x80 | (codePoint & 0x3f)
    } else if (codePoint < 0x10000) {
      bytes[at++] = 0xe0 | (codePoint >> 12)
      bytes[at++] = 0x80 | ((codePoint >> 6) & 0x3f)
      bytes[at++] = 0x80 | (codePoint & 0x3f)
    } else {
      bytes[at++] = 0xf0 | (codePoint >> 18)
      bytes[at++] = 0x80 | ((codePoint >> 12) & 0x3f)
      bytes[at++] = 0x80 | ((codePoint >> 6) & 0x3f)
      bytes[at++] = 0x80 | (codePoint & 0x3f)
    }
  }
  return bytes
}

/** Number of bytes of the UTF-8 form of a string (unpaired surrogates count as U+FFFD). */
export function utf8Length(text: string): number {
  let length = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) length += 1
    else if (unit < 0x800) length += 2
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        length += 4
        i++
      } else {
        length += 3
      }
    } else length += 3
  }
  return length
}
