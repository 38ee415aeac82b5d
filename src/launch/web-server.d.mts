// Types of web-server.mjs, for the tests (the launcher itself runs as plain JavaScript under Node).
import type { Server } from 'node:http'

export const CONTENT_SECURITY_POLICY: string
/** Whether a Host header names this server: a loopback name and the port it listens on. */
export function isAllowedHost(host: string | undefined, port: number | undefined): boolean
/** The file under `root` that a request path names, or null for anything that climbs out of it. */
export function resolveRequest(root: string, urlPath: string): string | null
/**
 * An http.Server (not yet listening) that serves only real paths inside `root`, to loopback Hosts only; text
 * files compressed (br or gzip) when the request accepts it, with Vary: Accept-Encoding.
 */
export function createWebServer(root: string): Server
