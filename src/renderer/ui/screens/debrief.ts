// The debrief: what a game showed, for a class to talk about — the timeline of pin pricks and incidents,
// red lines tested, held or crossed, objectives, each role's rationales, every consequence with its
// passage, the scenario's claims, questions for discussion and what-ifs. It prints cleanly to PDF
// (debrief.css) and exports JSON and CSV. It needs only a scenario and a match, so the end screen, a
// loaded save and a class's record (rerunMatch on its setup and human turns) all open it the same way.
import type { CitationData, CompiledScenario, Match } from '../../../engine/index.ts'
import type { Debrief } from '../../../engine/debrief/index.ts'
import { buildDebrief } from '../../../engine/debrief/index.ts'
import type { App, Screen } from '../app.ts'
import { debriefConsequencesCsv, debriefJson, debriefTimelineCsv } from '../debrief-export.ts'
import { announce, button, h } from '../dom.ts'
import { consequencesSection } from './debrief-consequences.ts'
import {
  claimsSection,
  objectivesSection,
  outcomeSection,
  questionsSection,
  rationalesSection,
  redLinesSection,
  timelineSection,
} from './debrief-sections.ts'
import { whatIfSection } from './debrief-what-if.ts'
import { readerScreen } from './reader.ts'
import './debrief.css'

export interface DebriefScreenOptions {
  scenario: CompiledScenario
  match: Match
  /** Names to show for actors (a class's team names); the scenario's otherwise. */
  names?: Readonly<Record<string, string>>
  /** What the page is of, under its title ("Class 7B, Thursday"). */
  subtitle?: string
  /** Where Back goes (the end screen, the load list, the teacher's console). */
  onBack: () => void
  backLabel?: string
}

const CONTENTS: [string, string][] = [
  ['debrief-outcome', 'Outcome'],
  ['debrief-timeline', 'Timeline'],
  ['debrief-red-lines', 'Red lines'],
  ['debrief-objectives', 'Objectives'],
  ['debrief-rationales', 'Rationales'],
  ['debrief-consequences', 'Consequences'],
  ['debrief-claims', 'Claims'],
  ['debrief-questions', 'Questions'],
  ['debrief-what-if', 'What if…'],
]

function fileStem(debrief: Debrief): string {
  return `red-lines-debrief-${debrief.scenario.id}-seed-${debrief.setup.seed}`
}

export function debriefScreen(options: DebriefScreenOptions): Screen {
  const { scenario: scn, match } = options
  // Built once: the reader's Back comes back to the same page without building it again.
  let debrief: Debrief | null = null
  const screen: Screen = {
    name: 'debrief',
    title: 'Debrief',
    render(app: App) {
      debrief ??= buildDebrief(scn, match, { names: options.names })
      const data = debrief
      const onRead = (citation: CitationData) => app.show(readerScreen(scn, citation, () => app.show(screen)))
      const exportAs = async (suffix: string, text: string, what: string) => {
        const result = await app.host.exportFile(`${fileStem(data)}${suffix}`, text)
        announce(result.ok ? `${what} exported.` : `Export failed: ${result.message}`)
      }
      const jump = (id: string) => {
        const heading = document.getElementById(id)?.querySelector<HTMLElement>('h2')
        heading?.scrollIntoView({ block: 'start' })
        heading?.focus()
      }
      const played = data.setup.humans.map((id) => data.names[id] ?? id).join(', ')
      return h(
        'main',
        { className: 'debrief' },
        h('h1', {}, `Debrief: ${data.scenario.title}`),
        h(
          'p',
          { className: 'debrief-setup' },
          [
            options.subtitle,
            `Seed ${data.setup.seed}`,
            `${data.timeline.length} of ${data.setup.turnLimit} turns played`,
            `played by people: ${played || 'nobody'}`,
            `computer players: ${data.setup.difficulty}`,
            `scenario ${data.scenario.id} ${data.scenario.version}`,
          ]
            .filter(Boolean)
            .join(' · '),
        ),
        h(
          'div',
          { className: 'actions no-print' },
          button(options.backLabel ?? 'Back', options.onBack, { className: 'primary' }),
          button('Print or save as PDF', () => window.print()),
          button('Export debrief (JSON)', () => void exportAs('.json', debriefJson(data), 'The debrief')),
          button('Export timeline (CSV)', () => void exportAs('-timeline.csv', debriefTimelineCsv(data), 'The timeline')),
          button('Export consequences (CSV)', () => void exportAs('-consequences.csv', debriefConsequencesCsv(data), 'The consequences')),
        ),
        h(
          'nav',
          { className: 'debrief-contents no-print', 'aria-label': 'Sections of the debrief' },
          h(
            'ul',
            {},
            CONTENTS.map(([id, label]) =>
              h(
                'li',
                {},
                button(label, () => jump(id), { className: 'link' }),
              ),
            ),
          ),
        ),
        outcomeSection(data),
        timelineSection(data),
        redLinesSection(scn, data, onRead),
        objectivesSection(data, onRead),
        rationalesSection(data),
        consequencesSection(scn, data, onRead),
        claimsSection(data, onRead),
        questionsSection(data, onRead),
        match.turns.length > 0 ? whatIfSection(scn, match) : null,
      )
    },
  }
  return screen
}
