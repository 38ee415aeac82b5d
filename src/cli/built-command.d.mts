// Types of built-command.mjs, for the tests (the launcher itself runs as plain JavaScript under Node).
export const MANIFEST: string
/** The build's entry URL when nothing it was made from changed since the build started, else null and why. */
export function freshBuild(root: string, buildDir: string): { entry: string; reason: null } | { entry: null; reason: string }
