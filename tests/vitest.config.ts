import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    // Only our unit, scenario and command tests: Playwright specs live elsewhere and must not be collected.
    include: ['tests/unit/**/*.test.ts', 'tests/scenario/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/classroom/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
})
