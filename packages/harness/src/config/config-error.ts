/**
 * A problem in a user's configuration file. The executor prints it as one line,
 * `harness: <file>:<line>: <what is wrong>; <how to fix it>`, with no stack trace.
 */
export class HarnessConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
    readonly remedy: string,
  ) {
    super(`harness: ${file}:${line}: ${problem}; ${remedy}`);
    this.name = 'HarnessConfigError';
  }
}

export function isHarnessConfigError(error: unknown): error is HarnessConfigError {
  return error instanceof HarnessConfigError;
}

/**
 * A bad command-line value (a path or an option of `harness check`): there is no file line to
 * name, so the one line names the value instead, `harness: <value>: <what is wrong>; <fix>`.
 */
export class HarnessUsageError extends HarnessConfigError {
  constructor(subject: string, problem: string, remedy: string) {
    super(subject, 0, problem, remedy);
    this.message = `harness: ${subject}: ${problem}; ${remedy}`;
    this.name = 'HarnessUsageError';
  }
}
