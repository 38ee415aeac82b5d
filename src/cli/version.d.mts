// Types of version.mjs (plain JavaScript, so that src/cli/redlines.mjs can load it without tsx or the build).
/** package.json's `version`. */
export function packageVersion(): string
/** Whether the command line asks only for the version (the command ignores anything after it). */
export function asksForVersion(args: readonly string[]): boolean
