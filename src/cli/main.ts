// The `redlines` command line: validate, simulate, batch, claims, dilemma, evidence, new, paths, schema, docs.
import { readFile, writeFile } from 'node:fs/promises'
import type { ParseArgsConfig } from 'node:util'
import { parseArgs } from 'node:util'
import { CliError, UsageError } from './errors.ts'
import type { Output } from './output.ts'
import { processOutput } from './output.ts'
import { COMMANDS, commandHelp, overview, version } from './help.ts'
import { asksForVersion } from './version.mjs'

// Each command's code is imported when that command runs, so that a command starts without compiling and running
// the others' (in the build, each is its own chunk): `validate` needs the scenario loader, not the game.
export const USAGE = overview()

function parse<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config)
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, ''))
  }
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
  level: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const

async function run(args: string[], out: Output): Promise<number> {
  const [command, ...rest] = args
  if (asksForVersion(args)) return (out.line(`redlines ${version()}`), 0)
  if (command === 'help' && rest.length > 0) {
    if (rest.length > 1 || !COMMANDS.includes(rest[0])) throw new UsageError(`help takes one command (${COMMANDS.join(', ')})`)
    return (out.line(commandHelp(rest[0])), 0)
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out.line(USAGE)
    return command === undefined ? 2 : 0
  }
  const help = () => (out.line(commandHelp(command)), 0)
  switch (command) {
    case 'validate': {
      const { values, positionals } = parse({
        args: rest,
        options: { help: { type: 'boolean', short: 'h' }, provenance: { type: 'boolean' }, watch: { type: 'boolean' } },
        allowPositionals: true,
        strict: true,
      })
      if (values.help) return help()
      if (positionals.length === 0) throw new UsageError('validate needs at least one scenario folder or file')
      if (values.watch) {
        if (positionals.length > 1) throw new UsageError('validate --watch takes one scenario folder')
        const { watchValidate } = await import('./watch.ts')
        return watchValidate(positionals, values, out)
      }
      const { validate } = await import('./validate.ts')
      return validate(positionals, values, out)
    }
    case 'simulate': {
      const { values } = parse({
        args: rest,
        strict: true,
        options: {
          ...GAME_OPTIONS,
          from: { type: 'string' },
          turn: { type: 'string' },
          choose: { type: 'string', multiple: true },
          'rule-off': { type: 'string', multiple: true },
        },
      })
      if (values.help) return help()
      const { simulate } = await import('./simulate.ts')
      return simulate(values, out)
    }
    case 'batch': {
      const { values } = parse({
        args: rest,
        strict: true,
        options: {
          ...GAME_OPTIONS,
          runs: { type: 'string' },
          workers: { type: 'string' },
          from: { type: 'string' },
          games: { type: 'string' },
          choose: { type: 'string', multiple: true },
          jsonl: { type: 'boolean' },
          csv: { type: 'boolean' },
        },
      })
      if (values.help) return help()
      const { batch } = await import('./batch.ts')
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
      if (values.help) return help()
      const { claims } = await import('./claims.ts')
      return claims(values, out)
    }
    case 'dilemma': {
      const { values } = parse({
        args: rest,
        strict: true,
        options: { ...MEASURE_OPTIONS, turns: { type: 'string' } },
      })
      if (values.help) return help()
      const { dilemma } = await import('./dilemma.ts')
      return dilemma(values, out)
    }
    case 'schema': {
      const { values } = parse({ args: rest, strict: true, options: { help: { type: 'boolean', short: 'h' }, write: { type: 'string' } } })
      if (values.help) return help()
      const { schemaText } = await import('./schema-text.ts')
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
      if (values.help) return help()
      if (positionals.length !== 1) throw new UsageError('evidence needs one scenario folder')
      const { evidence } = await import('./evidence.ts')
      return evidence(positionals[0], values, out)
    }
    case 'paths': {
      const { values } = parse({ args: rest, strict: true, options: { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' } } })
      if (values.help) return help()
      const { paths } = await import('./paths.ts')
      return paths(values, out)
    }
    case 'docs': {
      const { values } = parse({
        args: rest,
        strict: true,
        options: { help: { type: 'boolean', short: 'h' }, write: { type: 'string' }, check: { type: 'string' } },
      })
      if (values.help) return help()
      return docs(values, out)
    }
    case 'new': {
      const { values, positionals } = parse({
        args: rest,
        strict: true,
        allowPositionals: true,
        options: { help: { type: 'boolean', short: 'h' }, in: { type: 'string' } },
      })
      if (values.help) return help()
      if (positionals.length !== 1) throw new UsageError('new needs one name, e.g. redlines new my-scenario')
      const { newScenario } = await import('./new-scenario.ts')
      return newScenario(positionals[0], values.in ?? '.', out)
    }
    default:
      throw new UsageError(`unknown command "${command}" (commands: ${COMMANDS.join(', ')})`)
  }
}

async function docs(flags: { write?: string; check?: string }, out: Output): Promise<number> {
  const file = flags.write ?? flags.check
  if (flags.write && flags.check) throw new UsageError('docs takes --write or --check, not both')
  const { updateGeneratedSections } = await import('./modding-reference.ts')
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
