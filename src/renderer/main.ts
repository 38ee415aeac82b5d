// The renderer's entry: the same code for the desktop and the browser edition; only the Host differs.
import './zod-setup.ts'
import './ui/styles.css'
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
  // The classroom's pages (and the engine they bring) are loaded only for its addresses: ?teach, ?class=,
  // ?project= (classroom/routes.ts reads them exactly, and may still find no class page there).
  const params = new URLSearchParams(location.search)
  const classPage = ['teach', 'class', 'project'].some((name) => params.has(name))
  const classScreen = classPage ? (await import('./classroom/first-screen.ts')).classScreenFor(location.search) : null
  app.show(classScreen ?? titleScreen())
  ;(window as unknown as { __redLinesReady?: number }).__redLinesReady = performance.now()
}

void boot()
