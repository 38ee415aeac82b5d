// `npm run bench`: figures, not pass/fail. `npm run bench -- --json` prints them as one JSON object.
// Targets on a 2-core machine: a turn <= 1 ms, seven computer choices <= 20 ms, 1,000 games <= 2 s (median of 3)
// scaling ~linearly with workers, the model-only turn <= 3 x a bare typed-array kernel of the same arithmetic
// (tests/bench/engine-speed.ts and turn-kernel.ts: each figure beside its baseline, measured in the same run;
// `--engine` prints only these);
// the computer's levels in mirrored games (tests/bench/ai-levels.ts): hard over normal and normal over easy in
// >= 70% of seeds for >= 6 of 8 roles, hard deciding for seven powers in <= 250 ms;
// for the command (tests/bench/command-start.ts, beside a bare `node -e 0`): `redlines --version` and
// `redlines validate` of the shipped scenario <= 300 ms each;
// for the browser edition (built into out/bench-web, then measured in headless Chromium by tests/e2e/perf.ts):
// an interactive title <= 1.5 s, End turn to report <= 100 ms, the map at 0 frames a second idle and 60
// animating, all the JS and CSS of a whole game <= 505 kB gzip (beside the bare Phaser page), the title's
// <= 60 kB; for the
// class server (tests/bench/classroom-soak.ts: 8 classes x 5 connections on loopback): no order lost, and
// from a turn's last submission to every device holding the resolved turn <= 200 ms (median and p95);
// hostile scenario files (tests/bench/hostile-loads.ts) refused in <= 1 s each.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { build } from 'esbuild'
import { worstValidateMs } from './validate-worst.ts'
import { hostileLoadFigures } from './hostile-loads.ts'
import { commandStartFigures } from './command-start.ts'
import { levelsReport, levelsTable } from './ai-levels.ts'
import { batchFigures } from './engine-speed.ts'
import type { EngineFigures } from './engine-figures.ts'

const SCENARIO = 'scenarios/pin-pricks-2021'
const json = process.argv.includes('--json')
// `--engine`: only the engine's and the batch's figures (the turn, the computer's choices, the batch), not the
// levels, the class server, the command or the browser.
const engineOnly = process.argv.includes('--engine')

/**
 * The engine's own figures, measured in a child process by the engine as it ships: bundled by esbuild as the
 * command is (build-cli.mjs), not compiled by tsx, whose keepNames wraps every closure the engine makes in a
 * naming call (a cost the built command, the renderer and the class server do not have).
 */
async function engineInProcessFigures(): Promise<EngineFigures> {
  const outfile = resolve('out', 'bench', 'engine-figures.mjs')
  await build({
    entryPoints: ['tests/bench/engine-figures.ts'],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minifySyntax: true,
    minifyWhitespace: true,
    logLevel: 'warning',
  })
  const out = execFileSync(process.execPath, [outfile, SCENARIO], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  return JSON.parse(out.trim().split('\n').pop()!) as EngineFigures
}

/** A build of the browser edition of its own (vite takes --outDir from the config's root, src/renderer). */
const BENCH_WEB = resolve('out', 'bench-web')

/** Builds the browser edition and measures it; null (with the reason on stderr) where Chromium is missing. */
function browserFigures(): Record<string, number> | null {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(chromium)) {
    console.error(`browser figures skipped: no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`)
    return null
  }
  // A build of its own: out/web is the one `npm run web` and the end-to-end tests serve.
  execFileSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--config',
      'src/renderer/vite.web.config.ts',
      '--outDir',
      BENCH_WEB,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { stdio: 'inherit' },
  )
  const out = execFileSync(process.execPath, ['src/cli/run-ts.mjs', 'tests/e2e/perf.ts', '--json', '--web', BENCH_WEB], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return JSON.parse(out.trim().split('\n').pop()!)
}

/** The class server soak, in its own process (it starts the server as another). */
function classroomFigures(): Record<string, number> {
  const out = execFileSync(process.execPath, ['src/cli/run-ts.mjs', 'tests/bench/classroom-soak.ts', '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return JSON.parse(out.trim().split('\n').pop()!)
}

/** The levels table in figures: roles beaten, each role's shares, hard's decision time. */
function aiLevelsFigures(report: Awaited<ReturnType<typeof levelsReport>>): Record<string, number> {
  const figures: Record<string, number> = {
    aiHardBeatsNormalRoles: report.hardBeatsNormal,
    aiNormalBeatsEasyRoles: report.normalBeatsEasy,
    aiHardDecisionMs: Math.round(report.hardDecisionMs.median),
    aiHardDecisionP95Ms: Math.round(report.hardDecisionMs.p95),
    aiHardDecisionCpuMs: Math.round(report.hardDecisionMs.cpuMedian),
  }
  for (const r of report.roles) {
    figures[`aiHardOverNormal.${r.actor}`] = r.hardOverNormal
    figures[`aiNormalOverEasy.${r.actor}`] = r.normalOverEasy
  }
  return figures
}

const inProcess = await engineInProcessFigures()
const engineFigures = { ...inProcess, ...batchFigures(SCENARIO, inProcess.turnKernelMs, inProcess.batchGameCpuMs) }
const levels = engineOnly ? null : await levelsReport()
const figures = engineOnly
  ? engineFigures
  : {
      ...engineFigures,
      ...aiLevelsFigures(levels!),
      ...classroomFigures(),
      worstValidateMs: Math.round(worstValidateMs()),
      ...hostileLoadFigures(),
      ...commandStartFigures(),
      ...browserFigures(),
    }
if (json) {
  console.log(JSON.stringify(figures))
} else {
  const f = figures as Record<string, number | undefined>
  console.log(`turn resolution (median, ledger on)        ${f.turnMs} ms   target <= 1 ms`)
  console.log(
    `model-only turn (no ledger, mean)          ${f.turnModelMs} ms = ${f.turnModelToKernel} x the bare typed-array kernel's ${f.turnKernelMs} ms (same ${f.turnKernelTurns} turns, ${f.turnKernelMismatches} differing)   target <= 3 x`,
  )
  console.log(`computer choices for seven powers (median) ${f.aiTurnMs} ms   target <= 20 ms`)
  console.log(
    `1,000-game 12-turn batch at normal (wall, median of 3) ${f.batch1000S} s on ${f.batch1000Workers} workers = ${f.batchToTarget} x the 2 s target; ${f.batch1000OneWorkerS} s on one worker (${f.batchWorkerSpeedup} x faster on ${f.batch1000Workers})`,
  )
  console.log(
    `  scaling: 4,000 games ${f.batch4000S} s on ${f.batch1000Workers} workers, ${f.batch4000OneWorkerS} s on one; the 3,000 games beyond the first 1,000 ${f.batchMarginalSpeedup} x faster on ${f.batch1000Workers} (what each worker pays once left out)`,
  )
  console.log(
    `  baselines: the bare kernel's 12,000 turns on ${f.batch1000Workers} cores ${f.batchKernelFloorS} s (batch = ${f.batchToKernelFloor} x, the rest is the computer players and the command); one game's CPU ${f.batchGameCpuMs} ms, ${f.batchCpuS} s for 1,000`,
  )
  if (!levels) process.exit(0)
  for (const line of levelsTable(levels)) console.log(line)
  console.log(
    `class server soak: ${f.classroomRooms} classes, ${f.classroomClients} connections, ${f.classroomTurns} turns: ${f.classroomOrders} orders, ${f.classroomOrdersLost} lost`,
  )
  console.log(
    `class server: last submission to all devices  median ${f.classroomReportMedianMs} ms, p95 ${f.classroomReportP95Ms} ms   target <= 200 ms`,
  )
  console.log(`worst scenario to validate (4.8 MB source) ${f.worstValidateMs} ms   target <= 1000 ms`)
  console.log(
    `hostile scenario files refused (median of 5): nested ${f.hostileNestedMs} ms, oversize text ${f.hostileOversizeTextMs} ms, oversize bytes ${f.hostileOversizeBytesMs} ms, long list ${f.hostileLongListMs} ms, schema errors ${f.hostileSchemaErrorsMs} ms (the minimal scenario loads in ${f.minimalLoadMs} ms)   target <= 1000 ms each`,
  )
  console.log(`bare node -e 0 (median of 11)              ${f.nodeBareMs} ms`)
  console.log(`redlines --version (median of 11)          ${f.versionMs} ms (${f.versionToNodeBare} x bare node)   target <= 300 ms`)
  console.log(`redlines validate pin-pricks (median of 11) ${f.validateMs} ms (${f.validateToNodeBare} x bare node)   target <= 300 ms`)
  if (f.titleInteractiveMs !== undefined) {
    console.log(`browser: title interactive (median)        ${f.titleInteractiveMs} ms   target <= 1500 ms`)
    console.log(`browser: End turn to report (median)       ${f.endTurnToReportMs} ms   target <= 100 ms`)
    console.log(`browser: map fps idle / animating          ${f.fpsIdle} / ${f.fpsAnimating}   targets 0 / 60`)
    console.log(
      `browser: a whole game's JS and CSS         ${f.rendererGzipKb} kB gzip (${f.rendererBrotliKb} kB brotli), ${f.rendererToBarePhaser} x the bare Phaser page's ${f.barePhaserGzipKb} kB   target <= 505 kB`,
    )
    console.log(`browser: the title screen's JS and CSS     ${f.titleGzipKb} kB gzip   target <= 60 kB`)
  }
}
