// The renderer's entry: the same code for the desktop and the browser edition; only the Host differs.
import './zod-setup.ts'
import './ui/styles.css'
import { classScreenFor } from './classroom/first-screen.ts'
import { pickHost } from './host/pick-host.ts'
import { applySettings, loadSettings } from './session/settings.ts'
import { createApp } from './ui/app.ts'
import { titleScreen } from './ui/screens/title.ts'

async function boot(): Promise<void> {
  const host = pickHost()
  const settings = await loadSettings(host)
  applySettings(settings)
  const root = document.getElementById('app')!
  const app = createApp(host, settings, root)
  app.show(classScreenFor(location.search) ?? titleScreen())
  ;(window as unknown as { __redLinesReady?: number }).__redLinesReady = performance.now()
}

void boot()
