// Your turn: the map, the escalation ladder, your plan, the action cards; Undo, End turn, Save.
import type { Choice, CitationData } from '../../../engine/index.ts'
import { costOf } from '../../../engine/index.ts'
import type { TurnStep } from '../../session/session.ts'
import type { MapHandle } from '../../map/index.ts'
import {
  mapView,
  ladderView,
  actorName,
  describeChoice,
  quasiAlliancePairNames,
  rejectionReason,
  scoreText,
  turnDate,
} from '../../session/view-models.ts'
import type { App, Screen } from '../app.ts'
import { loadEntry } from '../catalog.ts'
import { actionCard } from '../cards.ts'
import { objectivesPanel } from '../objectives.ts'
import { UNITS_NOTE, points } from '../../session/forecast-view.ts'
import { announce, button, h, modal, replaceChildren } from '../dom.ts'
import { guideEvent, guidePanel } from '../guide.ts'
import { mapExplorer, mapLegend, pageTextScale } from '../map-explorer.ts'
import { glossaryStrip, withGlossary } from '../glossary.ts'
import type { GameNotice } from '../notice.ts'
import { noticeView } from '../notice.ts'
import { playtest } from '../playtest.ts'
import { saveAs } from '../saving.ts'
import { followStep } from '../turn-flow.ts'
import { endScreen } from './end.ts'
import { returnedNotice } from './consent.ts'
import { readerScreen } from './reader.ts'
import { settingsScreen } from './settings.ts'
import { titleScreen } from './title.ts'
import { computerTurnProgress } from '../turn-progress.ts'
import { whatCouldHappen } from './what-could-happen.ts'

/** The Playtest key: a plain P, when no text field, menu or dialog has it. */
export function isPlaytestKey(event: KeyboardEvent): boolean {
  if (event.key !== 'p' && event.key !== 'P') return false
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return false
  const target = event.target as HTMLElement | null
  if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return false
  return document.querySelector('dialog[open]') === null
}

/** `notice`: what a Playtest or a re-run did, or why it could not, shown above the game. */
export function gameScreen(notice?: GameNotice): Screen {
  let map: MapHandle | null = null
  let disposed = false
  let onKey: ((event: KeyboardEvent) => void) | null = null
  let stopOutcomes: (() => void) | null = null
  return {
    name: 'game',
    title: 'Your turn',
    dispose() {
      disposed = true
      stopOutcomes?.()
      if (onKey) document.removeEventListener('keydown', onKey)
      const hook = window as unknown as { __redLines?: { map?: unknown } }
      if (map && hook.__redLines?.map === map) delete hook.__redLines
      map?.destroy()
      map = null
    },
    render(app: App) {
      const session = app.session!
      if (session.over) return endScreen(notice).render(app)
      const scn = session.scenario
      const back = () => app.show(gameScreen())
      const openReader = (citation?: CitationData) => {
        const guide = guideEvent(session, 'source-opened')
        app.show(readerScreen(scn, citation, back))
        if (guide) announce(guide)
      }

      const planList = h('ol', { className: 'plan-list' })
      const budget = h('p', { className: 'budget' })
      const planEffect = h('p', { className: 'plan-effect' })
      // What was just done ("Added …", "Saved as …"), visible as well as announced (see dom.ts announce).
      const statusLine = h('p', { className: 'status-line', 'data-status-line': '' })
      const objectives = h('section', { className: 'objectives', 'aria-labelledby': 'objectives-title', 'data-guide': 'objectives' })
      const undoButton = button('Undo', () => {
        if (session.undo()) {
          announce('Undone.')
          refreshPlan()
        }
      })
      const refreshPlan = () => {
        const actor = session.activeActor
        const mine = session.pending[actor] ?? []
        budget.textContent = `Political capital: ${session.budget(actor) - session.spent(actor)} of ${session.budget(actor)} left`
        const outlook = session.objectives()
        replaceChildren(objectives, objectivesPanel(scn, outlook.status, outlook.planned))
        const planned = outlook.planned.reduce((sum, delta) => sum + delta, 0)
        planEffect.textContent =
          mine.length > 0 && outlook.status.length > 0 ? `Expected effect of the plan on your score: ${points(planned)}` : ''
        replaceChildren(
          planList,
          mine.length === 0 ? h('li', { className: 'note' }, 'Nothing planned yet: choose actions below, or end the turn to pass.') : null,
          mine.map((choice, index) =>
            h(
              'li',
              {},
              describeChoice(scn, choice),
              h('span', { className: 'note' }, ` (cost ${costOf(scn, session.state, choice)})`),
              ' ',
              button(
                'Remove',
                () => {
                  session.removeChoice(actor, index)
                  announce(`Removed ${describeChoice(scn, choice)}.`)
                  refreshPlan()
                },
                { className: 'small', 'aria-label': `Remove ${describeChoice(scn, choice)}` },
              ),
            ),
          ),
        )
        undoButton.disabled = !session.canUndo
        for (const card of cards.querySelectorAll('.card')) card.dispatchEvent(new Event('change'))
      }
      const add = (choice: Choice) => {
        const problem = session.addChoice(choice)
        refreshPlan()
        const guide = problem ? '' : guideEvent(session, 'choice-added')
        announce(problem ? `Not added: ${rejectionReason(scn, problem)}.` : `Added ${describeChoice(scn, choice)}. ${guide}`.trim())
      }
      const actor = session.activeActor
      const cards = h(
        'div',
        { className: 'cards' },
        scn.file.actions.filter((action) => action.actors.includes(actor)).map((action) => actionCard(session, action, add, openReader)),
      )

      const endTurn = async () => {
        if (session.resolving || main.inert) return
        const actor = session.activeActor
        if (session.canStillAfford(actor)) {
          const left = session.budget(actor) - session.spent(actor)
          // The modal dialog keeps the page out of reach while it is open, and gives focus back to End turn.
          const go = await modal(
            'End the turn with capital unspent?',
            [
              h(
                'p',
                {},
                `${actorName(scn, actor)} has ${left} of ${session.budget(actor)} political capital left and could still afford an action. Capital left at the end of a turn is lost.`,
              ),
            ],
            [
              { label: 'Keep planning', value: false, primary: true },
              { label: 'End turn anyway', value: true },
            ],
            false,
          )
          if (!go) {
            announce(`Still planning: ${left} capital left.`)
            return
          }
        }
        // Nothing on the page may change the plan or leave the screen while the computer powers decide.
        main.inert = true
        main.setAttribute('aria-busy', 'true')
        let step: TurnStep
        try {
          step = await session.finishPlanning(progress.prepare)
        } catch (error) {
          progress.finish()
          main.inert = false
          main.removeAttribute('aria-busy')
          announce(`The turn could not be resolved: ${(error as Error).message}. Your plan is kept.`)
          return
        }
        // The button says "Resolving the turn…" until the report replaces the screen.
        if (step.kind !== 'resolve') {
          progress.finish()
          main.inert = false
          main.removeAttribute('aria-busy')
        }
        if (!disposed) followStep(app, session, step, main)
      }
      const endButton = button('End turn', () => void endTurn(), { className: 'primary', 'data-guide': 'end-turn' })
      const turnStatus = h('p', { className: 'turn-status', role: 'status' })
      const progress = computerTurnProgress(scn, endButton, turnStatus)
      const outcomes = whatCouldHappen(session)
      stopOutcomes = () => outcomes.dispose()

      const startPlaytest = () => {
        if (session.resolving || main.inert) return
        void playtest(app)
      }
      onKey = (event) => {
        if (!app.settings.writerTools || !app.settings.singleKeyShortcuts || !isPlaytestKey(event)) return
        event.preventDefault()
        startPlaytest()
      }
      document.addEventListener('keydown', onKey)
      const changed = h('p', { className: 'rules-changed', role: 'status' })
      // Any change may touch this scenario or a base it extends: compare what it loads to now. (Playtest is a
      // scenario writer's tool: players are not told about it.)
      app.onScenariosChanged(() => {
        if (!app.settings.writerTools) return
        void loadEntry(app.host, session.listing).then((entry) => {
          if (disposed || app.session !== session) return
          const how = app.settings.singleKeyShortcuts ? 'Press P (Playtest)' : 'Use Playtest'
          changed.textContent =
            entry.scenario?.hash === session.scenario.hash
              ? ''
              : entry.scenario
                ? `The files of "${session.listing.folder}" changed. ${how} to play this game again from turn 1 on them.`
                : `The files of "${session.listing.folder}" changed and it cannot be loaded now. ${how} to see why.`
        })
      })

      const ladder = h(
        'ol',
        { className: 'ladder-list' },
        ladderView(scn, session.state).map((rung) =>
          h(
            'li',
            { className: rung.current ? 'current' : '', 'aria-current': rung.current ? 'step' : null, title: rung.description },
            withGlossary(scn, rung.name),
            rung.current ? h('strong', {}, ' ◀ now') : null,
          ),
        ),
      )
      const state = session.state
      const mapContainer = h('div', { className: 'map', 'aria-hidden': 'true' })
      const view = mapView(session, session.history[session.history.length - 1])
      const explorer = mapExplorer(view, mapContainer, mapLegend(app.settings))
      const guideSlot = h('div', { className: 'guide-slot' })
      const summary = h(
        'p',
        { className: 'map-summary' },
        withGlossary(
          scn,
          `Blocs: ${state.blocs[0].join(', ')} versus ${state.blocs[1].join(', ') || 'nobody'}. Rigidity ${Math.round(state.rigidity)} of 100.${state.impasse ? ' Impasse.' : ''}${state.quasiAlliance ? ` ${quasiAlliancePairNames(scn)} act as a quasi-alliance.` : ''}`,
        ),
      )
      const main = h(
        'main',
        { className: 'game' },
        h(
          'header',
          { className: 'game-header' },
          h('h1', {}, `Turn ${session.turn} of ${state.turnLimit} — ${turnDate(scn, session.turn)}`),
          h('p', { className: 'note scenario-name' }, scn.file.title),
          h(
            'p',
            { 'data-guide': 'score' },
            `Playing ${actorName(scn, actor)} · Score ${scoreText(scn, state, scn.roleByActor[actor]?.id ?? '')}`,
          ),
          noticeView(notice),
          changed,
          h(
            'nav',
            { className: 'toolbar', 'aria-label': 'Game', 'data-guide': 'toolbar' },
            button('Save', () => void saveAs(app)),
            app.settings.writerTools
              ? button('Playtest', startPlaytest, {
                  'aria-keyshortcuts': app.settings.singleKeyShortcuts ? 'P' : null,
                  title: 'Play this game again from turn 1 on the scenario as it is now, with the same seed and your choices',
                })
              : null,
            button('Source reader', () => openReader()),
            button('Charts', () => void import('./charts.ts').then((m) => app.show(m.chartsScreen(back)))),
            button('Settings', () => app.show(settingsScreen(back))),
            button('Main menu', () => app.show(titleScreen())),
          ),
        ),
        guideSlot,
        h(
          'div',
          { className: 'side' },
          h(
            'section',
            { className: 'plan', 'aria-labelledby': 'plan-title', 'data-guide': 'plan' },
            h('h2', { id: 'plan-title' }, `Your plan (${actorName(scn, actor)})`),
            returnedNotice(scn, session.returnedToActive),
            budget,
            planList,
            planEffect,
            h('div', { className: 'actions' }, undoButton, endButton, outcomes.toggle),
            statusLine,
            turnStatus,
          ),
          objectives,
          h(
            'aside',
            { className: 'ladder', 'aria-labelledby': 'ladder-title', 'data-guide': 'ladder' },
            h('h2', { id: 'ladder-title' }, 'Escalation ladder'),
            ladder,
          ),
        ),
        h(
          'section',
          { className: 'actions-panel', 'aria-labelledby': 'cards-title', 'data-guide': 'cards' },
          h('h2', { id: 'cards-title' }, 'Actions'),
          h('p', { className: 'note units' }, UNITS_NOTE),
          // Opened from the plan's "What could happen?": the tables want the cards' width.
          outcomes.panel,
          cards,
          glossaryStrip(scn),
        ),
        h('section', { className: 'world', 'aria-label': 'The world', 'data-guide': 'map' }, mapContainer, summary, explorer.element),
      )
      const guide = guidePanel(session, main)
      if (guide) guideSlot.append(guide)
      refreshPlan()
      void import('../../map/index.ts').then(async ({ createMap }) => {
        const renderer =
          new URLSearchParams(location.search).get('renderer') === 'webgl'
            ? 'webgl'
            : new URLSearchParams(location.search).get('renderer') === 'canvas'
              ? 'canvas'
              : 'auto'
        const settings = {
          reducedMotion: app.settings.reducedMotion,
          animationSpeed: app.settings.animationSpeed,
          colourBlindSafe: app.settings.colourBlindSafe,
          textScale: pageTextScale(),
        }
        // The map animates the events of an update whose turn is new: start one turn behind, then update.
        const handle = await createMap(mapContainer, { ...view, events: [], turn: view.turn - 1 }, settings, { renderer })
        handle.update(view)
        if (disposed) {
          handle.destroy()
          return
        }
        map = handle
        explorer.connect(handle)
        // For the end-to-end tests and the benchmark: the map of the screen on show (never a destroyed one).
        ;(window as unknown as { __redLines?: unknown }).__redLines = { map: handle }
      })
      return main
    },
  }
}
