// The durable log: a class created from a teacher's setup, written line by line, and rebuilt by replaying it;
// a damaged last line is dropped, a damaged earlier line keeps only that class out.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { stateHash } from '../../src/engine/index.ts'
import { ClassStore } from '../../src/classroom/class-store.ts'
import { classView, seatView } from '../../src/classroom/class-views.ts'
import type { LiveClass } from '../../src/classroom/live-class.ts'
import { JOINT_PATROL, SETUP, plan, scenarios } from './support/fixtures.ts'

const folders: string[] = []
function dataDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'redlines-classes-'))
  folders.push(folder)
  return folder
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

const T0 = 1_700_000_000_000

async function created(store: ClassStore): Promise<{ live: LiveClass; key: string }> {
  const result = await store.create(SETUP, T0)
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return result
}

describe('creating a class', () => {
  it('gives a class code, rejoin codes and a key, and logs the setup with only a salted hash of the key', async () => {
    const folder = dataDir()
    const store = new ClassStore(folder, scenarios)
    const { live, key } = await created(store)
    expect(live.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/)
    expect(new Set(live.game.teams.map((team) => team.rejoin)).size).toBe(3)
    expect(live.isTeacherKey(key)).toBe(true)
    expect(live.isTeacherKey(key.slice(1) + 'x')).toBe(false)
    const text = readFileSync(join(folder, `${live.code}.jsonl`), 'utf8')
    expect(text).not.toContain(key)
    const first = JSON.parse(text.split('\n')[0])
    expect(first).toMatchObject({ kind: 'class', v: 1, identity: { code: live.code, setup: SETUP } })
    expect(first.teacherKey.sha256).toMatch(/^[0-9a-f]{64}$/)
    await store.close()
  })

  it('refuses a bad setup with every problem at once, each saying where and what', async () => {
    const store = new ClassStore(dataDir(), scenarios)
    const shape = await store.create(
      {
        ...SETUP,
        seed: -1,
        teams: [
          { name: '<b>', actor: 'CHN' },
          { name: 'X', actor: 'chn' },
        ],
      },
      T0,
    )
    expect(shape).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(/^seed: /),
        expect.stringMatching(/^teams\.0\.name: .*< >/),
        expect.stringMatching(/^teams\.1\.actor: /),
      ],
    })
    const teams = await store.create(
      {
        ...SETUP,
        teams: [
          { name: 'Dragons', actor: 'CHN' },
          { name: 'dragons', actor: 'CHN' },
          { name: 'Owls', actor: 'XYZ' },
        ],
      },
      T0,
    )
    expect(teams).toEqual({
      ok: false,
      errors: [
        'teams.1.actor: CHN is already played by teams.0',
        'teams.1.name: "dragons" is already the name of teams.0',
        'teams.2.actor: the scenario has no power "XYZ"',
      ],
    })
    expect(await store.create({ ...SETUP, scenario: 'not-shipped' }, T0)).toEqual({
      ok: false,
      errors: ['scenario: "not-shipped" is not a scenario shipped with the game'],
    })
    expect(await store.create({ ...SETUP, turnLimit: 99 }, T0)).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^turnLimit: .*more than/)],
    })
  })
})

describe('rebuilding classes from their logs', () => {
  it('brings back plans, answers, the turn, the timer, queued injects and the codes', async () => {
    const folder = dataDir()
    const store = new ClassStore(folder, scenarios)
    const { live, key } = await created(store)
    const inject = (live.game.scn.file.injects ?? [])[0]?.id
    live.apply({ by: 'teacher', message: { type: 'start' } }, T0)
    live.apply({ by: 'team', team: 'Dragons', message: plan(1, [JOINT_PATROL]) }, T0 + 1)
    live.apply({ by: 'team', team: 'Eagles', message: plan(1, []) }, T0 + 2)
    live.apply({ by: 'team', team: 'Bears', message: plan(1, []) }, T0 + 3)
    expect(live.game.phase).toBe('answering')
    const [first] = live.game.questionsFor('Bears')
    live.apply({ by: 'team', team: 'Bears', message: { type: 'answer', turn: 1, key: first.key, agree: true } }, T0 + 4)
    for (const team of live.game.teams)
      for (const question of live.game.questionsFor(team.name))
        if (question.answer === null && live.game.phase === 'answering')
          live.apply({ by: 'team', team: team.name, message: { type: 'answer', turn: 1, key: question.key, agree: false } }, T0 + 5)
    expect(live.game.turn).toBe(2)
    live.apply({ by: 'team', team: 'Eagles', message: { ...plan(2, [], false), rationale: { text: 'hold' } } }, T0 + 6)
    if (inject) live.apply({ by: 'teacher', message: { type: 'inject', id: inject } }, T0 + 7)
    live.apply({ by: 'teacher', message: { type: 'pause' } }, T0 + 8)
    const before = {
      view: classView(live.game, new Map(), 0),
      eagles: seatView(live.game, 'Eagles'),
      hash: stateHash(live.game.match.state),
    }
    await store.close()

    const again = new ClassStore(folder, scenarios)
    const report = await again.restoreAll(T0 + 60_000)
    expect(report).toEqual({ restored: [live.code], dropped: [], finished: [], unavailable: [] })
    const back = again.live.get(live.code)!
    expect(classView(back.game, new Map(), 0)).toEqual(before.view)
    expect(seatView(back.game, 'Eagles')).toEqual(before.eagles)
    expect(stateHash(back.game.match.state)).toBe(before.hash)
    expect(back.isTeacherKey(key)).toBe(true)
    if (inject) expect(back.game.injects).toEqual([inject])
    expect(back.game.remainingMs).toBe(before.view.remainingMs)
    // The class goes on after the restart, and its log with it.
    expect(back.apply({ by: 'teacher', message: { type: 'resume' } }, T0 + 61_000).ok).toBe(true)
    await again.close()
    const third = new ClassStore(folder, scenarios)
    await third.restoreAll(T0 + 62_000)
    expect(third.live.get(live.code)!.game.paused).toBe(false)
    await third.close()
  })

  it('leaves a finished class out of the hosted ones, and says it finished', async () => {
    const folder = dataDir()
    const store = new ClassStore(folder, scenarios)
    const result = await store.create({ ...SETUP, turnLimit: 1 }, T0)
    if (!result.ok) throw new Error(result.errors.join())
    const { live } = result
    live.apply({ by: 'teacher', message: { type: 'start' } }, T0)
    live.apply({ by: 'teacher', message: { type: 'end-timer' } }, T0 + 1)
    if (live.game.phase === 'answering') live.apply({ by: 'teacher', message: { type: 'end-timer' } }, T0 + 2)
    expect(live.game.phase).toBe('over')
    await store.close()
    const again = new ClassStore(folder, scenarios)
    expect(await again.restoreAll(T0 + 10)).toEqual({ restored: [], dropped: [], finished: [live.code], unavailable: [] })
    expect(again.live.size).toBe(0)
    expect(again.finished.has(live.code)).toBe(true)
  })

  it('writes lines in the order they were applied, however many wait for the disk at once', async () => {
    const folder = dataDir()
    const store = new ClassStore(folder, scenarios)
    const { live } = await created(store)
    live.apply({ by: 'teacher', message: { type: 'start' } }, T0)
    const logged = []
    for (let k = 1; k <= 60; k++) {
      const applied = live.apply(
        { by: 'team', team: 'Bears', message: { ...plan(1, [], false), rationale: { text: `draft ${k}` } } },
        T0 + k,
      )
      if (applied.ok) logged.push(applied.logged)
    }
    await Promise.all(logged)
    const drafts = readFileSync(join(folder, `${live.code}.jsonl`), 'utf8')
      .trimEnd()
      .split('\n')
      .slice(2)
      .map((line) => JSON.parse(line).event.message.rationale.text)
    expect(drafts).toEqual(Array.from({ length: 60 }, (_, k) => `draft ${k + 1}`))
    await store.close()
  })

  it('drops a damaged last line (a crash mid-write), says so, and appends cleanly after it', async () => {
    const folder = dataDir()
    const store = new ClassStore(folder, scenarios)
    const { live } = await created(store)
    live.apply({ by: 'teacher', message: { type: 'start' } }, T0)
    await store.close()
    const path = join(folder, `${live.code}.jsonl`)
    appendFileSync(path, '{"kind":"intent","at":17000000')
    const again = new ClassStore(folder, scenarios)
    const report = await again.restoreAll(T0 + 1000)
    expect(report.restored).toEqual([live.code])
    expect(report.dropped).toEqual([{ code: live.code, what: expect.stringMatching(/^line 3 was damaged \(the line is incomplete/) }])
    again.live.get(live.code)!.apply({ by: 'team', team: 'Bears', message: plan(1, [], false) }, T0 + 2000)
    await again.close()
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n')
    expect(lines.map((line) => JSON.parse(line).kind)).toEqual(['class', 'intent', 'intent'])
  })

  it('keeps out only the class whose log is damaged before its end, with a clear reason', async () => {
    const folder = dataDir()
    const store = new ClassStore(folder, scenarios)
    const damaged = (await created(store)).live
    const sound = (await created(store)).live
    damaged.apply({ by: 'teacher', message: { type: 'start' } }, T0)
    damaged.apply({ by: 'teacher', message: { type: 'pause' } }, T0 + 1)
    await store.close()
    const path = join(folder, `${damaged.code}.jsonl`)
    const lines = readFileSync(path, 'utf8').split('\n')
    lines[1] = lines[1].slice(0, 20)
    writeFileSync(path, lines.join('\n'))
    const again = new ClassStore(folder, scenarios)
    const report = await again.restoreAll(T0 + 1000)
    expect(report.restored).toEqual([sound.code])
    expect(report.unavailable).toEqual([
      { code: damaged.code, problem: expect.stringMatching(/line 2 is damaged \(not JSON.*and lines follow it/) },
    ])
    expect(again.unavailable.get(damaged.code)).toBe(report.unavailable[0].problem)
    await again.close()
  })

  it('keeps out a class whose logged turn no longer replays to the logged state', async () => {
    const folder = dataDir()
    const store = new ClassStore(folder, scenarios)
    const { live } = await created(store)
    live.apply({ by: 'teacher', message: { type: 'start' } }, T0)
    live.apply({ by: 'teacher', message: { type: 'end-timer' } }, T0 + 1)
    if (live.game.phase === 'answering') live.apply({ by: 'teacher', message: { type: 'end-timer' } }, T0 + 2)
    await store.close()
    const path = join(folder, `${live.code}.jsonl`)
    const text = readFileSync(path, 'utf8').replace(/"stateHash":"[0-9a-f]{64}"/, `"stateHash":"${'0'.repeat(64)}"`)
    writeFileSync(path, text)
    const last = new ClassStore(folder, scenarios)
    const report = await last.restoreAll(T0 + 10)
    await last.close()
    expect(report.unavailable).toEqual([{ code: live.code, problem: expect.stringContaining('turn 1 replays to a different state') }])
  })
})
