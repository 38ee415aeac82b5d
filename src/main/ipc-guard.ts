// The one wrapper every IPC handler goes through. It checks who is calling (our main frame, served from
// app://bundle), bounds the arguments (count, string length, total size, depth) before looking at them, checks
// them against the channel's spec, and turns every failure, including a throwing handler, into
// { ok: false, code, message } with nothing from the file system or a stack in it.
import type { HostResult } from '../shared/host.ts'
import { isAppUrl } from './app-url.ts'
import { fail } from './host-result.ts'

/** The parts of Electron's WebFrameMain the guard reads. */
export interface FrameLike {
  readonly url: string
  readonly parent?: FrameLike | null
  readonly detached?: boolean
  readonly processId?: number
  readonly routingId?: number
}

/** The parts of Electron's IpcMainInvokeEvent the guard reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null
}

export type ArgSpec =
  { kind: 'string'; maxLength: number; check?: (value: string) => boolean } | { kind: 'enum'; values: readonly string[] }

export interface ChannelSpec {
  args: readonly ArgSpec[]
}

export const GUARD_LIMITS = {
  maxArgs: 4,
  /** Nesting allowed in any argument before the spec is consulted (all current arguments are flat strings). */
  maxDepth: 8,
  maxNodes: 10_000,
  /** UTF-16 code units over all strings and keys; the largest arguments are an export and kept rules (16 Mi each). */
  maxTotalChars: 17 * 1024 * 1024,
}

type Measure = { ok: true } | { ok: false; code: 'invalid-argument' | 'too-large' }

/** Walks the arguments iteratively (a recursive walk would itself overflow on hostile nesting). */
export function measureArgs(args: readonly unknown[]): Measure {
  if (args.length > GUARD_LIMITS.maxArgs) return { ok: false, code: 'invalid-argument' }
  const stack: { value: unknown; depth: number }[] = args.map((value) => ({ value, depth: 1 }))
  let nodes = 0
  let chars = 0
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!
    if (++nodes > GUARD_LIMITS.maxNodes) return { ok: false, code: 'too-large' }
    if (depth > GUARD_LIMITS.maxDepth) return { ok: false, code: 'invalid-argument' }
    if (typeof value === 'string') chars += value.length
    else if (value !== null && typeof value === 'object') {
      if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) chars += (value as ArrayBufferLike).byteLength
      else
        for (const [key, child] of Object.entries(value)) {
          chars += key.length
          stack.push({ value: child, depth: depth + 1 })
        }
    } else if (typeof value !== 'number' && typeof value !== 'boolean' && value !== undefined) {
      return { ok: false, code: 'invalid-argument' }
    }
    if (chars > GUARD_LIMITS.maxTotalChars) return { ok: false, code: 'too-large' }
  }
  return { ok: true }
}

export function checkArgs(spec: ChannelSpec, args: readonly unknown[]): Measure {
  if (args.length !== spec.args.length) return { ok: false, code: 'invalid-argument' }
  for (const [index, arg] of spec.args.entries()) {
    const value = args[index]
    if (arg.kind === 'enum') {
      if (typeof value !== 'string' || !arg.values.includes(value)) return { ok: false, code: 'invalid-argument' }
    } else {
      if (typeof value !== 'string') return { ok: false, code: 'invalid-argument' }
      if (value.length > arg.maxLength) return { ok: false, code: 'too-large' }
      if (arg.check && !arg.check(value)) return { ok: false, code: 'invalid-argument' }
    }
  }
  return { ok: true }
}

/**
 * The sender must be a live top-level frame showing app://bundle/…, and, when the main frame is known,
 * that very frame (or one with the same process and routing ids: Electron may hand out a fresh wrapper).
 */
export function isTrustedSender(frame: FrameLike | null | undefined, mainFrame: FrameLike | null): boolean {
  if (!frame || frame.detached === true) return false
  if (frame.parent) return false
  if (!isAppUrl(frame.url)) return false
  if (!mainFrame) return false
  if (frame === mainFrame) return true
  return (
    frame.processId !== undefined &&
    frame.routingId !== undefined &&
    frame.processId === mainFrame.processId &&
    frame.routingId === mainFrame.routingId
  )
}

export interface GuardContext {
  /** The main window's main frame, or null when there is no window. */
  mainFrame(): FrameLike | null
  /** Where unexpected handler failures are reported (main's log), never to the renderer. */
  log?: (channel: string, error: unknown) => void
}

export type GuardedHandler = (event: InvokeEventLike, ...args: unknown[]) => Promise<HostResult<unknown>>

export function guardHandler<A extends unknown[]>(
  channel: string,
  spec: ChannelSpec,
  context: GuardContext,
  handler: (...args: A) => Promise<HostResult<unknown>>,
): GuardedHandler {
  return async (event, ...args) => {
    try {
      if (!isTrustedSender(event?.senderFrame, context.mainFrame())) return fail('forbidden', 'This request is not allowed.')
      const measured = measureArgs(args)
      if (!measured.ok) return fail(measured.code, 'The request was malformed or too large.')
      const checked = checkArgs(spec, args)
      if (!checked.ok) return fail(checked.code, 'The request was malformed or too large.')
      const result = await handler(...(args as A))
      if (result && typeof result === 'object' && typeof result.ok === 'boolean') return result
      throw new Error('handler returned something other than a HostResult')
    } catch (error) {
      context.log?.(channel, error)
      return fail('io-error', 'Something went wrong in the desktop app.')
    }
  }
}
