// The `redlines` command line: validate, simulate, batch, claims, dilemma, evidence, paths, schema, docs.
import { readFile, writeFile } from 'node:fs/promises'
import type { ParseArgsConfig } from 'node:util'
import { parseArgs } from 'node:util'
import { scenarioJsonSchema } from '../engine/index.ts'
import { batch } from './batch.ts'
import { claims } from './claims.ts'
import { dilemma } from './dilemma.ts'
import { CliError, UsageError } from './errors.ts'
import type { Output } from './output.ts'
import { processOutput } from './output.ts'
import { simulate } from './simulate.ts'
import { validate } from './validate.ts'
import { watchValidate } from './watch.ts'
import { evidence } from './evidence.ts'
import { paths } from './paths.ts'
import { updateGeneratedSections } from './modding-reference.ts'

export const USAGE = `Usage: redlines <command> [options]

Commands:
  validate <scenario folder or file>... [--provenance]
                                          check scenarios; every problem on its own line; for an
                                          extension, what it changes (--provenance: where every item
                                          comes from)
  validate --watch <scenario folder>      check again on every save, until Ctrl+C
  simulate --scenario <folder> [--lens NAME] [--seed N] [--turns K] [--difficulty easy|normal|hard]
           [--script FILE] [--others ai|none] [--json]
                                          play one game (turn summaries, or one JSON document)
  batch    --scenario <folder> [--lens NAME] --runs N [--seed S] [--turns K] [--difficulty D]
           [--script FILE] [--others ai|none] [--workers W] [--json]
                                          play N games and report the distribution of outcomes
  claims   --scenario <folder> [--lens NAME] [--runs N] [--seed S] [--sensitivity] [--joint K]
           [--claim ID]... [--json]       test the claims the scenario declares: holds or not, the effect
                                          with its 95% interval over N paired seeds (default 30);
                                          --sensitivity: the share still holding with every assumed
                                          number ±20%, one at a time and at K joint points (default 64).
                                          Exit 1 when a claim fails (or, with --sensitivity, is not robust)
  dilemma  --scenario <folder> [--lens NAME] [--runs N] [--seed S] [--turns K] [--json]
                                          the security dilemma, measured on the scenario's policies: per
                                          role, each policy's score against the computer players and in a
                                          quiet world, how far it moves the world, and mutual restraint
                                          against mutual hostility (default 40 seeds)
  evidence <scenario folder> [--json]     for each paragraph of each source, what cites it; the share
                                          of the scenario grounded in the text versus assumed
  paths    [--json]                       where the desktop edition keeps your scenarios, saves, settings
  schema   [--write FILE]                 print (or write) the scenario JSON Schema
  docs     [--write FILE | --check FILE]  print the generated parts of scenarios/MODDING.md, or rewrite
                                          them in FILE (--check: exit 1 if FILE is stale)

--lens NAME plays another reading of the scenario: an extension of it that declares a "lens", found
among the folders beside it and your own scenarios, by id, name or short name ("values"); "default" is
the scenario itself.

Exit codes: 0 success, 1 failure (invalid scenario, missing file), 2 wrong usage.`

function parse<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config)
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, ''))
  }
}

export function schemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`
}

/** The flags claims and dilemma share: many paired games of one scenario. */
const MEASURE_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  scenario: { type: 'string' },
  lens: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean' },
} as const

/** The flags simulate and batch share. */
const GAME_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  scenario: { type: 'string' },
  lens: { type: 'string' },
  seed: { type: 'string' },
  turns: { type: 'string' },
  difficulty: { type: 'string' },
  script: { type: 'string' },
  others: { type: 'string' },
  json: { type: 'boolean' },
} as const

async function run(args: string[], out: Output): Promise<number> {
  const [command, ...rest] = args
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out.line(USAGE)
    return command === undefined ? 2 : 0
  }
  switch (command) {
    case 'validate': {
      const { values, positionals } = parse({
        args: rest,
        options: { help: { type: 'boolean', short: 'h' }, provenance: { type: 'boolean' }, watch: { type: 'boolean' } },
        allowPositionals: true,
        strict: true,
      })
      if (values.help) return (out.line(USAGE), 0)
      if (positionals.length === 0) throw new UsageError('validate needs at least one scenario folder or file')
      if (values.watch) {
        if (positionals.length > 1) throw new UsageError('validate --watch takes one scenario folder')
        return watchValidate(positionals, values, out)
      }
      return validate(positionals, values, out)
    }
    case 'simulate': {
      const { values } = parse({ args: rest, strict: true, options: { ...GAME_OPTIONS } })
      if (values.help) return (out.line(USAGE), 0)
      return simulate(values, out)
    }
    case 'batch': {
      const { values } = parse({
        args: rest,
        strict: true,
        options: { ...GAME_OPTIONS, runs: { type: 'string' }, workers: { type: 'string' } },
      })
      if (values.help) return (out.line(USAGE), 0)
      return batch(values, out)
    }
    case 'claims': {
      const { values } = parse({
        args: rest,
        strict: true,
        options: {
          ...MEASURE_OPTIONS,
          sensitivity: { type: 'boolean' },
          joint: { type: 'string' },
          claim: { type: 'string', multiple: true },
        },
      })
      if (values.help) return (out.line(USAGE), 0)
      return claims(values, out)
    }
    case 'dilemma': {
      const { values } = parse({
        args: rest,
        strict: true,
        options: { ...MEASURE_OPTIONS, turns: { type: 'string' } },
      })
      if (values.help) return (out.line(USAGE), 0)
      return dilemma(values, out)
    }
    case 'schema': {
      const { values } = parse({ args: rest, strict: true, options: { help: { type: 'boolean', short: 'h' }, write: { type: 'string' } } })
      if (values.help) return (out.line(USAGE), 0)
      if (values.write) {
        await writeFile(values.write, schemaText()).catch((error: NodeJS.ErrnoException) => {
          throw new CliError(`${values.write}: cannot write the schema (${error.code ?? error.message})`)
        })
        out.err(`wrote ${values.write}`)
      } else {
        process.stdout.write(schemaText())
      }
      return 0
    }
    case 'evidence': {
      const { values, positionals } = parse({
        args: rest,
        strict: true,
        allowPositionals: true,
        options: { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' } },
      })
      if (values.help) return (out.line(USAGE), 0)
      if (positionals.length !== 1) throw new UsageError('evidence needs one scenario folder')
      return evidence(positionals[0], values, out)
    }
    case 'paths': {
      const { values } = parse({ args: rest, strict: true, options: { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' } } })
      if (values.help) return (out.line(USAGE), 0)
      return paths(values, out)
    }
    case 'docs': {
      const { values } = parse({
        args: rest,
        strict: true,
        options: { help: { type: 'boolean', short: 'h' }, write: { type: 'string' }, check: { type: 'string' } },
      })
      if (values.help) return (out.line(USAGE), 0)
      return docs(values, out)
    }
    default:
      throw new UsageError(
        `unknown command "${command}" (commands: validate, simulate, batch, claims, dilemma, evidence, paths, schema, docs)`,
      )
  }
}

async function docs(flags: { write?: string; check?: string }, out: Output): Promise<number> {
  const file = flags.write ?? flags.check
  if (flags.write && flags.check) throw new UsageError('docs takes --write or --check, not both')
  if (!file) {
    out.line(updateGeneratedSections(GENERATED_TEMPLATE))
    return 0
  }
  let current: string
  try {
    current = await readFile(file, 'utf8')
  } catch {
    throw new CliError(`${file}: cannot read the file`)
  }
  let updated: string
  try {
    updated = updateGeneratedSections(current)
  } catch (error) {
    throw new CliError(`${file}: ${(error as Error).message}`)
  }
  if (flags.check) {
    if (updated === current) return (out.err(`${file} is up to date`), 0)
    throw new CliError(`${file} is stale: run "redlines docs --write ${file}"`)
  }
  if (updated !== current) await writeFile(file, updated)
  out.err(updated === current ? `${file} was already up to date` : `wrote ${file}`)
  return 0
}

const GENERATED_TEMPLATE = [
  '<!-- BEGIN GENERATED field-reference -->',
  '<!-- END GENERATED field-reference -->',
  '',
  '<!-- BEGIN GENERATED diagnostics -->',
  '<!-- END GENERATED diagnostics -->',
].join('\n')

/** Runs the command; every failure becomes one clear line and an exit code, never a stack trace. */
export async function main(args: string[], out: Output = processOutput): Promise<number> {
  try {
    return await run(args, out)
  } catch (error) {
    if (error instanceof UsageError) {
      out.err(`redlines: ${error.message}`)
      out.err(`Run "redlines --help" for usage.`)
      return 2
    }
    if (error instanceof CliError) {
      for (const line of error.lines) out.err(line)
      out.err(`redlines: ${error.message}`)
      return 1
    }
    out.err(`redlines: internal error: ${(error as Error)?.message ?? String(error)}`)
    return 1
  }
}
