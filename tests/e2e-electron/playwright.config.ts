// The desktop smoke test: `npx playwright test -c tests/e2e-electron` after `npx electron-vite build`.
// It skips itself, loudly, where no Electron binary is installed.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: import.meta.dirname,
  testMatch: '*.spec.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The JSON report lets tests/run-all.mjs count this suite (its skip included) in the summary line.
  reporter: [['list'], ['json', { outputFile: '../../test-results/e2e-electron.json' }]],
  outputDir: '../../test-results/e2e-electron',
})
