// What `redlines --help`, `redlines help COMMAND` and `COMMAND --help` print.
import { packageVersion } from './version.mjs'

const LENS_NOTE = `--lens NAME plays another reading of the scenario: an extension of it that declares a "lens", found
among the folders beside it and your own scenarios, by id, name or short name ("values"); "default" is
the scenario itself.`

const EXIT_CODES = 'Exit codes: 0 success, 1 failure (invalid scenario, missing file), 2 wrong usage.'

/** Each command's usage line(s) and what it does, in the order the overview lists them. */
export const COMMAND_HELP: Record<string, { usage: string; summary: string; details?: string }> = {
  validate: {
    usage: `validate <scenario folder or file>... [--provenance]
  validate --watch <scenario folder>`,
    summary: 'check scenarios; every problem on its own line; for an extension, what it changes',
    details: `--provenance  where every item of an extension comes from (base or extension)
--watch       check again on every save, until Ctrl+C`,
  },
  simulate: {
    usage: `simulate --scenario <folder> [--lens NAME] [--seed N] [--turns K] [--difficulty easy|normal|hard]
           [--level ACTOR=LEVEL]... [--script FILE] [--others ai|none] [--json]
  simulate --from <save file> --turn K [--choose ROLE=action[:targets][+partners]]... [--rule-off RULE]...
           [--scenario <folder>] [--json]`,
    summary: 'play one game (turn summaries, or one JSON document), or a saved game again from a turn (what if)',
    details: `--script FILE   a JSON file of turns: {"1": {"USA": [{"action": "sanctions", "targets": ["RUS"]}]}, …}
--others none   the powers the script does not name pass instead of being played by the computer
--level ACTOR=LEVEL  one power played by the computer at another level than --difficulty (repeatable)
${LENS_NOTE}

What if: --from SAVE --turn K plays the saved game again from turn K to the end with the same seed,
the turns before K as they were and the people's later choices where the rules still allow them.
--choose ROLE=action[:targets][+partners]   instead of what ROLE chose in turn K (repeat for several
                actions; ROLE=pass for none), e.g. USA=sanctions:RUS or CHN=joint-air-patrol:JPN+RUS.
                ROLE is a role played by people, by actor id (USA) or role id (united-states)
--rule-off RULE the rule with this id switched off from turn K on (repeatable)
--scenario DIR  where the save's scenario is, when not where the save says (shipped or yours)
Prints both timelines, where they first differ, and both endings; --json as one document.`,
  },
  batch: {
    usage: `batch --scenario <folder> [--lens NAME] --runs N [--seed S] [--turns K] [--difficulty D]
           [--level ACTOR=LEVEL]... [--script FILE] [--others ai|none] [--workers W] [--json | --jsonl | --csv]
       batch --from SAVE [--games N] [--choose ROLE=action[:targets][+partners]]... [--scenario DIR] [--json]`,
    summary: 'play N games and report the distribution of outcomes',
    details: `--level ACTOR=LEVEL  one power played by the computer at another level than --difficulty, e.g.
          --level USA=hard --level CHN=easy (repeatable)
--json    the summary as one JSON document
--jsonl   one JSON line per game: seed, turns, outcome flags, each role's score, every pair's final
          alignment, incidents (for R, pandas and jq)
--csv     the same, one row per game, with a byte-order mark so spreadsheets read it as UTF-8
${LENS_NOTE}

What could happen: --from SAVE plays N games (--games, default 200) from the saved position to the end
with one power's plan for the next turn (--choose, as for simulate; none: the save's first player passing)
and N games with it passing, every power played by the computer after that turn; each game's dice come
from the save's seed and the game's number, so the numbers are those the game's "What could happen?" shows.
Prints how the games end (rigid blocs, impasse, quasi-alliance, armed clash) and each role's score (mean ±
spread) for the plan and for passing, side by side; --json as one document.`,
  },
  claims: {
    usage: `claims --scenario <folder> [--lens NAME] [--runs N] [--seed S] [--sensitivity] [--joint K]
           [--claim ID]... [--json]`,
    summary: 'test the claims the scenario declares: holds or not, the effect with its 95% interval',
    details: `Over N paired seeds (default 30). --sensitivity: the share still holding with every assumed number
±20%, one at a time and at K joint points (default 64). Exit 1 when a claim fails (or, with
--sensitivity, is not robust).`,
  },
  dilemma: {
    usage: 'dilemma --scenario <folder> [--lens NAME] [--runs N] [--seed S] [--turns K] [--json]',
    summary: "the security dilemma, measured on the scenario's policies",
    details: `Per role, each policy's score against the computer players and in a quiet world, how far it moves
the world, and mutual restraint against mutual hostility (default 40 seeds).`,
  },
  evidence: {
    usage: 'evidence <scenario folder> [--json]',
    summary: 'for each paragraph of each source, what cites it; the share grounded in the text versus assumed',
  },
  new: {
    usage: 'new <name> [--in FOLDER]',
    summary: 'write a minimal valid scenario (one source, one action, one rule) ready to edit',
    details: `Creates FOLDER/<name>/ (default: the current folder) with scenario.json and sources/source.txt; it
never overwrites anything. Then: redlines validate <name>`,
  },
  paths: {
    usage: 'paths [--json]',
    summary: 'where the desktop edition keeps your scenarios, saves and settings',
  },
  schema: {
    usage: 'schema [--write FILE]',
    summary: 'print (or write) the scenario JSON Schema',
  },
  docs: {
    usage: 'docs [--write FILE | --check FILE]',
    summary: 'print the generated parts of scenarios/MODDING.md, or rewrite them in FILE (--check: exit 1 if stale)',
  },
}

export const COMMANDS = Object.keys(COMMAND_HELP)

export function overview(): string {
  const lines = ['Usage: redlines <command> [options]', '       redlines help <command>', '       redlines --version', '', 'Commands:']
  for (const [name, help] of Object.entries(COMMAND_HELP)) lines.push(`  ${name.padEnd(9)} ${help.summary}`)
  lines.push('', `Run "redlines help <command>" (or "redlines <command> --help") for its options.`, '', EXIT_CODES)
  return lines.join('\n')
}

export function commandHelp(command: string): string {
  const help = COMMAND_HELP[command]
  const lines = [`Usage: redlines ${help.usage}`, '', `${help.summary[0].toUpperCase()}${help.summary.slice(1)}.`]
  if (help.details) lines.push('', help.details)
  lines.push('', EXIT_CODES)
  return lines.join('\n')
}

/** The version in package.json (the command and the app share it). */
export function version(): string {
  return packageVersion()
}
