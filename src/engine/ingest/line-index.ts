export interface SourcePosition {
  /** 1-based. */
  line: number
  /** 1-based, counted in characters (code points). */
  column: number
  /** Index in the decoded text (UTF-16 code units). */
  offset: number
}

/** Index of the first element of a sorted array that is ≥ value. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle] < value) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Turns text offsets into line and column in O(log n). Line breaks are \n, \r\n and a lone \r.
 * Built on first use, so texts that never need a position cost nothing.
 */
export class LineIndex {
  private lineStarts: number[] | null = null
  /** Offsets of the second halves of surrogate pairs: they do not start a character. */
  private pairTails: number[] = []

  constructor(private readonly text: string) {}

  private build(): number[] {
    const starts = [0]
    const tails: number[] = []
    const text = this.text
    for (let k = 0; k < text.length; k++) {
      const unit = text.charCodeAt(k)
      if (unit === 0x0a || (unit === 0x0d && text.charCodeAt(k + 1) !== 0x0a)) starts.push(k + 1)
      else if (unit >= 0xdc00 && unit <= 0xdfff && k > 0) {
        const previous = text.charCodeAt(k - 1)
        if (previous >= 0xd800 && previous <= 0xdbff) tails.push(k)
      }
    }
    this.pairTails = tails
    this.lineStarts = starts
    return starts
  }

  at(offset: number): SourcePosition {
    const starts = this.lineStarts ?? this.build()
    const clamped = Math.max(0, Math.min(offset, this.text.length))
    const lineIndex = lowerBound(starts, clamped + 1) - 1
    const lineStart = starts[lineIndex]
    const tails = lowerBound(this.pairTails, clamped) - lowerBound(this.pairTails, lineStart)
    return { line: lineIndex + 1, column: clamped - lineStart - tails + 1, offset: clamped }
  }
}
