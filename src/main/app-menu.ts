// The packaged game's application menu. On macOS the menu bar carries the standard shortcuts (Cmd+C, Cmd+V,
// Cmd+Z, Cmd+A, Cmd+Q, Cmd+H, Cmd+M…), so it keeps the app, Edit and Window menus, each item a standard role;
// nothing that reloads the page (it would drop the turn's plan) or opens the developer tools. Elsewhere the
// game has no menu at all (null), as shortcuts there do not depend on it.
import type { MenuItemConstructorOptions } from 'electron'

/** The roles a menu of the game may never hold, at any depth (and whole menus by role, whose items cannot be checked). */
export const FORBIDDEN_MENU_ROLES: readonly string[] = [
  'reload',
  'forceReload',
  'toggleDevTools',
  'viewMenu',
  'appMenu',
  'fileMenu',
  'editMenu',
  'windowMenu',
  'defaultMenu',
]

export function applicationMenuTemplate(platform: NodeJS.Platform, appName: string): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null
  return [
    {
      label: appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'Window',
      submenu: [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }],
    },
  ]
}
