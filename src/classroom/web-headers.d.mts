// Types of web-headers.mjs (plain JavaScript, so that src/launch/web-server.mjs can run under Node as it is).

/** The Content-Type of each kind of file the build holds. */
export const MIME_TYPES: Readonly<Record<string, string>>
/** The Content-Type a file is sent with: by its extension, else application/octet-stream (never sniffed). */
export function contentTypeOf(path: string): string
/**
 * The Content-Security-Policy: everything from this origin only, no plug-ins, frames or forms; `connect`
 * adds sources that scripts may connect to besides this origin (the class server's WebSockets).
 */
export function contentSecurityPolicy(...connect: string[]): string
/** The headers sent with every answer, with the policy given (by default the one of `npm run web`). */
export function securityHeaders(policy?: string): {
  'Content-Security-Policy': string
  'X-Content-Type-Options': string
  'Referrer-Policy': string
}
