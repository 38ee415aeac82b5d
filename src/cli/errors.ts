/** Wrong usage of the command: exit code 2. */
export class UsageError extends Error {}

/** A failure the user can act on (missing file, invalid scenario): exit code 1, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly lines: string[] = [],
  ) {
    super(message)
  }
}
