// The packaged game's menu (issue 10, finding 9): on macOS the standard app, Edit and Window menus, every
// item a role, so Cmd+C/V/Z/A/Q/H/M work; never a reload or the developer tools; no menu elsewhere.
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { FORBIDDEN_MENU_ROLES, applicationMenuTemplate } from '../../src/main/app-menu.ts'

/** Every item of a template, at any depth. */
function items(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])])
}

describe('the application menu', () => {
  it('is none on Windows and Linux', () => {
    for (const platform of ['win32', 'linux', 'freebsd'] as const) expect(applicationMenuTemplate(platform, 'Red Lines')).toBeNull()
  })

  it('on macOS keeps the app menu and the Edit menu with the standard shortcuts', () => {
    const template = applicationMenuTemplate('darwin', 'Red Lines')!
    expect(template.map((menu) => menu.label)).toEqual(['Red Lines', 'Edit', 'Window'])
    const roles = (label: string) =>
      (template.find((menu) => menu.label === label)!.submenu as MenuItemConstructorOptions[]).flatMap((item) =>
        item.role ? [item.role] : [],
      )
    expect(roles('Red Lines')).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit'])
    expect(roles('Edit')).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll'])
    expect(roles('Window')).toEqual(['minimize', 'zoom', 'front'])
  })

  it('on macOS holds no reload, no developer tools and nothing but roles and separators', () => {
    const all = items(applicationMenuTemplate('darwin', 'Red Lines')!)
    for (const item of all) {
      expect(FORBIDDEN_MENU_ROLES).not.toContain(item.role)
      expect(item).not.toHaveProperty('click')
      expect(item).not.toHaveProperty('accelerator')
      if (!item.role && item.type !== 'separator') expect(Array.isArray(item.submenu), String(item.label)).toBe(true)
    }
    expect(FORBIDDEN_MENU_ROLES).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools', 'viewMenu']))
  })
})
