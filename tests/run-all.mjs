#!/usr/bin/env node
// `npm test`: the type check, the format check and the linter, the unit, scenario and command tests (vitest), then the end-to-end tests
// of the browser edition (Playwright in Debian's Chromium). Every stage runs even if an earlier one
// failed; the last line is the plain summary "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const stages = []

function run(name, command, args) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false })
  stages.push({ name, ok: result.status === 0 })
  return result.status === 0
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
rmSync('test-results/vitest.json', { force: true })
rmSync('test-results/e2e.json', { force: true })
rmSync('test-results/e2e-electron.json', { force: true })

const typesOk = run('type check', 'npm', ['run', '--silent', 'typecheck'])
const formatOk = run('format check (Prettier)', 'npm', ['run', '--silent', 'format:check'])
const lintOk = run('lint (typescript-eslint)', 'npm', ['run', '--silent', 'lint'])
run('unit, scenario and command tests', npx, ['vitest', 'run', '--config', 'tests/vitest.config.ts'])
let e2eSkipped = false
if (existsSync(CHROMIUM)) {
  run('end-to-end tests (browser edition)', npx, ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts'])
} else {
  e2eSkipped = true
  console.warn(
    `\n!!! END-TO-END TESTS SKIPPED: no Chromium at ${CHROMIUM}. Install it (apt-get install chromium) or set CHROMIUM_PATH. !!!\n`,
  )
}

// The desktop smoke test runs wherever an Electron binary exists, and skips itself loudly elsewhere.
if (run('desktop build', npx, ['electron-vite', 'build'])) {
  run('desktop smoke test (Electron)', npx, ['playwright', 'test', '-c', 'tests/e2e-electron/playwright.config.ts'])
}

let passed = 0
let failed = 0
let skipped = 0
const vitest = readJson('test-results/vitest.json')
if (vitest) {
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
  skipped += vitest.numPendingTests + vitest.numTodoTests
} else {
  failed += 1 // the runner did not report: count it as a failure
}
const e2e = readJson('test-results/e2e.json')
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky
  failed += e2e.stats.unexpected
  skipped += e2e.stats.skipped
} else if (!e2eSkipped) {
  failed += 1
}
const electronSuite = readJson('test-results/e2e-electron.json')
if (electronSuite) {
  passed += electronSuite.stats.expected + electronSuite.stats.flaky
  failed += electronSuite.stats.unexpected
  skipped += electronSuite.stats.skipped
}
if (!typesOk) failed += 1
if (!formatOk) failed += 1
if (!lintOk) failed += 1
const failedStages = stages.filter((stage) => !stage.ok).map((stage) => stage.name)
if (failedStages.length > 0 && failed === 0) failed = failedStages.length
console.log(`\nStages: ${stages.map((stage) => `${stage.name} ${stage.ok ? 'ok' : 'FAILED'}`).join('; ')}`)
if (skipped) console.log(`${skipped} skipped (each with its reason above)`)
// The last line is exactly the plain summary CI reads.
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
