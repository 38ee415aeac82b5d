// Loading saved games: the newest valid generation of a slot, with damaged ones reported and the
// previous generation offered; the save's scenario found and checked against the recorded hash.
import type { SlotId } from '../../shared/host.ts'
import { AUTOSAVE_SLOT } from '../../shared/host.ts'
import type { SavePayload } from '../../shared/save-format.ts'
import { readSlot } from '../session/save-codec.ts'
import { GameSession, savedDecisions } from '../session/session.ts'
import type { App } from './app.ts'
import type { CatalogEntry } from './catalog.ts'
import { loadEntry } from './catalog.ts'
import { announce, h, modal } from './dom.ts'
import { rerunNotice } from './rerun-notice.ts'
import { findOldRules, keepRulesOf } from './rules.ts'
import { gameScreen } from './screens/game.ts'
import { titleScreen } from './screens/title.ts'

/** Loads a slot; any failure comes back to the title screen with the reason, never silently. */
export async function loadSlot(app: App, slot: SlotId): Promise<void> {
  try {
    await openSlot(app, slot)
  } catch (error) {
    app.show(
      titleScreen(`The save "${slot}" could not be opened: ${(error as Error)?.message ?? String(error)}. The file is kept untouched.`),
    )
  }
}

/** A save opened: the game, and what to tell the player about how it was opened. */
export interface OpenedSave {
  session: GameSession
  notice: string[]
}

/**
 * Opens a save on the rules it was played with: its scenario as it is now when its hash is the recorded
 * one. Otherwise the player chooses between the exact old rules (when some scenario still has them, or
 * the game kept them) and replaying the recorded choices on the new rules. A string says why it cannot be
 * opened; null means the player cancelled.
 */
export async function replaySave(app: App, payload: SavePayload): Promise<OpenedSave | string | null> {
  const recorded = payload.scenario
  const entry = await loadEntry(app.host, { origin: recorded.origin, folder: recorded.folder })
  if (entry.scenario?.hash === recorded.hash) {
    const session = GameSession.fromSave(payload, entry.scenario, entry.listing)
    if (typeof session === 'string') return session
    // A save from elsewhere (imported, or made before rules were kept) gets its rules kept from now on.
    const notKept = await keepRulesOf(app, entry)
    return { session, notice: notKept ? [notKept] : [] }
  }
  const old = await findOldRules(app, recorded.hash)
  const choice = await chooseRules(payload, entry, old)
  if (choice === 'cancel') return null
  if (choice === 'old' && typeof old !== 'string') {
    const session = GameSession.fromSave(payload, old.scenario, entry.listing)
    if (typeof session === 'string') return session
    return { session, notice: [`Opened on the exact rules it was played with (${recorded.id} ${recorded.version}), from ${old.where}.`] }
  }
  if (choice === 'new' && entry.scenario) {
    const decisions = savedDecisions(payload.game)
    if (typeof decisions === 'string') return decisions
    const rerun = GameSession.rerun(payload.game, decisions, entry.scenario, entry.listing)
    if (typeof rerun === 'string') return `its scenario changed and the game cannot be replayed on the new rules: ${rerun}`
    const notKept = await keepRulesOf(app, entry)
    const opening = `Replayed on the new rules (${entry.scenario.id} ${entry.scenario.version}; the save was made with ${recorded.version}):`
    const lines = rerunNotice(rerun, entry.scenario, opening)
    return { session: rerun.session, notice: notKept ? [...lines, notKept] : lines }
  }
  const why = typeof old === 'string' ? old : 'they could not be used'
  return `its scenario "${recorded.id}" changed since it was saved and cannot be loaded now (${entry.errors[0] ?? 'it is missing'}); the exact old rules are not available either: ${why}`
}

type RulesChoice = 'old' | 'new' | 'cancel' | 'none'

/** Asks which rules to open a save on, saying which are available and why not. */
async function chooseRules(payload: SavePayload, entry: CatalogEntry, old: Awaited<ReturnType<typeof findOldRules>>): Promise<RulesChoice> {
  const recorded = payload.scenario
  const current = entry.scenario
  if (!current && typeof old === 'string') return 'none'
  const now = current
    ? `The scenario in "${recorded.folder}" is now version ${current.version}, and its rules differ from the ones this game was played with (${recorded.version}).`
    : `The scenario in "${recorded.folder}" cannot be loaded now: ${entry.errors[0] ?? 'it is missing'}.`
  const oldLine =
    typeof old === 'string'
      ? `The exact old rules are not available: ${old}.`
      : `The exact old rules are still available, in ${old.where}: the game opens as it was saved.`
  const newLine = current
    ? 'Replaying on the new rules restarts from turn 1 with the same seed and your recorded choices where the new rules allow them; the computer chooses afresh.'
    : 'Replaying on the new rules is not possible until the scenario loads again.'
  const choices: { label: string; value: RulesChoice; primary?: boolean }[] = []
  if (typeof old !== 'string') choices.push({ label: `Open on the old rules (${recorded.version})`, value: 'old', primary: true })
  if (current) choices.push({ label: `Replay on the new rules (${current.version})`, value: 'new', primary: typeof old === 'string' })
  choices.push({ label: 'Cancel', value: 'cancel' })
  return modal(
    'This game’s scenario has changed',
    [h('p', {}, `“${payload.name}” was played on ${recorded.id} ${recorded.version}. ${now}`), h('p', {}, oldLine), h('p', {}, newLine)],
    choices,
    'cancel',
  )
}

async function openSlot(app: App, slot: SlotId): Promise<void> {
  const generations = await app.host.readSave(slot)
  if (!generations.ok) {
    app.show(titleScreen(`Could not read the save "${slot}": ${generations.message}`))
    return
  }
  const reading = readSlot(generations.value)
  if (!reading.chosen) {
    const reasons = reading.damaged.map((d) => `generation ${d.generation}: ${d.reason}`).join('; ')
    app.show(titleScreen(`The save "${slot}" is damaged and no earlier copy could be read (${reasons}). The files are kept untouched.`))
    return
  }
  if (reading.damaged.length > 0) {
    const newest = reading.damaged[0]
    const useOlder = await modal(
      'This save is damaged',
      [
        `The latest copy of "${slot}" could not be used: ${newest.reason}.`,
        ` An earlier copy (${reading.chosen.generation} save${reading.chosen.generation === 1 ? '' : 's'} back) is intact. The damaged copy is kept, not deleted.`,
      ],
      [
        { label: 'Open the earlier copy', value: true, primary: true },
        { label: 'Cancel', value: false },
      ],
      false,
    )
    if (!useOlder) return
  }
  const payload = reading.chosen.payload
  const opened = await replaySave(app, payload)
  if (opened === null) return
  if (typeof opened === 'string') {
    app.show(titleScreen(`The save "${slot}" cannot be opened: ${opened}.`))
    return
  }
  app.session = opened.session
  announce(`Loaded "${payload.name}", turn ${opened.session.turn}. ${opened.notice.join(' ')}`)
  app.show(gameScreen({ lines: opened.notice }))
}

export function continueLatest(app: App): Promise<void> {
  return loadSlot(app, AUTOSAVE_SLOT)
}
