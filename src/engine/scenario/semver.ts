// Versions MAJOR.MINOR.PATCH and the small range language extensions use to name their base:
// exact "1.2.3", wildcards "1.x", "1.2.x", "1", "*", caret "^1.2.3" and tilde "~1.2.3" (npm's meanings).

export type Version = readonly [major: number, minor: number, patch: number]

export interface VersionRange {
  /** Inclusive lower bound. */
  lowest: Version
  /** Exclusive upper bound; undefined means no upper bound. */
  below?: Version
  text: string
}

const VERSION = /^(\d+)\.(\d+)\.(\d+)$/
const RANGE = /^([\^~]?)(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?$/

/** The pattern of a range, for the schema (it cannot reject "1.x.3"; parseRange does). */
export const VERSION_RANGE_PATTERN = /^(?:[*xX]|[\^~]?\d+(?:\.(?:\d+(?:\.(?:\d+|[*xX]))?|[*xX](?:\.[*xX])?))?)$/

export function parseVersion(text: string): Version | undefined {
  const match = VERSION.exec(text)
  if (!match) return undefined
  const parts = [Number(match[1]), Number(match[2]), Number(match[3])] as const
  return parts.every(Number.isSafeInteger) ? parts : undefined
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
}

export function formatVersion(version: Version): string {
  return version.join('.')
}

/** Parses a range, or returns undefined when it is not one this matcher understands. */
export function parseRange(text: string): VersionRange | undefined {
  const match = RANGE.exec(text.trim())
  if (!match) return undefined
  const operator = match[1]
  const raw = [match[2], match[3], match[4]]
  const parts: (number | null)[] = raw.map((part) => (part === undefined || /^[xX*]$/.test(part) ? null : Number(part)))
  // A number after a wildcard ("1.x.3") means nothing.
  const firstWildcard = parts.indexOf(null)
  if (firstWildcard >= 0 && parts.slice(firstWildcard).some((part) => part !== null)) return undefined
  if (parts.some((part) => part !== null && !Number.isSafeInteger(part))) return undefined
  const [major, minor, patch] = parts
  const lowest: Version = [major ?? 0, minor ?? 0, patch ?? 0]
  if (major === null) return { lowest: [0, 0, 0], text }
  let below: Version
  if (operator === '^') {
    if (major > 0 || minor === null) below = [major + 1, 0, 0]
    else if (minor > 0 || patch === null) below = [0, minor + 1, 0]
    else below = [0, 0, patch + 1]
  } else if (operator === '~') {
    below = minor === null ? [major + 1, 0, 0] : [major, minor + 1, 0]
  } else if (minor === null) {
    below = [major + 1, 0, 0]
  } else if (patch === null) {
    below = [major, minor + 1, 0]
  } else {
    below = [major, minor, patch + 1]
  }
  return { lowest, below, text }
}

export function satisfies(version: Version, range: VersionRange): boolean {
  if (compareVersions(version, range.lowest) < 0) return false
  return range.below === undefined || compareVersions(version, range.below) < 0
}

/** Whether a version text lies in a range text; false when either cannot be parsed. */
export function versionSatisfies(version: string, range: string): boolean {
  const parsedVersion = parseVersion(version)
  const parsedRange = parseRange(range)
  return parsedVersion !== undefined && parsedRange !== undefined && satisfies(parsedVersion, parsedRange)
}

/** ">=1.2.0 <2.0.0": what a range means, for messages. */
export function describeRange(range: VersionRange): string {
  const low = `>=${formatVersion(range.lowest)}`
  return range.below === undefined
    ? compareVersions(range.lowest, [0, 0, 0]) === 0
      ? 'any version'
      : low
    : `${low} <${formatVersion(range.below)}`
}
