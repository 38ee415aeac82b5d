// `redlines paths`: where the desktop edition keeps the user's own scenarios, saves, settings, exports and kept rules.
import { existsSync } from 'node:fs'
import type { Output } from './output.ts'
import { currentDesktopPaths } from './user-paths.ts'

export function paths(flags: { json?: boolean }, out: Output): number {
  const found = currentDesktopPaths()
  if (flags.json) {
    const { origin, ...folders } = found
    out.line(JSON.stringify({ ...folders, from: origin }))
    return 0
  }
  const state = (path: string) => (existsSync(path) ? '' : '  (not created yet)')
  out.line(`Red Lines desktop edition, user data folder (from ${found.origin}):`)
  out.line(`  user data   ${found.userData}${state(found.userData)}`)
  out.line(`  scenarios   ${found.scenarios}${state(found.scenarios)}   your own scenarios, one folder each`)
  out.line(`  saves       ${found.saves}${state(found.saves)}`)
  out.line(`  settings    ${found.settings}${state(found.settings)}`)
  out.line(`  exports     ${found.exports}${state(found.exports)}`)
  out.line(`  rules       ${found.rules}${state(found.rules)}   the exact rules of the games you started, for their saves`)
  return 0
}
