// Types of web-compression.mjs, for the tests.
export const COMPRESSIBLE: ReadonlySet<string>
export const ENCODINGS: readonly { name: 'br' | 'gzip'; suffix: string }[]
/** The best encoding an Accept-Encoding header allows, or null for the file as it is. */
export function chooseEncoding(header: string | undefined): 'br' | 'gzip' | null
