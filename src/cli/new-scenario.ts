// `redlines new NAME`: a minimal valid scenario to start from — one source, two powers, one action, one rule,
// one role — every number marked as an assumption, with the JSON Schema beside it so editors check as you type.
// The tuning numbers (parameters, the computer's weights) are the tutorial's, said so in each assumption.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { ScenarioFile } from '../engine/index.ts'
import { CliError, UsageError } from './errors.ts'
import type { Output } from './output.ts'
import { schemaText } from './schema-text.ts'

const TUTORIAL = new URL('../../scenarios/tutorial/scenario.json', import.meta.url)
const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const SOURCE_TEXT = `Replace this file with the text your scenario is built on

Each non-empty line is a paragraph: citations name it by its number, counted from 1, and quote its words.

Alpha and Beta share a long border and an old quarrel over it.

When their leaders talk, the tension along the border eases for a while.
`

const TUNING_NOTE = "Copied from the tutorial scenario's tuning: ground it in your source or keep it as your assumption."

/** Every named number of a block (parameters, computer weights) as the tutorial has it, grounding replaced. */
function tuningOf(block: Record<string, { value: number }>): Record<string, { value: number; assumption: string }> {
  return Object.fromEntries(Object.entries(block).map(([name, entry]) => [name, { value: entry.value, assumption: TUNING_NOTE }]))
}

const cite = (paragraph: number, quote: string) => [{ source: 'source', paragraph, quote }]

export function minimalScenario(id: string, tutorial: ScenarioFile): ScenarioFile {
  const designer = (what: string) => `${what} is the designer's choice, not the source's.`
  return {
    $schema: './scenario.schema.json',
    formatVersion: tutorial.formatVersion,
    id,
    title: id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
    version: '0.1.0',
    description: 'A new scenario: two powers, one action and one rule to start from.',
    sources: [{ id: 'source', title: 'The text this scenario is built on', author: 'You', date: '2026-01-01', file: 'sources/source.txt' }],
    actors: [
      { id: 'ALP', name: 'Alpha', capability: 0.5, capital: { lon: 10, lat: 50 }, playable: true, assumption: designer('Its strength') },
      { id: 'BET', name: 'Beta', capability: 0.5, capital: { lon: 20, lat: 48 }, playable: true, assumption: designer('Its strength') },
    ],
    static: {
      baseline: { default: { value: 0, assumption: designer('No pull either way') }, pairs: [] },
      contact: [{ pair: ['ALP', 'BET'], citations: cite(3, 'share a long border') }],
    },
    start: {
      alignment: { default: { value: -0.2, citations: cite(3, 'an old quarrel over it') }, pairs: [] },
      tension: { default: { value: 0.3, citations: cite(3, 'an old quarrel over it') }, pairs: [] },
      readiness: { default: { value: 30, assumption: designer('Readiness at the start') }, actors: [] },
      standing: { default: { value: 0.2, assumption: designer('Standing at the start') }, actors: [] },
      commitment: { default: { value: 0, assumption: designer('No pacts at the start') }, pairs: [] },
      interdependence: { default: { value: 0.1, assumption: designer('Some trade') }, pairs: [] },
    },
    parameters: tuningOf(tutorial.parameters) as ScenarioFile['parameters'],
    computer: tuningOf(tutorial.computer) as ScenarioFile['computer'],
    ladder: [
      { id: 'calm', name: 'Calm', description: 'Nothing happens on the border.', up: 0, down: 0, assumption: designer('The bottom rung') },
      {
        id: 'crisis',
        name: 'Crisis',
        description: 'Troops face each other on the border.',
        up: 0.6,
        down: 0.5,
        assumption: designer('The threshold'),
      },
    ],
    actions: [
      {
        id: 'talks',
        name: 'Leaders talk',
        description: 'A meeting of the two leaders.',
        actors: ['ALP', 'BET'],
        targets: { min: 1, max: 1 },
        cost: 1,
        tags: ['diplomatic', 'de-escalation'],
        pinPrick: false,
        effects: [{ variable: 'tension', between: ['actor', 'targets'], delta: -0.05 }],
        citations: cite(4, 'the tension along the border eases'),
      },
    ],
    rules: [
      {
        id: 'talks-warm',
        kind: 'reaction',
        name: 'Talks warm relations',
        description: 'After the leaders talk, the two powers draw a little closer.',
        when: { actions: ['talks'] },
        effects: [{ variable: 'alignment', between: ['actor', 'targets'], delta: 0.02 }],
        citations: cite(4, 'When their leaders talk'),
        assumption: designer('How much closer'),
      },
    ],
    roles: [
      {
        id: 'alpha',
        actor: 'ALP',
        name: 'Alpha',
        description: 'Keep the border calm.',
        objectives: [
          {
            id: 'calm-border',
            description: 'Low tension with Beta',
            weight: 1,
            measure: { kind: 'tension', pair: ['ALP', 'BET'] },
            goal: 'low',
            citations: cite(4, 'the tension along the border eases'),
          },
        ],
      },
    ],
    turns: { ...tutorial.turns, citations: undefined, assumption: designer('The length of a turn and the capital per turn') },
  }
}

export async function newScenario(name: string, parent: string, out: Output): Promise<number> {
  if (!NAME.test(name) || name.length > 64)
    throw new UsageError(`"${name}" cannot name a scenario: use lower-case letters, digits and single hyphens, e.g. my-strait`)
  const folder = resolve(parent, name)
  try {
    await mkdir(folder, { recursive: false })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new CliError(
      code === 'EEXIST' ? `${folder} already exists: nothing was written` : `${folder}: cannot create the folder (${code})`,
    )
  }
  const tutorial = JSON.parse(await readFile(TUTORIAL, 'utf8')) as ScenarioFile
  const scenario = JSON.parse(JSON.stringify(minimalScenario(name, tutorial))) as ScenarioFile
  await mkdir(join(folder, 'sources'))
  await writeFile(join(folder, 'sources', 'source.txt'), SOURCE_TEXT, { flag: 'wx' })
  await writeFile(join(folder, 'scenario.json'), `${JSON.stringify(scenario, null, 2)}\n`, { flag: 'wx' })
  await writeFile(join(folder, 'scenario.schema.json'), schemaText(), { flag: 'wx' })
  out.line(`wrote ${join(folder, 'scenario.json')}, its source and its schema`)
  out.line(`next: redlines validate ${join(parent, name)}   (scenarios/MODDING.md explains every field)`)
  return 0
}
