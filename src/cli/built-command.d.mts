// Types of built-command.mjs, for the tests (the launcher itself runs as plain JavaScript under Node).
export const MANIFEST: string
/** The SHA-1 of a file's bytes, as the build records it. */
export function digestOf(bytes: Uint8Array): string
/** The build's entry URL when every file it was made from holds the same bytes, else null and why. */
export function freshBuild(root: string, buildDir: string): { entry: string; reason: null } | { entry: null; reason: string }
