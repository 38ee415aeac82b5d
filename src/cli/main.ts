// The `redlines` command line: validate, simulate, batch, schema.
import { writeFile } from 'node:fs/promises'
import type { ParseArgsConfig } from 'node:util'
import { parseArgs } from 'node:util'
import { scenarioJsonSchema } from '../engine/index.ts'
import { batch } from './batch.ts'
import { CliError, UsageError } from './errors.ts'
import type { Output } from './output.ts'
import { processOutput } from './output.ts'
import { simulate } from './simulate.ts'
import { validate } from './validate.ts'

export const USAGE = `Usage: redlines <command> [options]

Commands:
  validate <scenario folder or file>...   check scenarios; every problem on its own line
  simulate --scenario <folder> [--seed N] [--turns K] [--difficulty easy|normal|hard]
           [--script FILE] [--others ai|none] [--json]
                                          play one game (turn summaries, or one JSON document)
  batch    --scenario <folder> --runs N [--seed S] [--turns K] [--difficulty D]
           [--script FILE] [--others ai|none] [--workers W] [--json]
                                          play N games and report the distribution of outcomes
  schema   [--write FILE]                 print (or write) the scenario JSON Schema

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
        options: { help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      })
      if (values.help) return (out.line(USAGE), 0)
      if (positionals.length === 0) throw new UsageError('validate needs at least one scenario folder or file')
      return validate(positionals, out)
    }
    case 'simulate': {
      const { values } = parse({
        args: rest,
        strict: true,
        options: {
          help: { type: 'boolean', short: 'h' },
          scenario: { type: 'string' },
          seed: { type: 'string' },
          turns: { type: 'string' },
          difficulty: { type: 'string' },
          script: { type: 'string' },
          others: { type: 'string' },
          json: { type: 'boolean' },
        },
      })
      if (values.help) return (out.line(USAGE), 0)
      return simulate(values, out)
    }
    case 'batch': {
      const { values } = parse({
        args: rest,
        strict: true,
        options: {
          help: { type: 'boolean', short: 'h' },
          scenario: { type: 'string' },
          runs: { type: 'string' },
          seed: { type: 'string' },
          turns: { type: 'string' },
          difficulty: { type: 'string' },
          script: { type: 'string' },
          workers: { type: 'string' },
          others: { type: 'string' },
          json: { type: 'boolean' },
        },
      })
      if (values.help) return (out.line(USAGE), 0)
      return batch(values, out)
    }
    case 'schema': {
      const { values } = parse({ args: rest, strict: true, options: { help: { type: 'boolean', short: 'h' }, write: { type: 'string' } } })
      if (values.help) return (out.line(USAGE), 0)
      if (values.write) {
        await writeFile(values.write, schemaText())
        out.err(`wrote ${values.write}`)
      } else {
        process.stdout.write(schemaText())
      }
      return 0
    }
    default:
      throw new UsageError(`unknown command "${command}" (commands: validate, simulate, batch, schema)`)
  }
}

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
      for (const line of error.lines) out.line(line)
      out.err(`redlines: ${error.message}`)
      return 1
    }
    out.err(`redlines: internal error: ${(error as Error)?.message ?? String(error)}`)
    return 1
  }
}
