// The classroom's addresses in the browser edition: `?teach` (the teacher's console, `?teach=CODE` once a
// class is made), `?class=CODE` (a student joins) and `?project=CODE` (the projector at the front of the room).
import { CLASS_CODE } from '../../shared/classroom-protocol.ts'

export type ClassRoute =
  { kind: 'teach'; code: string | null } | { kind: 'join'; code: string | null } | { kind: 'project'; code: string } | null

/** A code as a person typed it: spaces and dashes dropped, upper case; null when it is not a class code. */
export function normaliseCode(text: string): string | null {
  const code = text.replace(/[\s-]/g, '').toUpperCase()
  return CLASS_CODE.test(code) ? code : null
}

export function classRoute(search: string): ClassRoute {
  const params = new URLSearchParams(search)
  if (params.has('teach')) return { kind: 'teach', code: normaliseCode(params.get('teach') ?? '') }
  const project = normaliseCode(params.get('project') ?? '')
  if (project) return { kind: 'project', code: project }
  if (params.has('class')) return { kind: 'join', code: normaliseCode(params.get('class') ?? '') }
  return null
}

/** The address of a page of the class, on this page's origin. */
export function classUrl(origin: string, kind: 'teach' | 'class' | 'project', code: string): string {
  return `${origin}/?${kind}=${encodeURIComponent(code)}`
}

/** Shows the route in the address bar without loading the page again (so a reload comes back to it). */
export function rememberRoute(kind: 'teach' | 'class' | 'project', code: string): void {
  const url = new URL(location.href)
  url.search = `?${kind}=${encodeURIComponent(code)}`
  history.replaceState(null, '', url)
}
