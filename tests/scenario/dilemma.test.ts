// The properties that make Pin Pricks a game and an honest teaching model (issue 8), measured on the
// scenario's own declared policies with the same analysis `redlines dilemma` prints. Deterministic
// (fixed seeds), so a failure here means the model moved, not chance.
import { describe, expect, it } from 'vitest'
import type { DilemmaReport, Difficulty } from '../../src/engine/index.ts'
import { analyseDilemma, computerChoices, finish, planTurn, resolveTurn, startGame } from '../../src/engine/index.ts'
import { consentPolicy } from '../../src/engine/ai/policy.ts'
import { mean } from '../support/games.ts'
import { defaultScenario } from '../support/scenarios.ts'

const scn = defaultScenario()
const RUNS = 12
let report: DilemmaReport
const role = (actor: string) => report.roles.find((r) => r.actor === actor)!
const policy = (actor: string, id: string) => role(actor).policies.find((p) => p.policy === id)!

describe('Pin Pricks as a security dilemma', { timeout: 240_000 }, () => {
  it('runs the analysis over every role and its declared policies', () => {
    report = finish(analyseDilemma(scn, { runs: RUNS, turns: 12, seed: 1 }))
    expect(report.roles.map((r) => r.actor).sort()).toEqual([...scn.actorIds].sort())
    for (const r of report.roles) expect(r.policies.length).toBeGreaterThanOrEqual(3)
  })

  it('choices matter: the US policy moves China–Russia alignment by at least 0.15 and the quasi-alliance share by 40 points', () => {
    const engage = policy('USA', 'usa-engage')
    const confront = policy('USA', 'usa-sanctions')
    expect(confront.pairAlignment - engage.pairAlignment).toBeGreaterThanOrEqual(0.15)
    expect(confront.quasiAlliance - engage.quasiAlliance).toBeGreaterThanOrEqual(0.4)
  })

  it("choices matter near home: Japan's policy moves the tension and the incidents around Japan", () => {
    const talks = policy('JPN', 'jpn-talks')
    const firm = policy('JPN', 'jpn-quad')
    expect(firm.neighbourhoodTension - talks.neighbourhoodTension).toBeGreaterThanOrEqual(0.15)
    expect(firm.incidents).toBeGreaterThan(talks.incidents * 1.5)
  })

  it('a dilemma: for at least half the roles some firm policy outscores passing against the computer players', () => {
    expect(report.summary.firmPays).toBeGreaterThanOrEqual(4)
    for (const r of report.roles.filter((x) => x.firmPays)) {
      const pass = r.policies.find((p) => p.policy === 'pass')!
      expect(r.policies.some((p) => p.firm && p.score.computer > pass.score.computer)).toBe(true)
    }
  })

  it('mutual restraint beats mutual hostility for at least six of the eight roles', () => {
    expect(report.summary.restraintBetter).toBeGreaterThanOrEqual(6)
    for (const id of report.mutual.restraintBetter) expect(report.mutual.restraint[id]).toBeGreaterThan(report.mutual.hostility[id])
  })

  it('no policy is best in every situation for most roles: what pays depends on what the others do', () => {
    expect(report.summary.noSingleBest).toBeGreaterThanOrEqual(7)
    // Against others' firmness, a firm policy is best for most roles; when all pass, restraint is.
    const firmBestWhenHostile = report.roles.filter((r) => r.policies.find((p) => p.policy === r.best.hostile)!.firm).length
    const firmBestWhenQuiet = report.roles.filter((r) => r.policies.find((p) => p.policy === r.best.quiet)!.firm).length
    expect(firmBestWhenHostile).toBeGreaterThan(firmBestWhenQuiet)
  })
})

describe('computer players on the new rules', { timeout: 240_000 }, () => {
  // Mirrored games: each power in turn played at one level, every other power at normal, same seeds.
  function scoreAt(actor: string, level: Difficulty, seed: number): number {
    const others = new Set(scn.actorIds.filter((id) => id !== actor))
    let state = startGame(scn, seed, 12)
    while (!state.outcome) {
      const theirs = computerChoices(scn, state, { computer: others, difficulty: 'normal' })
      const mine = computerChoices(scn, state, { computer: new Set([actor]), difficulty: level }, theirs)
      const normal = consentPolicy(scn, state, others, 'normal')
      const own = consentPolicy(scn, state, new Set([actor]), level)
      const plan = planTurn(scn, state, [...theirs, ...mine], (partner, choice) =>
        partner === actor ? own(partner, choice) : normal(partner, choice),
      )
      state = resolveTurn(scn, state, plan.orders, { ledger: false }).state
    }
    return state.scores[scn.roleByActor[actor].id]
  }

  it('hard ≥ normal ≥ easy by mean score over the roles', () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8]
    const meanAt = (level: Difficulty) => mean(scn.actorIds.flatMap((actor) => seeds.map((seed) => scoreAt(actor, level, seed))))
    const [easy, normal, hard] = (['easy', 'normal', 'hard'] as const).map(meanAt)
    expect(normal).toBeGreaterThanOrEqual(easy)
    expect(hard).toBeGreaterThanOrEqual(normal)
  })
})
