// The two JSON tokens that need real scanning: strings and numbers.

export interface TokenError {
  code: string
  message: string
  /** Offset the error is reported at. */
  at: number
  hint?: string
}

export type TokenResult<Value> = { ok: true; value: Value; end: number } | { ok: false; error: TokenError }

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}

const HEX4 = /^[0-9a-fA-F]{4}$/

function describeEscaped(codePoint: number): string {
  const printable = codePoint >= 0x20 && codePoint !== 0x7f && codePoint !== 0x2028 && codePoint !== 0x2029
  return printable ? `"\\${String.fromCodePoint(codePoint)}"` : `"\\" followed by ${codeName(codePoint)}`
}

function codeName(unit: number): string {
  return 'U+' + unit.toString(16).toUpperCase().padStart(4, '0')
}

function fail<Value>(code: string, message: string, at: number, hint?: string): TokenResult<Value> {
  return { ok: false, error: { code, message, at, ...(hint ? { hint } : {}) } }
}

/** Reads the string whose opening quote is at `start`. */
export function readJsonString(text: string, start: number, maxLength: number): TokenResult<string> {
  const parts: string[] = []
  let produced = 0
  let segmentStart = start + 1
  for (let j = start + 1; ; j++) {
    if (produced + (j - segmentStart) > maxLength) {
      return fail('json-string-too-long', `string is longer than ${maxLength} characters`, start)
    }
    if (j >= text.length) return fail('json-syntax', 'unterminated string', start, 'the closing double quote is missing')
    const unit = text.charCodeAt(j)
    if (unit === 0x22) {
      parts.push(text.slice(segmentStart, j))
      return { ok: true, value: parts.length === 1 ? parts[0] : parts.join(''), end: j + 1 }
    }
    if (unit === 0x0a || unit === 0x0d) {
      return fail('json-syntax', 'unterminated string', start, 'a string cannot span lines: close it, or write \\n for a line break')
    }
    if (unit < 0x20) {
      return fail('json-syntax', `control character ${codeName(unit)} must be escaped in a string`, j)
    }
    if (unit !== 0x5c) continue

    parts.push(text.slice(segmentStart, j))
    produced += j - segmentStart
    const escape = text[j + 1]
    if (escape === undefined) return fail('json-syntax', 'unterminated string', start, 'the closing double quote is missing')
    const simple = SIMPLE_ESCAPES[escape]
    if (simple !== undefined && Object.prototype.hasOwnProperty.call(SIMPLE_ESCAPES, escape)) {
      parts.push(simple)
      produced++
      j += 1
    } else if (escape === 'u') {
      const digits = text.slice(j + 2, j + 6)
      if (!HEX4.test(digits)) {
        return fail(
          'json-syntax',
          `invalid unicode escape "\\u${digits.replace(/[^\w]/g, '')}"`,
          j,
          'write \\u followed by four hexadecimal digits',
        )
      }
      const unit = parseInt(digits, 16)
      if (unit >= 0xdc00 && unit <= 0xdfff) {
        return fail('json-syntax', `invalid unicode escape "\\u${digits}": unpaired surrogate`, j)
      }
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const low = text.slice(j + 6, j + 12)
        const lowUnit = /^\\u[0-9a-fA-F]{4}$/.test(low) ? parseInt(low.slice(2), 16) : -1
        if (lowUnit < 0xdc00 || lowUnit > 0xdfff) {
          return fail('json-syntax', `invalid unicode escape "\\u${digits}": unpaired surrogate`, j)
        }
        parts.push(String.fromCharCode(unit, lowUnit))
        produced += 2
        j += 11
      } else {
        parts.push(String.fromCharCode(unit))
        produced++
        j += 5
      }
    } else {
      return fail(
        'json-syntax',
        `invalid escape ${describeEscaped(text.codePointAt(j + 1) ?? 0)}`,
        j,
        'valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hexadecimal digits',
      )
    }
    segmentStart = j + 1
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const NUMBER_LIKE = /[-+0-9.eE]+/y

/** Reads the number starting at `start` (the caller saw '-', '+', '.' or a digit). */
export function readJsonNumber(text: string, start: number): TokenResult<number> {
  NUMBER_LIKE.lastIndex = start
  const run = NUMBER_LIKE.exec(text)?.[0] ?? text[start]
  NUMBER.lastIndex = start
  const match = NUMBER.exec(text)?.[0]
  const shown = run.length > 30 ? run.slice(0, 30) + '…' : run
  if (match === undefined || match.length !== run.length) {
    const hint = /^-?0\d/.test(run)
      ? 'leading zeros are not allowed'
      : run.startsWith('+')
        ? "a number cannot start with '+'"
        : /(^|[^0-9])\.|\.($|[^0-9])/.test(run)
          ? 'a decimal point needs digits on both sides'
          : undefined
    return { ok: false, error: { code: 'json-syntax', message: `invalid number "${shown}"`, at: start, ...(hint ? { hint } : {}) } }
  }
  const value = Number(match)
  if (!Number.isFinite(value)) {
    return { ok: false, error: { code: 'json-number-out-of-range', message: `number ${shown} is out of range`, at: start } }
  }
  return { ok: true, value, end: start + match.length }
}
