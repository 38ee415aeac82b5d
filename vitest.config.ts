import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/scenario/**/*.test.ts', 'tests/cli/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
})
