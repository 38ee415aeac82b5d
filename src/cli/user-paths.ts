// Where the desktop edition keeps the user's own files, computed as Electron does (its appData folder
// plus the app name) but without Electron, so the command line can print it and read user scenarios.
import { homedir } from 'node:os'
import { posix, resolve, win32 } from 'node:path'

export const APP_NAME = 'Red Lines'

export interface DesktopPaths {
  /** Electron's userData folder for Red Lines. */
  userData: string
  scenarios: string
  saves: string
  settings: string
  exports: string
  /** The exact rules of the games started, kept by hash for their saves. */
  rules: string
  /** Where userData came from, for the reader. */
  origin: string
}

export interface PathEnvironment {
  platform: NodeJS.Platform
  env: Readonly<Record<string, string | undefined>>
  home: string
}

/** Electron's `app.getPath('appData')`: %APPDATA% on Windows, ~/Library/Application Support on macOS, else XDG. */
export function appDataFolder({ platform, env, home }: PathEnvironment): { folder: string; origin: string } {
  if (platform === 'win32') {
    if (env.APPDATA) return { folder: env.APPDATA, origin: '%APPDATA%' }
    return { folder: win32.join(home, 'AppData', 'Roaming'), origin: 'the default %APPDATA%' }
  }
  if (platform === 'darwin') return { folder: posix.join(home, 'Library', 'Application Support'), origin: '~/Library/Application Support' }
  if (env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/')) return { folder: env.XDG_CONFIG_HOME, origin: '$XDG_CONFIG_HOME' }
  return { folder: posix.join(home, '.config'), origin: '~/.config' }
}

export function desktopPaths(environment: PathEnvironment): DesktopPaths {
  const path = environment.platform === 'win32' ? win32 : posix
  // The desktop edition's development runs honour the same override (see src/main/index.ts).
  const override = environment.env.REDLINES_USER_DATA_DIR
  const { folder, origin } = override ? { folder: '', origin: 'REDLINES_USER_DATA_DIR' } : appDataFolder(environment)
  const userData = override ? path.resolve(override) : path.join(folder, APP_NAME)
  return {
    userData,
    scenarios: path.join(userData, 'scenarios'),
    saves: path.join(userData, 'saves'),
    settings: path.join(userData, 'settings.json'),
    exports: path.join(userData, 'exports'),
    rules: path.join(userData, 'rules'),
    origin,
  }
}

export function currentDesktopPaths(): DesktopPaths {
  return desktopPaths({ platform: process.platform, env: process.env, home: homedir() })
}

/** The user's scenario folder, absolute. */
export function userScenariosFolder(): string {
  return resolve(currentDesktopPaths().scenarios)
}
