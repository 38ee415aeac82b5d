// Player settings: kept by the host, applied to the document, and read by the map.
import * as z from 'zod'
import type { Host } from '../../shared/host.ts'

export const TEXT_SIZES = ['small', 'normal', 'large', 'x-large'] as const

export const Settings = z.object({
  textSize: z.enum(TEXT_SIZES).catch('normal'),
  colourBlindSafe: z.boolean().catch(false),
  reducedMotion: z.boolean().catch(false),
  animationSpeed: z.number().min(0.5).max(2).catch(1),
  /** Single-key shortcuts (P for Playtest); they can be turned off (WCAG 2.1.4). */
  singleKeyShortcuts: z.boolean().catch(true),
  /** Scenario writer tools (Playtest and its key, notices of changed scenario files); off for players. Absent from older files. */
  writerTools: z.boolean().catch(false),
})
export type Settings = z.infer<typeof Settings>

export function defaultSettings(): Settings {
  const prefersReducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches
  return {
    textSize: 'normal',
    colourBlindSafe: false,
    reducedMotion: prefersReducedMotion,
    animationSpeed: 1,
    singleKeyShortcuts: true,
    writerTools: false,
  }
}

export async function loadSettings(host: Host): Promise<Settings> {
  const stored = await host.readSettings()
  if (!stored.ok || stored.value === null) return defaultSettings()
  try {
    const parsed = Settings.safeParse(JSON.parse(stored.value))
    return parsed.success ? parsed.data : defaultSettings()
  } catch {
    return defaultSettings()
  }
}

export async function saveSettings(host: Host, settings: Settings): Promise<boolean> {
  return (await host.writeSettings(JSON.stringify(settings))).ok
}

export function applySettings(settings: Settings): void {
  const root = document.documentElement
  root.dataset.textSize = settings.textSize
  root.dataset.palette = settings.colourBlindSafe ? 'okabe-ito' : 'default'
  root.dataset.motion = settings.reducedMotion ? 'reduced' : 'full'
}
