// What the loader says about a file, in one shape for every stage (encoding, JSON, schema, semantics).
import type { DiagnosticCode } from './diagnostic-codes.ts'

/** The other side of a problem that involves two places (a base and its extension, two extensions). */
export interface RelatedLocation {
  file: string
  line: number
  column: number
  pointer: string
}

export interface Diagnostic {
  severity: 'error' | 'warning'
  /** Stable machine-readable kind, e.g. "unknown-actor". */
  code: string
  /** Path of the file, as given to the loader. */
  file: string
  /** 1-based. */
  line: number
  /** 1-based, in characters. */
  column: number
  /** JSON pointer (RFC 6901) of the value concerned in the scenario file ("" is the whole file). */
  pointer: string
  message: string
  hint?: string
  /** Other places involved, e.g. the base item an extension cannot add again. */
  related?: RelatedLocation[]
}

const LINE_BREAKING = /[\u0000-\u001f\u007f\u2028\u2029]/g

export function formatLocation(at: RelatedLocation): string {
  return `${at.file}:${at.line}:${at.column} [${at.pointer}]`
}

/**
 * `file:line:column: severity: message [pointer]`, then ` (see file:line:column [pointer])` for each related
 * place and ` hint: …` when there is a hint. Always one line: control characters (which a hostile key could
 * put in a pointer) are shown as \uXXXX.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const hint = d.hint ? ` hint: ${d.hint}` : ''
  const related = (d.related ?? []).map((at) => ` (see ${formatLocation(at)})`).join('')
  const line = `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.pointer}]${related}${hint}`
  return line.replace(LINE_BREAKING, (char) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'))
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Orders by file, then line, then column. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  // Array.prototype.sort is stable, so diagnostics at one place keep the order they were found in.
  return diagnostics.sort(compareDiagnostics)
}

/** Edit distance (insertions, deletions, substitutions), giving up early above `limit`. */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let previous = Array.from({ length: b.length + 1 }, (_, k) => k)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMinimum = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      rowMinimum = Math.min(rowMinimum, current[j])
    }
    if (rowMinimum > limit) return limit + 1
    previous = current
  }
  return previous[b.length]
}

/**
 * The candidate closest to `name` (ignoring case), if it is close enough to be what was meant: a
 * distance of at most a third of the length, but always 1 and never more than 2 for names of up to six
 * characters (so "USA" never suggests "RUS").
 */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > 200) return undefined
  const folded = name.toLowerCase()
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    if (candidate === name) continue
    const length = Math.max(folded.length, candidate.length)
    const allowed = length <= 3 ? 1 : length <= 6 ? 2 : Math.max(2, Math.floor(length / 3))
    const distance = levenshtein(folded, candidate.toLowerCase(), allowed)
    if (distance <= allowed && distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/** `did you mean "x"?` when a candidate is close to `name`. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const match = nearest(name, candidates)
  return match === undefined ? undefined : `did you mean "${match}"?`
}

export interface Located {
  line: number
  column: number
  /** The file the position is in, when it is not the sink's own (parts of a merged extension). */
  file?: string
  /** The pointer within that file, when it differs from the one asked for. */
  pointer?: string
}

/** Finds positions by JSON pointer: JsonPositions for one file, a merged view for extensions. */
export interface PositionLookup {
  key(pointer: string): Located | undefined
  nearestValue(pointer: string): Located
}

/** Collects diagnostics for one file, placing each at the value its pointer names. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = []

  constructor(
    readonly file: string,
    private readonly locate: (pointer: string) => Located,
  ) {}

  error(code: DiagnosticCode, pointer: string, message: string, hint?: string, related?: RelatedLocation[]): void {
    this.add('error', code, pointer, message, hint, undefined, related)
  }

  warning(code: DiagnosticCode, pointer: string, message: string, hint?: string): void {
    this.add('warning', code, pointer, message, hint)
  }

  /** Places a diagnostic at an explicit position (e.g. a key rather than its value). */
  add(
    severity: Diagnostic['severity'],
    code: DiagnosticCode,
    pointer: string,
    message: string,
    hint?: string,
    at?: Located,
    related?: RelatedLocation[],
  ): void {
    const { line, column, file, pointer: shownPointer } = at ?? this.locate(pointer)
    this.diagnostics.push({
      severity,
      code,
      file: file ?? this.file,
      line,
      column,
      pointer: shownPointer ?? pointer,
      message,
      ...(hint ? { hint } : {}),
      ...(related && related.length > 0 ? { related } : {}),
    })
  }

  /** Where a pointer is, as a related location. */
  where(pointer: string): RelatedLocation {
    const { line, column, file, pointer: shownPointer } = this.locate(pointer)
    return { file: file ?? this.file, line, column, pointer: shownPointer ?? pointer }
  }
}
