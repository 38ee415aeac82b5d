// HostResult helpers for main: failures carry a code and a short message fit for the player, never a path,
// an errno text or a stack.
import type { HostErrorCode, HostResult } from '../shared/host.ts'

export function ok<T>(value: T): HostResult<T> {
  return { ok: true, value }
}

export function fail<T = never>(code: HostErrorCode, message: string): HostResult<T> {
  return { ok: false, code, message }
}

function errnoOf(error: unknown): string | undefined {
  const direct = (error as { errno?: unknown; code?: unknown } | null) ?? {}
  if (typeof (direct as { errno?: unknown }).errno === 'string') return (direct as { errno: string }).errno
  return typeof direct.code === 'string' ? direct.code : undefined
}

/** Maps a file-system failure to a result; `what` names the thing in plain words ("the save"). */
export function fileFailure<T = never>(error: unknown, action: 'read' | 'write' | 'move', what: string): HostResult<T> {
  switch (errnoOf(error)) {
    case 'ENOENT':
      if (action === 'write') return fail('io-error', `Could not ${action} ${what}: its folder is missing.`)
      return fail('not-found', `Could not ${action} ${what}: it does not exist.`)
    case 'ENOSPC':
    case 'EDQUOT':
      return fail('io-error', `Could not ${action} ${what}: the disk is full.`)
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return fail('forbidden', `Could not ${action} ${what}: permission denied.`)
    default:
      return fail('io-error', `Could not ${action} ${what}.`)
  }
}
